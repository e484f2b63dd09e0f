import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendError, SolveCancelledError } from './errors';
import { cbcMipStartText, type MipStartOutcome, type ResolvedMipStart } from './mip-start';
import { fixIntegers, type Model } from './model';
import type { SolveOptions } from './options';
import { SolveResult, type SolveStatus } from './result';
import { writeMps } from './write-mps';

/**
 * Solves with a native executable on the MPS text of the model. CBC (Debian `coinor-cbc`) is
 * supported; Debian ships no HiGHS executable, so `backend: 'highs'` is refused with a clear error.
 */
export async function solveNative(model: Model, options: SolveOptions, start?: ResolvedMipStart): Promise<SolveResult> {
  if (options.backend !== 'cbc') throw new BackendError(`backend "${options.backend}" is not supported; use "highs-wasm" or "cbc"`);
  if (model.quadratic.length > 0) throw new BackendError('CBC does not solve quadratic objectives; use backend "highs-wasm"');
  const result = await runCbc(model, options, start);
  if (!(model.isMip && options.mipDuals && result.hasSolution)) return result;
  const fixed = await runCbc(fixIntegers(model, result.primal), { ...options, mipDuals: false });
  if (!fixed.hasDuals) return result;
  const data = result.toData();
  const fixedData = fixed.toData();
  return new SolveResult({ ...data, rowDuals: fixedData.rowDuals, reducedCosts: fixedData.reducedCosts });
}

async function runCbc(model: Model, options: SolveOptions, start?: ResolvedMipStart): Promise<SolveResult> {
  if (options.signal?.aborted) throw new SolveCancelledError();
  const dir = await mkdtemp(join(tmpdir(), 'gridhaul-cbc-'));
  const started = performance.now();
  try {
    const mpsFile = join(dir, 'model.mps');
    const solFile = join(dir, 'solution.txt');
    await writeFile(mpsFile, writeMps(model, { forceMinimize: true, markFree: true }));
    const args = [mpsFile];
    const startText = start === undefined ? undefined : cbcMipStartText(model, start);
    if (startText !== undefined && 'text' in startText) {
      const startFile = join(dir, 'start.txt');
      await writeFile(startFile, startText.text);
      args.push('mipStart', startFile);
    }
    // CBC counts `sec` in CPU time unless told otherwise; the option is wall-clock, as for HiGHS.
    if (options.timeLimitSec !== undefined) args.push('timeMode', 'elapsed', 'sec', String(options.timeLimitSec));
    if (options.mipRelGap !== undefined) args.push('ratioGap', String(options.mipRelGap));
    if (options.threads !== undefined) args.push('threads', String(options.threads));
    if (options.presolve === false) args.push('presolve', 'off');
    if (options.randomSeed !== undefined) args.push('randomCbcSeed', String(options.randomSeed));
    if (options.nodeLimit !== undefined) args.push('maxNodes', String(options.nodeLimit));
    args.push('solve', 'printingOptions', 'all', 'solution', solFile);
    const deadlineSec = options.timeLimitSec === undefined ? undefined : options.timeLimitSec + Math.max(30, 0.1 * options.timeLimitSec);
    const { stdout, overran } = await run(options.executable ?? 'cbc', args, options.signal, deadlineSec);
    const text = await readFile(solFile, 'utf8').catch(() => '');
    const timeSec = (performance.now() - started) / 1000;
    const result = overran
      ? new SolveResult({ status: 'timeLimitNoSolution', backend: 'cbc', timeSec, message: `CBC overran its time limit (it checks it only between phases, not inside a long root LP) and was stopped after ${deadlineSec?.toFixed(0)} s` })
      : parseCbc(model, text, stdout, timeSec);
    if (start === undefined || startText === undefined) return result;
    return new SolveResult({ ...result.toData(), mipStart: 'error' in startText ? { status: 'rejected', columns: start.indices.length, detail: startText.error } : startOutcome(stdout, start.indices.length) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the executable; cancels on the signal. CBC checks its time limit only between phases (not
 * inside the root LP of a large model), so past `deadlineSec` it is killed and `overran` is set.
 */
function run(executable: string, args: string[], signal: AbortSignal | undefined, deadlineSec: number | undefined): Promise<{ stdout: string; overran: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let overran = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer =
      deadlineSec === undefined
        ? undefined
        : setTimeout(() => {
            overran = true;
            child.kill('SIGKILL');
          }, deadlineSec * 1000);
    const onAbort = () => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new SolveCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(new BackendError(e.code === 'ENOENT' ? `executable "${executable}" not found on PATH (install coinor-cbc)` : e.message));
    });
    child.on('close', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ stdout: out, overran });
    });
  });
}

