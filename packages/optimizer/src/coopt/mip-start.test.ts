import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { bundledCoOptCase } from '../bundled';
import { checkCoOptPlan } from './checker';
import type { CoOptCase } from './data';
import { solveCoOptDp } from './dp';
import { runGreedyPolicy } from './greedy';
import { fleetMilpStart } from './mip-start';
import { buildCoOptGraph, truckClasses } from './network';
import { exchangeRequests } from './requests';
import { coOptSettings } from './settings';
import { planCoOpt, withGreedyFallback } from './solve';
import { coOptText } from '../report';
import { syntheticCoOptCase } from './synthetic';
import { buildCoOptFleetMilp, solveCoOptFleetMilp } from './tsn-milp';

// Synthetic networks have no published optimum: the one-truck DP over (time, place, SOC, requests
// served) is the independent reference, as in coopt.test.ts.
const base = bundledCoOptCase('small');
const s = coOptSettings({ socGridPct: 5 });

function synthetic(nodes: number, trucks: number): CoOptCase {
  const probe = syntheticCoOptCase({ nodes, seed: 2024, trucks: [base.trucks[0]!], prices: base.prices, trafficIndex: base.network.trafficIndex });
  return { ...probe, trucks: Array.from({ length: trucks }, (_, k) => ({ ...base.trucks[0]!, id: k + 1 })) };
}

describe('greedy plans as MIP starts of the fleet MILP (7-node synthetic network, seed 2024, one truck)', () => {
  const c = synthetic(7, 1);
  const all = exchangeRequests(c, s);
  const requests = [all.find((r) => r.site === 5 && r.ordinal === 1)!, all.find((r) => r.site === 4 && r.ordinal === 1)!].map((r, id) => ({ ...r, id }));
  const graphs = truckClasses(c.trucks).map((k) => buildCoOptGraph(c, s, requests, k));

  it('the two exchanges: site 5 in [11.5, 12.5] h, site 4 in [15.5, 16.5] h', () => {
    expect(requests.map((r) => [r.site, r.earliestH, r.latestH])).toEqual([
      [5, 11.5, 12.5],
      [4, 15.5, 16.5],
    ]);
  });

  it('a checked greedy plan becomes arc flows that cost in the model what the checker says; an unchecked one has no path', () => {
    const milp = buildCoOptFleetMilp(graphs);
    const outcomes = (['cost-optimised', 'distance-minimised'] as const).flatMap((policy) =>
      [true, false].map((compat) => {
        const plan = runGreedyPolicy(c, s, requests, policy, { compat });
        return { plan, check: checkCoOptPlan(c, s, requests, plan), start: fleetMilpStart(milp, plan) };
      }),
    );
    expect(outcomes.map((o) => o.check.feasible)).toEqual([false, true, false, true]);
    for (const o of outcomes) {
      if (!o.check.feasible) {
        expect('error' in o.start, o.plan.method).toBe(true);
        continue;
      }
      if ('error' in o.start) throw new Error(`${o.plan.method}: ${o.start.error}`);
      expect(o.start.values.size).toBe(milp.model.numCols);
      expectClose(o.start.objective, o.check.totalUsd, { abs: 1e-6 }, `${o.plan.method}: model cost vs checker`);
    }
    // The published distance-minimised plan drives straight back up from site 5 below the SOC floor.
    const dm = outcomes[2]!;
    expect(dm.check.violations.map((v) => v.kind)).toContain('soc-below-floor');
    expect('error' in dm.start && dm.start.error).toMatch(/no drive arc for 5 → 0/);
  });

  it('the MILP started from the best greedy plan reaches the DP optimum, as the MILP without a start does', async () => {
    const dp = solveCoOptDp(graphs[0]!);
    expect(dp.feasible).toBe(true);
    const cold = await planCoOpt(c, { settings: s, requests, warmStart: false });
    const warm = await planCoOpt(c, { settings: s, requests });
    expect(cold.warmStart).toBeUndefined();
    expect([cold.status, warm.status]).toEqual(['optimal', 'optimal']);
    expectClose(cold.objective, dp.objective, { abs: 1e-6 }, 'MILP without start vs DP');
    expectClose(warm.objective, dp.objective, { abs: 1e-6 }, 'MILP with start vs DP');
    expect(warm.warmStart?.mipStart).toBe('accepted');
    expect(warm.warmStart?.method).toBe('greedy-distance-minimised-fixed');
    expect(warm.warmStart!.usd).toBeGreaterThan(dp.objective + 1);
    expect(warm.plan.method).toBe('tsn-milp');
    expect(warm.check.feasible).toBe(true);
  }, 120_000);
});

