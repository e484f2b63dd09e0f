import { solve, type MipProgress } from '@gridhaul/lp';
import type { EvrpInstance } from '../instance';
import type { EvrpRules } from '../rules';
import { buildSolution } from '../build-solution';
import type { EvrpSolution } from '../solution';
import { extractParams, type MilpParams } from './params';
import { buildEvrpModel, type EvrpModel } from './model';
import { extractRoutes } from './extract';
import { incompatibilityFleetBound } from './fleet-bound';

export interface MilpOptions {
  /** At most this many vehicles; without it the fleet is minimized first (a first MILP), then the objective. */
  readonly maxVehicles?: number;
  readonly timeLimitSec?: number;
  /** Copies of each station (default 2). */
  readonly stationCopies?: number;
  readonly mipRelGap?: number;
  /** Progress of each MILP, labelled with its fleet ("2 vehicles", "at most 3 vehicles"). */
  readonly onProgress?: (fleet: string, p: MipProgress) => void;
}

export interface MilpResult {
  /** 'infeasible' is proven: by the solver, or by params.unservable (customers no route can serve). */
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'noSolution' | 'error';
  /** Unchecked; solveEvrp checks it. */
  readonly solution: EvrpSolution | null;
  /** Objective of the last MILP and its proven lower bound. */
  readonly objective: number | undefined;
  readonly bound: number | undefined;
  readonly gap: number | undefined;
  readonly vehicles: number | undefined;
  readonly timeSec: number;
  readonly params: MilpParams;
  readonly size: { readonly cols: number; readonly rows: number; readonly nonzeros: number };
}

/**
 * Solves the arc-flow MILP with @gridhaul/lp. Lexicographic fleet minimization by increasing the
 * fleet from its lower bound until a MILP is feasible (a MILP that minimizes vehicles directly has
 * a weak relaxation: its bound stays at 1).
 */
export async function solveByMilp(instance: EvrpInstance, rules: EvrpRules, options: MilpOptions = {}): Promise<MilpResult> {
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  const remaining = (): number | undefined => (options.timeLimitSec === undefined ? undefined : Math.max(1, options.timeLimitSec - elapsed()));
  const params = extractParams(instance, rules, {
    ...(options.maxVehicles === undefined ? { fleetLowerBound: incompatibilityFleetBound(instance, rules) } : { maxVehicles: options.maxVehicles }),
    ...(options.stationCopies === undefined ? {} : { stationCopies: options.stationCopies }),
  });
  const solveOptions = (phase: string) => {
    const limit = remaining();
    return {
      ...(limit === undefined ? {} : { timeLimitSec: limit }),
      ...(options.mipRelGap === undefined ? {} : { mipRelGap: options.mipRelGap }),
      ...(options.onProgress === undefined ? {} : { onProgress: (p: MipProgress) => options.onProgress!(phase, p) }),
    };
  };
  let size = { cols: 0, rows: 0, nonzeros: 0 };
  const base = { params, timeSec: 0, objective: undefined, bound: undefined, gap: undefined, vehicles: undefined };
  if (params.unservable.length > 0) return { ...base, status: 'infeasible', solution: null, size, timeSec: elapsed() };
  // Fleet given: one MILP. Otherwise k = lower bound, k + 1, ...: the first k with a solution is the
  // fewest vehicles (every smaller k was proven infeasible), and its MILP minimizes the objective.
  const fleets = options.maxVehicles === undefined ? range(params.minVehicles, params.customers.length).map((k) => ({ exactly: k })) : [{ atMost: options.maxVehicles }];
  let unproven = false;
  let m: EvrpModel | null = null;
  let r: Awaited<ReturnType<typeof solve>> | null = null;
  for (const fleet of fleets) {
    m = buildEvrpModel(params, 'cost', fleet);
    size = { cols: m.model.numCols, rows: m.model.numRows, nonzeros: m.model.numNonzeros };
    r = await solve(m.model, solveOptions('exactly' in fleet ? `${fleet.exactly} vehicles` : `at most ${fleet.atMost} vehicles`));
    if (r.status === 'error') return { ...base, status: 'error', solution: null, size, timeSec: elapsed() };
    if (r.hasSolution) break;
    // A time limit without a solution leaves this fleet size open: fewer vehicles are no longer proven impossible.
    if (r.status !== 'infeasible') unproven = true;
    if (remaining() !== undefined && elapsed() >= options.timeLimitSec!) break;
  }
  if (r === null || !r.hasSolution) return { ...base, status: r?.status === 'infeasible' && !unproven ? 'infeasible' : 'noSolution', solution: null, size, timeSec: elapsed() };
  const routes = extractRoutes(m!, r);
  const solution = buildSolution(instance, rules, routes);
  return {
    status: r.status === 'optimal' && !unproven ? 'optimal' : 'feasible',
    solution,
    objective: r.objective,
    bound: r.mipBound,
    gap: r.mipGap,
    vehicles: routes.length,
    timeSec: elapsed(),
    params,
    size,
  };
}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) out.push(k);
  return out;
}
