import type { Model } from './model';
import { sanitizeNames } from './names';

/** Shortest text that reads back as the same double. */
export function num(x: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return String(x);
}

function signed(coef: number, first: boolean): string {
  if (coef < 0) return `- ${num(-coef)}`;
  return first ? num(coef) : `+ ${num(coef)}`;
}

/** Wraps a long sum over lines (LP readers limit line length). */
function terms(parts: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
  return lines.join('\n   ');
}

/** CPLEX LP text of a model (what HiGHS, CBC, GLPK, Gurobi and CPLEX read). */
export function writeLp(model: Model): string {
  const cols = sanitizeNames(model.colNames);
  // HiGHS' LP reader does not take `lo <= expr <= hi`, so a ranged row is written as two rows.
  const ranged = (i: number) => {
    const lo = model.rowLower[i] as number;
    const hi = model.rowUpper[i] as number;
    return lo !== hi && lo !== -Infinity && hi !== Infinity;
  };
  const rowLabels: string[] = [];
  for (let i = 0; i < model.numRows; i++) {
    rowLabels.push(model.rowNames[i] as string);
    if (ranged(i)) rowLabels.push(`${model.rowNames[i]}_upper`);
  }
  const labels = sanitizeNames(rowLabels);
  let label = 0;
  const out: string[] = [`\\ ${model.name}: ${model.numCols} columns, ${model.numRows} rows, ${model.numNonzeros} nonzeros`];
  out.push(model.sense === 'max' ? 'Maximize' : 'Minimize');
  const obj: string[] = [];
  for (let j = 0; j < model.numCols; j++) {
    const c = model.colCost[j] as number;
    if (c !== 0) obj.push(`${signed(c, obj.length === 0)} ${cols[j]}`);
  }
  if (model.quadratic.length > 0) {
    const q = model.quadratic.map(([a, b, c], k) => {
      const coef = signed(2 * c, k === 0);
      return a === b ? `${coef} ${cols[a]} ^ 2` : `${coef} ${cols[a]} * ${cols[b]}`;
    });
    obj.push(`${obj.length === 0 ? '' : '+ '}[ ${q.join(' ')} ] / 2`);
  }
  if (model.objectiveConstant !== 0) obj.push(signed(model.objectiveConstant, obj.length === 0));
  out.push(` obj: ${obj.length === 0 ? '0 ' + (cols[0] ?? '') : terms(obj)}`.trimEnd());
  out.push('Subject To');
  for (let i = 0; i < model.numRows; i++) {
    const start = model.rowStart[i] as number;
    const end = model.rowStart[i + 1] as number;
    const parts: string[] = [];
    for (let k = start; k < end; k++) parts.push(`${signed(model.rowValue[k] as number, k === start)} ${cols[model.rowIndex[k] as number]}`);
    const lhs = parts.length === 0 ? `0 ${cols[0] ?? ''}` : terms(parts);
    const lo = model.rowLower[i] as number;
    const hi = model.rowUpper[i] as number;
    const rowName = labels[label++];
    if (lo === hi) out.push(` ${rowName}: ${lhs} = ${num(hi)}`);
    else if (lo === -Infinity && hi === Infinity) out.push(` ${rowName}: ${lhs} >= -inf`);
    else if (lo === -Infinity) out.push(` ${rowName}: ${lhs} <= ${num(hi)}`);
    else if (hi === Infinity) out.push(` ${rowName}: ${lhs} >= ${num(lo)}`);
    else out.push(` ${rowName}: ${lhs} >= ${num(lo)}`, ` ${labels[label++]}: ${lhs} <= ${num(hi)}`);
  }
  out.push('Bounds');
  for (let j = 0; j < model.numCols; j++) {
    const lb = model.colLower[j] as number;
    const ub = model.colUpper[j] as number;
    const n = cols[j] as string;
    if (lb === ub) out.push(` ${n} = ${num(lb)}`);
    else if (lb === -Infinity && ub === Infinity) out.push(` ${n} free`);
    else if (lb === 0 && ub === Infinity) continue;
    else if (lb === 0) out.push(` ${n} <= ${num(ub)}`);
    else out.push(` ${num(lb)} <= ${n} <= ${num(ub)}`);
  }
  const ints = cols.filter((_, j) => model.colInteger[j]);
  if (ints.length > 0) {
    out.push('Generals');
    for (let i = 0; i < ints.length; i += 10) out.push(` ${ints.slice(i, i + 10).join(' ')}`);
  }
  out.push('End', '');
  return out.join('\n');
}
