import { GridHaulError, InputError, requireNonNegative } from '@gridhaul/common';
import type { CompiledNetwork } from './compile';
import { EdgeTraverser } from './edge-traversal';
import { MinHeap } from './heap';
import { GRAVITY_M_S2, type VehicleEnergyModel } from './vehicle';

export type Objective = 'time' | 'energy' | 'cost';

/** Generalized cost = wage × time + energy price × kWh + per-km cost × km + edge tolls (USD). */
export interface CostRates {
  readonly wageUsdPerH: number;
  readonly energyPriceUsdPerKWh: number;
  readonly perKmUsd: number;
}

export interface SearchSpec {
  readonly objective: Objective;
  /** Needed for 'energy' and 'cost'. */
  readonly vehicle?: VehicleEnergyModel;
  /** Needed for 'cost'. */
  readonly rates?: CostRates;
}

/** How a search ran: label-setting (Dijkstra / A*) or label-correcting (negative weights, no potential). */
export type SearchMethod = 'dijkstra' | 'astar' | 'label-correcting';

/**
 * The labels of one search; valid until the next search on the same network (the arrays are
 * reused). Labels carry the arrival time of their own path, so time-dependent energy and cost are
 * evaluated at the time the vehicle actually reaches each edge.
 */
export interface SearchTree {
  readonly method: SearchMethod;
  readonly source: number;
  readonly departureH: number;
  reached(node: number): boolean;
  /** Objective value accumulated from the source (h, kWh or USD). */
  objective(node: number): number;
  arrivalH(node: number): number;
  /** Edge indices from the source to `node`, in driving order. */
  pathEdges(node: number): number[];
  /** Last edge of the path to `node`, -1 at the source. */
  parentEdge(node: number): number;
}

class SearchState {
  readonly g: Float64Array;
  readonly time: Float64Array;
  readonly parent: Int32Array;
  readonly reachedAt: Int32Array;
  readonly settledAt: Int32Array;
  readonly targetAt: Int32Array;
  readonly queueAt: Int32Array;
  readonly updates: Int32Array;
  readonly heap = new MinHeap(1 << 12);
  generation = 0;

  constructor(n: number) {
    this.g = new Float64Array(n);
    this.time = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.reachedAt = new Int32Array(n);
    this.settledAt = new Int32Array(n);
    this.targetAt = new Int32Array(n);
    this.queueAt = new Int32Array(n);
    this.updates = new Int32Array(n);
  }
}

const states = new WeakMap<CompiledNetwork, SearchState>();

function stateFor(net: CompiledNetwork): SearchState {
  let s = states.get(net);
  if (s === undefined) {
    s = new SearchState(net.nodeCount);
    states.set(net, s);
  }
  s.generation++;
  if (s.generation === 0x7fffffff) {
    s.reachedAt.fill(0);
    s.settledAt.fill(0);
    s.targetAt.fill(0);
    s.queueAt.fill(0);
    s.generation = 1;
  }
  s.heap.clear();
  return s;
}

export function validateSpec(spec: SearchSpec): void {
  if (spec.objective !== 'time' && spec.objective !== 'energy' && spec.objective !== 'cost') {
    throw new InputError('objective', spec.objective, "'time', 'energy' or 'cost'");
  }
  if (spec.objective !== 'time' && spec.vehicle === undefined) throw new InputError('vehicle', undefined, `a vehicle for objective '${spec.objective}'`);
  if (spec.objective === 'cost') {
    const r = spec.rates;
    if (r === undefined) throw new InputError('rates', undefined, "cost rates for objective 'cost'");
    requireNonNegative('rates.wageUsdPerH', r.wageUsdPerH);
    requireNonNegative('rates.energyPriceUsdPerKWh', r.energyPriceUsdPerKWh);
    requireNonNegative('rates.perKmUsd', r.perKmUsd);
  }
}

/**
 * One time-dependent search from `source` leaving at `departureH`, until every target is settled
 * (all nodes when `targets` is null). With one target and coordinates it runs A*.
 *
 * Earliest arrival is exact (FIFO travel times). Energy and cost are exact when speeds do not
 * depend on time; with time-of-day profiles each label is evaluated at its own arrival time,
 * which is the usual label-setting approximation of the (NP-hard) time-dependent minimum-cost path.
 */
