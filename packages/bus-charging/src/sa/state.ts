import { energyGained } from '../charging';
import type { ChargingCurve } from '@gridhaul/battery';
import { BinLayer } from './layer';
import { PeakTracker } from './peak';
import type { SaProblem } from './problem';

/** A change to one visit: charge on `charger` over [startH, endH], or wait (charger −1). */
export interface Change {
  readonly visit: number;
  readonly charger: number;
  readonly startH: number;
  readonly endH: number;
}

/** A proposed move: one change, and optionally a second one to another visit of the same bus. */
export interface Candidate extends Change {
  readonly also?: Change;
}

export const WAIT = -1;

/** Cost split of a state, in the instance's cost units (penalty: kWh short × penaltyPerKWh). */
export interface CostParts {
  readonly chargers: number;
  readonly energy: number;
  readonly demand: number;
  readonly capacity: number;
  readonly penalty: number;
  readonly total: number;
}

/**
 * The annealer's incumbent: one session (or a wait) per visit, with everything the cost needs kept
 * up to date incrementally. `evaluate` is pure with respect to the state (it writes only scratch
 * buffers) and returns the cost change of a candidate; `apply` commits the last evaluated candidate.
 */
export class SaState {
  readonly q: Int32Array;
  readonly u: Float64Array;
  readonly d: Float64Array;
  /** SOC on arrival and energy received, per visit. */
  readonly eta: Float64Array;
  readonly recv: Float64Array;
  readonly busPenaltyKWh: Float64Array;
  readonly useCount: Int32Array;
  /** Sessions on each charger, sorted by start. */
  readonly onCharger: number[][];
  /** Energy per bin (kWh), for the demand window. */
  readonly energy: BinLayer;
  /** Per bin, the sum of the largest power of every session active in it (kW): an upper bound on the instantaneous power. */
  readonly cover: BinLayer;
  readonly demandTracker: PeakTracker;
  /** Only when the capacity is priced. */
  readonly capacityTracker: PeakTracker | null;
  energyKWh = 0;
  /** The search-only overlap term (problem.overlapWeight · Σ cover² · binH). */
  overlap = 0;
  chargerCost = 0;
  penaltyKWh = 0;

  // Scratch of the last evaluation.
  private readonly countDelta: Int32Array;
  private readonly touchedChargers: Int32Array;
  private readonly sEta: Float64Array;
  private readonly sRecv: Float64Array;
  private evaluated: Candidate | null = null;
  private evPenaltyKWh = 0;
  private evEnergyDelta = 0;
  private evChargerDelta = 0;
  private evOverlapDelta = 0;
  private appliesSinceRebuild = 0;

  constructor(readonly p: SaProblem) {
    this.q = new Int32Array(p.nV).fill(-1);
    this.u = Float64Array.from(p.arrival);
    this.d = Float64Array.from(p.arrival);
    this.eta = new Float64Array(p.nV);
    this.recv = new Float64Array(p.nV);
    this.busPenaltyKWh = new Float64Array(p.nB);
    this.useCount = new Int32Array(p.nC);
    this.onCharger = Array.from({ length: p.nC }, () => []);
    this.energy = new BinLayer(p.nBins);
    this.cover = new BinLayer(p.nBins);
    this.demandTracker = new PeakTracker(p.nBins, p.windowBins, p.windowStride, p.demandPerKW / p.windowH);
    this.capacityTracker = p.capacityPerKW > 0 ? new PeakTracker(p.nBins, 1, 1, p.capacityPerKW) : null;
    this.countDelta = new Int32Array(p.nC);
    this.touchedChargers = new Int32Array(4);
    this.sEta = new Float64Array(p.nV);
    this.sRecv = new Float64Array(p.nV);
    this.rebuild();
  }

  /** Peak average power over a demand window, kW. */
  get peakKW(): number {
    return this.demandTracker.peak / this.p.windowH;
  }

  /** Upper bound on the instantaneous peak from the cover bins, kW; 0 when not priced. */
  get capacityKW(): number {
    return this.capacityTracker ? this.capacityTracker.peak : 0;
  }

