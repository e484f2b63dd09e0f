import { NoDualsError, NoSolutionError } from './errors';
import type { Constraint, Var } from './linear';
import type { MipStartOutcome } from './mip-start';

export type SolveStatus =
  | 'optimal'
  | 'infeasible'
  | 'unbounded'
  | 'timeLimitWithSolution'
  | 'timeLimitNoSolution'
  | 'error';

export type Backend = 'highs-wasm' | 'cbc' | 'highs';

export interface SolveResultData {
  status: SolveStatus;
  backend: Backend;
  objective?: number | undefined;
  primal?: Float64Array | undefined;
  rowActivity?: Float64Array | undefined;
  /** ∂objective/∂rhs per row. */
  rowDuals?: Float64Array | undefined;
  /** ∂objective/∂bound per column. */
  reducedCosts?: Float64Array | undefined;
  mipGap?: number | undefined;
  mipBound?: number | undefined;
  timeSec: number;
  nodes?: number | undefined;
  iterations?: number | undefined;
  /** Why the status is 'error'. */
  message?: string | undefined;
  /** What became of `options.mipStart`, when one was given. */
  mipStart?: MipStartOutcome | undefined;
}

/** The typed outcome of a solve. Values are read through the model's Var and Constraint handles. */
export class SolveResult {
  readonly status: SolveStatus;
  readonly backend: Backend;
  readonly objective: number | undefined;
  readonly mipGap: number | undefined;
  readonly mipBound: number | undefined;
  readonly timeSec: number;
  readonly nodes: number | undefined;
  readonly iterations: number | undefined;
  readonly message: string | undefined;
  readonly mipStart: MipStartOutcome | undefined;
  private readonly data: SolveResultData;

  constructor(data: SolveResultData) {
    this.data = data;
    this.status = data.status;
    this.backend = data.backend;
    this.objective = data.objective;
    this.mipGap = data.mipGap;
    this.mipBound = data.mipBound;
    this.timeSec = data.timeSec;
    this.nodes = data.nodes;
    this.iterations = data.iterations;
    this.message = data.message;
    this.mipStart = data.mipStart;
  }

  get hasSolution(): boolean {
    return this.data.primal !== undefined;
  }

  get hasDuals(): boolean {
    return this.data.rowDuals !== undefined;
  }

  /** All primal values by column index. */
  get primal(): Float64Array {
    if (!this.data.primal) throw new NoSolutionError(this.status);
    return this.data.primal;
  }

  value(v: Var): number {
    return this.primal[v.index] as number;
  }

  values(vs: readonly Var[]): number[] {
    const p = this.primal;
    return vs.map((v) => p[v.index] as number);
  }

  /** The row's left-hand side at the solution. */
  activity(c: Constraint): number {
    if (!this.data.rowActivity) throw new NoSolutionError(this.status);
    return this.data.rowActivity[c.index] as number;
  }

  /** ∂objective/∂rhs: the shadow price of the row, in objective units per unit of rhs. */
  dual(c: Constraint): number {
    if (!this.data.rowDuals) throw new NoDualsError(this.hasSolution ? 'a MILP needs solve(..., { mipDuals: true })' : `status "${this.status}"`);
    return this.data.rowDuals[c.index] as number;
  }

  reducedCost(v: Var): number {
    if (!this.data.reducedCosts) throw new NoDualsError(this.hasSolution ? 'a MILP needs solve(..., { mipDuals: true })' : `status "${this.status}"`);
    return this.data.reducedCosts[v.index] as number;
  }

  /** Plain data, e.g. for structured cloning or JSON (typed arrays as they are). */
  toData(): SolveResultData {
    return { ...this.data };
  }
}
