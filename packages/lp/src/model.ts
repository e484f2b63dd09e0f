import { InputError } from '@gridhaul/common';
import { flatten, type Constraint, type Linear, type Var } from './linear';

export type VarType = 'continuous' | 'integer' | 'binary';
export type Sense = '<=' | '>=' | '=';

export interface VarSpec {
  name?: string;
  /** Lower bound; default 0. Use -Infinity for a free variable. */
  lb?: number;
  /** Upper bound; default +Infinity (1 for binaries). */
  ub?: number;
  type?: VarType;
  /** Linear objective coefficient. */
  obj?: number;
}

/** A quadratic objective term coef·v1·v2. */
export type QuadTerm = readonly [Var, Var, number];

/**
 * A linear (or convex quadratic) program under construction. Columns and rows are stored in flat
 * arrays (rows in compressed sparse row form) so models with millions of nonzeros build quickly.
 */
export class Model {
  readonly colNames: string[] = [];
  readonly colLower: number[] = [];
  readonly colUpper: number[] = [];
  readonly colCost: number[] = [];
  readonly colInteger: boolean[] = [];

  readonly rowNames: string[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly rowStart: number[] = [0];
  readonly rowIndex: number[] = [];
  readonly rowValue: number[] = [];

  sense: 'min' | 'max' = 'min';
  objectiveConstant = 0;
  /** Quadratic objective terms as [col i, col j, coef] meaning coef·x_i·x_j. */
  quadratic: Array<[number, number, number]> = [];

  constructor(readonly name = 'model') {}

  get numCols(): number {
    return this.colNames.length;
  }

  get numRows(): number {
    return this.rowNames.length;
  }

  get numNonzeros(): number {
    return this.rowIndex.length;
  }

  get isMip(): boolean {
    return this.colInteger.some(Boolean);
  }

  addVar(spec: VarSpec = {}): Var {
    const index = this.colNames.length;
    const varName = spec.name ?? `_x${index}`;
    const type = spec.type ?? 'continuous';
    const lb = spec.lb ?? 0;
    const ub = spec.ub ?? (type === 'binary' ? 1 : Infinity);
    if (Number.isNaN(lb) || lb === Infinity) throw new InputError(`variable ${varName}: lb`, lb, 'a number < +Infinity');
    if (Number.isNaN(ub) || ub === -Infinity) throw new InputError(`variable ${varName}: ub`, ub, 'a number > -Infinity');
    if (lb > ub) throw new InputError(`variable ${varName}: bounds`, [lb, ub], 'lb <= ub');
    const obj = spec.obj ?? 0;
    if (!Number.isFinite(obj)) throw new InputError(`variable ${varName}: obj`, obj, 'a finite number');
    this.colNames.push(varName);
    this.colLower.push(type === 'binary' ? Math.max(0, lb) : lb);
    this.colUpper.push(type === 'binary' ? Math.min(1, ub) : ub);
    this.colCost.push(obj);
    this.colInteger.push(type !== 'continuous');
    return { index, name: varName };
  }

  addVars(count: number, spec: (i: number) => VarSpec): Var[] {
    const vars = new Array<Var>(count);
    for (let i = 0; i < count; i++) vars[i] = this.addVar(spec(i));
    return vars;
  }

  /** lhs (sense) rhs; constants inside lhs move to the right-hand side. */
  addConstraint(lhs: Linear, sense: Sense, rhs: number, rowName?: string): Constraint {
    const where = rowName ?? `row ${this.numRows}`;
    if (Number.isNaN(rhs)) throw new InputError(`${where}: rhs`, rhs, 'a number');
    const { indices, coefs, constant } = flatten(lhs, where);
    const b = rhs - constant;
    const lo = sense === '<=' ? -Infinity : b;
    const hi = sense === '>=' ? Infinity : b;
    if (sense !== '<=' && sense !== '>=' && sense !== '=') throw new InputError(`${where}: sense`, sense, "'<=', '>=' or '='");
    return this.pushRow(indices, coefs, lo, hi, rowName);
  }

  /** lo <= lhs <= hi. */
  addRange(lo: number, lhs: Linear, hi: number, rowName?: string): Constraint {
    const where = rowName ?? `row ${this.numRows}`;
    const { indices, coefs, constant } = flatten(lhs, where);
    return this.checkedRow(indices, coefs, lo - constant, hi - constant, where, rowName);
  }

  /** Bulk path: a row given by column indices and coefficients, lo <= row <= hi. */
  addRow(indices: ArrayLike<number>, coefs: ArrayLike<number>, lo: number, hi: number, rowName?: string): Constraint {
    const where = rowName ?? `row ${this.numRows}`;
    if (indices.length !== coefs.length) throw new InputError(`${where}: coefs.length`, coefs.length, `${indices.length} (= indices.length)`);
    const n = this.numCols;
    let duplicate = false;
    const seen = new Set<number>();
    for (let k = 0; k < indices.length; k++) {
      const j = indices[k] as number;
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new InputError(`${where}: column index`, j, `an existing column (0..${n - 1})`);
      if (!Number.isFinite(coefs[k] as number)) throw new InputError(`${where}: coefficient of ${this.colNames[j]}`, coefs[k], 'a finite number');
      if (seen.has(j)) duplicate = true;
      seen.add(j);
    }
    if (!duplicate) return this.checkedRow(Array.from(indices), Array.from(coefs), lo, hi, where, rowName);
    const merged = new Map<number, number>();
    for (let k = 0; k < indices.length; k++) merged.set(indices[k] as number, (merged.get(indices[k] as number) ?? 0) + (coefs[k] as number));
    return this.checkedRow([...merged.keys()], [...merged.values()], lo, hi, where, rowName);
  }

  private checkedRow(indices: number[], coefs: number[], lo: number, hi: number, where: string, rowName?: string): Constraint {
    if (Number.isNaN(lo) || lo === Infinity) throw new InputError(`${where}: lower bound`, lo, 'a number < +Infinity');
    if (Number.isNaN(hi) || hi === -Infinity) throw new InputError(`${where}: upper bound`, hi, 'a number > -Infinity');
    if (lo > hi) throw new InputError(`${where}: range`, [lo, hi], 'lo <= hi');
    return this.pushRow(indices, coefs, lo, hi, rowName);
  }

  private pushRow(indices: number[], coefs: number[], lo: number, hi: number, rowName?: string): Constraint {
    const index = this.rowNames.length;
    const n = this.numCols;
    for (const j of indices) if (j >= n) throw new InputError(`${rowName ?? `row ${index}`}: column index`, j, 'a variable of this model');
    const rowLabel = rowName ?? `_r${index}`;
    this.rowNames.push(rowLabel);
    this.rowLower.push(lo);
    this.rowUpper.push(hi);
    for (let k = 0; k < indices.length; k++) {
      if (coefs[k] === 0) continue;
      this.rowIndex.push(indices[k] as number);
      this.rowValue.push(coefs[k] as number);
    }
    this.rowStart.push(this.rowIndex.length);
    return { index, name: rowLabel };
  }

  minimize(objective: Linear, quadratic?: readonly QuadTerm[]): void {
    this.setObjective('min', objective, quadratic);
  }

  maximize(objective: Linear, quadratic?: readonly QuadTerm[]): void {
    this.setObjective('max', objective, quadratic);
  }

  /** Replaces the objective (coefficients given through addVar's `obj` are cleared too). */
  setObjective(sense: 'min' | 'max', objective: Linear, quadratic?: readonly QuadTerm[]): void {
    const { indices, coefs, constant } = flatten(objective, 'objective');
    this.sense = sense;
    this.colCost.fill(0);
    for (let k = 0; k < indices.length; k++) this.colCost[indices[k] as number] = coefs[k] as number;
    this.objectiveConstant = constant;
    this.quadratic = [];
    for (const [a, b, c] of quadratic ?? []) {
      if (!Number.isFinite(c)) throw new InputError(`objective: quadratic coefficient of ${a.name}*${b.name}`, c, 'a finite number');
      if (c !== 0) this.quadratic.push([a.index, b.index, c]);
    }
  }

  setObjectiveCoefficient(v: Var, coef: number): void {
    if (!Number.isFinite(coef)) throw new InputError(`objective: coefficient of ${v.name}`, coef, 'a finite number');
    this.colCost[v.index] = coef;
  }

  setBounds(v: Var, lb: number, ub: number): void {
    if (Number.isNaN(lb) || Number.isNaN(ub) || lb > ub) throw new InputError(`variable ${v.name}: bounds`, [lb, ub], 'lb <= ub');
    this.colLower[v.index] = lb;
    this.colUpper[v.index] = ub;
  }

  /** Row i as (column indices, coefficients). */
  row(i: number): { indices: number[]; coefs: number[] } {
    const start = this.rowStart[i] as number;
    const end = this.rowStart[i + 1] as number;
    return { indices: this.rowIndex.slice(start, end), coefs: this.rowValue.slice(start, end) };
  }
}

/** A deep copy (used by diagnosis and by the fixed-integer LP of a MILP). */
export function cloneModel(model: Model, newName = model.name): Model {
  const copy = new Model(newName);
  copy.colNames.push(...model.colNames);
  copy.colLower.push(...model.colLower);
  copy.colUpper.push(...model.colUpper);
  copy.colCost.push(...model.colCost);
  copy.colInteger.push(...model.colInteger);
  copy.rowNames.push(...model.rowNames);
  copy.rowLower.push(...model.rowLower);
  copy.rowUpper.push(...model.rowUpper);
  copy.rowStart.length = 0;
  for (const s of model.rowStart) copy.rowStart.push(s);
  for (const j of model.rowIndex) copy.rowIndex.push(j);
  for (const v of model.rowValue) copy.rowValue.push(v);
  copy.sense = model.sense;
  copy.objectiveConstant = model.objectiveConstant;
  copy.quadratic = model.quadratic.map((q) => [...q] as [number, number, number]);
  return copy;
}

/** The LP of a MILP with every integer column fixed at its rounded value in `primal`. */
export function fixIntegers(model: Model, primal: ArrayLike<number>): Model {
  const lp = cloneModel(model, `${model.name}-fixed`);
  for (let j = 0; j < lp.numCols; j++) {
    if (!lp.colInteger[j]) continue;
    const v = Math.round(primal[j] as number);
    lp.colLower[j] = v;
    lp.colUpper[j] = v;
    lp.colInteger[j] = false;
  }
  return lp;
}
