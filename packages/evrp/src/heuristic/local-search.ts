import { evaluateRoute, type RouteState, type SearchContext } from './context';
import { applyInsertion, bestInsertion } from './insertion';

/**
 * Local search on distance (used with the distance objective): 2-opt* (exchange the tails of two
 * routes) and relocate (move one customer to its best place in a route that serves one of its
 * nearest customers), first improvement, until neither improves. Stations travel with the
 * tails and stay in place on relocation; every result is checked by the exact profile pass.
 * Routes are replaced in `routes` (mutated); emptied routes disappear.
 */
export function localSearch(ctx: SearchContext, routes: RouteState[], neighbours: readonly (readonly number[])[], maxPasses = 10): void {
  for (let pass = 0; pass < maxPasses; pass++) {
    const a = twoOptStar(ctx, routes);
    const b = relocate(ctx, routes, neighbours);
    if (!a && !b) return;
  }
}

/** The k nearest customers of every customer (node index → customer node indices). */
export function nearestCustomers(ctx: SearchContext, k: number): number[][] {
  const inst = ctx.instance;
  return inst.nodes.map((_, i) => (inst.nodes[i]!.kind === 'customer' ? [...inst.customers].filter((c) => c !== i).sort((x, y) => inst.distance(i, x) - inst.distance(i, y)).slice(0, k) : []));
}

const EPS = 1e-7;

function twoOptStar(ctx: SearchContext, routes: RouteState[]): boolean {
  const f = ctx.fast;
  const n = f.n;
  const cap = ctx.instance.loadCapacity + 1e-9;
  let improved = false;
  for (let ra = 0; ra < routes.length; ra++) {
    for (let rb = ra + 1; rb < routes.length; rb++) {
      const A = routes[ra]!;
      const B = routes[rb]!;
      const prefixA = prefixLoads(f.demand, A.nodes);
      const prefixB = prefixLoads(f.demand, B.nodes);
      let done = false;
      for (let i = 0; i < A.nodes.length - 1 && !done; i++) {
        const ai = A.nodes[i]!;
        const ai1 = A.nodes[i + 1]!;
        for (let j = 0; j < B.nodes.length - 1; j++) {
          const bj = B.nodes[j]!;
          const bj1 = B.nodes[j + 1]!;
          const delta = f.dist[ai * n + bj1]! + f.dist[bj * n + ai1]! - f.dist[ai * n + ai1]! - f.dist[bj * n + bj1]!;
          if (delta > -EPS) continue;
          if (prefixA[i]! + (B.load - prefixB[j]!) > cap || prefixB[j]! + (A.load - prefixA[i]!) > cap) continue;
          const nodesA = [...A.nodes.slice(0, i + 1), ...B.nodes.slice(j + 1)];
          const nodesB = [...B.nodes.slice(0, j + 1), ...A.nodes.slice(i + 1)];
          // The prefixes keep their cached profiles: only the new tails need the forward pass.
          if (!f.feasibleWithInsertion(nodesA, A.departures, i, []) || !f.feasibleWithInsertion(nodesB, B.departures, j, [])) continue;
          const newA = routeOrEmpty(ctx, nodesA);
          const newB = newA === null ? null : routeOrEmpty(ctx, nodesB);
          if (newA === null || newB === null) continue;
          replace(routes, ra, rb, newA, newB);
          improved = done = true;
          break;
        }
      }
    }
  }
  return improved;
}

function relocate(ctx: SearchContext, routes: RouteState[], neighbours: readonly (readonly number[])[]): boolean {
  const f = ctx.fast;
  const n = f.n;
  let improved = false;
  const routeOf = new Map<number, number>();
  const index = (): void => {
    routeOf.clear();
    routes.forEach((r, ri) => r.nodes.forEach((v) => f.kind[v] === 2 && routeOf.set(v, ri)));
  };
  index();
  for (const c of ctx.instance.customers) {
    const ra = routeOf.get(c);
    if (ra === undefined) continue; // in the request bank
    const A = routes[ra]!;
    const i = A.nodes.indexOf(c);
    const gain = f.dist[A.nodes[i - 1]! * n + c]! + f.dist[c * n + A.nodes[i + 1]!]! - f.dist[A.nodes[i - 1]! * n + A.nodes[i + 1]!]!;
    if (gain < EPS) continue;
    const rest = A.nodes.filter((v) => v !== c);
    const shorter = routeOrEmpty(ctx, rest);
    if (shorter === null) continue;
    const targets = new Set<number>();
    for (const m of neighbours[c]!) {
      const rm = routeOf.get(m);
      if (rm !== undefined) targets.add(rm);
    }
    let best: { rb: number; nodes: number[]; delta: number } | null = null;
    for (const rb of targets) {
      const B = rb === ra ? shorter : routes[rb]!;
      if (B.nodes.length <= 2) continue;
      const ins = bestInsertion(ctx, B, c);
      if (ins !== null && ins.delta - gain < (best?.delta ?? -EPS)) best = { rb, nodes: applyInsertion(B.nodes, ins), delta: ins.delta - gain };
    }
    if (best === null) continue;
    const moved = evaluateRoute(ctx, best.nodes);
    if (moved === null) continue;
    if (best.rb === ra) routes[ra] = moved;
    else replace(routes, ra, best.rb, shorter, moved);
    improved = true;
    index();
  }
  return improved;
}

function prefixLoads(demand: Float64Array, nodes: readonly number[]): Float64Array {
  const out = new Float64Array(nodes.length);
  let s = 0;
  for (let k = 0; k < nodes.length; k++) out[k] = s += demand[nodes[k]!]!;
  return out;
}

/** An evaluated route, an empty route (depot only, kept as a two-node state), or null if infeasible. */
function routeOrEmpty(ctx: SearchContext, nodes: readonly number[]): RouteState | null {
  const customers = nodes.some((v) => ctx.fast.kind[v] === 2);
  return evaluateRoute(ctx, customers ? nodes : [0, 0]);
}

/** Puts the new routes in place; an empty route is removed. */
function replace(routes: RouteState[], ra: number, rb: number, a: RouteState, b: RouteState): void {
  routes[ra] = a;
  routes[rb] = b;
  for (const k of [Math.max(ra, rb), Math.min(ra, rb)]) if (routes[k]!.nodes.length <= 2) routes.splice(k, 1);
}
