import { GridHaulError, InputError, requireInteger, requirePositive } from '@gridhaul/common';
import type { EvrpInstance } from './instance';
import { rulesFor, type ObjectiveKind, type Variant } from './rules';
import type { EvrpSolution } from './solution';
import { checkSolution, type CheckReport } from './checker';
import { buildSolution } from './build-solution';
import { bestKnownFor } from './best-known';
import { solveByEnumeration } from './exact/solve-exact';
import { solveByMilp } from './milp/solve-milp';
import { buildContext } from './heuristic/context';
import { runAlns } from './heuristic/alns';

export type SolveMethod = 'auto' | 'enumeration' | 'milp' | 'heuristic';

export interface SolveEvrpOptions {
  readonly variant: Variant;
  /** Default `distance` (vehicles first, then distance). */
  readonly objective?: ObjectiveKind;
  /** At most this many vehicles; without it the fleet is minimized first. */
  readonly maxVehicles?: number;
  /** Wall-clock budget, seconds. The heuristic uses 60 s when none is given. */
  readonly timeLimitSec?: number;
  /**
   * `auto`: route enumeration + set partitioning (exact) up to 15 customers, falling back to the
   * heuristic if it runs out of time; the ALNS heuristic beyond.
   */
  readonly method?: SolveMethod;
  /** Seed of the heuristic (reported back). Default 1. */
  readonly seed?: number;
  /** Iteration budget of the heuristic (with it and no time limit, a run repeats exactly). */
  readonly maxIterations?: number;
  /** MILP only: copies per station (default 2). */
  readonly stationCopies?: number;
  readonly onProgress?: (message: string) => void;
}

export interface EvrpResult {
  /** `optimal`: proven; `feasible`: a checked solution without proof; `infeasible`: proven none exists. */
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'noSolution';
  readonly method: Exclude<SolveMethod, 'auto'>;
  readonly solution: EvrpSolution | null;
  /** The independent checker's report on `solution`. */
  readonly check: CheckReport | null;
  /**
   * Relative gap: 0 when proven optimal; the MILP's gap when it stopped early; for the heuristic,
   * (distance − best known) / best known when a published value applies (variant b, distance
   * objective, same fleet); null otherwise.
   */
  readonly gap: number | null;
  readonly gapReference: 'proof' | 'mipBound' | 'bestKnown' | null;
  readonly bestKnown: { readonly vehicles: number; readonly distance: number } | null;
  readonly seed: number | null;
  readonly iterations: number | null;
  readonly timeSec: number;
}

const EXACT_MAX_CUSTOMERS = 15;
const DEFAULT_HEURISTIC_SECONDS = 60;

