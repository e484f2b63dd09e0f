import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { messRoutingText, type MessRoutingFileName } from './mess-routing';

// Expected values: shared/notes/mess-routing.md §1.1–1.4 (demand, distances, fleet), §5 and §5.1
// (the notebook's printed totals, SEB24 tables 9-1 and 9-2), §6.1 and §6.3 (Skagerak charging cycle).

/** Data rows (all but the header), split on commas; these files quote nothing. */
const rows = (text: string): string[][] =>
  text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
const matrix = (text: string): number[][] => rows(text).map((r) => r.slice(1).map(Number));
/** Ordered triples (i, j, k) of distinct nodes with d(i,j) > d(i,k) + d(k,j). */
const triangleViolations = (d: number[][]): number => {
  let n = 0;
  for (const [i, row] of d.entries())
    for (const [j, dij] of row.entries())
      for (const k of d.keys()) if (i !== j && k !== i && k !== j && dij > d[i]![k]! + d[k]![j]!) n++;
  return n;
};
const json = (file: MessRoutingFileName) => JSON.parse(messRoutingText(file)) as Record<string, unknown>;

describe('bundled construction-site MESS data', () => {
  it('7-node case: demand table §1.1 and distance matrix §1.2 (symmetric, 16 triangle violations)', () => {
    const demand = rows(messRoutingText('Customer_demand_data_with_time_window_in_KWH.csv'));
    expect(demand.map((r) => [Number(r[1]), Number(r[2])])).toEqual([
      [0, 0],
      [100, 20],
      [200, 190],
      [150, 20],
      [100, 30],
      [200, 40],
      [250, 20],
    ]);
    expect(demand.slice(1).map((r) => Number(r[3]))).toEqual([20, 95, 13.333333333333334, 30, 20, 8]);
    expect(new Set(demand.slice(1).map((r) => r.slice(4).join(',')))).toEqual(new Set(['8,16,0.5']));
    const d = matrix(messRoutingText('Distance_matrix_between_the_nodes.csv'));
    expect(d[0]).toEqual([0, 100, 80, 50, 90, 140, 130]);
    expect(d[5]).toEqual([140, 180, 90, 70, 120, 0, 80]);
    expect(d.every((row, i) => row.every((x, j) => x === d[j]![i]))).toBe(true);
    expect(triangleViolations(d)).toBe(16);
  });

  it('12-customer case §1.3: 13 nodes, the published SOC column and depot row, 134 triangle violations', () => {
    const demand = rows(messRoutingText('Customer_demand_data_with_time_window_in_KWH_12_customer.csv'));
    expect(demand).toHaveLength(13);
    expect(demand.slice(1).map((r) => Math.round(Number(r[3]) * 100) / 100)).toEqual([21, 20.5, 66.67, 17, 20, 80, 16, 30, 21, 92, 17, 13.33]);
    const d = matrix(messRoutingText('Distance_matrix_between_the_nodes_12_customer.csv'));
    expect(d[0]).toEqual([0, 100, 80, 50, 90, 140, 130, 160, 200, 180, 50, 90, 195]);
    expect(d[1]![5]).toBe(180);
    expect(triangleViolations(d)).toBe(134);
  });

  it('fleet and constants §1.4', () => {
    const v = json('vehicles.json') as { vehicles: Record<string, number | string>[]; global_parameters: Record<string, number> };
    expect(v.vehicles.map((x) => [x['capacity_kWh'], x['speed_kmh'], x['fuel_cost_per_km'], x['hourly_wage']])).toEqual([
      [200, 60, 10, 300],
      [200, 60, 10, 300],
      [250, 50, 12, 350],
      [350, 55, 12, 350],
      [500, 45, 14, 400],
      [500, 45, 14, 400],
    ]);
    expect(v.global_parameters).toMatchObject({ road_toll_NOK_per_leg: 400, vehicle_maintenance_cost_NOK_per_km: 10, service_time_h: 0.5, cluster_max_radius_km: 80, shift_start_h: 8, soc_decay_pct_per_h: 0.5, pickup_soc_threshold_pct: 20, delivery_rounding_kWh: 50 });
  });

  it('Skagerak charging cycle §6.1: 3 × 550 kWh at the hub, sites at 8 and 12 km, excavators 40–70 kWh/h', () => {
    const c = json('charging-cycle.json') as { hub: Record<string, number>; sites: Record<string, number>[]; excavators: Record<string, number>[] } & Record<string, number>;
    expect([c.hub['mess_units'], c.hub['mess_capacity_kWh']]).toEqual([3, 550]);
    expect(c.sites.map((s) => s['distance_from_hub_km'])).toEqual([8, 12]);
    expect(c.excavators.map((e) => [e['site'], e['battery_kWh'], e['consumption_kWh_per_h']])).toEqual([
      [1, 250, 40],
      [1, 250, 50],
      [2, 250, 60],
      [2, 250, 70],
    ]);
    expect(c).toMatchObject({ soc_min: 0.15, excavator_soc_max_day: 0.9, initial_soc_all: 1, charging_rate_high_kW: 170, operation_start_h: 7, operation_end_h: 19, truck_speed_kmh: 30, service_time_h: 0.5, operational_cost_day_NOK_per_km: 3.5, operational_cost_night_weekend_NOK_per_km: 5.25 });
  });

  it('published results §5, §5.1, §6.3: 840 km / NOK 44,598.18; tables 9-1 and 9-2 sum to their totals; 224.0 NOK for 64 km', () => {
    type Row = { km: number; cost_NOK: number };
    const r = json('expected-results.json') as {
      optimal_routing_7node: { total_distance_km: number; total_cost_NOK: number; routes: { distance_km: number; cost_NOK: number }[] };
      optimal_charging_cycle: { minimum_operational_cost_NOK: number; distance_day_km: number; distance_night_km: number; recharge_log: string[] };
      seb24_scenario_figures: Record<string, Row[]> & { table9_1_reproduction: { total_km: number; total_cost_NOK: number }; table9_2_reproduction: { total_km: number; total_cost_NOK: number } };
    };
    const routing = r.optimal_routing_7node;
    expect([routing.total_distance_km, routing.total_cost_NOK]).toEqual([840, 44598.18]);
    expect(routing.routes.reduce((s, x) => s + x.distance_km, 0)).toBe(840);
    expect(routing.routes.reduce((s, x) => s + x.cost_NOK, 0)).toBeCloseTo(44598.18, 6);
    const f = r.seb24_scenario_figures;
    for (const [table, total, km, nok] of [
      ['table9_1_one_cluster_12_customers', f.table9_1_reproduction, 1630, 85116.97],
      ['table9_2_two_clusters_12_customers', f.table9_2_reproduction, 1480, 81756.97],
    ] as const) {
      expect([total.total_km, total.total_cost_NOK]).toEqual([km, nok]);
      expect(f[table]!.reduce((s, x) => s + x.km, 0)).toBe(km);
      expect(f[table]!.reduce((s, x) => s + x.cost_NOK, 0)).toBeCloseTo(nok, 6);
    }
    const cycle = r.optimal_charging_cycle;
    expect([cycle.minimum_operational_cost_NOK, cycle.distance_day_km, cycle.distance_night_km]).toEqual([224, 64, 0]);
    expect(cycle.recharge_log).toHaveLength(18);
    expect(cycle.recharge_log[0]).toBe('Excavator 3 starts charging at hour 11.00');
  });

  it('names the field and value of an unknown file', () => {
    expect(() => messRoutingText('prices.csv' as MessRoutingFileName)).toThrow(expect.objectContaining({ field: 'file', value: 'prices.csv' }));
    expect(() => messRoutingText('../co-opt-mess/Traffic_Data.csv' as MessRoutingFileName)).toThrow(InputError);
  });
});
