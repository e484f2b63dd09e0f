/**
 * A per-bin profile with a scratch delta: candidates write into `delta` over [lo, hi], `prefix`
 * turns it into running sums for the peak trackers, `commit` adds it to `bins`.
 */
export class BinLayer {
  readonly bins: Float64Array;
  readonly delta: Float64Array;
  readonly pre: Float64Array;
  lo: number;
  hi = -1;

  constructor(readonly nBins: number) {
    this.bins = new Float64Array(nBins);
    this.delta = new Float64Array(nBins);
    this.pre = new Float64Array(nBins);
    this.lo = nBins;
  }

  /** Zeroes the scratch delta. */
  clear(): void {
    for (let k = this.lo; k <= this.hi; k++) this.delta[k] = 0;
    this.lo = this.nBins;
    this.hi = -1;
  }

  touch(a: number, b: number): void {
    if (a < this.lo) this.lo = a;
    if (b > this.hi) this.hi = b;
  }

  get touched(): boolean {
    return this.hi >= this.lo;
  }

  prefix(): void {
    let run = 0;
    for (let k = this.lo; k <= this.hi; k++) {
      run += this.delta[k] as number;
      this.pre[k] = run;
    }
  }

  commit(): void {
    for (let k = this.lo; k <= this.hi; k++) this.bins[k] = (this.bins[k] as number) + (this.delta[k] as number);
  }
}
