import type { DeliveryModelData } from './model-data';
import type { DeliveryPlan, DeliveryRoute, DeliveryStop } from './plan';

/**
 * A partial route ending at a site, with the driver's start s0 free in [shift start, s0Max]: the
 * service start at the last site is max(alpha, s0 + beta) (waiting absorbs the rest). This is exact
 * for a fixed order, and one label dominates another at the same (set, last site) when it has lower
 * km cost, alpha, beta and peak load and a larger s0Max.
 */
interface Label {
  readonly alpha: number;
  readonly beta: number;
  readonly s0Max: number;
  readonly kmCost: number;
  /** Max over the route so far of Σ(pickup − delivery): load above the starting load (kWh). */
  readonly peakExtra: number;
  readonly extra: number;
  readonly last: number;
  readonly parent: Label | null;
}

export interface RouteChoice {
  readonly cost: number;
  readonly order: readonly number[];
  readonly s0: number;
}

const EPS = 1e-9;

/**
 * Cheapest route of one vehicle for every subset of the required sites (bitmask over
 * `data.sites`): labelling over (visited set, last site, time function, load), wage on route
 * duration, per-km and per-leg costs. Entry `mask` is null when no feasible route serves exactly it.
 */
export function bestRoutesBySubset(data: DeliveryModelData, k: number): (RouteChoice | null)[] {
  const m = data.sites.length;
  const v = data.vehicles[k]!;
  const legCost = (a: number, b: number): number => data.distanceKm(a, b) * v.perKmNOK + data.tollPerLeg;
  const t0 = data.shiftStartH;
  const sigma = data.serviceH;
  const labels: Label[][][] = Array.from({ length: 1 << m }, () => Array.from({ length: m }, () => []));
  const startLoad = new Array<number>(1 << m).fill(0);
  for (let mask = 1; mask < 1 << m; mask++) {
    const low = 31 - Math.clz32(mask & -mask);
    startLoad[mask] = startLoad[mask & (mask - 1)]! + data.sites[low]!.deliverKWh;
  }
  const push = (mask: number, label: Label): void => {
    if (startLoad[mask]! + label.peakExtra > v.capacityKWh + EPS) return;
    const list = labels[mask]![label.last]!;
    for (const o of list) {
      if (o.kmCost <= label.kmCost + EPS && o.alpha <= label.alpha + EPS && o.beta <= label.beta + EPS && o.s0Max >= label.s0Max - EPS && o.peakExtra <= label.peakExtra + EPS) return;
    }
    const kept = list.filter((o) => !(label.kmCost <= o.kmCost + EPS && label.alpha <= o.alpha + EPS && label.beta <= o.beta + EPS && label.s0Max >= o.s0Max - EPS && label.peakExtra <= o.peakExtra + EPS));
    kept.push(label);
    labels[mask]![label.last] = kept;
  };
  for (let j = 0; j < m; j++) {
    const s = data.sites[j]!;
    const beta = data.loadingH + data.travelH(k, 0, j + 1);
    const alpha = s.earliestH;
    const s0Max = s.latestH - beta;
    if (alpha > s.latestH + EPS || s0Max < t0 - EPS) continue;
    const extra = s.pickupKWh - s.deliverKWh;
    push(1 << j, { alpha, beta, s0Max, kmCost: legCost(0, j + 1), peakExtra: Math.max(0, extra), extra, last: j, parent: null });
  }
  for (let mask = 1; mask < 1 << m; mask++) {
    for (let i = 0; i < m; i++) {
      for (const l of labels[mask]![i]!) {
        for (let j = 0; j < m; j++) {
          if (mask & (1 << j)) continue;
          const s = data.sites[j]!;
          const hop = sigma + data.travelH(k, i + 1, j + 1);
          const alpha = Math.max(s.earliestH, l.alpha + hop);
          const beta = l.beta + hop;
          const s0Max = Math.min(l.s0Max, s.latestH - beta);
          if (alpha > s.latestH + EPS || s0Max < t0 - EPS) continue;
          const extra = l.extra + s.pickupKWh - s.deliverKWh;
          push(mask | (1 << j), { alpha, beta, s0Max, kmCost: l.kmCost + legCost(i + 1, j + 1), peakExtra: Math.max(l.peakExtra, extra), extra, last: j, parent: l });
        }
      }
    }
  }
  const best: (RouteChoice | null)[] = new Array<RouteChoice | null>(1 << m).fill(null);
  best[0] = { cost: 0, order: [], s0: t0 };
  for (let mask = 1; mask < 1 << m; mask++) {
    for (let i = 0; i < m; i++) {
      for (const l of labels[mask]![i]!) {
        const s0 = Math.min(Math.max(l.alpha - l.beta, t0), l.s0Max);
        const duration = Math.max(l.alpha - s0, l.beta) + sigma + data.travelH(k, i + 1, 0);
        const cost = l.kmCost + legCost(i + 1, 0) + v.wageNOKPerH * duration;
        if (best[mask] === null || cost < best[mask]!.cost - EPS) {
          const order: number[] = [];
          for (let x: Label | null = l; x !== null; x = x.parent) order.unshift(x.last);
          best[mask] = { cost, order, s0 };
        }
      }
    }
  }
  return best;
}

