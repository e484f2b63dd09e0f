import { parentPort } from 'node:worker_threads';
import { GridHaulError } from '@gridhaul/common';
import type { JobProgress, SolutionData } from '../data';
import { problemType } from './registry';

/** Messages between a job runner and the worker thread that solves one job. */
export interface SolveRequest {
  problemType: string;
  input: unknown;
  seed: number;
  timeLimitSec?: number | undefined;
}
export type SolveReply =
  | { kind: 'progress'; progress: JobProgress }
  | { kind: 'done'; solution: SolutionData }
  | { kind: 'error'; tag: string; message: string };

/** Solves one request: validate, solve, check independently. Runs inside the worker thread. */
export async function solveRequest(req: SolveRequest, signal: AbortSignal, onProgress: (p: JobProgress) => void): Promise<SolutionData> {
  const type = problemType(req.problemType);
  const input = type.input.parse(req.input);
  const started = performance.now();
  const outcome = await type.solve(input, { seed: req.seed, timeLimitSec: req.timeLimitSec, signal, onProgress });
  const solveSec = (performance.now() - started) / 1000;
  return { ...outcome, check: type.check(input, outcome), seed: req.seed, solveSec };
}

/** A thread serves one request at a time, many in its life: imports and solver engines load once. */
const port = parentPort;
if (port) {
  let abort: AbortController | null = null;
  port.on('message', (msg: { kind: 'solve'; request: SolveRequest } | { kind: 'cancel' }) => {
    if (msg.kind === 'cancel') return abort?.abort();
    const current = new AbortController();
    abort = current;
    solveRequest(msg.request, current.signal, (progress) => port.postMessage({ kind: 'progress', progress } satisfies SolveReply))
      .then((solution) => port.postMessage({ kind: 'done', solution } satisfies SolveReply))
      .catch((error: unknown) => {
        const tag = error instanceof GridHaulError ? error.tag : error instanceof Error ? error.name : 'ERROR';
        const message = error instanceof Error ? error.message : String(error);
        port.postMessage({ kind: 'error', tag, message } satisfies SolveReply);
      })
      .finally(() => {
        if (abort === current) abort = null;
      });
  });
}
