import { readFileSync } from 'node:fs';
import { Rng } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketSplitLp, tableCounts, wyndorLp } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, waitForJob, type TestServices } from '../testing/services';

describe.each(testBackends())('solve jobs (in-process queue, worker threads) on %s', (backend) => {
  let s: TestServices;
  let api: ReturnType<TestServices['as']>;
  beforeAll(async () => {
    s = await openTestServices(backend, 'jobs');
    api = s.as(s.key);
  });
  afterAll(async () => s?.dispose());

  it('solves the Wyndor LP off the request path; result 36 and the independent check agree', async () => {
    const job = await api.jobs.enqueue({ problemType: 'lp', input: wyndorLp, seed: 5 });
    expect(['queued', 'running']).toContain(job.status); // enqueue returns before the solve
    expect((await waitForJob(s, job.id)).status).toBe('succeeded');
    const result = await api.jobs.result({ id: job.id });
    expectClose(result.objective ?? NaN, 36, { abs: 1e-6 }, 'Wyndor optimum (Hillier & Lieberman)');
    expect(result.seed).toBe(5);
    expect(await api.jobs.check({ id: job.id })).toEqual({ feasible: true, objective: 36, problems: [] });
    const csv = await api.jobs.planCsv({ id: job.id });
    expect(csv.split('\r\n')).toEqual(expect.arrayContaining(['path,value', 'values.x,2', 'values.y,6']));
  });

  it('solves a stored scenario, streaming job snapshots until it ends', async () => {
    const sc = await api.scenarios.createFromDocument({ document: { name: 'wyndor', problemType: 'lp', seed: 9, problem: wyndorLp } });
    const job = await api.jobs.enqueue({ scenarioId: sc.id });
    expect(job).toMatchObject({ scenarioId: sc.id, seed: 9 });
    const statuses: string[] = [];
    for await (const snapshot of await api.jobs.progress({ id: job.id })) statuses.push(snapshot.status);
    expect(statuses.at(-1)).toBe('succeeded');
    expect((await api.jobs.result({ id: job.id })).objective).toBeCloseTo(36, 6);
  });

  it('cancels a running job: the thread stops, status cancelled, no solution stored', async () => {
    const job = await api.jobs.enqueue({ problemType: 'lp', input: marketSplitLp(new Rng(42)), seed: 1, timeLimitSec: 120 });
    for (let i = 0; i < 600 && (await s.repos.jobs.get(job.id)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    await expect(api.jobs.result({ id: job.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await api.jobs.cancel({ id: job.id });
    const done = await waitForJob(s, job.id, 20_000);
    expect(done.status).toBe('cancelled');
    expect(await s.repos.jobs.countSolutions(job.id)).toBe(0);
    await expect(api.jobs.cancel({ id: job.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('solves E-VRPTW c101C5 variant (a) exactly: distance 257.75, as Schneider et al. (2014) report; the evrp checker agrees', async () => {
    const text = readFileSync(new URL('../../test/data/c101C5.txt', import.meta.url), 'utf8');
    const job = await api.jobs.enqueue({ problemType: 'evrp', input: { instance: { text, name: 'c101C5' }, variant: 'a' } });
    expect((await waitForJob(s, job.id)).status).toBe('succeeded');
    const result = await api.jobs.result({ id: job.id });
    expect(result.status).toBe('optimal');
    expectClose(result.objective ?? NaN, 257.75, { abs: 0.005 }, 'c101C5 (a) distance (Schneider et al. 2014)');
    expect(await api.jobs.check({ id: job.id })).toMatchObject({ feasible: true, problems: [] });
    const broken = await api.jobs.enqueue({ problemType: 'evrp', input: { instance: { text: 'not an instance' }, variant: 'a' } }).catch((e: unknown) => e);
    expect(broken).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.instance.text' } });
  });

  it('schedules bus charging with simulated annealing; the bus-charging checker re-derives the same total cost', async () => {
    // Two 100 kWh buses that must keep 20 kWh and end at 50 kWh, one 10 kW and one 40 kW charger.
    const instance = {
      name: 'two-bus',
      horizonH: 4,
      buses: ['b0', 'b1'].map((id) => ({ id, batteryKWh: 100, initialSocKWh: 60, minSocKWh: 20, finalSocKWh: 50 })),
      visits: [
        { bus: 0, arrivalH: 0, departureH: 1, dischargeAfterKWh: 30 },
        { bus: 0, arrivalH: 2, departureH: 4, dischargeAfterKWh: 0 },
        { bus: 1, arrivalH: 0, departureH: 1, dischargeAfterKWh: 45 },
        { bus: 1, arrivalH: 1.5, departureH: 4, dischargeAfterKWh: 0 },
      ],
      chargers: [{ id: 'slow', type: 'slow', powerKW: 10 }, { id: 'fast', type: 'fast', powerKW: 40 }],
      costs: { energyPerKWh: 0.5, demandPerKW: 10, demandWindowH: 0.25, chargerPerUnit: { slow: 100, fast: 300 } },
    };
    const job = await api.jobs.enqueue({ problemType: 'bus-charging', input: { instance: { format: 'json', text: JSON.stringify(instance) }, seconds: 1 }, seed: 4 });
    expect((await waitForJob(s, job.id)).status).toBe('succeeded');
    const result = await api.jobs.result({ id: job.id });
    expect(result.status).toBe('feasible');
    const check = await api.jobs.check({ id: job.id });
    expect(check.feasible).toBe(true);
    expectClose(check.objective ?? NaN, result.objective ?? NaN, { abs: 1e-6 }, 'checker cost vs solver cost');
    // 20 + 35 kWh more than the buses start with must be bought: energy cost at least 0.5 $/kWh × 55 kWh.
    expect(result.costs['energy']).toBeGreaterThanOrEqual(0.5 * 55 - 1e-6);
  });

  it('refuses unknown problem types, invalid inputs and unknown ids without creating a job', async () => {
    const before = await tableCounts((sql) => s.db.sql.query(sql));
    await expect(api.jobs.enqueue({ problemType: 'warp-drive', input: {} })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const bad = { ...wyndorLp, variables: [{ name: 'x', lb: 5, ub: 1 }] };
    await expect(api.jobs.enqueue({ problemType: 'lp', input: bad })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'input.variables.0.ub' } });
    await expect(api.jobs.enqueue({ scenarioId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.jobs.get({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.jobs.result({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await tableCounts((sql) => s.db.sql.query(sql))).toEqual(before);
  });
});
