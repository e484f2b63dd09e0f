import { InputError } from '@gridhaul/common';
import { openDatabase, createRepositories } from './data';
import { runDemo, type DemoReport } from './demo/run-demo';
import { postgresTarget, type Env } from './env';
import { startHttp, type RunningHttp } from './http/server';
import { runWorker, startBoss } from './jobs/pgboss-queue';
import { serviceOptionsFromEnv, startServices, type RunningServices } from './services';

export interface ServerProcess {
  services: RunningServices;
  http: RunningHttp;
  /** A key created because none existed; shown once. */
  bootstrapKey: string | null;
  demo: DemoReport | null;
  stop(): Promise<void>;
}

/** `gridhaul serve`: database, job queue, HTTP; with `demo`, the demo data and one demo solve. */
export async function startServerProcess(env: Env, opts: { port?: number | undefined; host?: string | undefined; demo?: boolean; threads?: number | undefined }): Promise<ServerProcess> {
  const options = serviceOptionsFromEnv(env);
  const services = await startServices({ ...options, ...(opts.threads !== undefined ? { threads: opts.threads } : {}) });
  try {
    const bootstrapKey = (await services.repos.apiKeys.count()) === 0 ? (await services.repos.apiKeys.create('bootstrap')).key : null;
    const http = await startHttp(services, { port: opts.port ?? env.PORT, host: opts.host ?? env.HOST, maxBodyBytes: env.GRIDHAUL_MAX_BODY_BYTES });
    let demo: DemoReport | null = null;
    try {
      if (opts.demo) demo = await runDemo(services);
    } catch (error) {
      await http.close();
      throw error;
    }
    return {
      services,
      http,
      bootstrapKey,
      demo,
      stop: async () => {
        await http.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

export interface WorkerProcess {
  workerId: string;
  stop(): Promise<void>;
}

/** `gridhaul worker`: pulls solve jobs from Postgres (pg-boss) until stopped. */
export async function startWorkerProcess(env: Env, opts: { concurrency?: number | undefined; log: (line: string) => void }): Promise<WorkerProcess> {
  if (!env.DATABASE_URL) throw new InputError('DATABASE_URL', undefined, 'a postgres:// URL: workers take jobs from Postgres (pg-boss)');
  const target = postgresTarget(env.DATABASE_URL);
  const db = await openDatabase({ kind: 'postgres', ...target, poolSize: 4 });
  try {
    const boss = await startBoss({ ...target, maintenanceIntervalSeconds: env.GRIDHAUL_BOSS_MAINTENANCE_SEC, expireGraceSec: env.GRIDHAUL_JOB_EXPIRE_GRACE_SEC });
    const handle = await runWorker({ repos: createRepositories(db.prisma), boss, concurrency: opts.concurrency ?? env.GRIDHAUL_JOB_THREADS, log: opts.log });
    return {
      workerId: handle.workerId,
      stop: async () => {
        await handle.stop();
        await boss.stop({ graceful: true, wait: true });
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
