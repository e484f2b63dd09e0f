import type { ChildProcess } from 'node:child_process';
import { matpowerCaseText } from '@gridhaul/datasets';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../data';
import { loadEnv, postgresTarget } from '../env';
import { bossSchemaFor, PgBossQueue, startBoss, type BossConfig } from '../jobs/pgboss-queue';
import { createCaller } from '../routers/index';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases';
import { schemaDatabaseUrl, startWorkerProcess } from '../testing/worker-processes';
import { createContext } from '../trpc/context';
import { RTS79_WINTER_WEEKDAY_PCT } from './case14-reference';

/** A worker killed mid-run needs other processes and pg-boss: Postgres only (always in CI). */
describe.each(testBackends().filter((b) => b === 'postgres'))('a co-simulation whose worker dies mid-run, on %s', (backend) => {
  let db: TestDatabase;
  let repos: Repositories;
  let boss: PgBoss;
  let queue: PgBossQueue;
  let databaseUrl: string;
  let api: ReturnType<typeof createCaller>;
  const workers: ChildProcess[] = [];

  const startWorker = (): Promise<ChildProcess> => startWorkerProcess(databaseUrl, 5, workers);

  beforeAll(async () => {
    db = await openTestDatabase(backend, 'cosim_crash');
    repos = createRepositories(db.prisma);
    const target = postgresTarget(loadEnv().DATABASE_URL as string);
    const schema = db.postgres?.schema as string;
    databaseUrl = schemaDatabaseUrl(loadEnv().DATABASE_URL as string, schema);
    const config: BossConfig = { url: target.url, schema, maintenanceIntervalSeconds: 1, expireGraceSec: 5 };
    boss = await startBoss(config);
    queue = new PgBossQueue(repos, boss, config);
    const key = await repos.apiKeys.create('cosim crash test');
    api = createCaller(createContext({ db, repos, queue, config: { publicReads: true } }, key.key));
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await queue?.close();
    await db?.sql.exec(`DROP SCHEMA IF EXISTS "${bossSchemaFor(db.postgres?.schema ?? '')}" CASCADE`);
    await db?.dispose();
  });

  const poll = async <T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<T> => {
    const end = Date.now() + timeoutMs;
    for (let v = await read(); ; v = await read()) {
      if (done(v)) return v;
      if (Date.now() > end) throw new Error(`gave up after ${timeoutMs} ms: ${JSON.stringify(v).slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('keeps the completed iterations and stays running (not converged) while the job waits for its retry; the retry recomputes the same iterations and finishes the run', async () => {
    const first = await startWorker();
    const case14 = (await api.networks.importMatpower({ text: matpowerCaseText('case14'), fileName: 'case14.m', name: 'case14' })).id;
    const loadScale = RTS79_WINTER_WEEKDAY_PCT.map((p) => p / 100);
    const hub = { name: 'MESS hub', bus: 9, capacityMWh: 100, maxChargeMW: 10, socMin: 0.1, initialSoc: 0.5, demandMW: loadScale.map((_, h) => (h >= 7 && h < 19 ? 2.5 : 0)) };
    // A tolerance it never reaches, so the run ends at the cap or the 12 s limit (after which pg-boss presumes the worker dead: 20 s).
    const started = await api.cosim.start({ input: { gridNetworkId: case14, profile: { periods: 24, loadScale }, storage: [hub] }, toleranceUsdPerMWh: 1e-9, maxIterations: 40, timeLimitSec: 12 });

    const before = await poll(() => api.cosim.get({ id: started.id }), (r) => r.iterationsStored >= 2, 90_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const kept = await api.cosim.iterations({ id: started.id, limit: 1000 });
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(40);
    expect(kept.map((it) => it.iteration)).toEqual(kept.map((_, k) => k));
    const orphaned = await api.cosim.get({ id: started.id });
    expect(orphaned).toMatchObject({ status: 'running', converged: false, attempts: 1, jobId: before.jobId });

    await startWorker();
    const run = await poll(() => api.cosim.get({ id: started.id }), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.status), 120_000);
    expect(run).toMatchObject({ status: 'succeeded', converged: false, attempts: 2 });
    expect(['iteration cap', 'time limit']).toContain(run.stoppedBecause);
    const redone = await api.cosim.iterations({ id: started.id, limit: 1000 });
    expect(redone.map((it) => it.iteration)).toEqual(redone.map((_, k) => k));
    expect(redone.length).toBe(run.iterationsStored);
    // The loop is deterministic: the retry's iterations replace the first attempt's with the same numbers.
    for (const old of kept.filter((it) => it.iteration < redone.length)) {
      const again = redone[old.iteration]!;
      expect({ prices: again.prices, schedule: again.schedule, objective: again.objective }).toEqual({ prices: old.prices, schedule: old.schedule, objective: old.objective });
    }
  }, 240_000);
});
