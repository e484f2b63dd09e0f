import { GridHaulError, InputError } from '@gridhaul/common';
import { checkChargingCyclePlan, type ChargingCycleCheck } from './checker';
import type { ChargingCycleInstance } from './instance';
import { solveChargingCycleMilp } from './milp';
import type { ChargingCyclePlan } from './plan';
import { replayRuleBasedChargingCycle, type RuleBasedRun } from './rule-based';

export interface PlanChargingCycleOptions {
  policy?: 'exact' | 'heuristic';
  stepH?: number;
  hubPriceNOKPerKWh?: (hour: number) => number;
  timeLimitSec?: number;
}

export interface ChargingCycleResult {
  readonly policy: 'exact' | 'heuristic';
  readonly plan: ChargingCyclePlan;
  readonly check: ChargingCycleCheck;
  readonly status: string;
  readonly gap: number;
  readonly timeSec: number;
  readonly ruleBased?: RuleBasedRun;
}

/**
 * The charging cycle: the time-indexed MILP ('exact') or the published rule-based run
 * ('heuristic'), each checked by the independent replay. An exact plan the checker rejects throws
 * GridHaulError('PLAN_CHECK_FAILED'); the rule-based run comes back with the limits it breaks.
 */
export async function planChargingCycle(instance: ChargingCycleInstance, options: PlanChargingCycleOptions = {}): Promise<ChargingCycleResult> {
  const policy = options.policy ?? 'exact';
  const t0 = performance.now();
  const priced = options.hubPriceNOKPerKWh === undefined ? {} : { hubPriceNOKPerKWh: options.hubPriceNOKPerKWh };
  if (policy === 'heuristic') {
    const run = replayRuleBasedChargingCycle(instance);
    return { policy, plan: run.plan, check: checkChargingCyclePlan(instance, run.plan, priced), status: 'heuristic', gap: NaN, timeSec: (performance.now() - t0) / 1000, ruleBased: run };
  }
  if (policy !== 'exact') throw new InputError('policy', policy, "'exact' or 'heuristic'");
  const r = await solveChargingCycleMilp(instance, { ...priced, ...(options.stepH === undefined ? {} : { stepH: options.stepH }), ...(options.timeLimitSec === undefined ? {} : { timeLimitSec: options.timeLimitSec }) });
  const check = checkChargingCyclePlan(instance, r.plan, priced);
  if (r.objective !== Infinity && !check.feasible) throw new GridHaulError('PLAN_CHECK_FAILED', `the charging-cycle MILP plan fails the checker: ${JSON.stringify(check.violations.slice(0, 3))}`);
  return { policy, plan: r.plan, check, status: r.status, gap: r.gap, timeSec: (performance.now() - t0) / 1000 };
}
