import type { Backend, MipProgress, SolveResult, SolveStatus, Var } from '@gridhaul/lp';
import { solve } from '@gridhaul/lp';
import type { CheckReport } from '../checker';
import { checkSchedule } from '../checker';
import type { Instance } from '../instance';
import type { ChargingSession, Schedule } from '../schedule';
import { buildPositionAllocationModel } from './model';
import type { MilpVars } from './model';
import type { MilpParams } from './params';
import { extractMilpParams } from './params';

export interface MilpOptions {
  readonly timeLimitSec?: number;
  readonly mipRelGap?: number;
  readonly backend?: Backend;
  /** HiGHS random seed, reported with the result. */
  readonly seed?: number;
  readonly onProgress?: (p: MipProgress) => void;
}

export interface MilpResult {
  readonly method: 'milp';
  readonly status: SolveStatus;
  readonly seed: number;
  /** The solver's objective (cost units) and best bound; gap = (objective − bound) / objective, undefined without an incumbent. */
  readonly objective: number | undefined;
  readonly bound: number | undefined;
  readonly gap: number | undefined;
  readonly seconds: number;
  readonly size: { readonly variables: number; readonly rows: number; readonly nonzeros: number; readonly pairs: number };
  /** Present when the solver returned a solution; checked by the independent checker. */
  readonly schedule: Schedule | undefined;
  readonly check: CheckReport | undefined;
}

/** Builds and solves the position allocation MILP; the schedule is re-checked before it is returned. */
export async function solvePositionAllocation(instance: Instance, options: MilpOptions = {}): Promise<MilpResult> {
  const params = extractMilpParams(instance);
  const { model, vars } = buildPositionAllocationModel(params);
  const seed = options.seed ?? 1;
  const result = await solve(model, {
    randomSeed: seed,
    ...(options.timeLimitSec !== undefined ? { timeLimitSec: options.timeLimitSec } : {}),
    ...(options.mipRelGap !== undefined ? { mipRelGap: options.mipRelGap } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const schedule = result.hasSolution ? extractSchedule(params, vars, result) : undefined;
  // The solver meets rows to its feasibility tolerance (1e-7 scaled): allow 1e-4 kWh and 1e-6 h.
  const check = schedule ? checkSchedule(instance, schedule, { demand: 'aligned', toleranceKWh: 1e-4, toleranceH: 1e-6 }) : undefined;
  const bound = result.status === 'optimal' ? result.objective : result.mipBound;
  const rawGap = result.status === 'optimal' ? (result.mipGap ?? 0) : result.mipGap;
  const gap = rawGap !== undefined && Number.isFinite(rawGap) && result.hasSolution ? rawGap : undefined;
  return {
    method: 'milp',
    status: result.status,
    seed,
    objective: result.objective,
    bound,
    gap,
    seconds: result.timeSec,
    size: { variables: model.numCols, rows: model.numRows, nonzeros: model.numNonzeros, pairs: params.pairs.length },
    schedule,
    check,
  };
}

function extractSchedule(p: MilpParams, v: MilpVars, r: SolveResult): Schedule {
  const sessions: ChargingSession[] = [];
  p.chargeable.forEach((cv, a) => {
    const w = r.values(v.w[a] as Var[]);
    const q = w.indexOf(Math.max(...w));
    if (q <= 0) return;
    const start = Math.min(cv.departureH, Math.max(cv.arrivalH, r.value(v.u[a] as Var)));
    const end = Math.min(cv.departureH, start + r.value(v.s[a] as Var));
    if (end - start > 1e-9) sessions.push({ visit: cv.visit, charger: q - 1, startH: start, endH: end });
  });
  return { sessions };
}
