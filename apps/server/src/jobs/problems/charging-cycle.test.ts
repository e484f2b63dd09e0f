import { expectClose } from '@gridhaul/common/testing';
import { messRoutingText } from '@gridhaul/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../testing/fixtures';
import { testBackends } from '../../testing/databases';
import { openTestServices, waitForJob, type TestServices } from '../../testing/services';

const chargingCycleJson = messRoutingText('charging-cycle.json');
const files = { format: 'files', chargingCycleJson } as const;
// `Optimal charging Cycle.ipynb`'s stored output (expected-results.json, optimal_charging_cycle).
const published = (JSON.parse(messRoutingText('expected-results.json')) as { optimal_charging_cycle: { minimum_operational_cost_NOK: number; distance_day_km: number; recharge_log: string[] } }).optimal_charging_cycle;

/** charging-cycle.json in the optimizer's field names, with quantity strings where a field carries a unit. */
function structured() {
  const j = JSON.parse(chargingCycleJson) as Record<string, unknown> & { hub: Record<string, number>; sites: Array<Record<string, number>>; excavators: Array<Record<string, number>> };
  return {
    format: 'json',
    hubMessUnits: j.hub['mess_units'],
    hubMessCapacityKWh: `${j.hub['mess_capacity_kWh']} kWh`,
    hubChargers: 2,
    hubChargerPowerKW: '0.5 MW',
    sites: j.sites.map((x) => ({ id: x['id'], distanceKm: x['distance_from_hub_km'], messCapacityKWh: x['mess_capacity_kWh'] })),
    excavators: j.excavators.map((x) => ({ id: x['id'], siteId: x['site'], batteryKWh: x['battery_kWh'], consumptionKWhPerH: x['consumption_kWh_per_h'] })),
    socMin: j['soc_min'],
    excavatorSocMaxDay: j['excavator_soc_max_day'],
    initialSoc: j['initial_soc_all'],
    chargingPowerKW: j['charging_rate_high_kW'],
    startH: j['operation_start_h'],
    endH: j['operation_end_h'],
    truckSpeedKmh: j['truck_speed_kmh'],
    serviceTimeH: '30 min',
    dayCostPerKm: j['operational_cost_day_NOK_per_km'],
    nightCostPerKm: j['operational_cost_night_weekend_NOK_per_km'],
    dayTariffBeforeH: j['day_tariff_applies_if_hour_lt'],
  };
}

describe.each(testBackends())("'charging-cycle' jobs on %s", (backend) => {
  let s: TestServices;
  let api: ReturnType<TestServices['as']>;
  beforeAll(async () => {
    s = await openTestServices(backend, 'charging_cycle');
    api = s.as(s.key);
  });
  afterAll(async () => s?.dispose());

  const solve = async (input: object) => {
    const job = await api.jobs.enqueue({ problemType: 'charging-cycle', input });
    expect((await waitForJob(s, job.id)).status).toBe('succeeded');
    return { result: await api.jobs.result({ id: job.id }), check: await api.jobs.check({ id: job.id }) };
  };

  it('the published rule-based run: 224.0 NOK, 64 km by day, its log line for line; the checker lists the limits it breaks', async () => {
    const { result, check } = await solve({ instance: files, policy: 'heuristic' });
    expect(result.status).toBe('heuristic');
    expect(result.objective).toBe(published.minimum_operational_cost_NOK);
    expect(result.costs).toMatchObject({ travelNOK: 224, distanceDayKm: published.distance_day_km, distanceNightKm: 0, swaps: 3 });
    expect((result.plan as { log: string[] }).log).toEqual(published.recharge_log);
    expect(check.feasible).toBe(false);
    expect(check.objective).toBe(224);
    expect(check.problems.map((p) => p.split(':')[0]).sort()).toEqual(
      [
        'excavator-below-min excavator 1',
        'excavator-below-min excavator 2',
        'excavator-below-min excavator 3',
        'excavator-below-min excavator 4',
        'excavator-empty excavator 2',
        'excavator-empty excavator 3',
        'excavator-empty excavator 4',
        'mess-below-min site 1 MESS',
        'mess-below-min site 2 MESS',
        'outside-operating-window plan',
      ].sort(),
    );
  });

  it('exact (MILP, 1-h steps) keeps every limit at the same 224.0 NOK; the structured form gives the same plan cost', async () => {
    // The energy balance needs one swap at site 1 and two at site 2 under the 15 % floors, so no
    // feasible plan costs less than the published 224.0 NOK (3 day trips, 64 km at 3.50 NOK/km).
    const exact = await solve({ instance: files, stepMinutes: 60 });
    expect(exact.result.status).toBe('optimal');
    expect(exact.check).toEqual({ feasible: true, objective: exact.result.objective, problems: [] });
    expectClose(exact.result.objective ?? NaN, published.minimum_operational_cost_NOK, { abs: 1e-9 }, 'least cost of a feasible day');
    const json = await solve({ instance: structured(), stepMinutes: 60 });
    expect(json.check).toMatchObject({ feasible: true, objective: exact.result.objective });
  });

  it('bad input names the field and the value, and stores nothing', async () => {
    const before = await tableCounts((sql) => s.db.sql.query(sql));
    const rejected = (input: object) => api.jobs.enqueue({ problemType: 'charging-cycle', input }).catch((e: unknown) => e);
    const nan = await rejected({ instance: { format: 'files', chargingCycleJson: chargingCycleJson.replace('"soc_min": 0.15', '"soc_min": "NaN"') } });
    expect(nan).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.chargingCycleJson' } });
    expect(String((nan as Error).message)).toMatch(/soc_min: expected a finite number, got "NaN"/);
    const broken = await rejected({ instance: { format: 'files', chargingCycleJson: chargingCycleJson.slice(0, 200) } });
    expect(broken).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.chargingCycleJson' } });
    const negative = { ...structured(), hubMessCapacityKWh: '-550 kWh' };
    const neg = await rejected({ instance: negative });
    expect(neg).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.hubMessCapacityKWh' } });
    expect(String((neg as Error).message)).toMatch(/-550/);
    const { hubMessCapacityKWh: _dropped, ...withoutCapacity } = structured();
    const missing = await rejected({ instance: withoutCapacity });
    expect(missing).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.hubMessCapacityKWh' } });
    expect(String((missing as Error).message)).toContain('missing: expected a number in kWh or a quantity string such as "550 kWh"');
    const wrongType = await rejected({ instance: { ...structured(), chargingPowerKW: true } });
    expect(String((wrongType as Error).message)).toContain('expected a number in kW or a quantity string such as "550 kW", got true (boolean)');
    const excavator = structured();
    excavator.excavators[2]!.batteryKWh = 0;
    expect(await rejected({ instance: excavator })).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.excavators.2.batteryKWh' } });
    expect(await rejected({ instance: files, stepMinutes: -15 })).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.stepMinutes' } });
    expect(await tableCounts((sql) => s.db.sql.query(sql))).toEqual(before);
  });
});
