import type { EvrpInstance } from '../instance';
import { step, type RouteLimits } from '../schedule';
import { socBy, flatProfile, type SocProfile } from '../soc-profile';

/**
 * Exact route enumeration for small instances: a labelling algorithm over (set of customers served,
 * current node) that keeps only non-dominated labels, so for every customer subset it finds the
 * cheapest feasible route serving exactly that subset (any number of station visits). Feasibility
 * of a partial label is its SOC profile (soc-profile.ts), which is exact for linear charging.
 */

interface Label {
  readonly node: number;
  readonly mask: number;
  /** Additive part of the cost: distance, or the paper's travel + service + set-up (+ full-recharge time). */
  readonly cost: number;
  /** Energy used so far, energy units. */
  readonly used: number;
  /** max over arrivals j of (SOC floor at j + energy used up to j): the partial-recharge charge need is this − Q. */
  readonly need: number;
  readonly profile: SocProfile;
  readonly prev: Label | null;
  dead: boolean;
}

export interface SubsetRoutes {
  /** Cheapest route cost per customer subset (bit k = instance.customers[k]); Infinity if none. */
  readonly cost: Float64Array;
  /** Node sequence (depot first and last) of that route. */
  route(mask: number): number[];
  readonly labels: number;
}

export class EnumerationTimeout extends Error {
  override name = 'EnumerationTimeout';
}

const EPS = 1e-9;

export function enumerateRoutes(instance: EvrpInstance, limits: RouteLimits, options: { deadline?: number; onLevel?: (level: number, labels: number) => void } = {}): SubsetRoutes {
  const customers = instance.customers;
  const n = customers.length;
  if (n > 24) throw new RangeError(`route enumeration handles up to 24 customers, got ${n}`);
  const bitOf = new Map(customers.map((c, k) => [c, k]));
  const best = new Float64Array(1 << n).fill(Infinity);
  const bestLabel: Array<Label | null> = new Array<Label | null>(1 << n).fill(null);
  const paperPartial = limits.paperObjective && !limits.fullRecharge;
  const q = limits.capacity;
  let labels = 0;

  const finalCost = (l: Label): number => (paperPartial ? l.cost + instance.inverseRechargeRate * Math.max(0, l.need - q) : l.cost);

  const extend = (l: Label, to: number): Label | null => {
    const next = step(instance, limits, l.profile, l.node, to, to === 0);
    if (next === null) return null;
    const node = instance.nodes[to]!;
    const energy = instance.energy(l.node, to);
    const used = l.used + energy;
    const floor = node.kind === 'depot' ? 0 : limits.minSoc;
    let cost = l.cost + (limits.paperObjective ? instance.travelTime(l.node, to) + node.serviceTime : instance.distance(l.node, to));
    if (node.kind === 'station' && limits.paperObjective) {
      cost += limits.stationVisitCost;
      if (limits.fullRecharge) cost += instance.inverseRechargeRate * (q - next.arrival.s0);
    }
    const mask = node.kind === 'customer' ? l.mask | (1 << bitOf.get(to)!) : l.mask;
    return { node: to, mask, cost, used, need: Math.max(l.need, used + floor), profile: next.departure, prev: l, dead: false };
  };

  const dominates = (a: Label, b: Label): boolean => {
    if (a.cost > b.cost + EPS) return false;
    if (paperPartial && (a.used > b.used + EPS || a.need > b.need + EPS)) return false;
    const pa = a.profile;
    const pb = b.profile;
    if (pa.t0 > pb.t0 + EPS) return false;
    for (const t of [pb.t0, pb.t1, pa.t1]) {
      if (t >= pb.t0 && socBy(pa, t) < socBy(pb, t) - EPS) return false;
    }
    return true;
  };

  /** Inserts into a bucket unless dominated; removes the labels it dominates. */
  const insert = (bucket: Label[], l: Label): boolean => {
    if ((labels & 0xffff) === 0 && options.deadline !== undefined && performance.now() > options.deadline) throw new EnumerationTimeout(`route enumeration stopped after ${labels} labels`);
    for (const other of bucket) if (!other.dead && dominates(other, l)) return false;
    for (let i = bucket.length - 1; i >= 0; i--) {
      const other = bucket[i]!;
      if (dominates(l, other)) {
        other.dead = true;
        bucket.splice(i, 1);
      }
    }
    bucket.push(l);
    labels++;
    return true;
  };

  const complete = (l: Label): void => {
    const done = extend(l, 0);
    if (done === null) return;
    const c = finalCost(done);
    if (c < best[done.mask]! - EPS) {
      best[done.mask] = c;
      bestLabel[done.mask] = done;
    }
  };

  const start: Label = { node: 0, mask: 0, cost: 0, used: 0, need: 0, profile: flatProfile(instance.nodes[0]!.readyTime, q), prev: null, dead: false };
  let customerLabels: Label[] = [start];
  for (let level = 0; level <= n; level++) {
    if (options.deadline !== undefined && performance.now() > options.deadline) throw new EnumerationTimeout(`route enumeration stopped at level ${level}`);
    // Station visits keep the customer set: close them under station moves first.
    const stationBuckets = new Map<number, Label[]>();
    const queue: Label[] = [];
    const toStation = (l: Label, s: number): void => {
      const next = extend(l, s);
      if (next === null) return;
      const key = next.mask * instance.nodes.length + s;
      let bucket = stationBuckets.get(key);
      if (bucket === undefined) stationBuckets.set(key, (bucket = []));
      if (insert(bucket, next)) queue.push(next);
    };
    for (const l of customerLabels) {
      if (l.dead) continue;
      if (level > 0) complete(l);
      for (const s of instance.stations) toStation(l, s);
    }
    while (queue.length > 0) {
      const l = queue.pop()!;
      if (l.dead || !limits.stationToStation) continue;
      for (const s of instance.stations) if (s !== l.node) toStation(l, s);
    }
    if (level > 0) for (const bucket of stationBuckets.values()) for (const l of bucket) if (!l.dead) complete(l);
    if (level === n) break;
    const customerBuckets = new Map<number, Label[]>();
    const grow = (l: Label): void => {
      for (let k = 0; k < n; k++) {
        if (l.mask & (1 << k)) continue;
        const next = extend(l, customers[k]!);
        if (next === null) continue;
        const key = next.mask * instance.nodes.length + next.node;
        let bucket = customerBuckets.get(key);
        if (bucket === undefined) customerBuckets.set(key, (bucket = []));
        insert(bucket, next);
      }
    };
    for (const l of customerLabels) if (!l.dead) grow(l);
    for (const bucket of stationBuckets.values()) for (const l of bucket) if (!l.dead) grow(l);
    customerLabels = [...customerBuckets.values()].flat();
    options.onLevel?.(level + 1, customerLabels.length);
  }

  return {
    cost: best,
    labels,
    route(mask: number): number[] {
      const nodes: number[] = [];
      for (let l = bestLabel[mask] ?? null; l !== null; l = l.prev) nodes.push(l.node);
      return nodes.reverse();
    },
  };
}