/** Solves an instance and returns only solutions that passed the independent checker. */
export async function solveEvrp(instance: EvrpInstance, options: SolveEvrpOptions): Promise<EvrpResult> {
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  const objective = options.objective ?? 'distance';
  const rules = rulesFor(options.variant, objective);
  if (options.maxVehicles !== undefined) requireInteger('maxVehicles', options.maxVehicles, 1);
  if (options.timeLimitSec !== undefined) requirePositive('timeLimitSec', options.timeLimitSec);
  if (options.maxIterations !== undefined) requireInteger('maxIterations', options.maxIterations, 1);
  const seed = options.seed ?? 1;
  requireInteger('seed', seed, 0);
  const method = options.method ?? 'auto';
  if (!['auto', 'enumeration', 'milp', 'heuristic'].includes(method)) throw new InputError('method', method, 'auto, enumeration, milp or heuristic');
  const n = instance.customers.length;
  const fleet = options.maxVehicles === undefined ? {} : { maxVehicles: options.maxVehicles };
  const progress = options.onProgress;
  const checked = (solution: EvrpSolution): CheckReport => {
    const report = checkSolution(instance, rules, solution, fleet);
    if (!report.feasible) throw new GridHaulError('CHECK_FAILED', `the checker rejected a ${solution.instance} solution: ${report.violations.map((v) => v.message).join('; ')}`);
    return report;
  };
  const none = { gap: null, gapReference: null, bestKnown: null, seed: null, iterations: null } as const;

  if (method === 'enumeration' || (method === 'auto' && n <= EXACT_MAX_CUSTOMERS)) {
    progress?.(`exact: route enumeration and set partitioning over ${n} customers`);
    const r = solveByEnumeration(instance, rules, { ...fleet, ...(options.timeLimitSec === undefined ? {} : { timeLimitSec: options.timeLimitSec }), ...(progress ? { onProgress: progress } : {}) });
    if (r.status === 'optimal') return { ...none, status: 'optimal', method: 'enumeration', solution: r.solution, check: checked(r.solution!), gap: 0, gapReference: 'proof', timeSec: elapsed() };
    if (r.status === 'infeasible') return { ...none, status: 'infeasible', method: 'enumeration', solution: null, check: null, timeSec: elapsed() };
    if (method === 'enumeration') return { ...none, status: 'noSolution', method: 'enumeration', solution: null, check: null, timeSec: elapsed() };
    progress?.('exact: out of time, switching to the heuristic');
  }

  if (method === 'milp') {
    const r = await solveByMilp(instance, rules, {
      ...fleet,
      ...(options.timeLimitSec === undefined ? {} : { timeLimitSec: options.timeLimitSec }),
      ...(options.stationCopies === undefined ? {} : { stationCopies: options.stationCopies }),
      ...(progress ? { onProgress: (f: string, p: { incumbent?: number | undefined; bound?: number | undefined; timeSec: number }) => progress(`milp (${f}): incumbent ${p.incumbent?.toFixed(2) ?? '-'}, bound ${p.bound?.toFixed(2) ?? '-'}, ${p.timeSec.toFixed(1)} s`) } : {}),
    });
    if (r.status === 'error') throw new GridHaulError('SOLVER_ERROR', `the MILP solver failed on ${instance.name}`);
    if (r.solution === null) return { ...none, status: r.status === 'infeasible' ? 'infeasible' : 'noSolution', method: 'milp', solution: null, check: null, timeSec: elapsed() };
    const proven = r.status === 'optimal';
    return { ...none, status: proven ? 'optimal' : 'feasible', method: 'milp', solution: r.solution, check: checked(r.solution), gap: proven ? 0 : (r.gap ?? null), gapReference: proven ? 'proof' : 'mipBound', timeSec: elapsed() };
  }

  const remaining = options.timeLimitSec === undefined ? undefined : Math.max(0.5, options.timeLimitSec - elapsed());
  const budget = remaining ?? (options.maxIterations === undefined ? DEFAULT_HEURISTIC_SECONDS : undefined);
  progress?.(`heuristic: ALNS, seed ${seed}, ${budget === undefined ? '' : `${budget.toFixed(0)} s`}${budget !== undefined && options.maxIterations !== undefined ? ' or ' : ''}${options.maxIterations === undefined ? '' : `${options.maxIterations} iterations`}`);
  const ctx = buildContext(instance, rules);
  if (ctx.soloRoutes.size < n) return { ...none, status: 'infeasible', method: 'heuristic', solution: null, check: null, seed, timeSec: elapsed() };
  const run = runAlns(ctx, {
    seed,
    ...(budget === undefined ? {} : { timeLimitSec: budget }),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.maxVehicles === undefined ? {} : { maxVehicles: options.maxVehicles }),
    ...(progress ? { onImprovement: (b: { vehicles: number; cost: number; iteration: number; timeSec: number }) => progress(`heuristic: ${b.vehicles} vehicles, ${b.cost.toFixed(2)} at iteration ${b.iteration} (${b.timeSec.toFixed(1)} s)`) } : {}),
  });
  const solution = buildSolution(instance, rules, run.routes);
  if (solution === null) throw new GridHaulError('CHECK_FAILED', `the heuristic returned an unschedulable route on ${instance.name}`);
  if (options.maxVehicles !== undefined && solution.vehicles > options.maxVehicles) {
    return { ...none, status: 'noSolution', method: 'heuristic', solution: null, check: null, seed, iterations: run.iterations, timeSec: elapsed() };
  }
  const report = checked(solution);
  const bestKnown = options.variant === 'b' && objective === 'distance' ? (bestKnownFor(instance.name) ?? null) : null;
  const gap = bestKnown !== null && bestKnown.vehicles === report.vehicles ? (report.distance - bestKnown.distance) / bestKnown.distance : null;
  return { status: 'feasible', method: 'heuristic', solution, check: report, gap, gapReference: gap === null ? null : 'bestKnown', bestKnown, seed, iterations: run.iterations, timeSec: elapsed() };
}
