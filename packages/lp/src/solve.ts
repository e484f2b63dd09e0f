import { compile } from './compiled';
import { mipStartViolation, resolveMipStart, type MipStartOutcome, type ResolvedMipStart } from './mip-start';
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
  const { mipStart, ...rest } = options;
  const backend = rest.backend ?? 'highs-wasm';
  const start = mipStart === undefined ? undefined : checkedStart(model, resolveMipStart(model, mipStart));
  const result = backend !== 'highs-wasm' ? await solveNative(model, { ...rest, backend }, start?.use) : await solveWasm(model, rest, false, start?.use);
  if (start === undefined) return result;
  const outcome = result.mipStart ?? start.outcome;
  return new SolveResult({ ...result.toData(), mipStart: outcome });
}

/** The start to hand to the solver (none when it breaks the model) and what became of it so far. */
function checkedStart(model: Model, start: ResolvedMipStart): { use: ResolvedMipStart | undefined; outcome: MipStartOutcome } {
  const violation = mipStartViolation(model, start);
  const columns = start.indices.length;
  if (violation !== undefined) return { use: undefined, outcome: { status: 'rejected', columns, detail: violation } };
  return { use: start, outcome: { status: 'accepted', columns } };
}

async function solveWasm(model: Model, options: SolveOptions, debugAbort = false, start?: ResolvedMipStart): Promise<SolveResult> {
  const started = performance.now();
  const reply = await runWasm(compile(model), options, { debugAbort, ...(start === undefined ? {} : { start }) });
  const elapsed = () => (performance.now() - started) / 1000;
  if ('error' in reply) {
    return new SolveResult({ status: 'error', backend: 'highs-wasm', timeSec: elapsed(), message: `${reply.error.name}: ${reply.error.message}` });
  }
  const out = reply.result;
  let status = mapStatus(out, model);
  if (out.status === UNBOUNDED_OR_INFEASIBLE) status = await separateUnboundedFromInfeasible(model, options);
  const result = fromOutcome(out, status, model, elapsed());
  if (start === undefined || out.mipStartError === undefined) return result;
  return new SolveResult({ ...result.toData(), mipStart: { status: 'rejected', columns: start.indices.length, detail: `HiGHS: ${out.mipStartError}` } });
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
