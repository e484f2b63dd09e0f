import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { bundledDeliveryCase } from '../bundled';
import { checkDeliveryPlan } from './checker';
import { bestRoutesBySubset, solveDeliveryDp } from './dp';
import { runPublishedHeuristic } from './heuristic';
import { withDeliveryChanges } from './instance';
import { solveDeliveryMilp } from './milp';
import { extractDeliveryModelData } from './model-data';
import { planDelivery } from './solve';

// No published optimum exists for these cases (the source never solved its MILP); the checks are
// agreement of two independent exact methods and dominance over the published heuristic, both
// under the corrected (duration) cost model and the published delivery amounts.
describe('exact delivery models', () => {
  it('7-node: MILP = subset DP, both pass the checker, and beat the published heuristic', async () => {
    const inst = bundledDeliveryCase('7-node');
    const data = extractDeliveryModelData(inst, { amountRule: 'nearest-unit' });
    const dp = solveDeliveryDp(data);
    const milp = await solveDeliveryMilp(data, { timeLimitSec: 60 });
    expect(milp.status).toBe('optimal');
    expectClose(milp.objective, dp.objective, { abs: 1e-4 }, 'MILP vs DP objective');
    const heuristic = checkDeliveryPlan(inst, runPublishedHeuristic(inst).plan, { requireFullDemand: false });
    for (const plan of [dp.plan, milp.plan]) {
      const c = checkDeliveryPlan(inst, plan, { requireFullDemand: false });
      expect(c.violations).toEqual([]);
      expectClose(c.cost.totalNOK, dp.objective, { abs: 1e-4 }, `checker cost of the ${plan.method} plan`);
      expect(c.servedSites).toEqual(heuristic.servedSites);
      expect(c.cost.totalNOK).toBeLessThanOrEqual(heuristic.cost.totalNOK);
    }
  }, 60_000);

  it('12-customer: MILP proves the DP optimum; exact ≤ heuristic (tables 9-1 and 9-2 routes)', async () => {
    const inst = bundledDeliveryCase('12-customer');
    const data = extractDeliveryModelData(inst, { amountRule: 'nearest-unit' });
    const dp = solveDeliveryDp(data);
    const milp = await solveDeliveryMilp(data, { timeLimitSec: 90 });
    expect(milp.status).toBe('optimal');
    expectClose(milp.objective, dp.objective, { abs: 1e-3 }, 'MILP vs DP objective');
    const c = checkDeliveryPlan(inst, milp.plan, { requireFullDemand: false });
    expect(c.feasible).toBe(true);
    for (const radius of [250, 120]) {
      const h = checkDeliveryPlan(inst, runPublishedHeuristic(inst, { clusterRadiusKm: radius }).plan, { requireFullDemand: false });
      expect(h.servedSites).toEqual(c.servedSites);
      expect(c.cost.totalNOK).toBeLessThan(h.cost.totalNOK);
    }
  }, 120_000);

  it('one vehicle: the label DP equals brute force over all orders of the required sites', () => {
    const inst = withDeliveryChanges(bundledDeliveryCase('7-node'), { vehicles: [{ id: 9, type: 'Big', capacityKWh: 1000, speedKmh: 60, fuelCostPerKm: 10, hourlyWage: 300 }] });
    const data = extractDeliveryModelData(inst, { amountRule: 'ceil-unit' });
    const best = bestRoutesBySubset(data, 0);
    const m = data.sites.length;
    const full = (1 << m) - 1;
    // brute force: every permutation, driver start on a fine grid, earliest schedule
    let brute = Infinity;
    const perms = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((r) => [x, ...r])));
    for (const order of perms([...Array(m).keys()])) {
      for (let s0 = 8; s0 <= 16; s0 += 1 / 600) {
        let t = s0 + data.loadingH;
        let at = 0;
        let km = 0;
        let ok = true;
        for (const j of order) {
          t += data.travelH(0, at, j + 1);
          km += data.distanceKm(at, j + 1);
          t = Math.max(t, data.sites[j]!.earliestH);
          if (t > data.sites[j]!.latestH + 1e-9) ok = false;
          t += data.serviceH;
          at = j + 1;
        }
        if (!ok) continue;
        km += data.distanceKm(at, 0);
        t += data.travelH(0, at, 0);
        brute = Math.min(brute, km * 20 + (m + 1) * 400 + 300 * (t - s0));
      }
    }
    expectClose(best[full]!.cost, brute, { abs: 1 }, 'DP vs brute force (1-minute start grid)');
    expect(best[full]!.cost).toBeLessThanOrEqual(brute + 1e-6);
  });

  it('planDelivery returns checked plans; the exact one meets every demand, the heuristic one does not', async () => {
    const inst = bundledDeliveryCase('7-node');
    const exact = await planDelivery(inst, { method: 'dp' });
    const heuristic = await planDelivery(inst, { policy: 'heuristic' });
    expect(exact.check.feasible).toBe(true);
    expect(heuristic.check.violations.map((v) => [v.kind, v.node])).toEqual([['demand-not-met', 5]]);
    expect(exact.check.deliveredKWh).toBeGreaterThan(heuristic.check.deliveredKWh);
    expect(exact.costPerKWhDeliveredNOK).toBeLessThan(heuristic.costPerKWhDeliveredNOK);
  });
});
