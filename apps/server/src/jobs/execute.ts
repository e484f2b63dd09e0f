import { GridHaulError } from '@gridhaul/common';
import type { JobClaim, JobProgress, Repositories } from '../data';
import { derivedRecords, recordKeeper, type JobEnd } from './hooks';
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
  // Records (a co-simulation's iterations) are stored one by one as reported, none after a failed one.
  const keeper = recordKeeper(job.problemType);
  let records: Promise<void> = Promise.resolve();
  let recordError: unknown = null;
  const ended = (end: JobEnd) => keeper?.ended(repos, input, end).catch(() => undefined);
  const onProgress = ({ record, ...p }: JobProgress) => {
    if (record !== undefined && keeper) {
      records = records.then(() => (recordError === null ? keeper.record(repos, claim, input, record) : undefined)).catch((error: unknown) => void (recordError = error));
    }
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
    await records;
    if (recordError !== null) throw new GridHaulError('RECORD_NOT_STORED', `a result record could not be stored: ${recordError instanceof Error ? recordError.message : String(recordError)}`);
    if (!(await repos.jobs.succeed(claim, solution, derivedRecords(job, input, solution)))) return 'stale';
    await ended({ result: 'succeeded', solution });
    return 'succeeded';
  } catch (error) {
    await pending;
    await records;
    if (error instanceof JobCancelledError) {
      if (!(await repos.jobs.cancelled(claim))) return 'stale';
      await ended({ result: 'cancelled' });
      return 'cancelled';
    }
    const tag = error instanceof GridHaulError ? error.tag : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    if (!(await repos.jobs.fail(claim, { tag, message }))) return 'stale';
    await ended({ result: 'failed' });
    return 'failed';
  } finally {
    clearInterval(poll);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
