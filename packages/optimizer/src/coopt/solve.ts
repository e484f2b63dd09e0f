import { GridHaulError, InputError } from '@gridhaul/common';
import type { MipProgress, SolveOptions } from '@gridhaul/lp';
import { checkCoOptPlan, type CoOptCheck } from './checker';
import type { CoOptCase, PriceTable } from './data';
import { solveCoOptDp } from './dp';
import { runGreedyPolicy, type GreedyPolicy } from './greedy';
import { buildCoOptGraph, truckClasses } from './network';
import type { CoOptPlan } from './plan';
import { exchangeRequests, type ExchangeRequest } from './requests';
import { coOptSettings, type CoOptSettings } from './settings';
import { solveCoOptFleetMilp, type CoOptFleetResult } from './tsn-milp';

export interface PlanCoOptOptions {
  policy?: 'exact' | 'heuristic';
  /** Exact: the fleet MILP (default) or the one-truck DP (first truck of the cheapest class... the first class). */
  method?: 'milp' | 'dp';
  /** Heuristic: which published greedy policy, and whether to keep its choice rule (compat, default true). */
  greedy?: GreedyPolicy;
  compat?: boolean;
  settings?: Partial<CoOptSettings>;
  /** Prices to buy at (default the case's stored realisation). */
  prices?: PriceTable;
  /** Requests to serve (default: derived from the site simulation). */
  requests?: readonly ExchangeRequest[];
  /** Use only these truck ids (default the whole fleet). */
  truckIds?: readonly number[];
  timeLimitSec?: number;
  mipRelGap?: number;
  /** @gridhaul/lp back-end for the MILP (default highs-wasm; 'cbc' runs the native CBC when installed). */
  backend?: SolveOptions['backend'];
  onProgress?: (p: MipProgress) => void;
  /**
   * Exact MILP: run the greedy policies first, give the cheapest plan the checker accepts to the MILP
   * as MIP start, and return that plan when the MILP has no incumbent by its limit (default true).
   */
  warmStart?: boolean;
}

/** The greedy plan given to the MILP as MIP start, and the candidates it was chosen from. */
export interface CoOptWarmStart {
  /** Greedy method of the chosen plan, e.g. 'greedy-cost-optimised-fixed'. */
  readonly method: string;
  /** Its checked cost (USD). */
  readonly usd: number;
  /** What became of it as MIP start ('untranslatable': the model's network has no path for it). */
  readonly mipStart: 'accepted' | 'rejected' | 'untranslatable';
  readonly detail?: string;
  /** Every greedy plan tried, with its checked cost and whether the checker accepts it. */
  readonly candidates: readonly { readonly method: string; readonly usd: number; readonly feasible: boolean }[];
  /** Time spent running and checking the greedy plans (s). */
  readonly timeSec: number;
}

export interface CoOptResult {
  readonly policy: 'exact' | 'heuristic';
  readonly method: string;
  readonly settings: CoOptSettings;
  readonly requests: readonly ExchangeRequest[];
  /** `plan.method` names the method that produced it ('tsn-milp', 'dp', or a greedy policy). */
  readonly plan: CoOptPlan;
  readonly check: CoOptCheck;
  readonly status: string;
  /** Model objective (exact) — equal to check.totalUsd for a correct plan. */
  readonly objective: number;
  /** Best lower bound on the optimum (the MILP's; the objective for the DP; NaN when none). */
  readonly bound: number;
  readonly gap: number;
  readonly timeSec: number;
  readonly size?: { readonly variables: number; readonly rows: number };
  /** Exact MILP with warmStart: the greedy MIP start. */
  readonly warmStart?: CoOptWarmStart;
}

/** The greedy plans tried as MIP start: both published policies, as published and with their SOC-aware fix. */
const GREEDY_STARTS: readonly { policy: GreedyPolicy; compat: boolean }[] = [
  { policy: 'cost-optimised', compat: true },
  { policy: 'distance-minimised', compat: true },
  { policy: 'cost-optimised', compat: false },
  { policy: 'distance-minimised', compat: false },
];

/**
 * Co-optimization of MESS transport with prices, traffic, terrain and wear. Every plan goes through
 * the independent checker; an exact plan that fails it, or whose checked cost differs from the model
 * objective, throws GridHaulError('PLAN_CHECK_FAILED'). The exact MILP starts from the cheapest
 * checked greedy plan (warmStart); when it has no incumbent of its own at the limit, that plan is
 * returned with status 'timeLimitWithSolution' and its gap to the MILP's bound.
 */
