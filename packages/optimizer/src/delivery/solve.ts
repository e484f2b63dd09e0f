import { GridHaulError, InputError } from '@gridhaul/common';
import type { MipProgress } from '@gridhaul/lp';
import { checkDeliveryPlan, type DeliveryCheck } from './checker';
import { solveDeliveryDp } from './dp';
import { runPublishedHeuristic, type PublishedHeuristicResult } from './heuristic';
import type { DeliveryInstance } from './instance';
import { solveDeliveryMilp } from './milp';
import { extractDeliveryModelData } from './model-data';
import type { DeliveryPlan } from './plan';
import type { DeliveryAmountRule } from './rules';

export interface PlanDeliveryOptions {
  /** 'exact' (default) or the published 'heuristic'. */
  policy?: 'exact' | 'heuristic';
  /** Exact method: the MILP (default) or the subset DP. */
  method?: 'milp' | 'dp';
  /** Default 'ceil-unit' for exact plans; the heuristic always uses the published 'nearest-unit'. */
  amountRule?: DeliveryAmountRule;
  /** Heuristic only: keep the notebook's quirks (default true) and its cluster radius override. */
  compat?: boolean;
  clusterRadiusKm?: number;
  timeLimitSec?: number;
  onProgress?: (p: MipProgress) => void;
}

export interface DeliveryResult {
  readonly policy: 'exact' | 'heuristic';
  readonly method: string;
  readonly plan: DeliveryPlan;
  /** The independent checker's verdict and cost (duration cost model). */
  readonly check: DeliveryCheck;
  /** Status of the solver ('optimal', 'timeLimitWithSolution', ...) or 'heuristic'. */
  readonly status: string;
  readonly gap: number;
  readonly timeSec: number;
  readonly costPerKWhDeliveredNOK: number;
  readonly heuristic?: PublishedHeuristicResult;
}

/**
 * Plans construction-site deliveries and checks the plan before returning it. An exact plan that
 * the checker rejects is a bug and throws GridHaulError('PLAN_CHECK_FAILED'); a heuristic plan is
 * returned with its violations listed (the published rules break some limits).
 */
export async function planDelivery(instance: DeliveryInstance, options: PlanDeliveryOptions = {}): Promise<DeliveryResult> {
  const policy = options.policy ?? 'exact';
  const t0 = performance.now();
  if (policy === 'heuristic') {
    const h = runPublishedHeuristic(instance, { compat: options.compat ?? true, ...(options.clusterRadiusKm === undefined ? {} : { clusterRadiusKm: options.clusterRadiusKm }) });
    const check = checkDeliveryPlan(instance, h.plan);
    return { policy, method: h.plan.method, plan: h.plan, check, status: 'heuristic', gap: NaN, timeSec: (performance.now() - t0) / 1000, costPerKWhDeliveredNOK: check.cost.totalNOK / check.deliveredKWh, heuristic: h };
  }
  if (policy !== 'exact') throw new InputError('policy', policy, "'exact' or 'heuristic'");
  const amountRule = options.amountRule ?? 'ceil-unit';
  const data = extractDeliveryModelData(instance, { amountRule });
  const method = options.method ?? 'milp';
  let plan: DeliveryPlan;
  let status: string;
  let gap = 0;
  if (method === 'dp') {
    const r = solveDeliveryDp(data);
    plan = r.plan;
    status = r.feasible ? 'optimal' : 'infeasible';
  } else {
    const r = await solveDeliveryMilp(data, { ...(options.timeLimitSec === undefined ? {} : { timeLimitSec: options.timeLimitSec }), ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) });
    plan = r.plan;
    status = r.status;
    gap = r.gap;
  }
  const check = checkDeliveryPlan(instance, plan, { requireFullDemand: amountRule === 'ceil-unit' });
  if (plan.routes.length > 0 && !check.feasible) throw new GridHaulError('PLAN_CHECK_FAILED', `the ${method} delivery plan fails the checker: ${JSON.stringify(check.violations.slice(0, 3))}`);
  return { policy, method, plan, check, status, gap, timeSec: (performance.now() - t0) / 1000, costPerKWhDeliveredNOK: check.cost.totalNOK / check.deliveredKWh };
}
