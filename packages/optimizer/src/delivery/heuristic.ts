import type { DeliveryInstance, DeliveryVehicle } from './instance';
import type { DeliveryPlan, DeliveryRoute, DeliveryStop } from './plan';
import { KeyedMinHeap } from './pqdict';
import { deliveryKWh, demandKWh, pickupKWh, siteSocPct } from './rules';

/**
 * The published "dynamic programming" of sambeets/Optimal_Mobile_EnergyStorage_Routing (notebook
 * `Optimal Routing.ipynb`): depot-distance clusters → first-fit vehicle assignment → per vehicle a
 * time-ordered priority queue that serves a site only when its SOC is at or below the threshold
 * (shared/notes/mess-routing.md §4). Written from that description; no code taken over.
 *
 * `compat: true` keeps the notebook's quirks, which its published numbers depend on:
 * - the second assignment pass compares capacity with the demand of the last site of the first pass;
 * - every assigned site is listed twice, so a served site stays queued and its stale pops move the clock;
 * - a skipped site can be queued again later;
 * - cost: wage × clock time of arrival per leg, wage × shift start for the leg home, a toll per leg;
 * - finish time: last popped time (served or not) + drive home.
 * `compat: false` fixes these (the second pass checks the site's own demand and window; a site is
 * queued once and dropped when skipped; finish = end of last service + drive home); the cost of
 * a fixed run is whatever the plan checker computes under the chosen cost model.
 */
export interface PublishedHeuristicOptions {
  compat?: boolean;
  /** Override of the clustering radius (km); the 12-customer tables 9-1 / 9-2 use ≥ 201 and 120. */
  clusterRadiusKm?: number;
}

export interface HeuristicVehicleResult {
  readonly vehicleId: number;
  /** Node sequence including the depot at both ends (just [0] when the vehicle served nothing). */
  readonly route: readonly number[];
  readonly distanceKm: number;
  readonly deliveredKWh: number;
  readonly pickedUpKWh: number;
  /** The notebook's cost rule (NOK). */
  readonly publishedCostNOK: number;
  /** The notebook's finish time (h) (compat), or end of last service + drive home. */
  readonly finishH: number;
  readonly skipped: readonly number[];
  /** Queue pops in order: node, its time, the site SOC then, and what happened. */
  readonly trace: readonly { node: number; timeH: number; socPct: number; action: 'served' | 'skipped' | 'stale' }[];
}

export interface PublishedHeuristicResult {
  readonly compat: boolean;
  readonly clusterRadiusKm: number;
  readonly clusters: readonly { readonly key: number; readonly nodes: readonly number[] }[];
  /** Vehicle id → sites assigned (in assignment order). */
  readonly assignments: ReadonlyMap<number, readonly number[]>;
  readonly vehicles: readonly HeuristicVehicleResult[];
  readonly totalDistanceKm: number;
  readonly totalPublishedCostNOK: number;
  /** Sites skipped by some vehicle and never served. */
  readonly skipped: readonly number[];
  readonly plan: DeliveryPlan;
}

export function runPublishedHeuristic(instance: DeliveryInstance, options: PublishedHeuristicOptions = {}): PublishedHeuristicResult {
  const compat = options.compat ?? true;
  const radius = options.clusterRadiusKm ?? instance.params.clusterRadiusKm;
  const clusters = clusterByDepotDistance(instance, radius);
  const assignments = assignVehicles(instance, clusters, compat);
  const vehicles: HeuristicVehicleResult[] = [];
  const routes: DeliveryRoute[] = [];
  for (const [vehicleId, assigned] of assignments) {
    if (assigned.length === 0) continue;
    const vehicle = instance.vehicles.find((v) => v.id === vehicleId) as DeliveryVehicle;
    const { result, route } = routeVehicle(instance, vehicle, assigned, compat);
    vehicles.push(result);
    if (route.stops.length > 0) routes.push(route);
  }
  const served = new Set(routes.flatMap((r) => r.stops.map((s) => s.node)));
  const skipped = [...new Set(vehicles.flatMap((v) => v.skipped))].filter((n) => !served.has(n)).sort((a, b) => a - b);
  return {
    compat,
    clusterRadiusKm: radius,
    clusters,
    assignments,
    vehicles,
    totalDistanceKm: vehicles.reduce((s, v) => s + v.distanceKm, 0),
    totalPublishedCostNOK: vehicles.reduce((s, v) => s + v.publishedCostNOK, 0),
    skipped,
    plan: { instance: instance.name, method: compat ? 'published-heuristic' : 'published-heuristic-fixed', routes },
  };
}

