import { z } from 'zod';
import { timestamp } from './common';

/** What a solver reported last; everything but the clock is optional. */
export const jobProgress = z.strictObject({
  timeSec: z.number(),
  incumbent: z.number().optional(),
  bound: z.number().optional(),
  gap: z.number().optional().describe('relative MIP gap, 0.01 = 1 %'),
  iteration: z.number().optional(),
  message: z.string().optional(),
});

/** A solve job (response). */
export const job = z.strictObject({
  id: z.string(),
  problemType: z.string(),
  scenarioId: z.string().nullable(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  seed: z.number().int(),
  timeLimitSec: z.number().nullable(),
  progress: jobProgress.nullable(),
  attempts: z.number().int(),
  workerId: z.string().nullable(),
  cancelRequested: z.boolean(),
  error: z.strictObject({ tag: z.string(), message: z.string() }).nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});

/** The independent checker's verdict on a solution. */
export const solutionCheck = z.strictObject({ feasible: z.boolean(), objective: z.number().nullable(), problems: z.array(z.string()) });

/** A finished job's solution (response); `plan` has the shape of its problem type. */
export const solution = z.strictObject({
  id: z.string(),
  jobId: z.string(),
  status: z.string(),
  objective: z.number().nullable(),
  costs: z.record(z.string(), z.number()),
  plan: z.unknown().describe("the problem type's plan (see jobs.problemTypes)"),
  check: solutionCheck,
  seed: z.number().int(),
  solveSec: z.number(),
  createdAt: timestamp,
});

export const problemTypeInfo = z.strictObject({ name: z.string(), description: z.string() });
