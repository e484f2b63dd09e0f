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

/** Idle solver threads kept for the next job (each holds its imports and solver engine warm). */
const idle: Worker[] = [];
const MAX_IDLE = 8;

function takeWorker(): Worker {
  const worker = idle.pop() ?? new Worker(entry);
  const forget = forgetOnExit.get(worker);
  if (forget) worker.off('exit', forget);
  worker.ref();
  return worker;
}

const forgetOnExit = new WeakMap<Worker, () => void>();

function release(worker: Worker): void {
  if (idle.length >= MAX_IDLE) return void worker.terminate();
  worker.unref(); // an idle thread never keeps the process alive
  const forget = () => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  };
  forgetOnExit.set(worker, forget);
  worker.once('exit', forget);
  idle.push(worker);
}

/** Ends the idle threads (shutdown, tests). */
export async function closeSolverThreads(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}

/**
 * Solves one request in a worker thread, never on the caller's event loop; threads are reused.
 * Aborting asks the solver to stop; a thread that has not stopped within `graceMs` is terminated
 * (and not reused), as is one that crashed.
 */
export function solveInThread(
  request: SolveRequest,
  opts: { signal?: AbortSignal | undefined; onProgress?: ((p: JobProgress) => void) | undefined; graceMs?: number },
): Promise<SolutionData> {
  if (opts.signal?.aborted) return Promise.reject(new JobCancelledError());
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    // Only our own listeners are removed: Node's Worker keeps internal ones that deliver messages.
    const detach = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const finish = (reuse: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      detach();
      if (reuse) release(worker);
      else void worker.terminate();
      fn();
    };
    const onAbort = () => {
      worker.postMessage({ kind: 'cancel' });
      timer = setTimeout(() => finish(false, () => reject(new JobCancelledError())), opts.graceMs ?? 2000);
    };
    opts.signal?.addEventListener('abort', onAbort);
    const onMessage = (reply: SolveReply) => {
      if (reply.kind === 'progress') opts.onProgress?.(reply.progress);
      else if (reply.kind === 'done') finish(true, () => (opts.signal?.aborted ? reject(new JobCancelledError()) : resolve(reply.solution)));
      else if (opts.signal?.aborted) finish(true, () => reject(new JobCancelledError()));
      else finish(true, () => reject(new GridHaulError(reply.tag, reply.message)));
    };
    const onError = (error: Error) => finish(false, () => reject(error));
    const onExit = (code: number) => finish(false, () => reject(new GridHaulError('WORKER_EXITED', `solver thread exited with code ${code}`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ kind: 'solve', request });
  });
}
