import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { bundledDeliveryCase } from '../bundled';
import { publishedResults } from '../testing/expected';
import { runPublishedHeuristic } from './heuristic';

// Published numbers: shared/data/mess-routing/expected-results.json — the notebook's printed totals
// (7-node) and the SEB24 tables 9-1 / 9-2 (12 customers), reproduced to the last printed digit.
const published = publishedResults();

describe('published delivery heuristic (compat)', () => {
  it('7-node case: 840 km, NOK 44,598.18, clusters, assignments and per-vehicle rows', () => {
    const ref = published.optimal_routing_7node;
    const r = runPublishedHeuristic(bundledDeliveryCase('7-node'));
    expect(r.clusters).toEqual([
      { key: 1, nodes: [1, 2, 4, 5, 6] },
      { key: 0, nodes: [3] },
    ]);
    expect(Object.fromEntries([...r.assignments].map(([k, v]) => [String(k), v]))).toEqual(ref.vehicle_assignments);
    expect(r.totalDistanceKm).toBe(ref.total_distance_km);
    expect(r.totalPublishedCostNOK.toFixed(2)).toBe(ref.total_cost_NOK.toFixed(2));
    expect(r.skipped).toEqual([2, 4]);
    for (const row of ref.routes) {
      const v = r.vehicles.find((x) => x.vehicleId === row.vehicle)!;
      expect(v.route).toEqual(row.route);
      expect(v.distanceKm).toBe(row.distance_km);
      expect(v.deliveredKWh).toBe(row.delivery_kWh);
      expect(v.pickedUpKWh).toBe(row.pickup_kWh);
      expect(v.publishedCostNOK.toFixed(2)).toBe(row.cost_NOK.toFixed(2));
      expectClose(v.finishH, row.finish_time_h, { abs: 1e-12 }, `finish time of vehicle ${row.vehicle}`);
      const served = v.trace.find((x) => x.action === 'served')!;
      expectClose(served.socPct, row.soc_on_arrival_pct, { abs: 1e-12 }, `SOC on arrival, vehicle ${row.vehicle}`);
    }
    const skippedSoc = Object.fromEntries(r.vehicles.flatMap((v) => v.trace.filter((x) => x.action === 'skipped').map((x) => [String(x.node), x.socPct])));
    expectClose(skippedSoc['2']!, ref.skipped_soc_pct['2']!, { abs: 1e-12 }, 'SOC of skipped node 2');
    expectClose(skippedSoc['4']!, ref.skipped_soc_pct['4']!, { abs: 1e-12 }, 'SOC of skipped node 4');
  });

  for (const [table, radius] of [
    ['table9_1_one_cluster_12_customers', 250],
    ['table9_2_two_clusters_12_customers', 120],
  ] as const) {
    it(`12-customer SEB24 ${table.slice(0, 8)} (cluster radius ${radius} km)`, () => {
      const figures = published.seb24_scenario_figures;
      const rows = figures[table];
      const one = table.startsWith('table9_1');
      const repro = one ? figures.table9_1_reproduction : figures.table9_2_reproduction;
      const skipped = one ? figures.table9_1_skipped : figures.table9_2_skipped;
      const r = runPublishedHeuristic(bundledDeliveryCase('12-customer'), { clusterRadiusKm: radius });
      expect(r.totalDistanceKm).toBe(repro.total_km);
      expect(r.totalPublishedCostNOK.toFixed(2)).toBe(repro.total_cost_NOK.toFixed(2));
      expect(r.skipped).toEqual(skipped);
      expect(r.vehicles.map((v) => v.vehicleId)).toEqual(rows.map((x) => x.vehicle));
      for (const row of rows) {
        const v = r.vehicles.find((x) => x.vehicleId === row.vehicle)!;
        expect(v.route).toEqual(repro.routes[String(row.vehicle)]);
        expect([v.distanceKm, v.deliveredKWh, v.pickedUpKWh]).toEqual([row.km, row.delivery_kWh, row.pickup_kWh]);
        expect(v.publishedCostNOK.toFixed(2)).toBe(row.cost_NOK.toFixed(2));
        expect(v.finishH.toFixed(2)).toBe(row.return_h.toFixed(2));
      }
    });
  }

  it('the plan keeps the heuristic times: departure 08:30 after loading, service at each queue time', () => {
    const r = runPublishedHeuristic(bundledDeliveryCase('7-node'));
    const v1 = r.plan.routes.find((x) => x.vehicleId === 1)!;
    expect(v1.departH).toBe(8.5);
    expectClose(v1.stops[0]!.serviceStartH, 8.5 + 100 / 60, { abs: 1e-12 }, 'service start at node 1');
    expectClose(v1.returnH, 8.5 + 100 / 60 + 0.5 + 100 / 60, { abs: 1e-12 }, 'return time');
  });
});

describe('published delivery heuristic with its quirks fixed', () => {
  it('finish time is the end of the last service plus the drive home, not the last stale pop', () => {
    const compat = runPublishedHeuristic(bundledDeliveryCase('12-customer'), { clusterRadiusKm: 250 });
    const fixed = runPublishedHeuristic(bundledDeliveryCase('12-customer'), { clusterRadiusKm: 250, compat: false });
    const c2 = compat.vehicles.find((v) => v.vehicleId === 2)!;
    const f2 = fixed.vehicles.find((v) => v.vehicleId === 2)!;
    expect(c2.route).toEqual([0, 2, 0]);
    expectClose(c2.finishH, 12.0, { abs: 1e-12 }, 'compat finish (stale pop of node 6 at 10.67 + 80/60)');
    expectClose(f2.finishH, 8 + 80 / 60 + 0.5 + 0.5 + 80 / 60, { abs: 1e-12 }, 'fixed finish');
    expect(fixed.plan.method).toBe('published-heuristic-fixed');
  });
});
