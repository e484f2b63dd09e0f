import { expectClose } from '@gridhaul/common/testing';
import { messRoutingText } from '@gridhaul/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../testing/fixtures';
import { testBackends } from '../../testing/databases';
import { openTestServices, waitForJob, type TestServices } from '../../testing/services';

const files = {
  format: 'files',
  name: '7-node',
  demandCsv: messRoutingText('Customer_demand_data_with_time_window_in_KWH.csv'),
  distanceCsv: messRoutingText('Distance_matrix_between_the_nodes.csv'),
  vehiclesJson: messRoutingText('vehicles.json'),
} as const;
// The notebook's printed totals for its heuristic on the 7-node case (expected-results.json, optimal_routing_7node).
const published = (JSON.parse(messRoutingText('expected-results.json')) as { optimal_routing_7node: { total_distance_km: number; total_cost_NOK: number } }).optimal_routing_7node;

/** The same case as structured JSON, with quantity strings where a field carries a unit. */
function structured() {
  const demand = files.demandCsv.trim().split('\n').slice(1).map((l) => l.split(','));
  const distance = files.distanceCsv.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number));
  const v = JSON.parse(files.vehiclesJson) as { vehicles: Array<Record<string, number | string>>; global_parameters: Record<string, number> };
  const g = v.global_parameters;
  return {
    format: 'json',
    name: '7-node',
    nodes: demand.map(([name, req, present, soc, start, end], i) =>
      i === 0 ? { name, requirementKWh: 0, presentKWh: 0 } : { name, requirementKWh: `${req} kWh`, presentKWh: Number(present), socPct: Number(soc), windowStartH: Number(start), windowEndH: Number(end) },
    ),
    distanceKm: distance,
    vehicles: v.vehicles.map((x) => ({ id: x['id'], type: x['type'], capacityKWh: `${x['capacity_kWh']} kWh`, speedKmh: x['speed_kmh'], fuelCostPerKm: x['fuel_cost_per_km'], hourlyWage: x['hourly_wage'] })),
    params: {
      tollPerLeg: g['road_toll_NOK_per_leg'],
      maintenancePerKm: g['vehicle_maintenance_cost_NOK_per_km'],
      serviceTimeH: '30 min',
      clusterRadiusKm: g['cluster_max_radius_km'],
      shiftStartH: g['shift_start_h'],
      socDecayPctPerH: g['soc_decay_pct_per_h'],
      pickupSocThresholdPct: g['pickup_soc_threshold_pct'],
      deliveryRoundingKWh: g['delivery_rounding_kWh'],
    },
  };
}

