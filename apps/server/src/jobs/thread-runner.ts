import { Worker } from 'node:worker_threads';
import { GridHaulError } from '@gridhaul/common';
import type { JobProgress, SolutionData } from '../data';
import type { SolveReply, SolveRequest } from './solve-thread';

export class JobCancelledError extends GridHaulError {
  constructor() {
    super('JOB_CANCELLED', 'the job was cancelled');
  }
}

const entry = new URL('./solve-thread-entry.mjs', import.meta.url);

/**
 * Solves one request in a fresh worker thread, never on the caller's event loop. Aborting asks
 * the solver to stop and terminates the thread if it has not within `graceMs`.
 */
export function solveInThread(
  request: SolveRequest,
  opts: { signal?: AbortSignal | undefined; onProgress?: ((p: JobProgress) => void) | undefined; graceMs?: number },
): Promise<SolutionData> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ kind: 'cancel' });
      setTimeout(() => finish(() => reject(new JobCancelledError())), opts.graceMs ?? 1000).unref();
    };
    if (opts.signal?.aborted) return reject(new JobCancelledError());
    opts.signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: SolveReply) => {
      if (reply.kind === 'progress') opts.onProgress?.(reply.progress);
      else if (reply.kind === 'done') finish(() => resolve(reply.solution));
      else if (opts.signal?.aborted) finish(() => reject(new JobCancelledError()));
      else finish(() => reject(new GridHaulError(reply.tag, reply.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new GridHaulError('WORKER_EXITED', `solver thread exited with code ${code}`))));
    worker.postMessage({ kind: 'solve', request });
  });
}