  costParts(): CostParts {
    const p = this.p;
    const energy = p.energyPerKWh * this.energyKWh;
    const demand = p.demandPerKW * this.peakKW;
    const capacity = p.capacityPerKW * this.capacityKW;
    const penalty = p.penaltyPerKWh * this.penaltyKWh;
    return { chargers: this.chargerCost, energy, demand, capacity, penalty, total: this.chargerCost + energy + demand + capacity + penalty };
  }

  get cost(): number {
    return this.costParts().total;
  }

  /** Loads a full assignment (e.g. the best one found) and recomputes everything. */
  load(q: Int32Array, u: Float64Array, d: Float64Array): void {
    this.q.set(q);
    this.u.set(u);
    this.d.set(d);
    this.rebuild();
  }

  /** Recomputes every derived quantity from q, u, d (also clears float drift). */
  rebuild(): void {
    const p = this.p;
    for (const list of this.onCharger) list.length = 0;
    this.useCount.fill(0);
    for (let i = 0; i < p.nV; i++) {
      const c = this.q[i] as number;
      if (c >= 0) {
        (this.onCharger[c] as number[]).push(i);
        this.useCount[c] = (this.useCount[c] as number) + 1;
      }
    }
    for (const list of this.onCharger) list.sort((a, b) => (this.u[a] as number) - (this.u[b] as number));
    this.chargerCost = 0;
    for (let c = 0; c < p.nC; c++) if ((this.useCount[c] as number) > 0) this.chargerCost += p.chargerCost[c] as number;
    this.energy.clear();
    this.cover.clear();
    this.energy.bins.fill(0);
    this.cover.bins.fill(0);
    this.energyKWh = 0;
    this.penaltyKWh = 0;
    for (let b = 0; b < p.nB; b++) {
      const pen = this.simulateBus(b, null, null, this.eta, this.recv);
      this.busPenaltyKWh[b] = pen;
      this.penaltyKWh += pen;
    }
    for (let i = 0; i < p.nV; i++) {
      this.energyKWh += this.recv[i] as number;
      const c = this.q[i] as number;
      if (c >= 0) this.addSession(true, 1, c, p.busOf[i] as number, this.eta[i] as number, this.u[i] as number, this.d[i] as number);
    }
    this.demandTracker.rebuild(this.energy.bins);
    this.capacityTracker?.rebuild(this.cover.bins);
    this.overlap = 0;
    if (this.capacityTracker) {
      for (let k = 0; k < p.nBins; k++) this.overlap += excess2(this.cover.bins[k] as number, p.overlapFromKW);
      this.overlap *= p.overlapWeight * p.binH;
    }
    this.evaluated = null;
    this.appliesSinceRebuild = 0;
  }

  /** Energy a session of `hours` on charger c gives bus b's battery holding e0 kWh. */
  charge(c: number, b: number, e0: number, kappa: number, hours: number): number {
    if (hours <= 0) return 0;
    const p = this.p;
    const P = p.power[c] as number;
    if (p.model.kind === 'linear') {
      // constantPowerCurve inlined for the inner loop: min(P·t, room).
      const room = kappa - e0;
      const e = P * hours;
      return e < room ? e : room > 0 ? room : 0;
    }
    return energyGained(p.curves[c * p.nB + b] as ChargingCurve, P, e0, hours);
  }

  /**
   * Simulates bus b with up to two visits changed (null: as they are), writing arrival SOC and
   * energy received per visit; returns kWh below bounds summed over all events.
   */
  simulateBus(b: number, c1: Change | null, c2: Change | null, outEta: Float64Array, outRecv: Float64Array): number {
    const p = this.p;
    const kappa = p.kappa[b] as number;
    const lo = p.socMin[b] as number;
    let e = p.socInit[b] as number;
    let pen = 0;
    const end = p.chainStart[b + 1] as number;
    const v1 = c1 ? c1.visit : -1;
    const v2 = c2 ? c2.visit : -1;
    let last = -1;
    for (let k = p.chainStart[b] as number; k < end; k++) {
      const j = p.chain[k] as number;
      outEta[j] = e;
      if (e < lo) pen += lo - e;
      let r = 0;
      const ch = j === v1 ? c1 : j === v2 ? c2 : null;
      if (ch) {
        if (ch.charger >= 0) r = this.charge(ch.charger, b, e, kappa, ch.endH - ch.startH);
      } else {
        const c = this.q[j] as number;
        if (c >= 0) r = this.charge(c, b, e, kappa, (this.d[j] as number) - (this.u[j] as number));
      }
      outRecv[j] = r;
      e += r - (p.discharge[j] as number);
      last = j;
    }
    if (last >= 0 && (p.discharge[last] as number) > 0 && e < lo) pen += lo - e;
    const fin = p.socFinal[b] as number;
    if (e < fin) pen += fin - e;
    return pen;
  }

