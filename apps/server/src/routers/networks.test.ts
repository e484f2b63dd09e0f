import { readFileSync } from 'node:fs';
import { coOptDataText } from '@gridhaul/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_CHARS } from '../schemas/common';
import { tableCounts } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, type TestServices } from '../testing/services';

const data = (f: string) => readFileSync(new URL(`../../test/data/${f}`, import.meta.url), 'utf8');

const roads = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'Main St', speedKmh: 50 }, geometry: { type: 'LineString', coordinates: [[10.7, 59.9], [10.71, 59.9], [10.72, 59.905]] } },
    { type: 'Feature', properties: { name: 'Side Rd' }, geometry: { type: 'LineString', coordinates: [[10.72, 59.905], [10.73, 59.91]] } },
  ],
};

describe.each(testBackends())('networks on %s', (backend) => {
  let s: TestServices;
  let api: ReturnType<TestServices['as']>;
  beforeAll(async () => {
    s = await openTestServices(backend, 'networks');
    api = s.as(s.key);
  });
  afterAll(async () => s?.dispose());
  const counts = () => tableCounts((sql) => s.db.sql.query(sql));

  it("imports MATPOWER case9 (9 buses, 9 branches, 3 generators) and returns it as @gridhaul/grid reads it", async () => {
    const summary = await api.networks.importMatpower({ text: data('case9.m'), fileName: 'case9.m' });
    expect(summary).toMatchObject({ kind: 'grid', nodes: 9, edges: 9 });
    const g = await api.networks.getGrid({ id: summary.id });
    expect(g.network.baseMVA).toBe(100);
    expect(g.network.generators.map((x) => x.pmaxMW)).toEqual([250, 300, 270]); // case9.m gen table, PMAX column
    expect(g.network.buses.find((b) => b.id === 5)?.pdMW).toBe(90); // case9.m bus 5, PD
    expect((await api.networks.list()).map((n) => n.id)).toContain(summary.id);
    await api.networks.delete({ id: summary.id });
    await expect(api.networks.getGrid({ id: summary.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects a malformed MATPOWER file with the file and line, storing nothing', async () => {
    const before = await counts();
    const broken = data('case9.m').replace('mpc.branch = [', 'mpc.branch = [\n\t1\t4\tnot-a-number;');
    const error = (await api.networks.importMatpower({ text: broken, fileName: 'broken.m' }).catch((e: unknown) => e)) as { code: string; cause: { tag: string; field: string } };
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause.tag).toBe('INVALID_INPUT');
    expect(error.cause.field).toMatch(/^broken\.m:\d+/);
    expect(await counts()).toEqual(before);
  });

  it('imports the 7-node co-optimization distance matrix as a road network (−1 = no road)', async () => {
    const summary = await api.networks.importCsvMatrix({ text: coOptDataText('small', 'distance'), name: 'co-opt 7' });
    expect(summary.nodes).toBe(7);
    const road = await api.networks.getRoad({ id: summary.id });
    const depotToSite1 = road.network.edges.find((e) => e.from === '0' && e.to === '1');
    expect(depotToSite1?.lengthKm).toBe(40); // row 0, column "Charging site 1"
    expect(road.network.edges.some((e) => e.from === '1' && e.to === '3')).toBe(false); // -1 in the file
    expect(road.nodeNames?.['0']).toBe('Depot');
  });

  it('imports GeoJSON roads and rejects GeoJSON that is not a FeatureCollection or not JSON, storing nothing', async () => {
    const summary = await api.networks.importGeoJson({ text: JSON.stringify(roads), name: 'town' });
    expect(summary.nodes).toBeGreaterThanOrEqual(3);
    const before = await counts();
    await expect(api.networks.importGeoJson({ text: '{"type":"Feature"}', name: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.networks.importGeoJson({ text: '{not json', name: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a file over the size limit before parsing it (field "text")', async () => {
    const before = await counts();
    const huge = 'x'.repeat(MAX_FILE_CHARS + 1);
    const error = (await api.networks.importMatpower({ text: huge }).catch((e: unknown) => e)) as { code: string; cause: { issues: Array<{ path: string[] }> } };
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause.issues[0]?.path).toEqual(['text']);
    expect(await counts()).toEqual(before);
  });

  it('answers unknown ids with NOT_FOUND', async () => {
    await expect(api.networks.getRoad({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.networks.delete({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
