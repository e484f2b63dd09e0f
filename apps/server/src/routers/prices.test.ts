import { matpowerCaseText } from '@gridhaul/datasets';
import { expectClose } from '@gridhaul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, waitForJob, type TestServices } from '../testing/services';

describe.each(testBackends())('LMP series on %s', (backend) => {
  let s: TestServices;
  let api: ReturnType<TestServices['as']>;
  beforeAll(async () => {
    s = await openTestServices(backend, 'prices');
    api = s.as(s.key);
  });
  afterAll(async () => s?.dispose());

  const point = (bus: number, period: number, energy: number, congestion: number) => ({ bus, period, lmpPerMWh: energy + congestion, energyPerMWh: energy, congestionPerMWh: congestion });

  it('stores a series, answers queries by bus and period range, and exports CSV', async () => {
    const series = await api.prices.importSeries({ name: 'day-ahead', stepH: 0.5, points: [point(1, 0, 20, 0), point(1, 1, 25, 0), point(2, 0, 20, 5), point(2, 1, 25, 7.5)] });
    expect(series.points).toBe(4);
    const q = await api.prices.query({ seriesId: series.id, buses: [2], fromPeriod: 1 });
    expect(q.points).toEqual([{ bus: 2, period: 1, scenario: 0, lmpPerMWh: 32.5, energyPerMWh: 25, congestionPerMWh: 7.5, lossPerMWh: 0 }]);
    const csv = await api.prices.exportCsv({ seriesId: series.id, buses: [2] });
    expect(csv).toBe(
      'scenario,bus,period,start_h,lmp_usd_per_mwh,energy_usd_per_mwh,congestion_usd_per_mwh,loss_usd_per_mwh\r\n0,2,0,0,25,20,5,0\r\n0,2,1,0.5,32.5,25,7.5,0\r\n',
    );
  });

  it('computes case14 LMPs in a job and files them as a series: uniform 39.02 $/MWh, checker agrees', async () => {
    const grid = await api.networks.importMatpower({ text: matpowerCaseText('case14'), fileName: 'case14.m' });
    const job = await api.prices.compute({ gridNetworkId: grid.id, name: 'case14 base' });
    expect((await waitForJob(s, job.id)).status).toBe('succeeded');
    expect((await api.jobs.check({ id: job.id })).feasible).toBe(true);
    const [series] = await api.prices.list({ jobId: job.id });
    expect(series).toMatchObject({ name: 'case14 base', networkId: grid.id, points: 14 });
    const { points } = await api.prices.query({ seriesId: series!.id });
    // PowerModels test suite via shared/data/lmp-reference/dcopf-expected.json (pm-dcp-case14-lmp):
    // no limit binds in case14, so every bus prices at 39.02 $/MWh (±0.01), congestion 0.
    for (const p of points) {
      expectClose(p.lmpPerMWh, 39.02, { abs: 0.01 }, `LMP at bus ${p.bus}`);
      expectClose(p.congestionPerMWh, 0, { abs: 1e-6 }, `congestion at bus ${p.bus}`);
    }
  });

  it('refuses components that do not add up, duplicate points, NaN and unknown networks, storing nothing', async () => {
    const before = await tableCounts((sql) => s.db.sql.query(sql));
    await expect(api.prices.importSeries({ name: 'x', stepH: 1, points: [{ ...point(1, 0, 20, 0), lmpPerMWh: 21 }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.prices.importSeries({ name: 'x', stepH: 1, points: [point(1, 0, 20, 0), point(1, 0, 20, 0)] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.prices.importSeries({ name: 'x', stepH: 1, points: [point(1, 0, Number.NaN, 0)] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.prices.importSeries({ name: 'x', stepH: 1, networkId: 'nope', points: [point(1, 0, 20, 0)] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.prices.query({ seriesId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await tableCounts((sql) => s.db.sql.query(sql))).toEqual(before);
  });
});
