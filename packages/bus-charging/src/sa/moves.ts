import type { Rng } from '@gridhaul/common';
import { MIN_SESSION_H } from '../instance';
import type { SaProblem } from './problem';
import type { Candidate, Change, SaState } from './state';
import { WAIT } from './state';

/**
 * Relative weights of the primitives for a visit that already charges (Brown & Droge 2024 §3:
 * new charger, new window, wait, slide), plus two of ours: `shift` moves a session keeping its
 * length, `resize` sets its end to the earliest time that keeps the bus as feasible as it can be.
 * A visit that waits always gets the paper's new-visit primitive.
 */
export interface MoveWeights {
  readonly newCharger: number;
  readonly newWindow: number;
  readonly wait: number;
  readonly slide: number;
  readonly shift: number;
  readonly resize: number;
  /** Ours: shorten this session and let another visit of the same bus make up the energy. */
  readonly transfer: number;
}

export const DEFAULT_MOVE_WEIGHTS: MoveWeights = { newCharger: 2, newWindow: 1, wait: 1, slide: 2, shift: 2, resize: 2, transfer: 2 };

export type MoveKind = keyof MoveWeights | 'newVisit';
export const MOVE_KINDS: readonly MoveKind[] = ['newVisit', 'newCharger', 'newWindow', 'wait', 'slide', 'shift', 'resize', 'transfer'];

export interface MoveSettings {
  readonly weights: MoveWeights;
  /** Probability of each charger type in new-visit moves (index = type). */
  readonly typeProbability: Float64Array;
  /** Probability that a new or slid session's end is fitted to the bus's need instead of drawn. */
  readonly fitProbability: number;
  /** Probability that new-visit walks chargers from the lowest index (packs work onto few chargers). */
  readonly orderedProbability: number;
}

/** Builds candidates for the annealer. Owns its scratch buffers; reads the state, never writes it. */
export class MoveMaker {
  private readonly sEta: Float64Array;
  private readonly sRecv: Float64Array;
  private readonly weightList: number[];
  private readonly weightSum: number;
  private readonly gapLo: Float64Array;
  private readonly gapHi: Float64Array;
  private nGaps = 0;
  private readonly probe = { visit: 0, charger: 0, startH: 0, endH: 0 };
  lastKind: MoveKind = 'newVisit';

  constructor(
    private readonly p: SaProblem,
    private readonly s: SaState,
    private readonly rng: Rng,
    private readonly settings: MoveSettings,
  ) {
    this.sEta = new Float64Array(p.nV);
    this.sRecv = new Float64Array(p.nV);
    const w = settings.weights;
    this.weightList = [w.newCharger, w.newWindow, w.wait, w.slide, w.shift, w.resize, w.transfer];
    this.weightSum = this.weightList.reduce((a, b) => a + b, 0);
    const maxGaps = p.nV + 2;
    this.gapLo = new Float64Array(maxGaps);
    this.gapHi = new Float64Array(maxGaps);
  }

  /** A candidate for visit i, or null when the drawn primitive finds no room. */
  propose(i: number): Candidate | null {
    if ((this.s.q[i] as number) < 0) {
      this.lastKind = 'newVisit';
      return this.newVisit(i);
    }
    let r = this.rng.next() * this.weightSum;
    let k = 0;
    while (k < this.weightList.length - 1 && (r -= this.weightList[k] as number) >= 0) k++;
    switch (k) {
      case 0:
        this.lastKind = 'newCharger';
        return this.newCharger(i);
      case 1:
        this.lastKind = 'newWindow';
        return this.newVisit(i);
      case 2:
        this.lastKind = 'wait';
        return { visit: i, charger: WAIT, startH: 0, endH: 0 };
      case 3:
        this.lastKind = 'slide';
        return this.slide(i);
      case 4:
        this.lastKind = 'shift';
        return this.shift(i);
      case 5:
        this.lastKind = 'resize';
        return this.resize(i);
      default:
        this.lastKind = 'transfer';
        return this.transfer(i);
    }
  }

  /** New visit: a charger type, then its chargers in order or at random, then a free window on it. */
  newVisit(i: number): Candidate | null {
    const p = this.p;
    const type = this.pickType();
    const chargers = p.chargersOfType[type] as Int32Array;
    const n = chargers.length;
    const ordered = this.rng.next() < this.settings.orderedProbability;
    const offset = ordered ? 0 : this.rng.int(0, n - 1);
    for (let k = 0; k < n; k++) {
      const c = chargers[(offset + k) % n] as number;
      if (!this.collectGaps(c, i)) continue;
      return this.drawIn(i, c);
    }
    return null;
  }