export function searchFrom(net: CompiledNetwork, spec: SearchSpec, source: number, departureH: number, targets: readonly number[] | null): SearchTree {
  validateSpec(spec);
  const st = stateFor(net);
  const gen = st.generation;
  const traverser = new EdgeTraverser(net, spec.objective === 'time' ? null : (spec.vehicle as VehicleEnergyModel));
  const single = targets !== null && targets.length === 1 ? (targets[0] as number) : -1;
  if (targets !== null) for (const t of targets) st.targetAt[t] = gen;
  const bound = lowerBound(net, spec, single);
  const method: SearchMethod = bound === null ? 'label-correcting' : bound.astar ? 'astar' : 'dijkstra';
  if (bound === null) labelCorrecting(net, spec, st, traverser, source, departureH);
  else labelSetting(net, spec, st, traverser, source, departureH, targets === null ? -1 : new Set(targets).size, bound.h);
  return makeTree(net, st, gen, method, source, departureH);
}

/** A consistent lower bound h(v) on the objective still to go, or null when weights can be negative. */
function lowerBound(net: CompiledNetwork, spec: SearchSpec, target: number): { h: ((v: number) => number) | null; astar: boolean } | null {
  const hasXY = net.nodeXKm !== null && net.nodeYKm !== null && target >= 0 && net.maxSpeedKmh > 0;
  const straightKm = (v: number): number =>
    net.lengthRatio * Math.hypot((net.nodeXKm as Float64Array)[v]! - (net.nodeXKm as Float64Array)[target]!, (net.nodeYKm as Float64Array)[v]! - (net.nodeYKm as Float64Array)[target]!);
  if (spec.objective === 'time') {
    return hasXY ? { h: (v) => straightKm(v) / net.maxSpeedKmh, astar: true } : { h: null, astar: false };
  }
  const vehicle = spec.vehicle as VehicleEnergyModel;
  // Lifting m by Δh costs at least m·g·Δh at the wheel, and the battery never recovers more than that.
  const potential = vehicle.model === 'longitudinal' && net.elevationPotentialM !== null ? net.elevationPotentialM : null;
  const kWhPerM = (vehicle.massKg * GRAVITY_M_S2) / 3.6e6;
  if (spec.objective === 'energy') {
    if (potential === null) return null;
    const ht = target >= 0 ? (potential[target] as number) : 0;
    return { h: (v) => kWhPerM * (ht - (potential[v] as number)), astar: false };
  }
  const rates = spec.rates as CostRates;
  const energyTerm = rates.energyPriceUsdPerKWh > 0;
  if (energyTerm && potential === null) return null;
  const ht = target >= 0 && potential !== null ? (potential[target] as number) : 0;
  const perStraightKm = rates.wageUsdPerH / Math.max(net.maxSpeedKmh, 1e-12) + rates.perKmUsd;
  return {
    h: (v) => (energyTerm ? rates.energyPriceUsdPerKWh * kWhPerM * (ht - (potential as Float64Array)[v]!) : 0) + (hasXY ? perStraightKm * straightKm(v) : 0),
    astar: hasXY,
  };
}

function labelSetting(
  net: CompiledNetwork,
  spec: SearchSpec,
  st: SearchState,
  traverser: EdgeTraverser,
  source: number,
  departureH: number,
  targetCount: number,
  h: ((v: number) => number) | null,
): void {
  const gen = st.generation;
  const { g, time, parent, reachedAt, settledAt, targetAt, heap } = st;
  const { outStart, edgeTarget, edgeLengthKm, edgeTollUsd } = net;
  const objective = spec.objective;
  const rates = spec.rates;
  g[source] = 0;
  time[source] = departureH;
  parent[source] = -1;
  reachedAt[source] = gen;
  heap.push(h === null ? 0 : h(source), source);
  let remaining = targetCount;
  while (heap.size > 0) {
    const u = heap.pop();
    if (settledAt[u] === gen) continue;
    settledAt[u] = gen;
    if (targetAt[u] === gen && --remaining === 0) break;
    const gu = g[u] as number;
    const tu = time[u] as number;
    for (let e = outStart[u] as number, end = outStart[u + 1] as number; e < end; e++) {
      const v = edgeTarget[e] as number;
      if (settledAt[v] === gen) continue;
      let exit: number;
      let w: number;
      if (objective === 'time') {
        exit = traverser.exitTimeH(e, tu);
        w = exit - tu;
      } else {
        exit = traverser.traverse(e, tu);
        w =
          objective === 'energy'
            ? traverser.energyKWh
            : (rates as CostRates).wageUsdPerH * (exit - tu) +
              (rates as CostRates).energyPriceUsdPerKWh * traverser.energyKWh +
              (rates as CostRates).perKmUsd * (edgeLengthKm[e] as number) +
              (edgeTollUsd[e] as number);
      }
      const gv = gu + w;
      if (reachedAt[v] !== gen || gv < (g[v] as number)) {
        reachedAt[v] = gen;
        g[v] = gv;
        time[v] = exit;
        parent[v] = e;
        heap.push(h === null ? gv : gv + h(v), v);
      }
    }
  }
}

