import type { Model } from './model';

/** A model as flat typed arrays: what is sent to a solver worker (buffers are transferable). */
export interface CompiledModel {
  numCols: number;
  numRows: number;
  maximize: boolean;
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integer: Uint8Array | undefined;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Lower-triangular CSC Hessian Q of 0.5·x'Qx, when the objective is quadratic. */
  hessian: { starts: Int32Array; indices: Int32Array; values: Float64Array } | undefined;
}

export function compile(model: Model): CompiledModel {
  const integer = model.isMip ? Uint8Array.from(model.colInteger, (b) => (b ? 1 : 0)) : undefined;
  return {
    numCols: model.numCols,
    numRows: model.numRows,
    maximize: model.sense === 'max',
    offset: model.objectiveConstant,
    colCost: Float64Array.from(model.colCost),
    colLower: Float64Array.from(model.colLower),
    colUpper: Float64Array.from(model.colUpper),
    integer,
    rowLower: Float64Array.from(model.rowLower),
    rowUpper: Float64Array.from(model.rowUpper),
    starts: Int32Array.from(model.rowStart),
    indices: Int32Array.from(model.rowIndex),
    values: Float64Array.from(model.rowValue),
    hessian: model.quadratic.length > 0 ? hessianOf(model) : undefined,
  };
}

/** coef·x_i·x_j terms → lower-triangular Q with objective 0.5·x'Qx (so Q_ii = 2·coef). */
export function hessianOf(model: Model): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  const n = model.numCols;
  const columns = Array.from({ length: n }, () => new Map<number, number>());
  for (const [a, b, c] of model.quadratic) {
    const row = Math.max(a, b);
    const col = Math.min(a, b);
    const add = a === b ? 2 * c : c;
    const m = columns[col] as Map<number, number>;
    m.set(row, (m.get(row) ?? 0) + add);
  }
  const starts = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < n; j++) {
    const entries = [...(columns[j] as Map<number, number>)].filter(([, v]) => v !== 0).sort((x, y) => x[0] - y[0]);
    for (const [i, v] of entries) {
      indices.push(i);
      values.push(v);
    }
    starts[j + 1] = indices.length;
  }
  return { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Transferable buffers of a compiled model. */
export function transferList(c: CompiledModel): ArrayBuffer[] {
  const arrays = [c.colCost, c.colLower, c.colUpper, c.integer, c.rowLower, c.rowUpper, c.starts, c.indices, c.values];
  if (c.hessian) arrays.push(c.hessian.starts, c.hessian.indices, c.hessian.values);
  return arrays.filter((a): a is NonNullable<typeof a> => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}
