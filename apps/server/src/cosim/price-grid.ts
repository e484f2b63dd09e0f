import { dcParameters, networkFromJson, periodLoadsMW, type BusSeries, type DcConvention, type DcOpfResult } from '@gridhaul/grid';
import { lmpProblem, type LmpInput } from '../jobs/problems/lmp';
import { CosimError, CosimErrorTag } from './errors';
import type { BusPrices, BusSchedule, PricedGrid } from './types';

/** The grid side of a co-simulation: an 'lmp' job's input without the storage. */
export interface GridProfile {
  /** gridhaul.network JSON. */
  readonly network: Record<string, unknown>;
  readonly convention: DcConvention;
  readonly stepH: number;
  readonly periods: number;
  readonly loadScale?: readonly number[] | undefined;
  readonly renewableMW?: readonly BusSeries[] | undefined;
}

/**
 * Prices storage schedules exactly as an 'lmp' job would (the same solve and the same independent
 * DC-OPF check), and verifies that each bus's load in the result is its base load plus the
 * schedule, so a schedule can never be priced without being in the model.
 */
export function gridPricer(grid: GridProfile, opts: { seed: number; signal?: AbortSignal | undefined }): (schedule: readonly BusSchedule[]) => Promise<PricedGrid> {
  const network = networkFromJson(grid.network);
  const parameters = dcParameters(network, grid.convention);
  const base = { periods: grid.periods, ...(grid.loadScale ? { loadScale: [...grid.loadScale] } : {}), ...(grid.renewableMW ? { renewableMW: grid.renewableMW.map((s) => ({ bus: s.bus, mw: [...s.mw] })) } : {}) };
  const baseLoads = periodLoadsMW(network, parameters, base);
  const position = new Map(parameters.buses.map((b, i) => [b.id, i]));
  const signal = opts.signal ?? new AbortController().signal;

  return async (schedule) => {
    const input: LmpInput = {
      network: grid.network,
      convention: grid.convention,
      stepH: grid.stepH,
      profile: { ...base, storageMW: schedule.map((s) => ({ bus: s.bus, mw: [...s.mw] })) },
    };
    const outcome = await lmpProblem.solve(input, { seed: opts.seed, signal, onProgress: () => undefined });
    if (outcome.status !== 'optimal') throw new CosimError(CosimErrorTag.gridNotSolved, `the DC-OPF with the storage schedule ended ${outcome.status} (more storage load than the grid can serve?)`);
    const check = lmpProblem.check(input, outcome);
    if (!check.feasible) throw new CosimError(CosimErrorTag.checkFailed, `the DC-OPF result failed its check: ${check.problems.slice(0, 5).join('; ')}`);
    const result = outcome.plan as DcOpfResult;
    verifyLoads(result, baseLoads, position, schedule);
    const series = new Map<number, number[]>();
    for (const period of result.periods) for (const b of period.buses) (series.get(b.bus) ?? series.set(b.bus, []).get(b.bus)!).push(b.lmp);
    const prices: BusPrices[] = [...series.entries()].sort(([a], [b]) => a - b).map(([bus, usdPerMWh]) => ({ bus, usdPerMWh }));
    return { prices, generationCostUsd: result.periods.reduce((sum, p) => sum + p.costPerHour * grid.stepH, 0) };
  };
}

function verifyLoads(result: DcOpfResult, baseLoads: number[][], position: Map<number, number>, schedule: readonly BusSchedule[]): void {
  const extra = new Map(schedule.map((s) => [s.bus, s.mw]));
  result.periods.forEach((period, t) => {
    for (const b of period.buses) {
      const i = position.get(b.bus);
      const expected = (i === undefined ? NaN : (baseLoads[t]?.[i] ?? NaN)) + (extra.get(b.bus)?.[t] ?? 0);
      if (!(Math.abs(b.loadMW - expected) <= 1e-6 * Math.max(1, Math.abs(expected)))) {
        throw new CosimError(CosimErrorTag.checkFailed, `bus ${b.bus}, period ${t}: the DC-OPF served ${b.loadMW} MW, base load plus storage is ${expected} MW`);
      }
    }
  });
}
