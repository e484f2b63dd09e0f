import { z } from 'zod';
import { timestamp } from './common';

/** A stored scenario without its document (response). */
export const scenarioSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  problemType: z.string(),
  clonedFromId: z.string().nullable(),
  createdAt: timestamp,
});

/** A stored scenario with its validated, unit-normalised document (response). */
export const scenario = scenarioSummary.extend({ document: z.record(z.string(), z.unknown()) });

/** One problem in a request or document: dotted field path and what is wrong. */
export const problem = z.strictObject({ field: z.string(), message: z.string() });

export const scenarioValidation = z.strictObject({ valid: z.boolean(), problems: z.array(problem) });
