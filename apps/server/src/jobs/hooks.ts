import type { DcOpfResult } from '@gridhaul/grid';
import { cosimRecords } from '../cosim/records';
import type { DerivedRecords, Job, JobClaim, Repositories, SolutionData } from '../data';
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

/** How a job ended, for a record keeper (a stale attempt's end is not reported). */
export interface JobEnd {
  result: 'succeeded' | 'failed' | 'cancelled';
  solution?: SolutionData | undefined;
}

/**
 * Problem types that keep records of their own while the solve runs (a co-simulation's iterations):
 * `record` stores what the solver reports with a progress report's `record`, at once and in order,
 * only while the claim owns the job; `ended` closes them when the job has ended.
 */
export interface RecordKeeper {
  record(repos: Repositories, claim: JobClaim, input: unknown, record: unknown): Promise<void>;
  ended(repos: Repositories, input: unknown, end: JobEnd): Promise<void>;
}

const keepers: Record<string, RecordKeeper> = { cosim: cosimRecords };

export function recordKeeper(problemType: string): RecordKeeper | undefined {
  return keepers[problemType];
}
