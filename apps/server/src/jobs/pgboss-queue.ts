import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { Job, JobInput, JobProgress, Repositories } from '../data';
import { executeJob } from './execute';
import type { JobQueue } from './queue';

export const SOLVE_QUEUE = 'gridhaul-solve';

export interface BossConfig {
  url: string;
  /** The application's schema; pg-boss keeps its tables in `<schema>_pgboss` (`pgboss` for public). */
  schema: string;
  /** How often expired jobs (their worker died) are detected and retried, seconds. */
  maintenanceIntervalSeconds?: number;
  /** Seconds a worker may run past a job's time limit before it is presumed dead. */
  expireGraceSec?: number;
  retryLimit?: number;
}

export const bossSchemaFor = (schema: string) => (schema === 'public' ? 'pgboss' : `${schema}_pgboss`);

export async function startBoss(config: BossConfig): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: config.url,
    schema: bossSchemaFor(config.schema),
    maintenanceIntervalSeconds: config.maintenanceIntervalSeconds ?? 30,
    max: 4,
  });
  boss.on('error', (error) => process.stderr.write(`pg-boss: ${error.message}\n`));
  await boss.start();
  if (!(await boss.getQueue(SOLVE_QUEUE))) {
    await boss.createQueue(SOLVE_QUEUE).catch(async (error: unknown) => {
      if (!(await boss.getQueue(SOLVE_QUEUE))) throw error; // lost a race with another process: fine
    });
  }
  return boss;
}

/** Seconds after which pg-boss presumes a worker dead and hands the job to another. */
export function expireSecondsFor(timeLimitSec: number | null | undefined, graceSec: number): number {
  return Math.max(1, Math.ceil((timeLimitSec ?? 600) * 1.25 + graceSec));
}

/** Enqueues jobs for `gridhaul worker`s on any machine that reaches the database. */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pgboss' as const;
  private readonly events = new EventEmitter();

  constructor(
    private readonly repos: Repositories,
    private readonly boss: PgBoss,
    private readonly config: BossConfig,
  ) {}

  async enqueue(input: JobInput): Promise<Job> {
    const job = await this.repos.jobs.create(input);
    await this.boss.send(
      SOLVE_QUEUE,
      { jobId: job.id },
      {
        retryLimit: this.config.retryLimit ?? 5,
        retryDelay: 1,
        expireInSeconds: expireSecondsFor(job.timeLimitSec, this.config.expireGraceSec ?? 60),
      },
    );
    return job;
  }

  cancel(jobId: string): Promise<Job> {
    return this.repos.jobs.requestCancel(jobId);
  }

  subscribe(jobId: string, listener: (p: JobProgress) => void): () => void {
    // Workers are other processes: progress reaches clients through the database (see jobs.progress).
    this.events.on(jobId, listener);
    return () => this.events.off(jobId, listener);
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
  }
}

export interface WorkerHandle {
  workerId: string;
  /** Takes no new jobs and resolves when the running ones are done. */
  stop(): Promise<void>;
}

/**
 * `gridhaul worker`: pulls solve jobs from pg-boss, `concurrency` at a time. Each slot fetches the
 * next job as soon as it finishes one (and waits `idleMs` only when the queue is empty). A job whose
 * worker is killed expires and is retried on another worker; the attempt counter in the Job row
 * makes sure only the latest attempt's result is stored.
 */
export async function runWorker(opts: { repos: Repositories; boss: PgBoss; concurrency: number; log?: (line: string) => void; idleMs?: number }): Promise<WorkerHandle> {
  const workerId = `pgboss:${hostname()}:${process.pid}`;
  const log = opts.log ?? (() => undefined);
  let stopped = false;
  const sleepers = new Set<() => void>();
  const idle = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(t);
        sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, opts.idleMs ?? 500);
      sleepers.add(wake);
    });
  const slot = async () => {
    while (!stopped) {
      const [message] = await opts.boss.fetch<{ jobId: string }>(SOLVE_QUEUE, { batchSize: 1 }).catch((error: unknown) => {
        log(`fetch failed: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      });
      if (!message) {
        await idle();
        continue;
      }
      try {
        const claim = await opts.repos.jobs.start(message.data.jobId, workerId);
        if (!claim) log(`job ${message.data.jobId}: already finished or cancelled`);
        else {
          log(`job ${claim.id}: attempt ${claim.attempt} started`);
          log(`job ${claim.id}: ${await executeJob(claim, { repos: opts.repos })}`);
        }
        await opts.boss.complete(SOLVE_QUEUE, message.id);
      } catch (error) {
        log(`job ${message.data.jobId}: ${error instanceof Error ? error.message : String(error)}`);
        await opts.boss.fail(SOLVE_QUEUE, message.id, { message: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
      }
    }
  };
  const slots = Array.from({ length: opts.concurrency }, slot);
  return {
    workerId,
    stop: async () => {
      stopped = true;
      for (const wake of [...sleepers]) wake();
      await Promise.all(slots); // the jobs in hand finish; the caller stops pg-boss
    },
  };
}