export async function planCoOpt(c: CoOptCase, options: PlanCoOptOptions = {}): Promise<CoOptResult> {
  const t0 = performance.now();
  const settings = coOptSettings(options.settings ?? {});
  const prices = options.prices ?? c.prices;
  const fleet = options.truckIds === undefined ? c : { ...c, trucks: c.trucks.filter((t) => options.truckIds!.includes(t.id)) };
  if (fleet.trucks.length === 0) throw new InputError('truckIds', options.truckIds, 'ids of trucks of the case');
  const requests = options.requests ?? exchangeRequests(c, settings);
  const policy = options.policy ?? 'exact';
  if (policy === 'heuristic') {
    const greedy = options.greedy ?? 'cost-optimised';
    const plan = runGreedyPolicy(fleet, settings, requests, greedy, { compat: options.compat ?? true, prices });
    const check = checkCoOptPlan(c, settings, requests, plan, { prices });
    return { policy, method: plan.method, settings, requests, plan, check, status: 'heuristic', objective: check.totalUsd, bound: NaN, gap: NaN, timeSec: (performance.now() - t0) / 1000 };
  }
  if (policy !== 'exact') throw new InputError('policy', policy, "'exact' or 'heuristic'");
  const classes = truckClasses(fleet.trucks);
  const method = options.method ?? 'milp';
  let plan: CoOptPlan;
  let status: string;
  let objective: number;
  let bound: number;
  let gap = 0;
  let size: { variables: number; rows: number } | undefined;
  let warmStart: CoOptWarmStart | undefined;
  if (method === 'dp') {
    const g = buildCoOptGraph(fleet, settings, requests, classes[0]!, { prices });
    const r = solveCoOptDp(g);
    plan = r.plan;
    status = r.feasible ? 'optimal' : 'infeasible';
    objective = r.objective;
    bound = r.feasible ? r.objective : NaN;
  } else {
    const graphs = classes.map((k) => buildCoOptGraph(fleet, settings, requests, k, { prices }));
    const greedy = options.warmStart === false ? undefined : bestCheckedGreedy(c, fleet, settings, requests, prices);
    const milp = await solveCoOptFleetMilp(graphs, {
      ...(options.timeLimitSec === undefined ? {} : { timeLimitSec: options.timeLimitSec }),
      ...(options.mipRelGap === undefined ? {} : { mipRelGap: options.mipRelGap }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      ...(greedy?.best === undefined ? {} : { start: greedy.best.plan }),
    });
    const r = withGreedyFallback(milp, greedy?.best);
    plan = r.plan;
    status = r.status;
    objective = r.objective;
    bound = r.bound;
    gap = r.gap;
    size = { variables: r.variables, rows: r.rows };
    if (greedy?.best !== undefined) {
      const best = greedy.best;
      warmStart = { method: best.plan.method, usd: best.usd, mipStart: r.start?.status ?? 'untranslatable', ...(r.start?.detail === undefined ? {} : { detail: r.start.detail }), candidates: greedy.candidates, timeSec: greedy.timeSec };
    }
  }
  const check = checkCoOptPlan(c, settings, requests, plan, { prices });
  if (objective !== Infinity && (!check.feasible || Math.abs(check.totalUsd - objective) > 1e-6 * Math.max(1, objective))) {
    throw new GridHaulError('PLAN_CHECK_FAILED', `the ${plan.method} co-optimization plan fails the checker (model ${objective}, checked ${check.totalUsd}): ${JSON.stringify(check.violations.slice(0, 3))}`);
  }
  return { policy, method, settings, requests, plan, check, status, objective, bound, gap, timeSec: (performance.now() - t0) / 1000, ...(size === undefined ? {} : { size }), ...(warmStart === undefined ? {} : { warmStart }) };
}

/**
 * The MILP's result, or, when it has no incumbent at its limit, the checked greedy plan it was
 * started from, with status 'timeLimitWithSolution' and its gap to the MILP's bound (NaN without one).
 * A MILP that calls the model infeasible while the checker accepts a plan is a model error.
 */
export function withGreedyFallback(r: CoOptFleetResult, best: { plan: CoOptPlan; usd: number } | undefined): CoOptFleetResult {
  if (best === undefined || r.objective !== Infinity) return r;
  if (r.status !== 'timeLimitNoSolution') throw new GridHaulError('PLAN_CHECK_FAILED', `the MILP says "${r.status}" but the checker accepts the ${best.plan.method} plan (${best.usd} USD)`);
  const gap = Number.isFinite(r.bound) ? (best.usd - r.bound) / Math.abs(best.usd) : NaN;
  return { ...r, status: 'timeLimitWithSolution', plan: best.plan, objective: best.usd, gap };
}

/** Runs GREEDY_STARTS; the cheapest plan the checker accepts, and every candidate's checked cost. */
function bestCheckedGreedy(c: CoOptCase, fleet: CoOptCase, settings: CoOptSettings, requests: readonly ExchangeRequest[], prices: PriceTable): { best: { plan: CoOptPlan; usd: number } | undefined; candidates: CoOptWarmStart['candidates']; timeSec: number } {
  const t0 = performance.now();
  let best: { plan: CoOptPlan; usd: number } | undefined;
  const candidates = GREEDY_STARTS.map(({ policy, compat }) => {
    const plan = runGreedyPolicy(fleet, settings, requests, policy, { compat, prices });
    const check = checkCoOptPlan(c, settings, requests, plan, { prices });
    if (check.feasible && (best === undefined || check.totalUsd < best.usd)) best = { plan, usd: check.totalUsd };
    return { method: plan.method, usd: check.totalUsd, feasible: check.feasible };
  });
  return { best, candidates, timeSec: (performance.now() - t0) / 1000 };
}
