import type { z } from 'zod';
import type { JobProgress, SolutionData } from '../data';

export interface SolveContext {
  seed: number;
  timeLimitSec?: number | undefined;
  signal: AbortSignal;
  onProgress(progress: JobProgress): void;
}

/** What a solver returns; the runner adds the checker's verdict, the seed and the time. */
export type SolveOutcome = Omit<SolutionData, 'check' | 'seed' | 'solveSec'>;

/**
 * One kind of job: how its input is validated, how it is solved, and how the result is checked by
 * code that shares nothing with the solver's model. Domain packages plug in here as they land.
 */
export interface ProblemType<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  input: Schema;
  solve(input: z.output<Schema>, ctx: SolveContext): Promise<SolveOutcome>;
  check(input: z.output<Schema>, outcome: SolveOutcome): SolutionData['check'];
}

export function defineProblem<Schema extends z.ZodType>(p: ProblemType<Schema>): ProblemType<Schema> {
  return p;
}
