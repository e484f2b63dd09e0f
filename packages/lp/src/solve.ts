import { compile } from './compiled';
import type { Model } from './model';
import { solveNative } from './native-backend';
import type { SolveOptions } from './options';
import { SolveResult, type SolveStatus } from './result';
import { runWasm, type WasmOutcome } from './wasm-backend';

// HiGHS model status codes (HighsModelStatus).
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const UNBOUNDED = 10;
const EMPTY = 6;
const LIMITS = new Set([11, 12, 13, 14, 16, 17]);

/**
 * Solves a model. Infeasible, unbounded and limit outcomes are values (see `status`), not
 * exceptions; only cancellation (SolveCancelledError) and unusable options reject.
 */
export async function solve(model: Model, options: SolveOptions = {}): Promise<SolveResult> {
  const backend = options.backend ?? 'highs-wasm';
  if (backend !== 'highs-wasm') return solveNative(model, { ...options, backend });
  return solveWasm(model, options);
}

async function solveWasm(model: Model, options: SolveOptions, debugAbort = false): Promise<SolveResult> {
  const started = performance.now();
  const reply = await runWasm(compile(model), options, { debugAbort });
  const elapsed = () => (performance.now() - started) / 1000;
  if ('error' in reply) {
    return new SolveResult({ status: 'error', backend: 'highs-wasm', timeSec: elapsed(), message: `${reply.error.name}: ${reply.error.message}` });
  }
  const out = reply.result;
  let status = mapStatus(out, model);
  if (out.status === UNBOUNDED_OR_INFEASIBLE) status = await separateUnboundedFromInfeasible(model, options);
  return fromOutcome(out, status, model, elapsed());
}

/** Test hook: forces the worker's WebAssembly instance to abort, as an out-of-memory would. */
export async function solveWithForcedAbort(model: Model): Promise<SolveResult> {
  return solveWasm(model, {}, true);
}

function mapStatus(out: WasmOutcome, model: Model): SolveStatus {
  if (out.status === OPTIMAL) return 'optimal';
  if (out.status === EMPTY && model.numCols === 0) return 'optimal';
  if (out.status === INFEASIBLE) return 'infeasible';
  if (out.status === UNBOUNDED) return 'unbounded';
  if (LIMITS.has(out.status)) return out.hasPrimal ? 'timeLimitWithSolution' : 'timeLimitNoSolution';
  if (out.status === UNBOUNDED_OR_INFEASIBLE) return 'infeasible';
  return 'error';
}

// Presolve may only know "unbounded or infeasible"; a zero-objective feasibility solve decides.
async function separateUnboundedFromInfeasible(model: Model, options: SolveOptions): Promise<SolveStatus> {
  const saved = model.colCost.slice();
  const savedQ = model.quadratic;
  model.colCost.fill(0);
  model.quadratic = [];
  try {
    const reply = await runWasm(compile(model), { ...options, onProgress: undefined as never });
    if ('error' in reply) return 'error';
    return reply.result.status === OPTIMAL ? 'unbounded' : 'infeasible';
  } finally {
    for (let j = 0; j < saved.length; j++) model.colCost[j] = saved[j] as number;
    model.quadratic = savedQ;
  }
}

function fromOutcome(out: WasmOutcome, status: SolveStatus, model: Model, timeSec: number): SolveResult {
  const hasPrimal = out.hasPrimal && (status === 'optimal' || status === 'timeLimitWithSolution');
  return new SolveResult({
    status,
    backend: 'highs-wasm',
    objective: hasPrimal ? out.objective : undefined,
    primal: hasPrimal ? out.colValue : undefined,
    rowActivity: hasPrimal ? out.rowValue : undefined,
    rowDuals: hasPrimal && out.rowDual ? out.rowDual : undefined,
    reducedCosts: hasPrimal && out.colDual ? out.colDual : undefined,
    mipGap: model.isMip ? out.mipGap : undefined,
    mipBound: model.isMip ? out.mipBound : undefined,
    timeSec,
    nodes: out.nodes,
    iterations: out.iterations,
  });
}