/** Queue-based Bellman–Ford for weights that can be negative (energy recovered downhill). */
function labelCorrecting(net: CompiledNetwork, spec: SearchSpec, st: SearchState, traverser: EdgeTraverser, source: number, departureH: number): void {
  const gen = st.generation;
  const { g, time, parent, reachedAt, queueAt, updates } = st;
  const { outStart, edgeTarget, edgeLengthKm, edgeTollUsd } = net;
  const rates = spec.rates;
  const n = net.nodeCount;
  let queue = new Int32Array(Math.max(16, n));
  let head = 0;
  let tail = 0;
  let count = 0;
  const enqueue = (v: number): void => {
    if (count === queue.length) {
      const bigger = new Int32Array(queue.length * 2);
      for (let i = 0; i < count; i++) bigger[i] = queue[(head + i) % queue.length] as number;
      queue = bigger;
      head = 0;
      tail = count;
    }
    queue[tail] = v;
    tail = (tail + 1) % queue.length;
    count++;
    queueAt[v] = gen;
  };
  g[source] = 0;
  time[source] = departureH;
  parent[source] = -1;
  reachedAt[source] = gen;
  updates[source] = 0;
  enqueue(source);
  while (count > 0) {
    const u = queue[head] as number;
    head = (head + 1) % queue.length;
    count--;
    queueAt[u] = 0;
    const gu = g[u] as number;
    const tu = time[u] as number;
    for (let e = outStart[u] as number, end = outStart[u + 1] as number; e < end; e++) {
      const v = edgeTarget[e] as number;
      const exit = traverser.traverse(e, tu);
      const w =
        spec.objective === 'energy'
          ? traverser.energyKWh
          : (rates as CostRates).wageUsdPerH * (exit - tu) +
            (rates as CostRates).energyPriceUsdPerKWh * traverser.energyKWh +
            (rates as CostRates).perKmUsd * (edgeLengthKm[e] as number) +
            (edgeTollUsd[e] as number);
      const gv = gu + w;
      if (reachedAt[v] !== gen || gv < (g[v] as number) - 1e-12 * (1 + Math.abs(gv))) {
        if (reachedAt[v] !== gen) updates[v] = 0;
        reachedAt[v] = gen;
        g[v] = gv;
        time[v] = exit;
        parent[v] = e;
        if (++(updates[v] as number) > n) {
          throw new GridHaulError('NEGATIVE_CYCLE', `the ${spec.objective} weights contain a negative cycle through node ${net.nodeKeys[v]}`);
        }
        if (queueAt[v] !== gen) enqueue(v);
      }
    }
  }
}

function makeTree(net: CompiledNetwork, st: SearchState, gen: number, method: SearchMethod, source: number, departureH: number): SearchTree {
  const check = (): void => {
    if (st.generation !== gen) throw new GridHaulError('STALE_SEARCH', 'a newer search on this network replaced these labels');
  };
  return {
    method,
    source,
    departureH,
    reached: (v) => {
      check();
      return st.reachedAt[v] === gen && (method === 'label-correcting' || st.settledAt[v] === gen);
    },
    objective: (v) => {
      check();
      return st.g[v] as number;
    },
    arrivalH: (v) => {
      check();
      return st.time[v] as number;
    },
    parentEdge: (v) => {
      check();
      return st.parent[v] as number;
    },
    pathEdges: (v) => {
      check();
      const edges: number[] = [];
      for (let e = st.parent[v] as number; e >= 0; e = st.parent[net.edgeSource[e] as number] as number) edges.push(e);
      return edges.reverse();
    },
  };
}
