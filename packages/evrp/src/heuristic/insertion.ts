import type { Rng } from '@gridhaul/common';
import { evaluateRoute, type RouteState, type SearchContext } from './context';
import { placeStations } from './station-placement';

/** Where and how a customer goes into a route: `nodes` (the customer, possibly with a station) after position `pos`. */
export interface Insertion {
  readonly pos: number;
  readonly nodes: readonly number[];
  /** When set, the whole route is replaced by this sequence (its stations re-placed). */
  readonly replacement?: readonly number[];
  /** Increase of the route's cost. */
  readonly delta: number;
}

interface Candidate {
  pos: number;
  nodes: number[];
  distanceDelta: number;
}

/**
 * Pure evaluation: the cheapest feasible insertion of customer c into a route, direct or with a
 * nearby station just before or after it. Candidates are tried in order of added distance, so only
 * a few need the forward feasibility pass.
 */
export function bestInsertion(ctx: SearchContext, route: RouteState, c: number, replaceStations = false): Insertion | null {
  const f = ctx.fast;
  const n = f.n;
  if (route.load + f.demand[c]! > ctx.instance.loadCapacity + 1e-9) return null;
  const candidates: Candidate[] = [];
  const last = route.nodes.length - 1;
  const setup = ctx.limits.setupTime;
  const readyC = f.ready[c]!;
  const dueC = f.due[c]!;
  const serviceC = f.service[c]!;
  // Earliest leaving c, given the earliest arrival there (no charging counted: a bound).
  const leaveC = (arrive: number): number => (arrive > readyC ? arrive : readyC) + serviceC;
  for (let pos = 0; pos < last; pos++) {
    const u = route.nodes[pos]!;
    const v = route.nodes[pos + 1]!;
    const t0 = route.departures[4 * pos]!;
    const arriveC = t0 + f.time[u * n + c]!;
    if (arriveC > dueC) break; // later positions arrive later still (triangle inequality)
    const latestV = route.latestArrival[pos + 1]!;
    const base = f.dist[u * n + v]!;
    if (leaveC(arriveC) + f.time[c * n + v]! <= latestV) candidates.push({ pos, nodes: [c], distanceDelta: f.dist[u * n + c]! + f.dist[c * n + v]! - base });
    for (const s of ctx.nearStations[c]!) {
      if (s !== u) {
        const arriveViaS = t0 + f.time[u * n + s]! + setup + f.time[s * n + c]!;
        if (arriveViaS <= dueC && leaveC(arriveViaS) + f.time[c * n + v]! <= latestV) {
          candidates.push({ pos, nodes: [s, c], distanceDelta: f.dist[u * n + s]! + f.dist[s * n + c]! + f.dist[c * n + v]! - base });
        }
      }
      if (s !== v && leaveC(arriveC) + f.time[c * n + s]! + setup + f.time[s * n + v]! <= latestV) {
        candidates.push({ pos, nodes: [c, s], distanceDelta: f.dist[u * n + c]! + f.dist[c * n + s]! + f.dist[s * n + v]! - base });
      }
    }
  }
  candidates.sort((a, b) => a.distanceDelta - b.distanceDelta);
  if (!ctx.paperObjective) {
    let local: Insertion | null = null;
    for (const cand of candidates) {
      if (f.feasibleWithInsertion(route.nodes, route.departures, cand.pos, cand.nodes)) {
        local = { pos: cand.pos, nodes: cand.nodes, delta: cand.distanceDelta };
        break;
      }
    }
    // Small instances afford re-placing the stations for every insertion; large ones only when nothing else fits.
    if (!(replaceStations && local === null) && ctx.instance.customers.length > EXHAUSTIVE_CUSTOMERS) return local;
    const replaced = withStationsReplaced(ctx, route, c, candidates);
    return replaced !== null && (local === null || replaced.delta < local.delta - 1e-9) ? replaced : local;
  }
  // Paper objective: the first few feasible candidates by distance, compared on the true cost.
  let best: Insertion | null = null;
  let found = 0;
  for (const cand of candidates) {
    if (found >= 3) break;
    if (!f.feasibleWithInsertion(route.nodes, route.departures, cand.pos, cand.nodes)) continue;
    found++;
    const after = evaluateRoute(ctx, applyInsertion(route.nodes, cand));
    if (after !== null && (best === null || after.cost - route.cost < best.delta)) best = { pos: cand.pos, nodes: cand.nodes, delta: after.cost - route.cost };
  }
  return best;
}

/**
 * Fallback when no local insertion works: put c at the best direct positions and re-place all the
 * route's stations (two in a row, or charging elsewhere, can make room).
 */
