const BLOCK = 64;

/**
 * The largest energy over windows of `windowBins` consecutive bins starting every `stride` bins.
 * Window sums are grouped in blocks of 64 with each block's maximum, so a change confined to bins
 * [lo, hi] is priced by rescanning the windows that touch it plus one value per block.
 */
export class PeakTracker {
  readonly nWin: number;
  private readonly win: Float64Array;
  private readonly blockMax: Float64Array;
  private readonly nBlocks: number;

  constructor(
    readonly nBins: number,
    readonly windowBins: number,
    readonly stride: number,
    /** Cost per unit of the peak window's sum (per kWh of energy, or per kW of cover). */
    readonly costPerUnit: number,
  ) {
    this.nWin = Math.max(1, Math.floor((nBins - windowBins) / stride) + 1);
    this.win = new Float64Array(this.nWin);
    this.nBlocks = Math.ceil(this.nWin / BLOCK);
    this.blockMax = new Float64Array(this.nBlocks);
  }

  /** The largest window sum. */
  peak = 0;

  rebuild(bins: Float64Array): void {
    for (let w = 0; w < this.nWin; w++) {
      let s = 0;
      const start = w * this.stride;
      const end = Math.min(start + this.windowBins, this.nBins);
      for (let k = start; k < end; k++) s += bins[k] as number;
      this.win[w] = s;
    }
    for (let b = 0; b < this.nBlocks; b++) this.refreshBlock(b);
    this.refreshPeak();
  }

  /** The peak if the bins changed by deltas whose running sum over [lo, hi] is `pre`. */
  peakWith(pre: Float64Array, lo: number, hi: number): number {
    const [wLo, wHi] = this.windowsTouching(lo, hi);
    const bLo = Math.floor(wLo / BLOCK);
    const bHi = Math.floor(wHi / BLOCK);
    let best = 0;
    for (let b = 0; b < bLo; b++) if ((this.blockMax[b] as number) > best) best = this.blockMax[b] as number;
    for (let b = bHi + 1; b < this.nBlocks; b++) if ((this.blockMax[b] as number) > best) best = this.blockMax[b] as number;
    for (let w = bLo * BLOCK; w < wLo; w++) if ((this.win[w] as number) > best) best = this.win[w] as number;
    const blockEnd = Math.min(this.nWin, (bHi + 1) * BLOCK);
    for (let w = wHi + 1; w < blockEnd; w++) if ((this.win[w] as number) > best) best = this.win[w] as number;
    const W = this.windowBins;
    for (let w = wLo; w <= wHi; w++) {
      const v = (this.win[w] as number) + windowDelta(pre, lo, hi, w * this.stride, W);
      if (v > best) best = v;
    }
    return best;
  }

  commit(pre: Float64Array, lo: number, hi: number): void {
    const [wLo, wHi] = this.windowsTouching(lo, hi);
    const W = this.windowBins;
    for (let w = wLo; w <= wHi; w++) this.win[w] = (this.win[w] as number) + windowDelta(pre, lo, hi, w * this.stride, W);
    for (let b = Math.floor(wLo / BLOCK); b <= Math.floor(wHi / BLOCK); b++) this.refreshBlock(b);
    this.refreshPeak();
  }

  private refreshPeak(): void {
    let m = 0;
    for (let b = 0; b < this.nBlocks; b++) if ((this.blockMax[b] as number) > m) m = this.blockMax[b] as number;
    this.peak = m;
  }

  private windowsTouching(lo: number, hi: number): [number, number] {
    const wLo = Math.max(0, Math.ceil((lo - this.windowBins + 1) / this.stride));
    const wHi = Math.min(this.nWin - 1, Math.floor(hi / this.stride));
    return [Math.min(wLo, wHi), wHi];
  }

  private refreshBlock(b: number): void {
    let m = 0;
    const end = Math.min(this.nWin, (b + 1) * BLOCK);
    for (let w = b * BLOCK; w < end; w++) if ((this.win[w] as number) > m) m = this.win[w] as number;
    this.blockMax[b] = m;
  }
}

function windowDelta(pre: Float64Array, lo: number, hi: number, start: number, W: number): number {
  const a = start > lo ? start : lo;
  const e = start + W - 1 < hi ? start + W - 1 : hi;
  return e >= a ? (pre[e] as number) - (a > lo ? (pre[a - 1] as number) : 0) : 0;
}