  /**
   * Adds sign × one session to the energy bins (and the cover bins when the capacity is priced),
   * into the committed profile (`committed`) or the scratch deltas.
   */
  private addSession(committed: boolean, sign: number, c: number, b: number, e0: number, u: number, d: number): void {
    const p = this.p;
    if (d <= u) return;
    const kappa = p.kappa[b] as number;
    const P = p.power[c] as number;
    const binH = p.binH;
    const last = p.nBins - 1;
    const energy = committed ? this.energy.bins : this.energy.delta;
    // End of the constant-power part: the battery is full (linear) or reaches the CV knee.
    const knee = p.model.kind === 'linear' ? kappa : p.model.cvStartSoc * kappa;
    const flatEnd = e0 < knee ? Math.min(d, u + (knee - e0) / P) : u;
    const kStart = Math.min(last, Math.floor(u / binH));
    if (flatEnd > u) {
      const kEnd = Math.min(last, Math.floor(flatEnd / binH));
      if (kStart === kEnd) energy[kStart] = (energy[kStart] as number) + sign * P * (flatEnd - u);
      else {
        energy[kStart] = (energy[kStart] as number) + sign * P * ((kStart + 1) * binH - u);
        const full = sign * P * binH;
        for (let k = kStart + 1; k < kEnd; k++) energy[k] = (energy[k] as number) + full;
        energy[kEnd] = (energy[kEnd] as number) + sign * P * (flatEnd - kEnd * binH);
      }
      if (!committed) this.energy.touch(kStart, kEnd);
      if (this.capacityTracker) this.addCover(committed, sign * P, kStart, kEnd);
    }
    if (p.model.kind === 'cccv' && d > flatEnd && e0 < kappa) {
      // CV tail from flatEnd: cumulative energy from the battery package's curve at each bin edge;
      // power P·e^{−rτ} with r = P / (κ − knee) is largest where each bin's part of the tail starts.
      const e1 = e0 < knee ? knee : e0;
      const curve = p.curves[c * p.nB + b] as ChargingCurve;
      const rate = P / (kappa - knee);
      const p1 = rate * (kappa - e1);
      const lo = Math.min(last, Math.floor(flatEnd / binH));
      const hi = Math.min(last, Math.floor(d / binH));
      const cover = committed ? this.cover.bins : this.cover.delta;
      let prev = 0;
      for (let k = lo; k <= hi; k++) {
        const cum = energyGained(curve, P, e1, Math.min(d, (k + 1) * binH) - flatEnd);
        energy[k] = (energy[k] as number) + sign * (cum - prev);
        if (this.capacityTracker) cover[k] = (cover[k] as number) + sign * (k === lo ? p1 : rate * (kappa - e1 - prev));
        prev = cum;
      }
      if (!committed) {
        this.energy.touch(lo, hi);
        if (this.capacityTracker) this.cover.touch(lo, hi);
      }
    }
  }

  private addCover(committed: boolean, kw: number, a: number, b: number): void {
    const cover = committed ? this.cover.bins : this.cover.delta;
    for (let k = a; k <= b; k++) cover[k] = (cover[k] as number) + kw;
    if (!committed) this.cover.touch(a, b);
  }

