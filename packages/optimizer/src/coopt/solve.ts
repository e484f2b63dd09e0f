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
import { solveCoOptFleetMilp } from './tsn-milp';

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
}

export interface CoOptResult {
  readonly policy: 'exact' | 'heuristic';
  readonly method: string;
  readonly settings: CoOptSettings;
  readonly requests: readonly ExchangeRequest[];
  readonly plan: CoOptPlan;
  readonly check: CoOptCheck;
  readonly status: string;
  /** Model objective (exact) — equal to check.totalUsd for a correct plan. */
  readonly objective: number;
  readonly gap: number;
  readonly timeSec: number;
  readonly size?: { readonly variables: number; readonly rows: number };
}

/**
 * Co-optimization of MESS transport with prices, traffic, terrain and wear. Every plan goes through
 * the independent checker; an exact plan that fails it, or whose checked cost differs from the model
 * objective, throws GridHaulError('PLAN_CHECK_FAILED').
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
    return { policy, method: plan.method, settings, requests, plan, check, status: 'heuristic', objective: check.totalUsd, gap: NaN, timeSec: (performance.now() - t0) / 1000 };
  }
  if (policy !== 'exact') throw new InputError('policy', policy, "'exact' or 'heuristic'");
  const classes = truckClasses(fleet.trucks);
  const method = options.method ?? 'milp';
  let plan: CoOptPlan;
  let status: string;
  let objective: number;
  let gap = 0;
  let size: { variables: number; rows: number } | undefined;
  if (method === 'dp') {
    const g = buildCoOptGraph(fleet, settings, requests, classes[0]!, { prices });
    const r = solveCoOptDp(g);
    plan = r.plan;
    status = r.feasible ? 'optimal' : 'infeasible';
    objective = r.objective;
  } else {
    const graphs = classes.map((k) => buildCoOptGraph(fleet, settings, requests, k, { prices }));
    const r = await solveCoOptFleetMilp(graphs, {
      ...(options.timeLimitSec === undefined ? {} : { timeLimitSec: options.timeLimitSec }),
      ...(options.mipRelGap === undefined ? {} : { mipRelGap: options.mipRelGap }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.backend === undefined ? {} : { backend: options.backend }),
    });
    plan = r.plan;
    status = r.status;
    objective = r.objective;
    gap = r.gap;
    size = { variables: r.variables, rows: r.rows };
  }
  const check = checkCoOptPlan(c, settings, requests, plan, { prices });
  if (objective !== Infinity && (!check.feasible || Math.abs(check.totalUsd - objective) > 1e-6 * Math.max(1, objective))) {
    throw new GridHaulError('PLAN_CHECK_FAILED', `the ${method} co-optimization plan fails the checker (model ${objective}, checked ${check.totalUsd}): ${JSON.stringify(check.violations.slice(0, 3))}`);
  }
  return { policy, method, settings, requests, plan, check, status, objective, gap, timeSec: (performance.now() - t0) / 1000, ...(size === undefined ? {} : { size }) };
}
