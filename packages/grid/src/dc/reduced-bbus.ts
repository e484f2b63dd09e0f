import * as mathjs from 'mathjs';
import { lusolve, slu, type Matrix, type SLUDecomposition } from 'mathjs';
import type { DcParameters } from './parameters';

/**
 * The bus susceptance matrix B (p.u., b_l of every in-service branch) with the reference bus of
 * each island removed, factored once by mathjs' sparse LU (AMD ordering on A + Aᵀ). Gives
 * X = B_red⁻¹ applied to vectors, hence PTDF rows and the congestion part of LMPs, without
 * forming a dense inverse (which would not fit for 3000-bus cases).
 */
export class ReducedBbus {
  private readonly position: Int32Array;
  private readonly factor: SLUDecomposition | undefined;
  readonly size: number;

  constructor(private readonly p: DcParameters) {
    const refs = new Set(p.islands.map((isl) => isl.refBus));
    this.position = new Int32Array(p.buses.length).fill(-1);
    let n = 0;
    p.buses.forEach((_, i) => {
      if (!refs.has(i)) this.position[i] = n++;
    });
    this.size = n;
    this.factor = n > 0 ? slu(this.sparseMatrix(), 1, 1) : undefined;
  }

  private sparseMatrix(): Matrix {
    const n = this.size;
    const cols: Map<number, number>[] = Array.from({ length: n }, () => new Map());
    const addAt = (r: number, c: number, v: number) => {
      if (r < 0 || c < 0) return;
      const col = cols[c] as Map<number, number>;
      col.set(r, (col.get(r) ?? 0) + v);
    };
    for (const br of this.p.branches) {
      const a = this.position[br.from] as number;
      const b = this.position[br.to] as number;
      addAt(a, a, br.bPu);
      addAt(b, b, br.bPu);
      addAt(a, b, -br.bPu);
      addAt(b, a, -br.bPu);
    }
    const values: number[] = [];
    const index: number[] = [];
    const ptr: number[] = [0];
    cols.forEach((col, c) => {
      // a bus whose branches all have b = 0 would make B singular: pin it with a unit diagonal
      if (!col.has(c) || col.get(c) === 0) col.set(c, 1);
      for (const [r, v] of [...col.entries()].sort((x, y) => x[0] - y[0])) {
        values.push(v);
        index.push(r);
      }
      ptr.push(values.length);
    });
    // mathjs exports the SparseMatrix class at run time but not in its type declarations
    const { SparseMatrix } = mathjs as unknown as {
      SparseMatrix: { fromJSON(json: unknown): Matrix };
    };
    return SparseMatrix.fromJSON({
      mathjs: 'SparseMatrix',
      values,
      index,
      ptr,
      size: [n, n],
      datatype: 'number',
    });
  }

  /** x = B_red⁻¹ rhs, with rhs and x indexed by bus (reference entries of rhs ignored, of x zero). */
  solve(rhsByBus: ArrayLike<number>): Float64Array {
    const out = new Float64Array(this.p.buses.length);
    if (!this.factor) return out;
    const rhs = new Array<number>(this.size);
    for (let i = 0; i < this.position.length; i++) {
      const k = this.position[i] as number;
      if (k >= 0) rhs[k] = rhsByBus[i] as number;
    }
    const x = (lusolve(this.factor, rhs) as Matrix).toArray() as number[][];
    for (let i = 0; i < this.position.length; i++) {
      const k = this.position[i] as number;
      if (k >= 0) out[i] = (x[k] as number[])[0] as number;
    }
    return out;
  }

  /** PTDF row of branch l (index into p.branches): MW on l per MW injected at each bus and withdrawn at its island's reference. */
  ptdfRow(l: number): Float64Array {
    const br = this.p.branches[l];
    if (!br) throw new RangeError(`branch ${l}`);
    const e = new Float64Array(this.p.buses.length);
    e[br.from] = 1;
    e[br.to] = -1;
    const x = this.solve(e);
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * br.bPu;
    return x;
  }
}

/**
 * Congestion part of the LMP at every bus from the limit duals alone:
 *   LMP_i − LMP_ref = Σ_l PTDF_li μ_l + Σ_a PTDF_ai ν_a / (base·b_a)
 * with μ_l = ∂cost/∂(flow bound) and ν_a = ∂cost/∂(angle bound) (B-θ KKT conditions; e.g. Litvinov,
 * "Design and operation of the locational marginal prices-based electricity markets", IET GTD 2010,
 * eq. for the congestion component). Since PTDF_l = b_l (X_f − X_t), the sum is one solve X·r.
 */
export function congestionFromDuals(
  bbus: ReducedBbus,
  p: DcParameters,
  flowDual: ArrayLike<number>,
  angleDual: ArrayLike<number>,
): Float64Array {
  const r = new Float64Array(p.buses.length);
  p.branches.forEach((br, l) => {
    const w = (flowDual[l] as number) * br.bPu + (angleDual[l] as number) / p.baseMVA;
    if (w === 0) return;
    r[br.from] = (r[br.from] as number) + w;
    r[br.to] = (r[br.to] as number) - w;
  });
  return bbus.solve(r);
}
