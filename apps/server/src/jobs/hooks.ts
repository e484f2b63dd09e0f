import type { Job, Repositories, Solution } from '../data';
import type { DcOpfResult } from '@gridhaul/grid';
import type { LmpInput } from './problems/lmp';

/**
 * What the service does with a finished job besides storing its solution, per problem type. Runs in
 * the process that recorded the result (never in the solver thread).
 */
const afterSuccess: Record<string, (repos: Repositories, job: Job, input: unknown, solution: Omit<Solution, 'id' | 'jobId' | 'createdAt'>) => Promise<void>> = {
  /** LMPs become a stored price series linked to the job (and to the grid network when known). */
  lmp: async (repos, job, raw, solution) => {
    const input = raw as LmpInput;
    const result = solution.plan as DcOpfResult;
    await repos.prices.create({
      name: input.seriesName ?? `LMPs of job ${job.id}`,
      networkId: input.gridNetworkId,
      jobId: job.id,
      stepH: input.stepH ?? 1,
      points: result.periods.flatMap((p, period) =>
        p.buses.map((b) => ({ bus: b.bus, period, scenario: 0, lmpPerMWh: b.lmp, energyPerMWh: b.energy, congestionPerMWh: b.congestion, lossPerMWh: b.loss })),
      ),
    });
  },
};

export async function runAfterSuccess(repos: Repositories, job: Job, input: unknown, solution: Omit<Solution, 'id' | 'jobId' | 'createdAt'>): Promise<void> {
  await afterSuccess[job.problemType]?.(repos, job, input, solution);
}