/** Rule 1: key ⌊d(0,i)/R⌋, clusters in order of first appearance scanning sites 1..n. */
function clusterByDepotDistance(instance: DeliveryInstance, radiusKm: number): { key: number; nodes: number[] }[] {
  const clusters: { key: number; nodes: number[] }[] = [];
  for (let i = 1; i < instance.nodes.length; i++) {
    const key = Math.floor((instance.distanceKm[0]![i] as number) / radiusKm);
    let c = clusters.find((x) => x.key === key);
    if (c === undefined) {
      c = { key, nodes: [] };
      clusters.push(c);
    }
    c.nodes.push(i);
  }
  return clusters;
}

/** Rule 2: first-fit over vehicles sorted by capacity (stable), each with its own clock and load. */
function assignVehicles(instance: DeliveryInstance, clusters: { key: number; nodes: number[] }[], compat: boolean): Map<number, number[]> {
  const p = instance.params;
  const sorted = [...instance.vehicles].sort((a, b) => a.capacityKWh - b.capacityKWh);
  const assigned = new Map<number, number[]>(sorted.map((v) => [v.id, []]));
  const capacity = new Map<number, number>(sorted.map((v) => [v.id, v.capacityKWh]));
  const clock = new Map<number, number>(sorted.map((v) => [v.id, p.shiftStartH]));
  const unassigned: number[] = [];
  let lastDemand = NaN;
  const arrival = (v: DeliveryVehicle, node: number): number => {
    const list = assigned.get(v.id) as number[];
    const from = list.length > 0 ? (list[list.length - 1] as number) : 0;
    return (clock.get(v.id) as number) + (instance.distanceKm[from]![node] as number) / v.speedKmh;
  };
  const take = (v: DeliveryVehicle, node: number, demand: number, at: number): void => {
    (assigned.get(v.id) as number[]).push(node);
    capacity.set(v.id, (capacity.get(v.id) as number) - demand);
    clock.set(v.id, at + p.serviceTimeH);
  };
  for (const cluster of clusters) {
    for (const node of cluster.nodes) {
      const site = instance.nodes[node]!;
      const demand = demandKWh(site);
      lastDemand = demand;
      const v = sorted.find((veh) => {
        const at = arrival(veh, node);
        return site.windowStartH <= at && at <= site.windowEndH && demand <= (capacity.get(veh.id) as number);
      });
      if (v === undefined) unassigned.push(node);
      else take(v, node, demand, arrival(v, node));
    }
  }
  for (const node of unassigned) {
    const site = instance.nodes[node]!;
    const demand = compat ? lastDemand : demandKWh(site);
    const v = sorted.find((veh) => {
      if (compat) return demand <= (capacity.get(veh.id) as number);
      const at = arrival(veh, node);
      return site.windowStartH <= at && at <= site.windowEndH && demand <= (capacity.get(veh.id) as number);
    });
    if (v !== undefined) take(v, node, demand, arrival(v, node));
  }
  return assigned;
}