describe.each(testBackends())("'mess-delivery' jobs on %s", (backend) => {
  let s: TestServices;
  let api: ReturnType<TestServices['as']>;
  beforeAll(async () => {
    s = await openTestServices(backend, 'mess_delivery');
    api = s.as(s.key);
  });
  afterAll(async () => s?.dispose());

  const solve = async (input: object) => {
    const job = await api.jobs.enqueue({ problemType: 'mess-delivery', input });
    expect((await waitForJob(s, job.id)).status).toBe('succeeded');
    return { result: await api.jobs.result({ id: job.id }), check: await api.jobs.check({ id: job.id }) };
  };

  it('the published heuristic on the 7-node case: 840 km and NOK 44,598.18 under its cost rule; site 5 gets 150 of its 160 kWh', async () => {
    const { result, check } = await solve({ instance: files, policy: 'heuristic' });
    expect(result.status).toBe('heuristic');
    expect(result.costs['distanceKm']).toBe(published.total_distance_km);
    expectClose(result.costs['publishedRuleNOK'] ?? NaN, published.total_cost_NOK, { abs: 0.005 }, 'published total (wage × arrival clock time)');
    // Wages on route time instead of the clock (the corrected cost model every policy is compared on).
    expectClose(result.objective ?? NaN, 9120 + 8400 + 3200 + 6156.363636, { abs: 1e-5 }, 'fuel + maintenance + tolls + wages on duty');
    expect(check).toEqual({ feasible: false, objective: result.objective, problems: ['demand-not-met vehicle 2 site 5: 150 vs limit 160'] });
    expect((result.plan as { skippedSites: number[] }).skippedSites).toEqual([2, 4]);
    // Judged by the published rounding to the nearest 50 kWh, the same plan keeps every rule.
    const nearest = await solve({ instance: files, policy: 'heuristic', amounts: 'nearest' });
    expect(nearest.check).toMatchObject({ feasible: true, problems: [] });
  });

  it('exact (subset DP) meets every demand, passes the checker and costs less than the heuristic; the structured form gives the same optimum', async () => {
    const heuristic = await solve({ instance: files, policy: 'heuristic' });
    const exact = await solve({ instance: files, method: 'dp' });
    expect(exact.result.status).toBe('optimal');
    expect(exact.check).toMatchObject({ feasible: true, problems: [] });
    expectClose(exact.check.objective ?? NaN, exact.result.objective ?? NaN, { abs: 1e-6 }, 'checker cost vs solver cost');
    expect(exact.result.objective).toBeLessThanOrEqual(heuristic.result.objective ?? -Infinity);
    expect(exact.result.costs['deliveredKWh']).toBeGreaterThan(heuristic.result.costs['deliveredKWh'] ?? Infinity);
    const json = await solve({ instance: structured(), method: 'dp' });
    expectClose(json.result.objective ?? NaN, exact.result.objective ?? NaN, { abs: 1e-9 }, 'structured vs files');
  });

  it('a scenario document stores the case and solves by scenario id; a bad one lists its problems by path', async () => {
    const sc = await api.scenarios.createFromDocument({ document: { name: '7-node heuristic', problemType: 'mess-delivery', seed: 3, problem: { instance: structured(), policy: 'heuristic' } } });
    const job = await api.jobs.enqueue({ scenarioId: sc.id });
    expect(job.seed).toBe(3);
    expect((await waitForJob(s, job.id)).status).toBe('succeeded');
    expect((await api.jobs.result({ id: job.id })).costs['distanceKm']).toBe(published.total_distance_km);
    const invalid = await api.scenarios.validate({ document: { name: 'bad', problemType: 'mess-delivery', problem: { instance: { ...files, vehiclesJson: '{' }, method: 'simplex' } } });
    expect(invalid.problems.map((p) => p.field).sort()).toEqual(['problem.instance.vehiclesJson', 'problem.method']);
  });

  it('bad input names the field and the value, and stores nothing', async () => {
    const before = await tableCounts((sql) => s.db.sql.query(sql));
    const rejected = (input: object) => api.jobs.enqueue({ problemType: 'mess-delivery', input }).catch((e: unknown) => e);
    const quote = await rejected({ instance: { ...files, demandCsv: files.demandCsv.replace('pond construction', '"pond construction') } });
    expect(quote).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.demandCsv' } });
    expect(String((quote as Error).message)).toMatch(/demandCsv:4: expected a closing quote/);
    const nan = await rejected({ instance: { ...files, distanceCsv: files.distanceCsv.replace('Depot,0,100', 'Depot,0,NaN') } });
    expect(nan).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.distanceCsv' } });
    expect(String((nan as Error).message)).toMatch(/distanceCsv:2 column 3: expected a number, got "NaN"/);
    const negative = structured();
    negative.vehicles[1]!.capacityKWh = '-200 kWh';
    expect(await rejected({ instance: negative })).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.vehicles.1.capacityKWh' } });
    const wrongUnit = structured();
    wrongUnit.vehicles[0]!.capacityKWh = '200 km';
    expect(await rejected({ instance: wrongUnit })).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.vehicles.0.capacityKWh' } });
    const vehicles = files.vehiclesJson.replace('"capacity_kWh": 200', '"capacity_kWh": -200');
    const negativeFile = await rejected({ instance: { ...files, vehiclesJson: vehicles } });
    expect(negativeFile).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.vehiclesJson' } });
    expect(String((negativeFile as Error).message)).toMatch(/vehicles\[0\]\.capacityKWh.*-200/);
    expect(await tableCounts((sql) => s.db.sql.query(sql))).toEqual(before);
  });
});
