import type { Model } from './model';
import { sanitizeNames } from './names';
import { num } from './write-lp';

export interface MpsOptions {
  /** Write a maximisation as the minimisation of the negated objective (for readers without OBJSENSE). */
  forceMinimize?: boolean;
  /** Append `FREE` to the NAME card: CBC's reader needs it to take the file as free format. */
  markFree?: boolean;
}

/** Free-format MPS text (for native solvers, Gurobi, CPLEX). */
export function writeMps(model: Model, options: MpsOptions = {}): string {
  const cols = sanitizeNames(model.colNames);
  const rows = sanitizeNames(model.rowNames);
  const negate = options.forceMinimize === true && model.sense === 'max';
  const objSign = negate ? -1 : 1;
  const out: string[] = [`NAME ${sanitizeNames([model.name])[0]}${options.markFree ? ' FREE' : ''}`];
  if (model.sense === 'max' && !negate) out.push('OBJSENSE', '    MAX');
  out.push('ROWS', ' N  obj');
  const kind: string[] = [];
  for (let i = 0; i < model.numRows; i++) {
    const lo = model.rowLower[i] as number;
    const hi = model.rowUpper[i] as number;
    const k = lo === hi ? 'E' : hi !== Infinity ? 'L' : lo !== -Infinity ? 'G' : 'N';
    kind.push(k);
    out.push(` ${k}  ${rows[i]}`);
  }
  out.push('COLUMNS');
  // Transpose the row-wise matrix to columns.
  const count = new Int32Array(model.numCols + 1);
  for (const j of model.rowIndex) count[j + 1]!++;
  for (let j = 0; j < model.numCols; j++) count[j + 1]! += count[j]!;
  const colRow = new Int32Array(model.numNonzeros);
  const colVal = new Float64Array(model.numNonzeros);
  const fill = count.slice();
  for (let i = 0; i < model.numRows; i++) {
    for (let k = model.rowStart[i] as number; k < (model.rowStart[i + 1] as number); k++) {
      const j = model.rowIndex[k] as number;
      const at = fill[j]!++;
      colRow[at] = i;
      colVal[at] = model.rowValue[k] as number;
    }
  }
  let inInt = false;
  let marker = 0;
  for (let j = 0; j < model.numCols; j++) {
    const isInt = model.colInteger[j] === true;
    if (isInt !== inInt) {
      out.push(`    MARKER${marker++} 'MARKER' '${isInt ? 'INTORG' : 'INTEND'}'`);
      inInt = isInt;
    }
    const cost = (model.colCost[j] as number) * objSign;
    if (cost !== 0 || count[j] === count[j + 1]) out.push(`    ${cols[j]} obj ${num(cost)}`);
    for (let k = count[j] as number; k < (count[j + 1] as number); k++) out.push(`    ${cols[j]} ${rows[colRow[k] as number]} ${num(colVal[k] as number)}`);
  }
  if (inInt) out.push(`    MARKER${marker} 'MARKER' 'INTEND'`);
  out.push('RHS');
  if (model.objectiveConstant !== 0) out.push(`    RHS obj ${num(-model.objectiveConstant * objSign)}`);
  const ranges: string[] = [];
  for (let i = 0; i < model.numRows; i++) {
    const lo = model.rowLower[i] as number;
    const hi = model.rowUpper[i] as number;
    const k = kind[i];
    const rhs = k === 'E' || k === 'L' ? hi : k === 'G' ? lo : 0;
    if (rhs !== 0) out.push(`    RHS ${rows[i]} ${num(rhs)}`);
    if (k === 'L' && lo !== -Infinity) ranges.push(`    RNG ${rows[i]} ${num(hi - lo)}`);
  }
  if (ranges.length > 0) out.push('RANGES', ...ranges);
  out.push('BOUNDS');
  for (let j = 0; j < model.numCols; j++) {
    const lb = model.colLower[j] as number;
    const ub = model.colUpper[j] as number;
    const n = cols[j];
    if (lb === ub) {
      out.push(` FX BND ${n} ${num(lb)}`);
      continue;
    }
    if (lb === -Infinity && ub === Infinity) {
      out.push(` FR BND ${n}`);
      continue;
    }
    if (lb === -Infinity) out.push(` MI BND ${n}`);
    else if (lb !== 0 || model.colInteger[j]) out.push(` LO BND ${n} ${num(lb)}`);
    if (ub !== Infinity) out.push(` UP BND ${n} ${num(ub)}`);
    else if (model.colInteger[j]) out.push(` PL BND ${n}`);
  }
  if (model.quadratic.length > 0) {
    out.push('QUADOBJ');
    const q = new Map<string, number>();
    for (const [a, b, c] of model.quadratic) {
      const key = `${Math.max(a, b)},${Math.min(a, b)}`;
      q.set(key, (q.get(key) ?? 0) + (a === b ? 2 * c : c) * objSign);
    }
    for (const [key, v] of q) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (v !== 0) out.push(`    ${cols[c]} ${cols[r]} ${num(v)}`);
    }
  }
  out.push('ENDATA', '');
  return out.join('\n');
}
