import { expectClose } from '@gridhaul/common/testing';
import { matpowerCaseText } from '@gridhaul/datasets';
import type { DcOpfResult } from '@gridhaul/grid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE14_LOAD_MW, RTS79_WINTER_WEEKDAY_PCT, case14CostPerHour, valleyFill } from '../cosim/case14-reference';
import { tableCounts, wyndorLp } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, waitForJob, type TestServices } from '../testing/services';

type Api = ReturnType<TestServices['as']>;
type Run = Awaited<ReturnType<Api['cosim']['get']>>;

const loadScale = RTS79_WINTER_WEEKDAY_PCT.map((p) => p / 100);
const baseLoads = loadScale.map((s) => CASE14_LOAD_MW * s);
/** 100 MWh of MESS at bus 9 (case14) that covers a site's 2.5 MW 07:00–19:00 (30 MWh) and charges at up to 10 MW. */
const hub = { name: 'MESS hub', bus: 9, capacityMWh: 100, maxChargeMW: 10, socMin: 0.1, initialSoc: 0.5, demandMW: baseLoads.map((_, h) => (h >= 7 && h < 19 ? 2.5 : 0)) };
const day = { profile: { periods: 24, loadScale }, storage: [hub] };
const range = (n: number) => Array.from({ length: n }, (_, k) => k);

