import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { transferList, type CompiledModel } from './compiled';
import { SolveCancelledError } from './errors';
import type { ResolvedMipStart } from './mip-start';
import type { MipProgress, SolveOptions } from './options';

/** What the worker sends back (see highs-worker.mjs). */
export interface WasmOutcome {
  status: number;
  hasPrimal: boolean;
  objective?: number;
  timeSec: number;
  iterations?: number;
  nodes?: number;
  mipGap?: number;
  mipBound?: number;
  colValue?: Float64Array;
  rowValue?: Float64Array;
  colDual?: Float64Array;
  rowDual?: Float64Array;
  /** HiGHS refused the MIP start (setSolution failed). */
  mipStartError?: string;
}

export type WasmReply = { result: WasmOutcome } | { error: { name: string; message: string; fatal: boolean } };

const WORKER_URL = new URL('./highs-worker.mjs', import.meta.url);
const maxWorkers = Math.max(1, availableParallelism());
const idle: Worker[] = [];
const waiting: Array<() => void> = [];
let live = 0;
let nextId = 1;

async function acquire(): Promise<Worker> {
  for (;;) {
    const w = idle.pop();
    if (w) return w;
    if (live < maxWorkers) {
      live++;
      return new Worker(WORKER_URL);
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

/** Returns a worker to the pool, or discards it when it may be broken (crash, cancel). */
function release(worker: Worker, healthy: boolean): void {
  if (healthy) {
    worker.unref();
    idle.push(worker);
  } else {
    live--;
    void worker.terminate();
  }
  waiting.shift()?.();
}

/** Runs one solve on a pooled HiGHS worker. Never throws for solver trouble: it returns an error reply. */
export async function runWasm(
  model: CompiledModel,
  options: SolveOptions,
  extra: { debugAbort?: boolean; start?: ResolvedMipStart } = {},
): Promise<WasmReply> {
  if (options.signal?.aborted) throw new SolveCancelledError();
  const worker = await acquire();
  worker.ref();
  const id = nextId++;
  return new Promise<WasmReply>((resolve, reject) => {
    const finish = (healthy: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      options.signal?.removeEventListener('abort', onAbort);
      release(worker, healthy);
    };
    const onMessage = (msg: { id: number; progress?: MipProgress } & Partial<WasmReply>) => {
      if (msg.id !== id) return;
      if (msg.progress) {
        options.onProgress?.(msg.progress);
        return;
      }
      if ('error' in msg && msg.error) {
        finish(!msg.error.fatal);
        resolve({ error: msg.error });
      } else if ('result' in msg && msg.result) {
        finish(true);
        resolve({ result: msg.result });
      }
    };
    const onError = (err: Error) => {
      finish(false);
      resolve({ error: { name: err.name, message: err.message, fatal: true } });
    };
    const onExit = (code: number) => {
      finish(false);
      resolve({ error: { name: 'WorkerExit', message: `HiGHS worker exited with code ${code}`, fatal: true } });
    };
    const onAbort = () => {
      finish(false);
      reject(new SolveCancelledError());
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (extra.debugAbort) {
      worker.postMessage({ id, debugAbort: true });
      return;
    }
    const { signal: _s, onProgress, mipStart: _m, ...plain } = options;
    worker.postMessage({ id, model, options: { ...plain, progress: onProgress !== undefined }, start: extra.start }, transferList(model));
  });
}

/** Number of live HiGHS workers (for tests of crash recovery). */
export function liveWorkers(): number {
  return live;
}