function withStationsReplaced(ctx: SearchContext, route: RouteState, c: number, candidates: readonly Candidate[]): Insertion | null {
  const isCustomer = (v: number): boolean => ctx.fast.kind[v] === 2;
  let best: Insertion | null = null;
  let tried = 0;
  for (const cand of candidates) {
    if (cand.nodes.length !== 1 || tried >= FALLBACK_POSITIONS) continue;
    tried++;
    const customers = applyInsertion(route.nodes, cand).filter(isCustomer);
    // A station detour costs at most the way to c's farthest near station and back.
    const detour = 2 * Math.max(0, ...ctx.nearStations[c]!.map((s) => ctx.fast.dist[c * ctx.fast.n + s]!));
    const nodes = placeStations(ctx, customers, route.distance + cand.distanceDelta + detour);
    if (nodes === null) continue;
    const after = evaluateRoute(ctx, nodes);
    if (after !== null && (best === null || after.cost - route.cost < best.delta)) best = { pos: -1, nodes: [c], replacement: nodes, delta: after.cost - route.cost };
  }
  return best;
}

const FALLBACK_POSITIONS = 2;
const EXHAUSTIVE_CUSTOMERS = 25;

export function applyInsertion(nodes: readonly number[], ins: { pos: number; nodes: readonly number[]; replacement?: readonly number[] }): number[] {
  if (ins.replacement !== undefined) return [...ins.replacement];
  return [...nodes.slice(0, ins.pos + 1), ...ins.nodes, ...nodes.slice(ins.pos + 1)];
}

export type RepairKind = 'greedy' | 'regret';

/**
 * Inserts the customers of `pool` into `routes` (mutated): greedy (cheapest first) or regret-2
 * (largest difference between its best and second-best route first). A customer that fits nowhere
 * opens a new route (its cheapest single-customer route) while there are fewer than `maxRoutes`
 * routes, and is returned otherwise (the request bank). Insertion costs are cached per route and
 * recomputed only for the route that changed.
 */
export function repair(ctx: SearchContext, routes: RouteState[], pool: number[], kind: RepairKind, vehicleCost: number, rng: Rng, maxRoutes = Infinity): number[] {
  const banked: number[] = [];
  const cache = new Map<number, Array<Insertion | null>>();
  const order = rng.shuffle([...pool]);
  for (const c of order) cache.set(c, routes.map((r) => bestInsertion(ctx, r, c)));
  // Customers with no local insertion anywhere also try re-placing a route's stations (costly, so only for them).
  const hard = new Set<number>();
  const remaining = new Set(order);
  while (remaining.size > 0) {
    let pick = -1;
    let pickScore = -Infinity;
    let pickRoute = -1;
    for (const c of remaining) {
      let options = cache.get(c)!;
      if (!hard.has(c) && options.every((o) => o === null)) {
        hard.add(c);
        options = routes.map((r) => bestInsertion(ctx, r, c, true));
        cache.set(c, options);
      }
      let best = Infinity;
      let second = Infinity;
      let bestRoute = -1;
      options.forEach((ins, r) => {
        if (ins === null) return;
        if (ins.delta < best) {
          second = best;
          best = ins.delta;
          bestRoute = r;
        } else if (ins.delta < second) second = ins.delta;
      });
      const open = routes.length < maxRoutes ? vehicleCost + ctx.soloCosts.get(c)! : Infinity;
      if (best === Infinity) best = open;
      second = Math.min(second, open);
      // A customer that fits nowhere goes first: it opens a route or is banked.
      const score = best === Infinity ? Infinity : kind === 'greedy' ? -best : second - best;
      if (score > pickScore) {
        pickScore = score;
        pick = c;
        pickRoute = bestRoute;
      }
    }
    remaining.delete(pick);
    let changed: number;
    if (pickRoute < 0 && routes.length >= maxRoutes) {
      banked.push(pick);
      continue;
    }
    if (pickRoute >= 0) {
      const ins = cache.get(pick)![pickRoute]!;
      routes[pickRoute] = evaluateRoute(ctx, applyInsertion(routes[pickRoute]!.nodes, ins))!;
      changed = pickRoute;
    } else {
      routes.push(evaluateRoute(ctx, ctx.soloRoutes.get(pick)!)!);
      changed = routes.length - 1;
    }
    for (const c of remaining) {
      const options = cache.get(c)!;
      // Re-placing stations is priced once per customer and repair; a changed route gets local insertions only.
      options[changed] = bestInsertion(ctx, routes[changed]!, c);
    }
  }
  return banked;
}
