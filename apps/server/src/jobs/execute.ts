import { GridHaulError } from '@gridhaul/common';
import type { JobClaim, JobProgress, Repositories } from '../data';
import { derivedRecords } from './hooks';
import { JobCancelledError, solveInThread } from './thread-runner';

export interface ExecuteOptions {
  repos: Repositories;
  /** Called with every progress report (for in-process listeners); the database gets a throttled copy. */
  onProgress?: ((jobId: string, p: JobProgress) => void) | undefined;
  /** Aborts the solve from this process (in-process cancel, shutdown). */
  signal?: AbortSignal | undefined;
  /** How often to look for a cancel requested through the database by another process, ms. */
  cancelPollMs?: number;
  progressEveryMs?: number;
}

export type ExecuteResult = 'succeeded' | 'failed' | 'cancelled' | 'stale';

/**
 * Runs a claimed job to its end in a worker thread and records the outcome. Every write is
 * conditional on `claim` still owning the job, so a worker that was presumed dead cannot overwrite
 * the attempt that replaced it.
 */
export async function executeJob(claim: JobClaim, opts: ExecuteOptions): Promise<ExecuteResult> {
  const { repos } = opts;
  const job = await repos.jobs.get(claim.id);
  const input = await repos.jobs.input(claim.id);
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  opts.signal?.addEventListener('abort', onOuterAbort);
  const poll = setInterval(() => {
    repos.jobs.isCancelRequested(claim.id).then(
      (yes) => yes && abort.abort(),
      () => undefined,
    );
  }, opts.cancelPollMs ?? 500);
  let lastWrite = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const onProgress = (p: JobProgress) => {
    opts.onProgress?.(claim.id, p);
    const now = Date.now();
    if (now - lastWrite < (opts.progressEveryMs ?? 250)) return;
    lastWrite = now;
    pending = pending.then(() => repos.jobs.progress(claim, p)).catch(() => undefined);
  };
  try {
    const solution = await solveInThread(
      { problemType: job.problemType, input, seed: job.seed, timeLimitSec: job.timeLimitSec ?? undefined },
      { signal: abort.signal, onProgress },
    );
    await pending;
    return (await repos.jobs.succeed(claim, solution, derivedRecords(job, input, solution))) ? 'succeeded' : 'stale';
  } catch (error) {
    await pending;
    if (error instanceof JobCancelledError) return (await repos.jobs.cancelled(claim)) ? 'cancelled' : 'stale';
    const tag = error instanceof GridHaulError ? error.tag : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    return (await repos.jobs.fail(claim, { tag, message })) ? 'failed' : 'stale';
  } finally {
    clearInterval(poll);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
