import { join } from 'node:path';
import { createRepositories, openDatabase, type DatabaseConfig } from './data';
import { postgresTarget, type Env } from './env';
import { InProcessQueue } from './jobs/in-process-queue';
import { PgBossQueue, runWorker, startBoss, type BossConfig, type WorkerHandle } from './jobs/pgboss-queue';
import type { JobQueue } from './jobs/queue';
import type { Services } from './trpc/context';

export interface ServiceOptions {
  database: DatabaseConfig;
  queue: 'inprocess' | 'pgboss';
  /** Jobs solved at once by this process (in-process threads, or local pg-boss worker slots; 0: none). */
  threads: number;
  publicReads: boolean;
  boss?: Partial<Omit<BossConfig, 'url' | 'schema'>>;
}

export interface RunningServices extends Services {
  /** The pg-boss worker this process runs, if any. */
  worker: WorkerHandle | null;
  close(): Promise<void>;
}

/** Where the environment says the service keeps its data and runs its jobs. */
export function serviceOptionsFromEnv(env: Env): ServiceOptions {
  const database: DatabaseConfig = env.DATABASE_URL
    ? { kind: 'postgres', ...postgresTarget(env.DATABASE_URL) }
    : { kind: 'pglite', dataDir: join(env.GRIDHAUL_DATA_DIR, 'db') };
  return {
    database,
    queue: env.GRIDHAUL_QUEUE ?? (env.DATABASE_URL ? 'pgboss' : 'inprocess'),
    threads: env.GRIDHAUL_JOB_THREADS,
    publicReads: env.GRIDHAUL_PUBLIC_READS,
    boss: { maintenanceIntervalSeconds: env.GRIDHAUL_BOSS_MAINTENANCE_SEC, expireGraceSec: env.GRIDHAUL_JOB_EXPIRE_GRACE_SEC },
  };
}

/** Opens (and migrates) the database, then starts the job queue. */
export async function startServices(opts: ServiceOptions): Promise<RunningServices> {
  const db = await openDatabase(opts.database);
  const repos = createRepositories(db.prisma);
  let queue: JobQueue;
  let worker: WorkerHandle | null = null;
  try {
    if (opts.queue === 'pgboss') {
      if (!db.postgres) throw new Error('the pg-boss queue needs Postgres (set DATABASE_URL)');
      const bossConfig: BossConfig = { ...opts.boss, url: db.postgres.url, schema: db.postgres.schema };
      const boss = await startBoss(bossConfig);
      queue = new PgBossQueue(repos, boss, bossConfig);
      if (opts.threads > 0) worker = await runWorker({ repos, boss, concurrency: opts.threads });
    } else {
      queue = await InProcessQueue.start({ repos, threads: Math.max(1, opts.threads), recoverOrphans: db.backend === 'pglite' });
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    db,
    repos,
    queue,
    worker,
    config: { publicReads: opts.publicReads },
    close: async () => {
      await worker?.stop();
      await queue.close();
      await db.close();
    },
  };
}
