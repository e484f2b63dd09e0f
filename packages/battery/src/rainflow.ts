/**
 * Rainflow cycle counting, ASTM E1049-85 (reapproved 2017) §5.4.4, three-point method with the
 * starting-point rule. Our own implementation; cycles are reported as struct-of-arrays so a
 * year of minute data does not allocate an object per cycle.
 */
export interface RainflowCycles {
  readonly length: number;
  /** |x(to) − x(from)|. */
  readonly range: Float64Array;
  /** (x(from) + x(to)) / 2. */
  readonly mean: Float64Array;
  /** 1 for a full cycle, 0.5 for a half cycle. */
  readonly count: Float64Array;
  /** Indices into the original series of the two reversal points that bound the range. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/**
 * Indices of the peaks and valleys of a series, including the first point and the last extreme.
 * Points equal to the previous kept point are skipped, so a plateau counts once.
 */
export function reversals(x: ArrayLike<number>): Int32Array {
  const n = x.length;
  const out = new Int32Array(Math.max(n, 1));
  if (n === 0) return out.subarray(0, 0);
  let len = 1;
  let dir = 0;
  for (let i = 1; i < n; i++) {
    const d = (x[i] as number) - (x[out[len - 1] as number] as number);
    if (d === 0) continue;
    const s = d > 0 ? 1 : -1;
    if (s === dir) out[len - 1] = i;
    else {
      dir = s;
      out[len++] = i;
    }
  }
  return out.subarray(0, len);
}

/** ASTM E1049-85 §5.4.4 rainflow counting of a load (here: SOC) history. */
export function rainflow(x: ArrayLike<number>): RainflowCycles {
  const rev = reversals(x);
  const r = rev.length;
  const cap = Math.max(r, 1);
  const range = new Float64Array(cap);
  const mean = new Float64Array(cap);
  const count = new Float64Array(cap);
  const from = new Int32Array(cap);
  const to = new Int32Array(cap);
  let m = 0;
  const emit = (a: number, b: number, c: number): void => {
    const xa = x[a] as number;
    const xb = x[b] as number;
    range[m] = Math.abs(xb - xa);
    mean[m] = (xa + xb) / 2;
    count[m] = c;
    from[m] = a;
    to[m] = b;
    m++;
  };
  const stack = new Int32Array(cap);
  let len = 0;
  for (let k = 0; k < r; k++) {
    stack[len++] = rev[k] as number; // step 1: read the next peak or valley
    while (len >= 3) {
      // step 2: X is the most recent range, Y the one before it
      const p1 = stack[len - 1] as number;
      const p2 = stack[len - 2] as number;
      const p3 = stack[len - 3] as number;
      const rx = Math.abs((x[p1] as number) - (x[p2] as number));
      const ry = Math.abs((x[p2] as number) - (x[p3] as number));
      if (rx < ry) break; // step 3a
      if (len === 3) {
        // step 5: Y contains the starting point: half cycle, drop the first point
        emit(p3, p2, 0.5);
        stack[0] = p2;
        stack[1] = p1;
        len = 2;
      } else {
        // step 4: count Y as one cycle and discard its peak and valley
        emit(p3, p2, 1);
        stack[len - 3] = p1;
        len -= 2;
      }
    }
  }
  for (let k = 0; k + 1 < len; k++) emit(stack[k] as number, stack[k + 1] as number, 0.5); // step 6
  return {
    length: m,
    range: range.subarray(0, m),
    mean: mean.subarray(0, m),
    count: count.subarray(0, m),
    from: from.subarray(0, m),
    to: to.subarray(0, m),
  };
}

/** Cycle counts summed per range (the table of ASTM E1049 Fig. X6(c)), ranges descending. */
export function rainflowTable(cycles: RainflowCycles): Array<{ range: number; count: number }> {
  const byRange = new Map<number, number>();
  for (let i = 0; i < cycles.length; i++) {
    const key = cycles.range[i] as number;
    byRange.set(key, (byRange.get(key) ?? 0) + (cycles.count[i] as number));
  }
  return [...byRange].map(([range, count]) => ({ range, count })).sort((a, b) => b.range - a.range);
}