  /** Slide: the same charger, a new window drawn in one of its free gaps. */
  slide(i: number): Candidate | null {
    const c = this.s.q[i] as number;
    if (!this.collectGaps(c, i)) return null;
    return this.drawIn(i, c);
  }

  /**
   * Shift: the same charger and length, a new start: near the old one (log-uniform step), anywhere
   * it fits, or pushed against the free time's start or end (sessions that must abut).
   */
  shift(i: number): Candidate | null {
    const p = this.p;
    const s = this.s;
    const c = s.q[i] as number;
    const len = (s.d[i] as number) - (s.u[i] as number);
    const a = p.arrival[i] as number;
    const e = p.departure[i] as number;
    if (e - a - len < MIN_SESSION_H) return null;
    const r = this.rng.next();
    if (r < 0.4) {
      // Step sizes from a quarter of the dwell down to 1/1000 of that: coarse early, fine at the end.
      const sigma = ((e - a) / 4) * Math.pow(10, -3 * this.rng.next());
      const start = Math.min(e - len, Math.max(a, (s.u[i] as number) + sigma * this.rng.normal()));
      return s.isFree(c, start, start + len, i) ? { visit: i, charger: c, startH: start, endH: start + len } : null;
    }
    this.collectGaps(c, i);
    let fits = 0;
    for (let g = 0; g < this.nGaps; g++) if ((this.gapHi[g] as number) - (this.gapLo[g] as number) >= len) fits++;
    if (fits === 0) return null;
    let pick = this.rng.int(0, fits - 1);
    for (let g = 0; g < this.nGaps; g++) {
      const lo = this.gapLo[g] as number;
      const hi = this.gapHi[g] as number;
      if (hi - lo < len) continue;
      if (pick-- === 0) {
        const start = r < 0.7 ? this.rng.uniform(lo, hi - len) : r < 0.85 ? lo : hi - len;
        return { visit: i, charger: c, startH: start, endH: start + len };
      }
    }
    return null;
  }

  /** Resize: keep charger and start; end at the earliest time that serves the bus as well as the gap allows. */
  resize(i: number): Candidate | null {
    const s = this.s;
    const c = s.q[i] as number;
    const u = s.u[i] as number;
    const hi = this.gapEndAt(c, i, u);
    const end = this.fitEnd(i, c, u, hi);
    if (end === null) return { visit: i, charger: WAIT, startH: 0, endH: 0 };
    return end === s.d[i] ? null : { visit: i, charger: c, startH: u, endH: end };
  }

  /**
   * Transfer: shorten visit i's session (or drop it) and fit another visit of the same bus — its
   * current session extended, or a new one — to make up what the bus then lacks. Moves energy
   * between a bus's visits in one step, where two single moves would cross a penalty.
   */
  transfer(i: number): Candidate | null {
    const p = this.p;
    const s = this.s;
    const b = p.busOf[i] as number;
    const first = p.chainStart[b] as number;
    const n = (p.chainStart[b + 1] as number) - first;
    if (n < 2) return null;
    let j = p.chain[first + this.rng.int(0, n - 1)] as number;
    if (j === i) j = p.chain[first + ((p.posInChain[i] as number) - first + 1 + this.rng.int(0, n - 2)) % n] as number;
    if (!p.isChargeable[j]) return null;
    const c = s.q[i] as number;
    const u = s.u[i] as number;
    const len = ((s.d[i] as number) - u) * this.rng.next();
    const shrunk: Change = len >= MIN_SESSION_H ? { visit: i, charger: c, startH: u, endH: u + len } : { visit: i, charger: WAIT, startH: 0, endH: 0 };
    const cj = s.q[j] as number;
    let charger: number;
    let start: number;
    let hi: number;
    if (cj >= 0) {
      charger = cj;
      start = s.u[j] as number;
      hi = this.gapEndAt(cj, j, start);
    } else {
      const chargers = p.chargersOfType[this.pickType()] as Int32Array;
      charger = chargers[this.rng.int(0, chargers.length - 1)] as number;
      if (!this.collectGaps(charger, j)) return null;
      const g = this.rng.int(0, this.nGaps - 1);
      start = this.rng.uniform(this.gapLo[g] as number, (this.gapHi[g] as number) - MIN_SESSION_H);
      hi = this.gapHi[g] as number;
    }
    const end = this.fitEnd(j, charger, start, hi, shrunk);
    if (end === null) return { ...shrunk };
    return { ...shrunk, also: { visit: j, charger, startH: start, endH: end } };
  }

