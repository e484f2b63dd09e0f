import type { EvrpInstance } from '../instance';
import type { RouteLimits } from '../schedule';

const EPS = 1e-9;
const DEPOT = 0;
const STATION = 1;
const CUSTOMER = 2;

/**
 * The SOC-profile step of schedule.ts (see soc-profile.ts), on flat arrays and four numbers
 * (t0, s0, t1, s1) updated in place, for the search's inner loop. Same rules; a property test
 * keeps the two in agreement.
 */
export class FastRoutes {
  readonly n: number;
  readonly dist: Float64Array;
  readonly time: Float64Array;
  readonly energy: Float64Array;
  readonly kind: Uint8Array;
  readonly ready: Float64Array;
  readonly due: Float64Array;
  readonly service: Float64Array;
  readonly demand: Float64Array;
  private readonly scratch = new Float64Array(4);

  constructor(
    instance: EvrpInstance,
    private readonly limits: RouteLimits,
    private readonly inverseRate = instance.inverseRechargeRate,
  ) {
    const n = (this.n = instance.nodes.length);
    this.dist = new Float64Array(n * n);
    this.time = new Float64Array(n * n);
    this.energy = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        this.dist[i * n + j] = instance.distance(i, j);
        this.time[i * n + j] = instance.travelTime(i, j);
        this.energy[i * n + j] = instance.energy(i, j);
      }
    }
    this.kind = Uint8Array.from(instance.nodes, (v) => (v.kind === 'depot' ? DEPOT : v.kind === 'station' ? STATION : CUSTOMER));
    this.ready = Float64Array.from(instance.nodes, (v) => v.readyTime);
    this.due = Float64Array.from(instance.nodes, (v) => v.dueDate);
    this.service = Float64Array.from(instance.nodes, (v) => v.serviceTime);
    this.demand = Float64Array.from(instance.nodes, (v) => v.demand);
  }

  /** Departure profile at the depot: (t0, s0, t1, s1) written into `p` at `offset`. */
  start(p: Float64Array, offset = 0): void {
    p[offset] = this.ready[0]!;
    p[offset + 1] = this.limits.capacity;
    p[offset + 2] = this.ready[0]!;
    p[offset + 3] = this.limits.capacity;
  }

  /** Moves profile p (departure at `from`) to the departure at `to`; false if no state survives. */
  step(p: Float64Array, from: number, to: number, last: boolean): boolean {
    const k = from * this.n + to;
    const tt = this.time[k]!;
    const e = this.energy[k]!;
    let t0 = p[0]! + tt;
    let s0 = p[1]! - e;
    let t1 = p[2]! + tt;
    let s1 = p[3]! - e;
    const kind = this.kind[to]!;
    const floor = kind === DEPOT ? 0 : this.limits.minSoc;
    if (s1 < floor - EPS) return false;
    if (s0 < floor && s1 > s0) {
      t0 += ((floor - s0) * (t1 - t0)) / (s1 - s0);
      s0 = floor;
    }
    const due = this.due[to]!;
    if (t0 > due + EPS) return false;
    if (t1 > due) {
      const t = due > t0 ? due : t0;
      s1 = t <= t0 ? s0 : s0 + ((t - t0) * (s1 - s0)) / (t1 - t0);
      t1 = t;
    }
    if (kind === DEPOT) {
      if (!last) return false;
    } else {
      if (kind === STATION && !this.limits.stationToStation && this.kind[from] === STATION) return false;
      const ready = this.ready[to]!;
      if (t0 < ready) {
        if (t1 <= ready) {
          t0 = t1 = ready;
          s0 = s1;
        } else {
          s0 = s0 + ((ready - t0) * (s1 - s0)) / (t1 - t0);
          t0 = ready;
        }
      }
      if (kind === CUSTOMER) {
        const s = this.service[to]!;
        t0 += s;
        t1 += s;
      } else if (this.limits.fullRecharge) {
        const q = this.limits.capacity;
        t0 = t1 = t0 + this.limits.setupTime + this.inverseRate * Math.max(0, q - s0);
        s0 = s1 = q;
      } else {
        const cap = this.limits.maxCharge;
        if (s0 > cap + EPS) return false;
        if (s0 > cap) s0 = cap;
        t0 += this.limits.setupTime;
        t1 = t0 + this.inverseRate * (cap - s0);
        s1 = cap;
      }
    }
    p[0] = t0;
    p[1] = s0;
    p[2] = t1;
    p[3] = s1;
    return true;
  }

  /** Departure profiles of a whole sequence (4 numbers per position), or null if infeasible. */
  profiles(nodes: readonly number[]): Float64Array | null {
    const out = new Float64Array(4 * nodes.length);
    this.start(out, 0);
    const p = this.scratch;
    this.start(p);
    for (let k = 1; k < nodes.length; k++) {
      if (!this.step(p, nodes[k - 1]!, nodes[k]!, k === nodes.length - 1)) return null;
      out.set(p, 4 * k);
    }
    return out;
  }

  /** Feasibility of `nodes` with `inserted` placed after position `pos`, from the cached departure profiles. */
  feasibleWithInsertion(nodes: readonly number[], departures: Float64Array, pos: number, inserted: readonly number[]): boolean {
    const p = this.scratch;
    p[0] = departures[4 * pos]!;
    p[1] = departures[4 * pos + 1]!;
    p[2] = departures[4 * pos + 2]!;
    p[3] = departures[4 * pos + 3]!;
    let prev = nodes[pos]!;
    for (const v of inserted) {
      if (!this.step(p, prev, v, false)) return false;
      prev = v;
    }
    const last = nodes.length - 1;
    for (let k = pos + 1; k <= last; k++) {
      const v = nodes[k]!;
      if (!this.step(p, prev, v, k === last)) return false;
      prev = v;
    }
    return true;
  }
}