  /**
   * Change of the search objective (cost plus the overlap term) if `cand` were applied. Writes
   * scratch only; the state is unchanged.
   */
  evaluate(cand: Candidate): number {
    const p = this.p;
    const i = cand.visit;
    const b = p.busOf[i] as number;
    this.energy.clear();
    this.cover.clear();

    const also = cand.also ?? null;
    const i2 = also ? also.visit : -1;
    const pen = this.simulateBus(b, cand, also, this.sEta, this.sRecv);
    let dE = 0;
    const end = p.chainStart[b + 1] as number;
    const kappa = p.kappa[b] as number;
    for (let k = p.chainStart[b] as number; k < end; k++) {
      const j = p.chain[k] as number;
      dE += (this.sRecv[j] as number) - (this.recv[j] as number);
      const oldC = this.q[j] as number;
      const ch = j === i ? cand : j === i2 ? also : null;
      if (ch) {
        if (oldC >= 0) this.addSession(false, -1, oldC, b, this.eta[j] as number, this.u[j] as number, this.d[j] as number);
        if (ch.charger >= 0) this.addSession(false, 1, ch.charger, b, this.sEta[j] as number, ch.startH, ch.endH);
      } else if (oldC >= 0 && this.sEta[j] !== this.eta[j] && this.profileDependsOnSoc(j, oldC, kappa)) {
        this.addSession(false, -1, oldC, b, this.eta[j] as number, this.u[j] as number, this.d[j] as number);
        this.addSession(false, 1, oldC, b, this.sEta[j] as number, this.u[j] as number, this.d[j] as number);
      }
    }
    let dPeakCost = 0;
    if (this.energy.touched) {
      this.energy.prefix();
      const tr = this.demandTracker;
      dPeakCost += tr.costPerUnit * (tr.peakWith(this.energy.pre, this.energy.lo, this.energy.hi) - tr.peak);
    }
    const cap = this.capacityTracker;
    this.evOverlapDelta = 0;
    if (cap && this.cover.touched) {
      this.cover.prefix();
      dPeakCost += cap.costPerUnit * (cap.peakWith(this.cover.pre, this.cover.lo, this.cover.hi) - cap.peak);
      let sq = 0;
      const from = p.overlapFromKW;
      for (let k = this.cover.lo; k <= this.cover.hi; k++) {
        const x = this.cover.bins[k] as number;
        const dx = this.cover.delta[k] as number;
        if (dx !== 0) sq += excess2(x + dx, from) - excess2(x, from);
      }
      this.evOverlapDelta = p.overlapWeight * p.binH * sq;
    }
    const dChargers = this.chargerCostDelta(cand, also);
    this.evaluated = cand;
    this.evPenaltyKWh = pen;
    this.evEnergyDelta = dE;
    this.evChargerDelta = dChargers;
    return dChargers + p.energyPerKWh * dE + dPeakCost + this.evOverlapDelta + p.penaltyPerKWh * (pen - (this.busPenaltyKWh[b] as number));
  }

  /** Cost of chargers that become used or unused when the candidate's visits change charger. */
  private chargerCostDelta(c1: Change, c2: Change | null): number {
    const p = this.p;
    const delta = this.countDelta;
    const touched = this.touchedChargers;
    let n = 0;
    const note = (c: number, d: number): void => {
      if (c < 0) return;
      if (delta[c] === 0) touched[n++] = c; // a repeat is harmless: its second pass sees delta 0
      delta[c] = (delta[c] as number) + d;
    };
    for (const ch of c2 ? [c1, c2] : [c1]) {
      const old = this.q[ch.visit] as number;
      if (old === ch.charger) continue;
      note(old, -1);
      note(ch.charger, 1);
    }
    let cost = 0;
    for (let k = 0; k < n; k++) {
      const c = touched[k] as number;
      const before = (this.useCount[c] as number) > 0;
      const after = (this.useCount[c] as number) + (delta[c] as number) > 0;
      if (before !== after) cost += after ? (p.chargerCost[c] as number) : -(p.chargerCost[c] as number);
      delta[c] = 0;
    }
    return cost;
  }

