import { buildInstance, type EvrpInstance } from '../instance';
import type { EvrpRules } from '../rules';
import { routeCost, routeLimits, type RouteLimits } from '../schedule';
import { FastRoutes } from './fast-route';
import { enumerateRoutes } from '../exact/route-enumeration';

/** Everything the search reads about the instance, precomputed once. */
export interface SearchContext {
  readonly instance: EvrpInstance;
  readonly limits: RouteLimits;
  readonly n: number;
  /** Stations nearest to each node (node index → station node indices), for station insertion. */
  readonly nearStations: readonly (readonly number[])[];
  /** The cheapest feasible route serving each customer alone (node sequence, depot first and last). */
  readonly soloRoutes: ReadonlyMap<number, readonly number[]>;
  /** Cost of each of those routes. */
  readonly soloCosts: ReadonlyMap<number, number>;
  readonly paperObjective: boolean;
  readonly fast: FastRoutes;
}

export function buildContext(instance: EvrpInstance, rules: EvrpRules, stationsPerNode = 4): SearchContext {
  const limits = routeLimits(instance, rules);
  const n = instance.nodes.length;
  const nearStations = instance.nodes.map((_, i) =>
    [...instance.stations].sort((a, b) => instance.distance(i, a) - instance.distance(i, b)).filter((s) => instance.distance(i, s) > 0).slice(0, stationsPerNode),
  );
  const soloRoutes = new Map<number, number[]>();
  for (const c of instance.customers) {
    const nodes = instance.nodes.filter((node, i) => node.kind !== 'customer' || i === c);
    const single = buildInstance(`${instance.name}-${instance.nodes[c]!.id}`, nodes, instance);
    const found = enumerateRoutes(single, routeLimits(single, rules));
    if (Number.isFinite(found.cost[1]!)) soloRoutes.set(c, found.route(1).map((k) => instance.indexOf(single.nodes[k]!.id)));
  }
  const fast = new FastRoutes(instance, limits);
  const ctx = { instance, limits, n, nearStations, soloRoutes, soloCosts: new Map<number, number>(), paperObjective: rules.objective === 'paper', fast };
  for (const [c, nodes] of soloRoutes) ctx.soloCosts.set(c, evaluateRoute(ctx, nodes)!.cost);
  return ctx;
}

/** A feasible route with its departure profiles cached per position, so insertions are checked from the insertion point on. */
export interface RouteState {
  /** Depot first and last. */
  readonly nodes: readonly number[];
  /** Departure profile (t0, s0, t1, s1) per position. */
  readonly departures: Float64Array;
  /**
   * Latest arrival per position that keeps every later time window, counting travel, service and
   * set-up but no charging: a bound that rejects insertions before the exact test.
   */
  readonly latestArrival: Float64Array;
  readonly load: number;
  readonly distance: number;
  /** The route's part of the objective (distance, or the paper's time). */
  readonly cost: number;
}

export function evaluateRoute(ctx: SearchContext, nodes: readonly number[]): RouteState | null {
  const f = ctx.fast;
  let load = 0;
  let distance = 0;
  for (let k = 0; k < nodes.length; k++) {
    load += f.demand[nodes[k]!]!;
    if (k > 0) distance += f.dist[nodes[k - 1]! * f.n + nodes[k]!]!;
  }
  if (load > ctx.instance.loadCapacity + 1e-9) return null;
  const departures = f.profiles(nodes);
  if (departures === null) return null;
  const last = nodes.length - 1;
  const latestArrival = new Float64Array(nodes.length);
  latestArrival[last] = f.due[nodes[last]!]!;
  for (let k = last - 1; k >= 0; k--) {
    const v = nodes[k]!;
    const busy = f.service[v]! + (f.kind[v] === 1 ? ctx.limits.setupTime : 0);
    latestArrival[k] = Math.min(f.due[v]!, latestArrival[k + 1]! - f.time[v * f.n + nodes[k + 1]!]! - busy);
  }
  const cost = ctx.paperObjective ? routeCost(ctx.instance, ctx.limits, nodes) : distance;
  return { nodes, departures, latestArrival, load, distance, cost };
}
