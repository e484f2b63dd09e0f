import { InputError } from '@gridhaul/common';

/** A decision variable: its column index in the model and its name. */
export interface Var {
  readonly index: number;
  readonly name: string;
}

/** A row of the model. */
export interface Constraint {
  readonly index: number;
  readonly name: string;
}

export type Term = readonly [Var, number];
/** Anything usable where a linear expression is expected. */
export type Linear = LinearExpr | Var | readonly Term[];

/** A linear expression sum(coef·var) + constant; repeated variables are merged. */
export class LinearExpr {
  readonly coefs = new Map<number, number>();
  readonly vars = new Map<number, Var>();
  constant = 0;

  add(v: Var, coef = 1): this {
    this.coefs.set(v.index, (this.coefs.get(v.index) ?? 0) + coef);
    this.vars.set(v.index, v);
    return this;
  }

  addTerms(terms: readonly Term[], scale = 1): this {
    for (const [v, c] of terms) this.add(v, c * scale);
    return this;
  }

  addExpr(other: Linear, scale = 1): this {
    if (other instanceof LinearExpr) {
      for (const [i, c] of other.coefs) this.add(other.vars.get(i) as Var, c * scale);
      this.constant += other.constant * scale;
    } else if (isVar(other)) this.add(other, scale);
    else this.addTerms(other, scale);
    return this;
  }

  addConstant(c: number): this {
    this.constant += c;
    return this;
  }

  scale(k: number): this {
    for (const [i, c] of this.coefs) this.coefs.set(i, c * k);
    this.constant *= k;
    return this;
  }
}

/** sum(vars) or sum(coefs[i]·vars[i]). */
export function sum(vars: readonly Var[], coefs?: readonly number[]): LinearExpr {
  const e = new LinearExpr();
  for (let i = 0; i < vars.length; i++) e.add(vars[i] as Var, coefs ? (coefs[i] as number) : 1);
  return e;
}

function isVar(x: Linear): x is Var {
  return !Array.isArray(x) && !(x instanceof LinearExpr);
}

/** Flattens a Linear into merged column indices, coefficients and a constant. */
export function flatten(lin: Linear, where: string): { indices: number[]; coefs: number[]; constant: number } {
  const merged = new Map<number, number>();
  let constant = 0;
  if (lin instanceof LinearExpr) {
    for (const [i, c] of lin.coefs) merged.set(i, c);
    constant = lin.constant;
  } else if (isVar(lin)) merged.set(lin.index, 1);
  else for (const [v, c] of lin) merged.set(v.index, (merged.get(v.index) ?? 0) + c);
  const indices: number[] = [];
  const coefs: number[] = [];
  for (const [i, c] of merged) {
    if (!Number.isFinite(c)) throw new InputError(`${where}: coefficient of column ${i}`, c, 'a finite number');
    if (c !== 0) {
      indices.push(i);
      coefs.push(c);
    }
  }
  if (!Number.isFinite(constant)) throw new InputError(`${where}: constant`, constant, 'a finite number');
  return { indices, coefs, constant };
}
