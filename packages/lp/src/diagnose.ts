import { Model } from './model';
import { familyOf } from './names';
import type { SolveOptions } from './options';
import { solve } from './solve';

export interface FamilyViolation {
  /** Name prefix before `[`, e.g. `capacity` for `capacity[k=2]`. */
  family: string;
  /** Rows of the family that had to be relaxed. */
  rows: string[];
  /** Sum of the slack needed, in the rows' own units. */
  violation: number;
}

export interface Diagnosis {
  /** True when the model is feasible as it stands (no slack needed). */
  feasible: boolean;
  /** True when the elastic model dropped integrality (the LP relaxation is already infeasible). */
  relaxedIntegrality: boolean;
  families: FamilyViolation[];
}

/**
 * Elastic relaxation: every row gets non-negative slacks, and the total slack is minimised. The
 * rows whose slacks stay non-zero, grouped by family, are a set of constraints that conflict
 * (variable bounds are kept hard). The LP relaxation is tried first; when it is feasible but the
 * MILP is not, the elastic MILP names the families that integrality makes conflict.
 */
export async function diagnose(model: Model, options: SolveOptions = {}): Promise<Diagnosis> {
  const lp = await elastic(model, false, options);
  if (lp.total > 1e-7 || !model.isMip) return { feasible: lp.total <= 1e-7, relaxedIntegrality: model.isMip, families: lp.families };
  const mip = await elastic(model, true, options);
  return { feasible: mip.total <= 1e-7, relaxedIntegrality: false, families: mip.families };
}

async function elastic(model: Model, keepIntegers: boolean, options: SolveOptions) {
  const e = new Model(`${model.name}-elastic`);
  for (let j = 0; j < model.numCols; j++) {
    e.addVar({
      name: model.colNames[j] as string,
      lb: model.colLower[j] as number,
      ub: model.colUpper[j] as number,
      type: keepIntegers && model.colInteger[j] ? 'integer' : 'continuous',
    });
  }
  const slackRow: number[] = [];
  const objective: Array<[number, number]> = [];
  for (let i = 0; i < model.numRows; i++) {
    const { indices, coefs } = model.row(i);
    const lo = model.rowLower[i] as number;
    const hi = model.rowUpper[i] as number;
    if (lo !== -Infinity) {
      const s = e.addVar({ name: `slack_lo[row=${i}]` });
      indices.push(s.index);
      coefs.push(1);
      slackRow.push(i);
      objective.push([s.index, 1]);
    }
    if (hi !== Infinity) {
      const s = e.addVar({ name: `slack_hi[row=${i}]` });
      indices.push(s.index);
      coefs.push(-1);
      slackRow.push(i);
      objective.push([s.index, 1]);
    }
    e.addRow(indices, coefs, lo, hi, model.rowNames[i]);
  }
  for (const [j, c] of objective) e.colCost[j] = c;
  const result = await solve(e, { ...options, mipDuals: false });
  if (!result.hasSolution) throw new Error(`elastic relaxation could not be solved (status ${result.status})`);
  const byFamily = new Map<string, FamilyViolation>();
  const firstSlack = model.numCols;
  for (let k = 0; k < slackRow.length; k++) {
    const amount = result.primal[firstSlack + k] as number;
    if (amount <= 1e-7) continue;
    const rowName = model.rowNames[slackRow[k] as number] as string;
    const family = familyOf(rowName);
    const entry = byFamily.get(family) ?? { family, rows: [], violation: 0 };
    if (!entry.rows.includes(rowName)) entry.rows.push(rowName);
    entry.violation += amount;
    byFamily.set(family, entry);
  }
  const families = [...byFamily.values()].sort((a, b) => b.violation - a.violation);
  return { total: result.objective ?? 0, families };
}