  /**
   * New charger: the same window on another charger where it is free (then, maybe, refit its end).
   * Half the time chargers are tried from the lowest index, which gathers sessions onto few chargers.
   */
  newCharger(i: number): Candidate | null {
    const p = this.p;
    const s = this.s;
    const cur = s.q[i] as number;
    const u = s.u[i] as number;
    const d = s.d[i] as number;
    const offset = this.rng.next() < this.settings.orderedProbability ? 0 : this.rng.int(0, p.nC - 1);
    for (let k = 0; k < p.nC; k++) {
      const c = (offset + k) % p.nC;
      if (c === cur || !s.isFree(c, u, d, i)) continue;
      if (p.chargerType[c] !== p.chargerType[cur] && this.rng.next() < this.settings.fitProbability) {
        const end = this.fitEnd(i, c, u, this.gapEndAt(c, i, u));
        if (end === null) return { visit: i, charger: WAIT, startH: 0, endH: 0 };
        return { visit: i, charger: c, startH: u, endH: end };
      }
      return { visit: i, charger: c, startH: u, endH: d };
    }
    return null;
  }

  private pickType(): number {
    const probs = this.settings.typeProbability;
    let r = this.rng.next();
    for (let t = 0; t < probs.length - 1; t++) {
      r -= probs[t] as number;
      if (r < 0) return t;
    }
    return probs.length - 1;
  }

  /** Free gaps of charger c inside visit i's window, at least MIN_SESSION_H long; false if none. */
  private collectGaps(c: number, i: number): boolean {
    this.nGaps = 0;
    this.s.forEachGap(c, this.p.arrival[i] as number, this.p.departure[i] as number, i, (lo, hi) => {
      if (hi - lo >= MIN_SESSION_H) {
        this.gapLo[this.nGaps] = lo;
        this.gapHi[this.nGaps] = hi;
        this.nGaps++;
      }
    });
    return this.nGaps > 0;
  }

  /** Brown's window draw in a random gap: start uniform, end uniform after it (or fitted). */
  private drawIn(i: number, c: number): Candidate | null {
    const g = this.rng.int(0, this.nGaps - 1);
    const lo = this.gapLo[g] as number;
    const hi = this.gapHi[g] as number;
    const start = this.rng.uniform(lo, hi - MIN_SESSION_H);
    if (this.rng.next() < this.settings.fitProbability) {
      const end = this.fitEnd(i, c, start, hi);
      if (end === null) return { visit: i, charger: WAIT, startH: 0, endH: 0 };
      return { visit: i, charger: c, startH: start, endH: end };
    }
    return { visit: i, charger: c, startH: start, endH: this.rng.uniform(start + MIN_SESSION_H, hi) };
  }

  /** End of the free time on charger c that starts at or contains u, capped at visit i's departure. */
  private gapEndAt(c: number, i: number, u: number): number {
    let end = this.p.departure[i] as number;
    for (const j of this.s.onCharger[c] as number[]) {
      if (j === i) continue;
      const uj = this.s.u[j] as number;
      if (uj >= u) {
        if (uj < end) end = uj;
        break;
      }
    }
    return end;
  }

  /**
   * The earliest end in [start, hi] at which bus i's SOC shortfall is as small as charging until hi
   * would make it (bisection: more charge never hurts later events), with `fixed` (another visit of
   * the bus) changed as well; null when no charge is needed.
   */
  fitEnd(i: number, c: number, start: number, hi: number, fixed: Change | null = null): number | null {
    const b = this.p.busOf[i] as number;
    const probe = this.probe;
    probe.visit = i;
    probe.charger = c;
    probe.startH = start;
    const pen = (end: number): number => {
      probe.endH = end;
      return this.s.simulateBus(b, fixed, probe, this.sEta, this.sRecv);
    };
    const target = pen(hi) + 1e-9;
    if (pen(start) <= target) return null;
    let lo = start;
    let up = hi;
    while (up - lo > 1e-7) {
      const mid = 0.5 * (lo + up);
      if (pen(mid) <= target) up = mid;
      else lo = mid;
    }
    return up - start >= MIN_SESSION_H ? up : Math.min(hi, start + MIN_SESSION_H);
  }
}
