import { messRoutingText } from '@gridhaul/datasets';

export interface PublishedTableRow {
  vehicle: number;
  km: number;
  delivery_kWh: number;
  pickup_kWh: number;
  cost_NOK: number;
  return_h: number;
}

export interface PublishedReproduction {
  routes: Record<string, number[]>;
  total_km: number;
  total_cost_NOK: number;
}

export interface PublishedResults {
  optimal_routing_7node: {
    vehicle_assignments: Record<string, number[]>;
    routes: { vehicle: number; route: number[]; distance_km: number; finish_time_h: number; delivery_kWh: number; pickup_kWh: number; cost_NOK: number; soc_on_arrival_pct: number }[];
    skipped_soc_pct: Record<string, number>;
    total_distance_km: number;
    total_cost_NOK: number;
  };
  optimal_charging_cycle: { minimum_operational_cost_NOK: number; distance_day_km: number; distance_night_km: number; recharge_log: string[] };
  seb24_scenario_figures: {
    table9_1_one_cluster_12_customers: PublishedTableRow[];
    table9_2_two_clusters_12_customers: PublishedTableRow[];
    table9_1_skipped: number[];
    table9_2_skipped: number[];
    table9_1_reproduction: PublishedReproduction;
    table9_2_reproduction: PublishedReproduction;
  };
}

/** expected-results.json of @gridhaul/datasets' construction-site MESS data: the published numbers. */
export function publishedResults(): PublishedResults {
  return JSON.parse(messRoutingText('expected-results.json')) as PublishedResults;
}
