import { coOptDataText } from '@gridhaul/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mess550, tableCounts, threeBus, wyndorLp } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, type TestServices } from '../testing/services';

describe.each(testBackends())('batteries, fleets and scenarios on %s', (backend) => {
  let s: TestServices;
  let api: TestServices['as'] extends (k: string) => infer C ? C : never;
  beforeAll(async () => {
    s = await openTestServices(backend, 'catalog');
    api = s.as(s.key);
  });
  afterAll(async () => s?.dispose());
  const counts = () => tableCounts((sql) => s.db.sql.query(sql));

  /** Runs a call that must fail with `code` naming `field`, and checks the database did not change. */
  async function rejectsUnchanged(call: () => Promise<unknown>, code: string, field?: string) {
    const before = await counts();
    const error = await call().then(
      () => null,
      (e: unknown) => e as { code: string; cause?: unknown },
    );
    expect(error, 'the call should have failed').not.toBeNull();
    expect(error?.code).toBe(code);
    if (field !== undefined) {
      const issues = (error?.cause as { issues?: Array<{ path: PropertyKey[] }> } | undefined)?.issues;
      const fields = issues ? issues.map((i) => i.path.join('.')) : [(error?.cause as { field?: string }).field];
      expect(fields).toContain(field);
    }
    expect(await counts()).toEqual(before);
  }

  it('creates, reads, updates and deletes a battery', async () => {
    const b = await api.batteries.create(mess550);
    expect(await api.batteries.get({ id: b.id })).toEqual(b);
    const updated = await api.batteries.update({ id: b.id, battery: { ...mess550, capacityKWh: 600 } });
    expect(updated.capacityKWh).toBe(600);
    await api.batteries.delete({ id: b.id });
    await expect(api.batteries.get({ id: b.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects negative capacity, NaN, SOC limits out of order and a duplicate name, naming the field, leaving the database unchanged', async () => {
    await rejectsUnchanged(() => api.batteries.create({ ...mess550, name: 'neg', capacityKWh: -550 }), 'BAD_REQUEST', 'capacityKWh');
    await rejectsUnchanged(() => api.batteries.create({ ...mess550, name: 'nan', maxChargeKW: Number.NaN }), 'BAD_REQUEST', 'maxChargeKW');
    await rejectsUnchanged(() => api.batteries.create({ ...mess550, name: 'inf', maxChargeKW: Infinity }), 'BAD_REQUEST', 'maxChargeKW');
    await rejectsUnchanged(() => api.batteries.create({ ...mess550, name: 'soc', socMin: 0.9, socMax: 0.15 }), 'BAD_REQUEST', 'socMin');
    await api.batteries.create({ ...mess550, name: 'unique' });
    await rejectsUnchanged(() => api.batteries.create({ ...mess550, name: 'unique' }), 'CONFLICT');
    await rejectsUnchanged(() => api.batteries.update({ id: 'no-such-battery', battery: mess550 }), 'NOT_FOUND');
    await rejectsUnchanged(() => api.batteries.delete({ id: 'no-such-battery' }), 'NOT_FOUND');
  });

  it('stores a fleet with vehicles and MESS units, and refuses one whose MESS unit names an unknown battery', async () => {
    const b = await api.batteries.create({ ...mess550, name: 'fleet battery' });
    const truck = { name: 'T1', kind: 'truck' as const, messCapacity: 2, massKg: 26_000, speedKmh: 50, costPerKm: 1.2, wagePerH: 40 };
    const f = await api.fleets.create({ name: 'hub fleet', vehicles: [truck], messUnits: [{ name: 'M1', batterySpecId: b.id, initialSoc: 1 }] });
    expect(f.vehicles).toHaveLength(1);
    expect(f.messUnits[0]).toMatchObject({ name: 'M1', batterySpecId: b.id });
    await rejectsUnchanged(
      () => api.fleets.create({ name: 'bad fleet', vehicles: [truck], messUnits: [{ name: 'M1', batterySpecId: 'nope', initialSoc: 1 }] }),
      'BAD_REQUEST',
      'messUnits.0.batterySpecId',
    );
    await rejectsUnchanged(() => api.fleets.create({ name: 'dup', vehicles: [truck, truck], messUnits: [] }), 'BAD_REQUEST', 'vehicles.1.name');
    await rejectsUnchanged(() => api.batteries.delete({ id: b.id }), 'CONFLICT'); // still used by M1
  });

  const document = {
    name: 'charging cycle',
    problemType: 'lp',
    seed: 11,
    timeLimitSec: '2 min',
    batteries: [{ name: 'MESS', chemistry: 'NMC', capacityKWh: '550 kWh', maxChargeKW: '0.25 MW', maxDischargeKW: 250, socMin: 0.15, socMax: 0.9 }],
    fleet: { vehicles: [{ name: 'T1', kind: 'truck', massKg: '26 t', speedKmh: '50 km/h' }], mess: [{ name: 'M1', battery: 'MESS' }] },
    sites: [{ name: 'pond', kind: 'site', demand: [{ startH: '7 h', endH: '19 h', energyKWh: '1.2 MWh' }] }],
    problem: wyndorLp,
  };

  it('creates a scenario from one JSON document, converting quantities with units ("0.25 MW" → 250 kW, "2 min" → 120 s)', async () => {
    const sc = await api.scenarios.createFromDocument({ document });
    const doc = sc.document as { timeLimitSec: number; batteries: Array<{ capacityKWh: number; maxChargeKW: number }>; fleet: { vehicles: Array<{ massKg: number; speedKmh: number }> }; sites: Array<{ demand: Array<{ energyKWh: number; endH: number }> }> };
    expect(doc.timeLimitSec).toBe(120);
    expect(doc.batteries[0]).toMatchObject({ capacityKWh: 550, maxChargeKW: 250 });
    expect(doc.fleet.vehicles[0]).toMatchObject({ massKg: 26_000, speedKmh: 50 });
    expect(doc.sites[0]?.demand[0]).toMatchObject({ energyKWh: 1200, endH: 19 });
    const copy = await api.scenarios.clone({ id: sc.id, changes: { seed: 12 } });
    expect(copy).toMatchObject({ name: 'charging cycle (copy)', clonedFromId: sc.id });
    expect((copy.document as { seed: number }).seed).toBe(12);
  });

  it('lists every problem of a bad document at once, and refuses to store it', async () => {
    const bad = {
      ...document,
      batteries: [{ ...document.batteries[0], capacityKWh: '-5 kWh', maxChargeKW: '3 km' }],
      fleet: { vehicles: [], mess: [{ name: 'M1', battery: 'missing' }] },
      sites: [{ name: 'pond', kind: 'site', demand: [{ startH: 19, endH: 7, energyKWh: 5 }] }],
      gridNetworkId: 'no-such-grid',
      problem: { ...wyndorLp, constraints: [{ name: 'r', terms: [{ var: 'zz', coef: 1 }], sense: '<=', rhs: 1 }] },
    };
    const { valid, problems } = await api.scenarios.validate({ document: bad });
    expect(valid).toBe(false);
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['batteries.0.capacityKWh', 'batteries.0.maxChargeKW', 'fleet.mess.0.battery', 'gridNetworkId', 'problem.constraints.0.terms.0.var', 'sites.0.demand.0.endH'].sort(),
    );
    const good = await api.scenarios.validate({ document });
    expect(good).toEqual({ valid: true, problems: [] });
    await rejectsUnchanged(() => api.scenarios.createFromDocument({ document: bad }), 'BAD_REQUEST', 'batteries.0.capacityKWh');
  });

  it('looks up stored ids: an lmp scenario takes its network from the stored grid, whose buses the sites must name', async () => {
    const grid = await s.repos.networks.importGrid(threeBus('scenario grid'));
    const road = await api.networks.importCsvMatrix({ text: coOptDataText('small', 'distance'), name: 'co-opt 7' });
    const lmp = { name: 'day prices', problemType: 'lmp', gridNetworkId: grid.id, roadNetworkId: road.id, sites: [{ name: 'pond', kind: 'site', gridBus: 3 }], problem: { profile: { periods: 3 } } };
    expect(await api.scenarios.validate({ document: lmp })).toEqual({ valid: true, problems: [] });
    const bad = await api.scenarios.validate({ document: { ...lmp, roadNetworkId: 'no-such-road', sites: [{ name: 'pond', kind: 'site', gridBus: 7 }], problem: { profile: { periods: 0 } } } });
    expect(bad.problems).toEqual([
      { field: 'problem.profile.periods', message: expect.any(String) },
      { field: 'roadNetworkId', message: 'no road network "no-such-road"' },
      { field: 'sites.0.gridBus', message: 'bus 7 is not in grid network "scenario grid"' },
    ]);
  });

  it('creates a scenario from stored parts (battery and fleet by id)', async () => {
    const b = await api.batteries.create({ ...mess550, name: 'parts battery' });
    const f = await api.fleets.create({ name: 'parts fleet', vehicles: [], messUnits: [{ name: 'M9', batterySpecId: b.id, initialSoc: 0.5 }] });
    const sc = await api.scenarios.create({ name: 'from parts', problemType: 'lp', fleetId: f.id, problem: wyndorLp });
    const doc = sc.document as { batteries: Array<{ name: string }>; fleet: { mess: Array<{ battery: string; initialSoc: number }> } };
    expect(doc.batteries.map((x) => x.name)).toEqual(['parts battery']);
    expect(doc.fleet.mess[0]).toEqual({ name: 'M9', battery: 'parts battery', initialSoc: 0.5 });
    await rejectsUnchanged(() => api.scenarios.create({ name: 'x', problemType: 'lp', fleetId: 'nope', problem: wyndorLp }), 'NOT_FOUND');
    await rejectsUnchanged(() => api.scenarios.create({ name: 'x', problemType: 'no-such-type', problem: {} }), 'BAD_REQUEST', 'problemType');
  });
});
