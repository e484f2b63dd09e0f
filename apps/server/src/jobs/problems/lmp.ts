import { InputError } from '@gridhaul/common';
import { checkDcOpf, networkFromJson, solveDcOpf, solveMultiPeriodDcOpf, type DcOpfResult, type PeriodProfile } from '@gridhaul/grid';
import { z } from 'zod';
import { defineProblem } from '../problem-type';

const busSeries = z.object({ bus: z.number().int().positive(), mw: z.array(z.number()).max(100_000) });

/** DC-OPF locational marginal prices for a network (gridhaul.network JSON), one period or a profile. */
export const lmpInput = z
  .object({
    network: z.record(z.string(), z.unknown()),
    convention: z.enum(['matpower', 'powermodels-dcp']).default('matpower'),
    profile: z
      .object({
        periods: z.number().int().min(1).max(8760),
        loadScale: z.array(z.number().nonnegative()).max(8760).optional(),
        storageMW: z.array(busSeries).max(10_000).optional(),
        renewableMW: z.array(busSeries).max(10_000).optional(),
      })
      .optional(),
    /** Period length, h (for the stored price series). */
    stepH: z.number().positive().max(24).default(1),
    /** Where the resulting series is filed (set by prices.compute). */
    gridNetworkId: z.string().max(100).optional(),
    seriesName: z.string().max(200).optional(),
  })
  .superRefine((input, ctx) => {
    try {
      networkFromJson(input.network);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['network', ...error.field.split(/[.[\]]+/).filter(Boolean)], message: error.message });
    }
  });

export type LmpInput = z.output<typeof lmpInput>;

const profileOf = (p: NonNullable<LmpInput['profile']>): PeriodProfile => ({
  periods: p.periods,
  ...(p.loadScale ? { loadScale: p.loadScale } : {}),
  ...(p.storageMW ? { storageMW: p.storageMW } : {}),
  ...(p.renewableMW ? { renewableMW: p.renewableMW } : {}),
});

export const lmpProblem = defineProblem({
  name: 'lmp',
  description: 'DC-OPF dispatch and LMPs ($/MWh, split into energy and congestion) with @gridhaul/grid, for one period or a load/storage profile.',
  input: lmpInput,
  async solve(input, ctx) {
    const network = networkFromJson(input.network);
    const solver = { signal: ctx.signal, randomSeed: ctx.seed, ...(ctx.timeLimitSec !== undefined ? { timeLimitSec: ctx.timeLimitSec } : {}) };
    const options = { convention: input.convention, solver };
    ctx.onProgress({ timeSec: 0, message: `DC-OPF of ${network.name}, ${network.buses.length} buses` });
    const result = input.profile ? await solveMultiPeriodDcOpf(network, profileOf(input.profile), options) : await solveDcOpf(network, options);
    const solved = result.status === 'optimal';
    return {
      status: result.status,
      objective: solved ? result.objective : null,
      costs: solved ? { generationUsd: result.objective } : {},
      plan: JSON.parse(JSON.stringify(result)) as DcOpfResult,
    };
  },
  check(input, outcome) {
    if (outcome.status !== 'optimal') return { feasible: false, objective: null, problems: [`no optimal dispatch (status ${outcome.status})`] };
    const report = checkDcOpf(networkFromJson(input.network), outcome.plan as DcOpfResult);
    return { feasible: report.ok, objective: (outcome.plan as DcOpfResult).objective, problems: [...report.violations] };
  },
});