  /** Penalty change of the last evaluation, kWh. */
  get lastPenaltyDeltaKWh(): number {
    return this.evaluated ? this.evPenaltyKWh - (this.busPenaltyKWh[this.p.busOf[this.evaluated.visit] as number] as number) : 0;
  }

  /** Whether session j's power shape depends on its start SOC: it fills up (linear) or reaches the CV knee. */
  private profileDependsOnSoc(j: number, c: number, kappa: number): boolean {
    const p = this.p;
    const P = p.power[c] as number;
    const s = (this.d[j] as number) - (this.u[j] as number);
    const limit = p.model.kind === 'linear' ? kappa : p.model.cvStartSoc * kappa;
    return Math.max(this.eta[j] as number, this.sEta[j] as number) + P * s > limit;
  }

  /** Commits `cand`, which must be the candidate evaluated last. */
  apply(cand: Candidate): void {
    if (this.evaluated !== cand) this.evaluate(cand);
    const p = this.p;
    const b = p.busOf[cand.visit] as number;
    this.place(cand);
    if (cand.also) this.place(cand.also);
    this.chargerCost += this.evChargerDelta;
    this.energyKWh += this.evEnergyDelta;
    this.penaltyKWh += this.evPenaltyKWh - (this.busPenaltyKWh[b] as number);
    this.busPenaltyKWh[b] = this.evPenaltyKWh;
    const end = p.chainStart[b + 1] as number;
    for (let k = p.chainStart[b] as number; k < end; k++) {
      const j = p.chain[k] as number;
      this.eta[j] = this.sEta[j] as number;
      this.recv[j] = this.sRecv[j] as number;
    }
    if (this.energy.touched) {
      this.energy.commit();
      this.demandTracker.commit(this.energy.pre, this.energy.lo, this.energy.hi);
    }
    this.overlap += this.evOverlapDelta;
    if (this.capacityTracker && this.cover.touched) {
      this.cover.commit();
      this.capacityTracker.commit(this.cover.pre, this.cover.lo, this.cover.hi);
    }
    this.evaluated = null;
    if (++this.appliesSinceRebuild >= 20000) this.rebuild();
  }

  /** Moves one visit to its new charger (or its idle queue) and times. */
  private place(ch: Change): void {
    const p = this.p;
    const i = ch.visit;
    const oldC = this.q[i] as number;
    if (oldC >= 0) {
      const list = this.onCharger[oldC] as number[];
      list.splice(list.indexOf(i), 1);
      this.useCount[oldC] = (this.useCount[oldC] as number) - 1;
    }
    this.q[i] = ch.charger;
    this.u[i] = ch.charger >= 0 ? ch.startH : (p.arrival[i] as number);
    this.d[i] = ch.charger >= 0 ? ch.endH : (p.arrival[i] as number);
    if (ch.charger >= 0) {
      const list = this.onCharger[ch.charger] as number[];
      let k = list.length;
      while (k > 0 && (this.u[list[k - 1] as number] as number) > ch.startH) k--;
      list.splice(k, 0, i);
      this.useCount[ch.charger] = (this.useCount[ch.charger] as number) + 1;
    }
  }

  /**
   * Free time on charger c within [a, e], ignoring visit `except`: calls `each(lo, hi)` per gap.
   */
  forEachGap(c: number, a: number, e: number, except: number, each: (lo: number, hi: number) => void): void {
    let t = a;
    for (const j of this.onCharger[c] as number[]) {
      if (j === except) continue;
      const uj = this.u[j] as number;
      const dj = this.d[j] as number;
      if (dj <= t) continue;
      if (uj >= e) break;
      if (uj > t) each(t, uj);
      if (dj > t) t = dj;
    }
    if (t < e) each(t, e);
  }

  /** Whether [s, f] is free on charger c (ignoring visit `except`). */
  isFree(c: number, s: number, f: number, except: number): boolean {
    for (const j of this.onCharger[c] as number[]) {
      if (j === except) continue;
      const uj = this.u[j] as number;
      if (uj >= f) return true;
      if ((this.d[j] as number) > s) return false;
    }
    return true;
  }
}

function excess2(x: number, from: number): number {
  return x > from ? (x - from) * (x - from) : 0;
}
