// 100 solve jobs through 1, 2 and 4 `gridhaul worker` processes (pg-boss on Postgres): wall time
// from the first enqueue to the last result, jobs/s, and the ratio to 1 worker measured in the
// same run. Each job is a 24-period DC-OPF (LMPs) of MATPOWER case118 under the IEEE RTS-79 winter
// weekday load shape. Every worker first solves one job untimed (thread and solver start-up).
// Needs DATABASE_URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matpowerCaseText } from '@gridhaul/datasets';
import { createNetwork, networkToJson, readMatpower } from '@gridhaul/grid';
import { createRepositories, openDatabase } from '../src/data';
import { childEnv, loadEnv, postgresTarget } from '../src/env';
import { RTS79_WINTER_WEEKDAY_PCT } from '../src/demo/demo-data';
import { bossSchemaFor, PgBossQueue, startBoss } from '../src/jobs/pgboss-queue';

const JOBS = 100;
const WORKER_COUNTS = [1, 2, 4];
const LIMIT_MS = 900_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, '..', 'cli', 'bin', 'gridhaul.mjs');

const env = loadEnv();
if (!env.DATABASE_URL) {
  console.log('job throughput: skipped, it needs Postgres (set DATABASE_URL)');
  process.exit(0);
}
const target = postgresTarget(env.DATABASE_URL);
const schema = `bench_jobs_${process.pid}`;
const db = await openDatabase({ kind: 'postgres', url: target.url, schema, poolSize: 4 });
const repos = createRepositories(db.prisma);
const bossConfig = { url: target.url, schema, maintenanceIntervalSeconds: 5, expireGraceSec: 120 };
const boss = await startBoss(bossConfig);
const queue = new PgBossQueue(repos, boss, bossConfig);
const network = networkToJson(createNetwork(readMatpower(matpowerCaseText('case118'), 'case118.m')));
const input = { network, convention: 'matpower', stepH: 1, profile: { periods: 24, loadScale: RTS79_WINTER_WEEKDAY_PCT.map((p) => p / 100) } };

async function runAll(count: number, seed0: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await queue.enqueue({ problemType: 'lmp', input, seed: seed0 + i })).id);
  const started = performance.now();
  let pending = new Set(ids);
  while (pending.size > 0) {
    if (performance.now() - started > LIMIT_MS) throw new Error(`${pending.size} jobs unfinished after ${LIMIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
    const done = await db.sql.query<{ id: string }>(`SELECT id FROM "Job" WHERE id = ANY($1) AND status IN ('succeeded', 'failed', 'cancelled')`, [[...pending]]);
    pending = new Set([...pending].filter((id) => !done.some((d) => d.id === id)));
  }
  return ids;
}
const databaseUrl = `${target.url}${target.url.includes('?') ? '&' : '?'}schema=${schema}`;

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, 'worker'], { env: childEnv({ DATABASE_URL: databaseUrl }), stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (c: Buffer) => {
      log += c.toString();
      if (log.includes('waiting for jobs')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${log}`)));
  });
}

interface Row {
  workers: number;
  jobs: number;
  wallSec: number;
  jobsPerSec: number;
  meanSolveSec: number;
}

const rows: Row[] = [];
try {
  for (const count of WORKER_COUNTS) {
    const workers = await Promise.all(Array.from({ length: count }, startWorker));
    await runAll(count * 2, 100_000); // warm-up, untimed
    const started = performance.now();
    const ids = await runAll(JOBS, 1);
    const wallSec = (performance.now() - started) / 1000;
    const [stats] = await db.sql.query<{ failed: number; mean: number }>(
      `SELECT count(*) FILTER (WHERE j.status <> 'succeeded')::int AS failed, avg(s."solveSec")::float8 AS mean FROM "Job" j LEFT JOIN "Solution" s ON s."jobId" = j.id WHERE j.id = ANY($1)`,
      [ids],
    );
    if (stats?.failed) throw new Error(`${stats.failed} jobs did not succeed`);
    rows.push({ workers: count, jobs: JOBS, wallSec, jobsPerSec: JOBS / wallSec, meanSolveSec: stats?.mean ?? NaN });
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
  }
} finally {
  await queue.close();
  await db.sql.exec(`DROP SCHEMA IF EXISTS "${bossSchemaFor(schema)}" CASCADE; DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.close();
}

const base = rows[0]?.jobsPerSec ?? NaN;
console.log(
  [
    `${JOBS} case118 24-period DC-OPF (LMP) jobs through gridhaul worker processes (pg-boss, Postgres on loopback; timed from the first enqueue, after a warm-up); ratio = jobs/s ÷ 1-worker jobs/s (same run).`,
    '',
    '| workers | jobs | wall s | jobs/s | ratio | mean solve s (in thread) |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.workers} | ${r.jobs} | ${r.wallSec.toFixed(1)} | ${r.jobsPerSec.toFixed(2)} | ${(r.jobsPerSec / base).toFixed(2)} | ${r.meanSolveSec.toFixed(3)} |`),
  ].join('\n'),
);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'job-throughput.json'), JSON.stringify(rows, null, 2));
