import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnv, postgresTarget } from '../env';

const cli = fileURLToPath(new URL('../../../cli/bin/gridhaul.mjs', import.meta.url));

/** The Postgres URL of a test database's own schema (what a separate worker process connects to). */
export function schemaDatabaseUrl(databaseUrl: string, schema: string): string {
  const target = postgresTarget(databaseUrl);
  return `${target.url}${target.url.includes('?') ? '&' : '?'}schema=${schema}`;
}

/**
 * Starts `gridhaul worker` as a separate process on the given database; resolves once it waits for
 * jobs. The child is also pushed to `started` so the test can kill what is left in afterAll.
 */
export function startWorkerProcess(databaseUrl: string, expireGraceSec: number, started: ChildProcess[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, 'worker'], {
    env: childEnv({ DATABASE_URL: databaseUrl, GRIDHAUL_BOSS_MAINTENANCE_SEC: '1', GRIDHAUL_JOB_EXPIRE_GRACE_SEC: String(expireGraceSec) }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('waiting for jobs')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${log}`)));
  });
}
