import type { ChildProcess } from 'node:child_process';
import { Rng } from '@gridhaul/common';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../data';
import { loadEnv, postgresTarget } from '../env';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases';
import { schemaDatabaseUrl, startWorkerProcess } from '../testing/worker-processes';
import { softMarketSplitLp, wyndorLp } from '../testing/fixtures';
import { startServices } from '../services';
import { waitForJob } from '../testing/services';
import { bossSchemaFor, expireSecondsFor, PgBossQueue, startBoss, type BossConfig } from './pgboss-queue';

describe('pg-boss settings', () => {
  it('keeps pg-boss tables beside the application schema and gives a job its time limit plus grace before presuming its worker dead', () => {
    expect(bossSchemaFor('public')).toBe('pgboss');
    expect(bossSchemaFor('tenant_a')).toBe('tenant_a_pgboss');
    expect(expireSecondsFor(4, 2)).toBe(7);
    expect(expireSecondsFor(null, 60)).toBe(810);
  });
});

/** pg-boss needs a Postgres server: this suite runs where DATABASE_URL is set (always in CI). */
describe.each(testBackends().filter((b) => b === 'postgres'))('gridhaul worker processes on %s', (backend) => {
  let db: TestDatabase;
  let repos: Repositories;
  let boss: PgBoss;
  let queue: PgBossQueue;
  let databaseUrl: string;
  const workers: ChildProcess[] = [];

  const startWorker = (): Promise<ChildProcess> => startWorkerProcess(databaseUrl, 10, workers);

  beforeAll(async () => {
    db = await openTestDatabase(backend, 'crash');
    repos = createRepositories(db.prisma);
    const target = postgresTarget(loadEnv().DATABASE_URL as string);
    const schema = db.postgres?.schema as string;
    databaseUrl = schemaDatabaseUrl(loadEnv().DATABASE_URL as string, schema);
    // A job may overrun its 3 s limit by 10 s (thread start-up on a loaded machine) before its worker is presumed dead.
    const config: BossConfig = { url: target.url, schema, maintenanceIntervalSeconds: 1, expireGraceSec: 10 };
    boss = await startBoss(config);
    queue = new PgBossQueue(repos, boss, config);
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await queue?.close();
    await db?.sql.exec(`DROP SCHEMA IF EXISTS "${bossSchemaFor(db.postgres?.schema ?? '')}" CASCADE`);
    await db?.dispose();
  });

  it('retries the job of a worker killed mid-solve on another worker: one result, from the second attempt', async () => {
    const first = await startWorker();
    const job = await queue.enqueue({ problemType: 'lp', input: softMarketSplitLp(new Rng(7)), seed: 3, timeLimitSec: 3 });
    let running = await repos.jobs.get(job.id);
    for (let i = 0; i < 400 && running.status !== 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      running = await repos.jobs.get(job.id);
    }
    expect(running).toMatchObject({ status: 'running', attempts: 1 });
    expect(running.workerId).toContain(`:${first.pid}`);
    await new Promise((r) => setTimeout(r, 500)); // well inside the 3 s solve
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const second = await startWorker();
    const done = await waitForJob({ repos } as never, job.id, 90_000);
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBe(2);
    expect(done.workerId).toContain(`:${second.pid}`);
    expect(await repos.jobs.countSolutions(job.id)).toBe(1);
    const solution = await repos.jobs.solution(job.id);
    expect(solution?.status).toBe('timeLimitWithSolution');
    expect(solution?.check.feasible).toBe(true);
  }, 120_000);

  it('gridhaul serve on Postgres solves through pg-boss with its own worker slot, and shuts down cleanly', async () => {
    const schema = `${db.postgres?.schema}_serve`;
    const target = postgresTarget(loadEnv().DATABASE_URL as string);
    const services = await startServices({ database: { kind: 'postgres', ...target, schema }, queue: 'pgboss', threads: 1, publicReads: true, boss: { maintenanceIntervalSeconds: 1 } });
    try {
      expect(services.queue.kind).toBe('pgboss');
      const job = await services.queue.enqueue({ problemType: 'lp', input: wyndorLp, seed: 2 });
      const done = await waitForJob(services, job.id, 60_000);
      expect(done.status).toBe('succeeded');
      expect((await services.repos.jobs.solution(job.id))?.objective).toBeCloseTo(36, 6);
    } finally {
      await services.close();
      await db.sql.exec(`DROP SCHEMA IF EXISTS "${bossSchemaFor(schema)}" CASCADE; DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });
});
