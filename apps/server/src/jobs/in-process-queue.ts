import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import type { Job, JobInput, JobProgress, Repositories } from '../data';
import { executeJob } from './execute';
import type { JobQueue } from './queue';
import { problemTypes } from './registry';

export interface InProcessQueueOptions {
  repos: Repositories;
  /** Jobs solved at once, each in its own worker thread. */
  threads: number;
  /** Put back jobs that a previous run of this (single-process) service left running. */
  recoverOrphans?: boolean;
  pollMs?: number;
}

/**
 * The embedded default: the Job table is the queue; this process claims jobs from it and solves
 * them in worker threads, off the request path.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'inprocess' as const;
  private readonly events = new EventEmitter();
  private readonly running = new Map<string, AbortController>();
  private readonly workerPrefix = `inprocess:${hostname()}:`;
  private readonly workerId = `${this.workerPrefix}${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private pumping = false;
  private closed = false;
  private readonly idle = new Set<() => void>();

  private constructor(private readonly opts: InProcessQueueOptions) {
    this.events.setMaxListeners(0);
  }

  static async start(opts: InProcessQueueOptions): Promise<InProcessQueue> {
    const q = new InProcessQueue(opts);
    if (opts.recoverOrphans) await opts.repos.jobs.requeueOrphans(q.workerPrefix);
    q.timer = setInterval(() => q.pump(), opts.pollMs ?? 500);
    q.pump();
    return q;
  }

  async enqueue(input: JobInput): Promise<Job> {
    const job = await this.opts.repos.jobs.create(input);
    this.pump();
    return job;
  }

  async cancel(jobId: string): Promise<Job> {
    const job = await this.opts.repos.jobs.requestCancel(jobId);
    this.running.get(jobId)?.abort();
    return job;
  }

  subscribe(jobId: string, listener: (p: JobProgress) => void): () => void {
    this.events.on(jobId, listener);
    return () => this.events.off(jobId, listener);
  }

  /** Resolves when no job is running or waiting (tests, shutdown). */
  async drain(): Promise<void> {
    if (this.running.size === 0 && !this.pumping) return;
    await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const c of this.running.values()) c.abort();
    await this.drain();
  }

  private pump(): void {
    if (this.pumping || this.closed) return;
    this.pumping = true;
    void this.fill().finally(() => {
      this.pumping = false;
      this.notifyIdle();
    });
  }

  private async fill(): Promise<void> {
    while (!this.closed && this.running.size < this.opts.threads) {
      const claim = await this.opts.repos.jobs.claimNext([...problemTypes.keys()], this.workerId).catch(() => null);
      if (!claim) return;
      const abort = new AbortController();
      this.running.set(claim.id, abort);
      void executeJob(claim, { repos: this.opts.repos, signal: abort.signal, onProgress: (id, p) => this.events.emit(id, p) })
        .catch(() => undefined)
        .finally(() => {
          this.running.delete(claim.id);
          this.events.emit(`${claim.id}:done`);
          this.notifyIdle();
          this.pump();
        });
    }
  }

  private notifyIdle(): void {
    if (this.running.size > 0 || this.pumping) return;
    for (const resolve of this.idle) resolve();
    this.idle.clear();
  }
}