/** The schedule of a fixed order from driver start s0: no waiting except for windows and the SOC rule. */
export function scheduleRoute(data: DeliveryModelData, k: number, order: readonly number[], s0: number): DeliveryRoute {
  const departH = s0 + data.loadingH;
  let ready = departH;
  let at = 0;
  const stops: DeliveryStop[] = order.map((j) => {
    const s = data.sites[j]!;
    const arrivalH = ready + data.travelH(k, at, j + 1);
    const serviceStartH = Math.max(arrivalH, s.earliestH);
    ready = serviceStartH + data.serviceH;
    at = j + 1;
    return { node: s.node, arrivalH, serviceStartH, deliveredKWh: s.deliverKWh, pickedUpKWh: s.pickupKWh };
  });
  return { vehicleId: data.vehicles[k]!.id, startH: s0, departH, stops, returnH: ready + data.travelH(k, at, 0) };
}

export interface DeliveryDpResult {
  readonly plan: DeliveryPlan;
  /** Objective under the duration cost model (NOK); Infinity when no plan serves every required site. */
  readonly objective: number;
  readonly feasible: boolean;
}

/**
 * Exact fleet optimum by dynamic programming: each vehicle's best route per subset of the required
 * sites (bestRoutesBySubset), then a DP over (vehicles considered, sites covered) that gives each
 * vehicle at most one route. Cost: per-km, per-leg toll, wage × route duration.
 */
export function solveDeliveryDp(data: DeliveryModelData): DeliveryDpResult {
  const m = data.sites.length;
  const full = (1 << m) - 1;
  const K = data.vehicles.length;
  const routes = data.vehicles.map((_, k) => bestRoutesBySubset(data, k));
  let f = new Array<number>(1 << m).fill(Infinity);
  f[0] = 0;
  const choice: Int32Array[] = [];
  for (let k = 0; k < K; k++) {
    const g = new Array<number>(1 << m).fill(Infinity);
    const pick = new Int32Array(1 << m).fill(-1);
    for (let mask = 0; mask <= full; mask++) {
      if (f[mask] === Infinity) continue;
      const free = full & ~mask;
      for (let sub = free; ; sub = (sub - 1) & free) {
        const r = routes[k]![sub];
        if (r !== null && r !== undefined) {
          const c = f[mask]! + r.cost;
          if (c < g[mask | sub]! - EPS) {
            g[mask | sub] = c;
            pick[mask | sub] = sub;
          }
        }
        if (sub === 0) break;
      }
    }
    choice.push(pick);
    f = g;
  }
  if (f[full] === Infinity) return { plan: { instance: data.instance.name, method: 'dp', routes: [] }, objective: Infinity, feasible: false };
  const planRoutes: DeliveryRoute[] = [];
  let mask = full;
  for (let k = K - 1; k >= 0; k--) {
    const sub = choice[k]![mask]!;
    const r = routes[k]![sub]!;
    if (sub !== 0) planRoutes.unshift(scheduleRoute(data, k, r.order, r.s0));
    mask &= ~sub;
  }
  return { plan: { instance: data.instance.name, method: 'dp', routes: planRoutes }, objective: f[full]!, feasible: true };
}
