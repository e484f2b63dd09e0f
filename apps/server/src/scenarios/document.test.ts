import { describe, expect, it } from 'vitest';
import { threeBus, wyndorLp } from '../testing/fixtures';
import { checkScenarioDocument } from './document';

// The pure half of scenario validation: what `gridhaul solve` runs without a database. The stored-id
// half (lookUpStoredReferences + validateScenarioDocument) is exercised through the API in
// routers/catalog.test.ts on PGlite and Postgres.
const grid = { id: 'g1', ...threeBus('three-bus') };
const lmp = { name: 'day prices', problemType: 'lmp', gridNetworkId: 'g1', sites: [{ name: 'pond', kind: 'site', gridBus: 3 }], problem: { profile: { periods: 3 } } };
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field).sort();

describe('checkScenarioDocument (no database)', () => {
  it('lists stored ids as unresolved, not as problems, and still reports every other problem', () => {
    const ok = checkScenarioDocument({ name: 'lp', problemType: 'lp', roadNetworkId: 'r1', gridNetworkId: 'g1', problem: wyndorLp });
    expect(ok.problems).toEqual([]);
    expect(ok.document).toMatchObject({ name: 'lp', roadNetworkId: 'r1', gridNetworkId: 'g1' });
    expect(ok.unresolved).toEqual([
      { field: 'roadNetworkId', id: 'r1' },
      { field: 'gridNetworkId', id: 'g1' },
    ]);
    const bad = checkScenarioDocument({ name: 'lp', problemType: 'lp', roadNetworkId: 'r1', timeLimitSec: '5 kWh', fleet: { mess: [{ name: 'M1', battery: 'none' }] }, problem: { ...wyndorLp, sense: 'sideways' } });
    expect(fields(bad.problems)).toEqual(['fleet.mess.0.battery', 'problem.sense', 'timeLimitSec']);
    expect(bad.document).toBeNull();
    expect(bad.unresolved).toEqual([{ field: 'roadNetworkId', id: 'r1' }]);
  });

  it("an 'lmp' problem whose network a server fills in from gridNetworkId: offline only its own fields are checked", () => {
    expect(checkScenarioDocument(lmp)).toMatchObject({ problems: [], unresolved: [{ field: 'gridNetworkId', id: 'g1' }] });
    const zero = checkScenarioDocument({ ...lmp, problem: { profile: { periods: 0 } } });
    expect(fields(zero.problems)).toEqual(['problem.profile.periods']);
  });

  it('with the stored records given: the completed input, the buses of the stored grid, and ids with no record', () => {
    expect(checkScenarioDocument(lmp, { gridNetwork: grid })).toMatchObject({ problems: [], unresolved: [] });
    const offGrid = checkScenarioDocument({ ...lmp, sites: [{ name: 'pond', kind: 'site', gridBus: 7 }] }, { gridNetwork: grid });
    expect(offGrid.problems).toEqual([{ field: 'sites.0.gridBus', message: 'bus 7 is not in grid network "three-bus"' }]);
    const missing = checkScenarioDocument({ ...lmp, roadNetworkId: 'r9' }, { roadNetwork: null, gridNetwork: null });
    expect(missing.problems).toEqual(
      expect.arrayContaining([
        { field: 'roadNetworkId', message: 'no road network "r9"' },
        { field: 'gridNetworkId', message: 'no grid network "g1"' },
      ]),
    );
    expect(fields(missing.problems)).toEqual(['gridNetworkId', 'problem.network', 'roadNetworkId']);
    expect(missing.unresolved).toEqual([]);
  });
});