function parseCbc(model: Model, text: string, stdout: string, timeSec: number): SolveResult {
  const lines = text.split('\n');
  const head = lines[0] ?? '';
  let status: SolveStatus;
  if (/^Optimal/.test(head)) status = 'optimal';
  else if (/infeasible/i.test(head)) status = 'infeasible';
  else if (/unbounded/i.test(head)) status = 'unbounded';
  else if (/^Stopped/.test(head)) status = /no integer solution/.test(head) ? 'timeLimitNoSolution' : 'timeLimitWithSolution';
  else return new SolveResult({ status: 'error', backend: 'cbc', timeSec, message: `CBC gave no solution: ${stdout.slice(-400)}` });
  const sign = model.sense === 'max' ? -1 : 1;
  const base = { status, backend: 'cbc' as const, timeSec, ...stats(stdout, sign, model.isMip) };
  if (status !== 'optimal' && status !== 'timeLimitWithSolution') return new SolveResult(base);
  const objMatch = /objective value\s+(\S+)/.exec(head);
  const rowActivity = new Float64Array(model.numRows);
  const rowDuals = new Float64Array(model.numRows);
  const primal = new Float64Array(model.numCols);
  const reducedCosts = new Float64Array(model.numCols);
  const body = lines.slice(1).filter((l) => l.trim() !== '');
  if (body.length !== model.numRows + model.numCols) {
    return new SolveResult({ status: 'error', backend: 'cbc', timeSec, message: `CBC solution has ${body.length} lines, expected ${model.numRows + model.numCols}` });
  }
  body.forEach((line, k) => {
    const f = line.replace(/^\*\*/, '').trim().split(/\s+/);
    const value = Number(f[2]);
    const dual = Number(f[3]) * sign;
    if (k < model.numRows) {
      rowActivity[k] = value;
      rowDuals[k] = dual;
    } else {
      primal[k - model.numRows] = value;
      reducedCosts[k - model.numRows] = dual;
    }
  });
  const lp = !model.isMip;
  const objective = objMatch ? Number(objMatch[1]) * sign : undefined;
  // CBC prints a bound only when it stops short (limit or gap tolerance); a completed search proves the incumbent.
  const mipBound = base.mipBound ?? (model.isMip && status === 'optimal' ? objective : undefined);
  return new SolveResult({
    ...base,
    objective,
    mipBound,
    mipGap: mipGap(objective, mipBound, base.mipGap),
    primal,
    rowActivity,
    rowDuals: lp ? rowDuals : undefined,
    reducedCosts: lp ? reducedCosts : undefined,
  });
}

/** CBC's log says when it could not build a solution from the start (CbcMipStartIO messages). */
function startOutcome(stdout: string, columns: number): MipStartOutcome {
  const why = /^.*(mipstart values could not be used|column names do not match|No mipstart solution read).*$/im.exec(stdout);
  return why ? { status: 'rejected', columns, detail: `CBC: ${why[0].trim()}` } : { status: 'accepted', columns };
}

// CBC prints its gap relative to the bound ('inf' when the bound is 0); report HiGHS's
// |incumbent − bound| / |incumbent| so both back-ends mean the same.
function mipGap(objective: number | undefined, bound: number | undefined, printed: number | undefined): number | undefined {
  if (objective === undefined || bound === undefined || !Number.isFinite(objective) || !Number.isFinite(bound) || objective === 0) return printed;
  return Math.abs(objective - bound) / Math.abs(objective);
}

function stats(stdout: string, sign: number, mip: boolean) {
  const num = (re: RegExp) => {
    const m = re.exec(stdout);
    return m ? Number(m[1]) : undefined;
  };
  const bound = num(/Lower bound:\s+(\S+)/);
  const gap = num(/Gap:\s+(\S+)/);
  return {
    nodes: num(/Enumerated nodes:\s+(\d+)/),
    iterations: num(/Total iterations:\s+(\d+)/),
    mipBound: mip && bound !== undefined ? bound * sign : undefined,
    mipGap: mip ? (gap ?? (/Optimal solution found/.test(stdout) ? 0 : undefined)) : undefined,
  };
}
