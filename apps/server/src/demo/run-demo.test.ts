import { expectClose } from '@gridhaul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../testing/databases';
import { openTestServices, type TestServices } from '../testing/services';
import { loadDemoData } from './demo-data';
import { runDemo } from './run-demo';

describe.each(testBackends())('the demo (npm start) on %s', (backend) => {
  let s: TestServices;
  beforeAll(async () => {
    s = await openTestServices(backend, 'demo');
  });
  afterAll(async () => s?.dispose());

  it('loads the demo data, solves the demo scenario, and prices full load at the case14 reference 39.02 $/MWh', async () => {
    const report = await runDemo(s);
    expect(report.loaded).toBe(true);
    expect(report.solution.check).toMatchObject({ feasible: true, problems: [] });
    expect((await s.repos.networks.list()).map((n) => n.name).sort()).toEqual(['Co-OPT_MESS 16-node', 'Co-OPT_MESS 7-node', 'case118', 'case14']);
    const [series] = await s.repos.prices.list();
    const { points } = await s.repos.prices.query({ seriesId: series!.id, buses: [9], fromPeriod: 17, toPeriod: 17 });
    // Hour 17 is the RTS-79 day's peak (100 % load, case14 as published): PowerModels' case14 DC-OPF
    // price, 39.02 $/MWh (shared/data/lmp-reference/dcopf-expected.json, pm-dcp-case14-lmp).
    expectClose(points[0]!.lmpPerMWh, 39.02, { abs: 0.01 }, 'LMP at bus 9, 17:00');
    expect(report.table).toMatch(/MESS charging at bus 9, MWh\s+1\.650/);
    expect(report.table).toMatch(/independent check\s+feasible/);
    // The demo's API key is revoked after use; only the test's own key stays valid.
    expect((await s.repos.apiKeys.list()).filter((k) => k.revokedAt === null).map((k) => k.id)).toEqual([s.keyId]);
  });

  it('does not load the data twice when started again', async () => {
    const again = await loadDemoData(s.as(s.key));
    expect(again.loaded).toBe(false);
    expect(await s.repos.networks.list()).toHaveLength(4);
  });
});
