import { InputError } from '@gridhaul/common';
import type { Var } from './linear';
import type { Model } from './model';
import { sanitizeNames } from './names';

/** Start values for a MIP, by variable handle or name; variables left out are for the solver to fill. */
export type MipStart = ReadonlyMap<Var | string, number>;

/**
 * What became of a MIP start: 'accepted' = handed to the solver; 'rejected' = not used, with the
 * reason (our pre-check found a broken bound, integrality or row; HiGHS refused it; or CBC's log says
 * it could not build a solution from it). CBC tries columns left out of a partial start at 0 first
 * and repairs from there; HiGHS completes a partial start by solving for the rest.
 */
export interface MipStartOutcome {
  readonly status: 'accepted' | 'rejected';
  /** Number of columns the start gives values for. */
  readonly columns: number;
  readonly detail?: string | undefined;
}

/** A start as column indices and values, in ascending column order. */
export interface ResolvedMipStart {
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** Every column has a value. */
  readonly complete: boolean;
}

const FEASIBILITY_TOL = 1e-6;

/** Column indices for the start's keys; unknown variables and non-finite values are InputErrors. */
export function resolveMipStart(model: Model, start: MipStart): ResolvedMipStart {
  if (!model.isMip) throw new InputError('mipStart', `${start.size} values`, 'a model with integer variables (a MIP start is for MIPs)');
  let byName: Map<string, number> | undefined;
  const column = (key: Var | string): number => {
    if (typeof key !== 'string') {
      if (model.colNames[key.index] !== key.name) throw new InputError('mipStart: variable', key.name, 'a variable of this model');
      return key.index;
    }
    if (byName === undefined) {
      byName = new Map();
      model.colNames.forEach((n, j) => byName!.set(n, byName!.has(n) ? -1 : j));
    }
    const j = byName.get(key);
    if (j === undefined) throw new InputError('mipStart: variable', key, 'the name of a variable of this model');
    if (j < 0) throw new InputError('mipStart: variable', key, 'a unique variable name (several columns have it; use the Var)');
    return j;
  };
  const dense = new Float64Array(model.numCols).fill(Number.NaN);
  for (const [key, value] of start) {
    const j = column(key);
    if (!Number.isFinite(value)) throw new InputError(`mipStart: value of ${model.colNames[j]}`, value, 'a finite number');
    dense[j] = value;
  }
  const indices: number[] = [];
  for (let j = 0; j < dense.length; j++) if (!Number.isNaN(dense[j]!)) indices.push(j);
  return { indices: Int32Array.from(indices), values: Float64Array.from(indices, (j) => dense[j]!), complete: indices.length === model.numCols };
}

/**
 * The first thing the start breaks, or undefined: a bound or integrality of a given column, or a row
 * whose columns all have values. Rows with a column left out are the solver's to complete.
 */
export function mipStartViolation(model: Model, start: ResolvedMipStart): string | undefined {
  const value = new Float64Array(model.numCols).fill(Number.NaN);
  start.indices.forEach((j, k) => (value[j] = start.values[k]!));
  const tol = (b: number): number => FEASIBILITY_TOL * Math.max(1, Math.abs(b));
  for (const j of start.indices) {
    const v = value[j]!;
    const name = model.colNames[j];
    if (v < model.colLower[j]! - tol(model.colLower[j]!)) return `${name} = ${v} is below its lower bound ${model.colLower[j]}`;
    if (v > model.colUpper[j]! + tol(model.colUpper[j]!)) return `${name} = ${v} is above its upper bound ${model.colUpper[j]}`;
    if (model.colInteger[j] && Math.abs(v - Math.round(v)) > FEASIBILITY_TOL) return `${name} = ${v} is not integer`;
  }
  rows: for (let i = 0; i < model.numRows; i++) {
    let activity = 0;
    for (let k = model.rowStart[i]!; k < model.rowStart[i + 1]!; k++) {
      const v = value[model.rowIndex[k]!]!;
      if (Number.isNaN(v)) continue rows;
      activity += model.rowValue[k]! * v;
    }
    const lo = model.rowLower[i]!;
    const hi = model.rowUpper[i]!;
    if (activity < lo - tol(lo) || activity > hi + tol(hi)) return `row ${model.rowNames[i]}: activity ${activity} is outside [${lo}, ${hi}]`;
  }
  return undefined;
}

// CBC's reader (CbcMipStartIO) takes lines "index name value" whose first field starts with a digit,
// matches columns by name (the MPS writer's sanitised names) and reads each line into 256 bytes.
const CBC_LINE_MAX = 255;

/** A start in CBC's solution-file layout, or the reason CBC could not read it. */
export function cbcMipStartText(model: Model, start: ResolvedMipStart): { text: string } | { error: string } {
  const names = sanitizeNames(model.colNames);
  const lines = ['Start'];
  for (let k = 0; k < start.indices.length; k++) {
    const j = start.indices[k]!;
    const line = `${j} ${names[j]} ${start.values[k]}`;
    if (line.length >= CBC_LINE_MAX) return { error: `CBC reads start lines of at most ${CBC_LINE_MAX - 1} characters; column ${names[j]} is too long` };
    lines.push(line);
  }
  return { text: `${lines.join('\n')}\n` };
}
