import type { Rng } from '@gridhaul/common';
import { evaluateRoute, type RouteState, type SearchContext } from './context';

export type RemovalKind = 'random' | 'worst' | 'related' | 'route';
export const REMOVALS: readonly RemovalKind[] = ['random', 'worst', 'related', 'route'];

/**
 * Destroy step of the ALNS: takes about q customers out of `routes` (mutated) and returns them.
 * Stations a route no longer needs are dropped; empty routes disappear.
 */
export function removeCustomers(ctx: SearchContext, routes: RouteState[], q: number, kind: RemovalKind, rng: Rng): number[] {
  const inst = ctx.instance;
  const placed: Array<{ c: number; route: number; pos: number }> = [];
  routes.forEach((r, ri) => r.nodes.forEach((v, pos) => inst.nodes[v]!.kind === 'customer' && placed.push({ c: v, route: ri, pos })));
  const count = Math.min(q, placed.length);
  let chosen: number[];
  if (kind === 'random') chosen = rng.shuffle(placed.map((p) => p.c)).slice(0, count);
  else if (kind === 'worst') {
    const saving = (p: { route: number; pos: number; c: number }): number => {
      const nodes = routes[p.route]!.nodes;
      const a = nodes[p.pos - 1]!;
      const b = nodes[p.pos + 1]!;
      return inst.distance(a, p.c) + inst.distance(p.c, b) - inst.distance(a, b);
    };
    chosen = pickBiased(placed.map((p) => ({ c: p.c, key: -saving(p) })), count, rng);
  } else if (kind === 'related') {
    const seed = rng.pick(placed).c;
    const horizon = inst.nodes[0]!.dueDate;
    const seedNode = inst.nodes[seed]!;
    const far = Math.max(1e-9, ...placed.map((p) => inst.distance(seed, p.c)));
    // Shaw relatedness: close in space and in ready time.
    chosen = pickBiased(
      placed.map((p) => ({ c: p.c, key: p.c === seed ? -1 : inst.distance(seed, p.c) / far + Math.abs(inst.nodes[p.c]!.readyTime - seedNode.readyTime) / horizon })),
      count,
      rng,
    );
  } else {
    // Whole routes, short ones more likely: this is how the fleet shrinks.
    chosen = [];
    const order = routes.map((r, i) => ({ i, w: 1 / Math.max(1, r.nodes.length - 2) }));
    while (chosen.length < Math.max(1, Math.min(count, placed.length)) && order.length > 0) {
      const k = rng.weightedIndex(order.map((o) => o.w));
      const { i } = order.splice(k, 1)[0]!;
      for (const v of routes[i]!.nodes) if (inst.nodes[v]!.kind === 'customer') chosen.push(v);
    }
  }
  const removed = new Set(chosen);
  const pool = [...chosen];
  for (let i = routes.length - 1; i >= 0; i--) {
    const before = routes[i]!;
    if (!before.nodes.some((v) => removed.has(v))) continue;
    const kept = before.nodes.filter((v) => !removed.has(v));
    const route = hasCustomer(ctx, kept) ? withoutIdleStations(ctx, kept) : null;
    if (route === null) {
      for (const v of kept) if (inst.nodes[v]!.kind === 'customer') pool.push(v);
      routes.splice(i, 1);
    } else routes[i] = route;
  }
  return pool;
}

/** Smallest keys first, with a random bias (Ropke & Pisinger 2006: index = ⌊u^p · size⌋, p = 3). */
function pickBiased(items: Array<{ c: number; key: number }>, count: number, rng: Rng): number[] {
  const sorted = [...items].sort((a, b) => a.key - b.key);
  const out: number[] = [];
  while (out.length < count && sorted.length > 0) {
    const k = Math.floor(rng.next() ** 3 * sorted.length);
    out.push(sorted.splice(k, 1)[0]!.c);
  }
  return out;
}

function hasCustomer(ctx: SearchContext, nodes: readonly number[]): boolean {
  return nodes.some((v) => ctx.instance.nodes[v]!.kind === 'customer');
}

/**
 * Drops every station whose removal keeps the route feasible (shorter by the triangle inequality),
 * then evaluates it; null if the route cannot be made feasible this way.
 */
export function withoutIdleStations(ctx: SearchContext, nodes: readonly number[]): RouteState | null {
  let current = [...nodes];
  let state = evaluateRoute(ctx, current);
  for (let k = current.length - 2; k >= 1; k--) {
    if (ctx.instance.nodes[current[k]!]!.kind !== 'station') continue;
    const shorter = [...current.slice(0, k), ...current.slice(k + 1)];
    const s = evaluateRoute(ctx, shorter);
    if (s !== null && (state === null || s.cost <= state.cost + 1e-9)) {
      current = shorter;
      state = s;
    }
  }
  return state;
}