/** Rules 3–4: the time-ordered queue with the SOC rule, then the drive home. */
function routeVehicle(instance: DeliveryInstance, vehicle: DeliveryVehicle, assigned: readonly number[], compat: boolean): { result: HeuristicVehicleResult; route: DeliveryRoute } {
  const p = instance.params;
  const d = instance.distanceKm;
  const unit = p.deliveryRoundingKWh;
  const perKm = vehicle.fuelCostPerKm + p.maintenancePerKm;
  const pending = compat ? [...assigned, ...assigned] : [...assigned];
  const visited = new Set<number>([0]);
  const skipped = new Set<number>();
  const queue = new KeyedMinHeap<number>();
  const trace: { node: number; timeH: number; socPct: number; action: 'served' | 'skipped' | 'stale' }[] = [];
  const stops: DeliveryStop[] = [];
  const inWindow = (node: number, t: number): boolean => instance.nodes[node]!.windowStartH <= t && t <= instance.nodes[node]!.windowEndH;
  let current = 0;
  let distanceKm = 0;
  let cost = 0;
  let delivered = 0;
  let pickedUp = 0;
  let clock = NaN;
  let lastServedH = NaN;
  for (const node of pending) {
    clock = p.shiftStartH + (d[current]![node] as number) / vehicle.speedKmh + p.serviceTimeH;
    if (inWindow(node, clock)) queue.set(node, clock);
  }
  while (queue.size > 0) {
    const { key: node, prio: t } = queue.pop();
    clock = t;
    const soc = siteSocPct(instance, instance.nodes[node]!, t);
    if (visited.has(node) || !pending.includes(node)) {
      trace.push({ node, timeH: t, socPct: soc, action: 'stale' });
      continue;
    }
    if (!(inWindow(node, t) && soc <= p.pickupSocThresholdPct)) {
      skipped.add(node);
      trace.push({ node, timeH: t, socPct: soc, action: 'skipped' });
      if (!compat) pending.splice(pending.indexOf(node), 1);
      continue;
    }
    trace.push({ node, timeH: t, socPct: soc, action: 'served' });
    visited.add(node);
    pending.splice(pending.indexOf(node), 1);
    const leg = d[current]![node] as number;
    distanceKm += leg;
    cost += leg * perKm + t * vehicle.hourlyWage + p.tollPerLeg;
    const site = instance.nodes[node]!;
    const del = deliveryKWh(site, unit);
    const pick = pickupKWh(site, unit);
    delivered += del;
    pickedUp += pick;
    stops.push({ node, arrivalH: t, serviceStartH: t, deliveredKWh: del, pickedUpKWh: pick });
    lastServedH = t;
    current = node;
    for (const next of pending) {
      const tn = t + (d[current]![next] as number) / vehicle.speedKmh + p.serviceTimeH;
      if (inWindow(next, tn) && siteSocPct(instance, instance.nodes[next]!, tn) <= p.pickupSocThresholdPct) queue.set(next, tn);
    }
  }
  let finishH = compat ? clock : lastServedH + p.serviceTimeH;
  const route: number[] = [0, ...stops.map((s) => s.node)];
  if (current !== 0) {
    const home = d[current]![0] as number;
    distanceKm += home;
    finishH += home / vehicle.speedKmh;
    cost += home * perKm + p.shiftStartH * vehicle.hourlyWage + p.tollPerLeg;
    route.push(0);
  }
  const returnH = stops.length > 0 ? lastServedH + p.serviceTimeH + (d[current]![0] as number) / vehicle.speedKmh : p.shiftStartH;
  return {
    result: {
      vehicleId: vehicle.id,
      route,
      distanceKm,
      deliveredKWh: delivered,
      pickedUpKWh: pickedUp,
      publishedCostNOK: cost,
      finishH: stops.length > 0 || compat ? finishH : p.shiftStartH,
      skipped: [...skipped].sort((a, b) => a - b),
      trace,
    },
    route: { vehicleId: vehicle.id, startH: p.shiftStartH, departH: p.shiftStartH + p.depotLoadingTimeH, stops, returnH },
  };
}