describe('a MILP without incumbent falls back to the checked greedy plan', () => {
  const c = synthetic(7, 1);
  const all = exchangeRequests(c, s);
  const requests = [all.find((r) => r.site === 5 && r.ordinal === 1)!, all.find((r) => r.site === 4 && r.ordinal === 1)!].map((r, id) => ({ ...r, id }));
  const graphs = truckClasses(c.trucks).map((k) => buildCoOptGraph(c, s, requests, k));
  const plan = runGreedyPolicy(c, s, requests, 'distance-minimised', { compat: false });
  const usd = checkCoOptPlan(c, s, requests, plan).totalUsd;

  it('HiGHS stopped before its root node has no plan; the greedy plan is returned with the limit status', async () => {
    const milp = await solveCoOptFleetMilp(graphs, { nodeLimit: 0 });
    expect(milp.status).toBe('timeLimitNoSolution');
    const r = withGreedyFallback(milp, { plan, usd });
    expect(r.status).toBe('timeLimitWithSolution');
    expect(r.plan).toBe(plan);
    expect(r.objective).toBe(usd);
    expect(r.gap).toBe(Number.isFinite(milp.bound) ? (usd - milp.bound) / usd : NaN);
  }, 60_000);

  it('a MILP that proves infeasible what the checker accepts is a model error', async () => {
    // Site 5 twice in overlapping windows is infeasible for one truck; the plan serves other requests.
    const twice = all.filter((r) => r.site === 5 && r.ordinal <= 2).map((r, id) => ({ ...r, id }));
    const milp = await solveCoOptFleetMilp(truckClasses(c.trucks).map((k) => buildCoOptGraph(c, s, twice, k)));
    expect(milp.status).toBe('infeasible');
    expect(() => withGreedyFallback(milp, { plan, usd })).toThrow(/the MILP says "infeasible"/);
  }, 60_000);
});

describe('the fleet MILP stopped almost at once (16-node synthetic network, seed 2024, one truck per site)', () => {
  it('still returns a plan the checker accepts, no dearer than the best checked greedy plan', async () => {
    const c = synthetic(16, 10);
    const requests = exchangeRequests(c, s)
      .filter((r) => r.ordinal === 1)
      .map((r, id) => ({ ...r, id }));
    const r = await planCoOpt(c, { settings: s, requests, timeLimitSec: 1 });
    const greedy = r.warmStart!.candidates.filter((x) => x.feasible).map((x) => x.usd);
    expect(greedy.length).toBeGreaterThan(0);
    expect(r.warmStart?.usd).toBe(Math.min(...greedy));
    expect(['optimal', 'timeLimitWithSolution']).toContain(r.status);
    expect(r.check.violations).toEqual([]);
    expect(r.check.totalUsd).toBeLessThanOrEqual(Math.min(...greedy) + 1e-6);
    expectClose(r.objective, r.check.totalUsd, { abs: 1e-6 }, 'reported vs checked cost');
    // The text summary says which method produced the plan (the MILP, or the greedy start it fell back to).
    expect(coOptText(r, []).split('\n')[0]).toContain(`plan by ${r.plan.method}`);
  }, 120_000);
});