async function waitForRun(api: Api, id: string, until: (r: Run) => boolean = (r) => ['succeeded', 'failed', 'cancelled'].includes(r.status), timeoutMs = 120_000): Promise<Run> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const run = await api.cosim.get({ id });
    if (until(run)) return run;
    if (Date.now() > end) throw new Error(`co-simulation run ${id} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(testBackends())('co-simulation through the API on %s', (backend) => {
  let s: TestServices;
  let api: Api;
  let case14: string;
  beforeAll(async () => {
    s = await openTestServices(backend, 'cosim');
    api = s.as(s.key);
    case14 = (await api.networks.importMatpower({ text: matpowerCaseText('case14'), fileName: 'case14.m', name: 'case14' })).id;
  });
  afterAll(async () => s?.dispose());
  const counts = () => tableCounts((sql) => s.db.sql.query(sql));

  it('converges on case14 with MESS at bus 9: iterations stored in order, last prices = a fresh LMP job with the final schedule, limits hold, cost within the gap of the optimum', async () => {
    const started = await api.cosim.start({ input: { gridNetworkId: case14, ...day }, toleranceUsdPerMWh: 0.05, maxIterations: 30, seed: 3 });
    expect(started).toMatchObject({ status: 'queued', converged: false, toleranceUsdPerMWh: 0.05, maxIterations: 30 });
    const run = await waitForRun(api, started.id);
    expect(run).toMatchObject({ status: 'succeeded', converged: true, stoppedBecause: 'converged', error: null });
    const its = await api.cosim.iterations({ id: run.id, limit: 1000 });
    expect(its.map((it) => it.iteration)).toEqual(range(run.iterationsStored));
    expect(its.length).toBeLessThanOrEqual(30);
    expect(await api.jobs.check({ id: run.jobId as string })).toMatchObject({ feasible: true, problems: [] });

    // Iteration 0 is the grid without storage: at 17:00 (100 % load) case14's published uniform 39.02 $/MWh
    // (PowerModels.jl test/output.jl "14 bus - kcl duals", atol 1e-2).
    const zero = its[0]!;
    expect(zero).toMatchObject({ maxPriceChangeUsdPerMWh: null, gapUsdPerMWh: null, objective: 0, units: [] });
    expect(zero.prices).toHaveLength(14);
    for (const b of zero.prices) expectClose(b.usdPerMWh[17] ?? NaN, 39.02, { abs: 0.01 }, `LMP at bus ${b.bus}, 17:00, no storage`);

    const last = its.at(-1)!;
    expect(last.maxPriceChangeUsdPerMWh).toBeLessThanOrEqual(0.05);
    expect(last.gapUsdPerMWh).toBeLessThanOrEqual(0.05);

    // An independent recomputation: an 'lmp' job (prices.compute) with the final schedule as storage load.
    const fresh = await api.prices.compute({ gridNetworkId: case14, profile: { periods: 24, loadScale, storageMW: last.schedule } });
    expect((await waitForJob(s, fresh.id)).status).toBe('succeeded');
    const dcopf = (await api.jobs.result({ id: fresh.id })).plan as DcOpfResult;
    for (const b of last.prices) b.usdPerMWh.forEach((lmp, t) => expectClose(lmp, dcopf.periods[t]?.buses.find((x) => x.bus === b.bus)?.lmp ?? NaN, { abs: 1e-6 }, `LMP bus ${b.bus}, period ${t}`));

    // The unit's limits, replayed here from the stored schedule.
    const unit = last.units[0]!;
    let stored = 50;
    unit.chargeMW.forEach((c, t) => {
      expect(c).toBeGreaterThanOrEqual(-1e-9);
      expect(c).toBeLessThanOrEqual(10 + 1e-9);
      expect(unit.dischargeMW[t]).toBe(0);
      stored += c - (hub.demandMW[t] ?? NaN);
      expectClose(unit.socMWh[t] ?? NaN, stored, { abs: 1e-6 }, `stored energy, end of hour ${t}`);
      expect(stored).toBeGreaterThanOrEqual(10 - 1e-6);
      expect(stored).toBeLessThanOrEqual(100 + 1e-6);
    });
    expect(stored).toBeGreaterThanOrEqual(50 - 1e-6);
    expect(last.schedule).toEqual([{ bus: 9, mw: unit.chargeMW }]);

    // The closed-form optimum from case14's cost curves: valley filling, with the SOC never binding here.
    // Convexity bounds the co-simulation's generation cost by it and by the final gap × 30 MWh.
    const best = valleyFill(baseLoads, 30, 10);
    const optimum = baseLoads.reduce((sum, l, t) => sum + case14CostPerHour(l + (best[t] as number)), 0);
    expectClose(zero.generationCostUsd, baseLoads.reduce((sum, l) => sum + case14CostPerHour(l), 0), { abs: 1e-3 }, 'DC-OPF cost without storage vs closed form');
    expect(last.generationCostUsd - optimum).toBeGreaterThanOrEqual(-1e-3);
    expect(last.generationCostUsd - optimum).toBeLessThanOrEqual((last.gapUsdPerMWh ?? NaN) * 30 + 1e-3);
  }, 180_000);

  it('an iteration cap of 1 on a stored cosim scenario: one stored iteration, converged false', async () => {
    const scenario = await api.scenarios.createFromDocument({ document: { name: 'case14 MESS day', problemType: 'cosim', gridNetworkId: case14, seed: 4, problem: day } });
    const run = await waitForRun(api, (await api.cosim.start({ scenarioId: scenario.id, maxIterations: 1 })).id);
    expect(run).toMatchObject({ scenarioId: scenario.id, status: 'succeeded', converged: false, stoppedBecause: 'iteration cap', maxIterations: 1, iterationsStored: 1 });
    const its = await api.cosim.iterations({ id: run.id });
    expect(its.map((it) => it.iteration)).toEqual([0]);
    expect(its[0]?.schedule).toEqual([{ bus: 9, mw: new Array(24).fill(0) }]);
  }, 120_000);

  it('a job that fails mid-run keeps its completed iterations and ends the run failed, unconverged', async () => {
    // 550 MW of site demand every hour must be bought at bus 9: with it the peak exceeds case14's 772.4 MW of generation.
    const hungry = { name: 'hungry', bus: 9, capacityMWh: 1000, maxChargeMW: 600, initialSoc: 0.5, demandMW: new Array(24).fill(550) };
    const run = await waitForRun(api, (await api.cosim.start({ input: { gridNetworkId: case14, profile: day.profile, storage: [hungry] } })).id);
    expect(run).toMatchObject({ status: 'failed', converged: false, iterationsStored: 1, error: { tag: 'COSIM_GRID_NOT_SOLVED' } });
    expect((await api.cosim.iterations({ id: run.id })).map((it) => it.iteration)).toEqual([0]);
  }, 120_000);

  it('a run cancelled mid-way keeps the iterations it completed, numbered from 0, and ends cancelled', async () => {
    const started = await api.cosim.start({ input: { gridNetworkId: case14, ...day }, toleranceUsdPerMWh: 1e-9, maxIterations: 1000 });
    const running = await waitForRun(api, started.id, (r) => r.iterationsStored >= 2);
    expect(running.status).toBe('running');
    await api.jobs.cancel({ id: running.jobId as string });
    const run = await waitForRun(api, started.id);
    expect(run).toMatchObject({ status: 'cancelled', converged: false });
    expect(run.iterationsStored).toBeGreaterThanOrEqual(2);
    expect((await api.cosim.iterations({ id: run.id, limit: 1000 })).map((it) => it.iteration)).toEqual(range(run.iterationsStored));
  }, 120_000);

  it('refuses bad input with an error naming the field, and stores nothing', async () => {
    const lpScenario = await api.scenarios.createFromDocument({ document: { name: 'not a cosim', problemType: 'lp', problem: wyndorLp } });
    const input = { gridNetworkId: case14, ...day };
    const cases: Array<[string, unknown, string, string]> = [
      ['unknown scenario', { scenarioId: 'no-such-scenario' }, 'NOT_FOUND', ''],
      ['negative tolerance', { input, toleranceUsdPerMWh: -0.1 }, 'BAD_REQUEST', 'toleranceUsdPerMWh'],
      ['NaN tolerance', { input, toleranceUsdPerMWh: Number.NaN }, 'BAD_REQUEST', 'toleranceUsdPerMWh'],
      ['zero iteration cap', { input, maxIterations: 0 }, 'BAD_REQUEST', 'maxIterations'],
      ['negative tolerance inside the input', { input: { ...input, toleranceUsdPerMWh: -1 } }, 'BAD_REQUEST', 'input.toleranceUsdPerMWh'],
      ['unknown bus', { input: { ...input, storage: [{ ...hub, bus: 99 }] } }, 'BAD_REQUEST', 'input.storage.0.bus'],
      ['NaN capacity', { input: { ...input, storage: [{ ...hub, capacityMWh: Number.NaN }] } }, 'BAD_REQUEST', 'input.storage.0.capacityMWh'],
      ['demand it cannot cover', { input: { ...input, storage: [{ ...hub, maxChargeMW: 1 }] } }, 'BAD_REQUEST', 'input.storage.0.demandMW'],
      ['unknown grid network', { input: { ...input, gridNetworkId: 'no-such-grid' } }, 'BAD_REQUEST', 'input.gridNetworkId'],
      ['no grid at all', { input: day }, 'BAD_REQUEST', 'input.network'],
      ['neither scenario nor input', {}, 'BAD_REQUEST', 'scenarioId'],
      ['a scenario of another problem type', { scenarioId: lpScenario.id }, 'BAD_REQUEST', 'scenarioId'],
    ];
    const before = await counts();
    for (const [what, args, code, field] of cases) {
      const error = await api.cosim.start(args as never).then(
        () => null,
        (e: unknown) => e as { code: string; cause?: { field?: string; issues?: Array<{ path: PropertyKey[] }> } },
      );
      expect(error?.code, what).toBe(code);
      if (field) expect(error?.cause?.issues ? error.cause.issues.map((i) => i.path.join('.')) : [error?.cause?.field], what).toContain(field);
    }
    await expect(s.as(null).cosim.start({ input })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await counts()).toEqual(before);
    await expect(api.cosim.get({ id: 'no-such-run' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.cosim.iterations({ id: 'no-such-run' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
