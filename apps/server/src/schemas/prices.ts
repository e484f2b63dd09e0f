import { z } from 'zod';
import { timestamp } from './common';

/** A stored LMP series without its points (response). */
export const priceSeriesSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  networkId: z.string().nullable(),
  jobId: z.string().nullable().describe('the job that computed it, if any'),
  stepH: z.number(),
  createdAt: timestamp,
  points: z.number().int().describe('number of stored points'),
});

/** One stored price, $/MWh: lmp = energy + congestion + loss. */
export const pricePointData = z.strictObject({
  bus: z.number().int(),
  period: z.number().int(),
  scenario: z.number().int(),
  lmpPerMWh: z.number(),
  energyPerMWh: z.number(),
  congestionPerMWh: z.number(),
  lossPerMWh: z.number(),
});

export const priceQueryResult = z.strictObject({ series: priceSeriesSummary, points: z.array(pricePointData) });
