import type { DcOpfResult } from '@gridhaul/grid';
import type { DerivedRecords, Job, SolutionData } from '../data';
import type { LmpInput } from './problems/lmp';

/**
 * Records a finished job brings besides its solution, per problem type; stored in the same
 * transaction as the solution, so a client that sees the job succeeded sees them too.
 */
const derive: Record<string, (job: Job, input: unknown, solution: SolutionData) => DerivedRecords> = {
  /** LMPs become a price series linked to the job (and to the grid network when known). */
  lmp: (job, raw, solution) => {
    const input = raw as LmpInput;
    const result = solution.plan as DcOpfResult;
    return {
      priceSeries: [
        {
          name: input.seriesName ?? `LMPs of job ${job.id}`,
          networkId: input.gridNetworkId,
          stepH: input.stepH ?? 1,
          points: result.periods.flatMap((p, period) =>
            p.buses.map((b) => ({ bus: b.bus, period, scenario: 0, lmpPerMWh: b.lmp, energyPerMWh: b.energy, congestionPerMWh: b.congestion, lossPerMWh: b.loss })),
          ),
        },
      ],
    };
  },
};

export function derivedRecords(job: Job, input: unknown, solution: SolutionData): DerivedRecords {
  return solution.objective === null ? {} : (derive[job.problemType]?.(job, input, solution) ?? {});
}
