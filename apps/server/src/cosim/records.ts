import type { JobClaim, Repositories, SolutionData } from '../data';
import type { CosimResult, CosimIteration } from './types';

/** cosim.start puts the run's id in the job's stored input; a cosim job enqueued otherwise has no run. */
const runIdOf = (input: unknown): string | undefined => {
  const id = (input as { runId?: unknown } | null)?.runId;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Keeps a cosim job's CosimRun up to date: each iteration is stored the moment the solver reports
 * it, so a crash leaves the completed iterations behind, and the run ends with the job's status.
 */
export const cosimRecords = {
  async record(repos: Repositories, claim: JobClaim, input: unknown, record: unknown): Promise<void> {
    const runId = runIdOf(input);
    if (runId) await repos.cosim.storeIteration(claim, runId, record as CosimIteration);
  },
  async ended(repos: Repositories, input: unknown, end: { result: 'succeeded' | 'failed' | 'cancelled'; solution?: SolutionData | undefined }): Promise<void> {
    const runId = runIdOf(input);
    if (!runId) return;
    const converged = end.result === 'succeeded' && end.solution !== undefined && (end.solution.plan as CosimResult).converged && end.solution.check.feasible;
    await repos.cosim.finish(runId, end.result, converged);
  },
};
