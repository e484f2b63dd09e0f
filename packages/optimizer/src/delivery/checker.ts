import type { DeliveryInstance } from './instance';
import type { DeliveryCostModel, DeliveryPlan } from './plan';

export type DeliveryViolationKind =
  | 'unknown-vehicle'
  | 'vehicle-used-twice'
  | 'unknown-node'
  | 'site-served-twice'
  | 'unserved-required-site'
  | 'start-before-shift'
  | 'departure-before-loading'
  | 'arrival-too-early'
  | 'service-before-arrival'
  | 'outside-time-window'
  | 'soc-above-threshold'
  | 'return-too-early'
  | 'demand-not-met'
  | 'pickup-exceeds-returnable'
  | 'capacity-exceeded';

export interface DeliveryViolation {
  readonly kind: DeliveryViolationKind;
  readonly vehicleId?: number;
  readonly node?: number;
  /** The offending quantity and the limit it breaks, in the units of the kind (h, %, kWh). */
  readonly value: number;
  readonly limit: number;
}

export interface DeliveryCostBreakdown {
  readonly distanceKm: number;
  readonly fuelNOK: number;
  readonly maintenanceNOK: number;
  readonly tollNOK: number;
  readonly wagesNOK: number;
  readonly totalNOK: number;
}

export interface DeliveryCheck {
  readonly feasible: boolean;
  readonly violations: readonly DeliveryViolation[];
  readonly costModel: DeliveryCostModel;
  readonly cost: DeliveryCostBreakdown;
  readonly perVehicle: readonly (DeliveryCostBreakdown & { readonly vehicleId: number })[];
  readonly deliveredKWh: number;
  readonly pickedUpKWh: number;
  readonly servedSites: readonly number[];
}

const TOL = 1e-7;

/**
 * Independent check of a delivery plan: recomputes travel times, site SOC at service, time windows,
 * load along each route, coverage of the sites the SOC rule requires, and the cost under the chosen
 * cost model, straight from the instance data (shared/notes/mess-routing.md §1, §3, §4). Shares no
 * code with the models.
 */
export interface DeliveryCheckOptions {
  costModel?: DeliveryCostModel;
  /**
   * Flag a visit that delivers less than the site's shortfall (requirement − present). On by
   * default; the published rounding to the nearest 50 kWh breaks it (150 kWh for 160).
   */
  requireFullDemand?: boolean;
}

export function checkDeliveryPlan(instance: DeliveryInstance, plan: DeliveryPlan, options: DeliveryCheckOptions = {}): DeliveryCheck {
  const costModel = options.costModel ?? 'duration';
  const requireFullDemand = options.requireFullDemand ?? true;
  const p = instance.params;
  const violations: DeliveryViolation[] = [];
  const add = (v: DeliveryViolation): void => {
    violations.push(v);
  };
  const usedVehicles = new Set<number>();
  const served = new Map<number, number>();
  const perVehicle: (DeliveryCostBreakdown & { vehicleId: number })[] = [];
  let delivered = 0;
  let pickedUp = 0;
  const unit = p.deliveryRoundingKWh;
  for (const route of plan.routes) {
    const vehicle = instance.vehicles.find((v) => v.id === route.vehicleId);
    if (vehicle === undefined) {
      add({ kind: 'unknown-vehicle', vehicleId: route.vehicleId, value: route.vehicleId, limit: NaN });
      continue;
    }
    if (usedVehicles.has(vehicle.id)) add({ kind: 'vehicle-used-twice', vehicleId: vehicle.id, value: vehicle.id, limit: NaN });
    usedVehicles.add(vehicle.id);
    if (route.startH < p.shiftStartH - TOL) add({ kind: 'start-before-shift', vehicleId: vehicle.id, value: route.startH, limit: p.shiftStartH });
    if (route.departH < route.startH + p.depotLoadingTimeH - TOL) add({ kind: 'departure-before-loading', vehicleId: vehicle.id, value: route.departH, limit: route.startH + p.depotLoadingTimeH });
    let at = 0;
    let readyH = route.departH;
    let km = 0;
    let legs = 0;
    let publishedWage = 0;
    let load = route.stops.reduce((s, x) => s + x.deliveredKWh, 0);
    if (load > vehicle.capacityKWh + TOL) add({ kind: 'capacity-exceeded', vehicleId: vehicle.id, node: 0, value: load, limit: vehicle.capacityKWh });
    for (const stop of route.stops) {
      const node = instance.nodes[stop.node];
      if (node === undefined || stop.node === 0) {
        add({ kind: 'unknown-node', vehicleId: vehicle.id, value: stop.node, limit: NaN });
        continue;
      }
      if (served.has(stop.node)) add({ kind: 'site-served-twice', vehicleId: vehicle.id, node: stop.node, value: 2, limit: 1 });
      served.set(stop.node, vehicle.id);
      const d = instance.distanceKm[at]![stop.node]!;
      km += d;
      legs += 1;
      const earliest = readyH + d / vehicle.speedKmh;
      if (stop.arrivalH < earliest - TOL) add({ kind: 'arrival-too-early', vehicleId: vehicle.id, node: stop.node, value: stop.arrivalH, limit: earliest });
      if (stop.serviceStartH < stop.arrivalH - TOL) add({ kind: 'service-before-arrival', vehicleId: vehicle.id, node: stop.node, value: stop.serviceStartH, limit: stop.arrivalH });
      if (stop.serviceStartH < node.windowStartH - TOL || stop.serviceStartH > node.windowEndH + TOL) {
        add({ kind: 'outside-time-window', vehicleId: vehicle.id, node: stop.node, value: stop.serviceStartH, limit: stop.serviceStartH < node.windowStartH ? node.windowStartH : node.windowEndH });
      }
      // Site SOC decays linearly from the shift start (notes §4.2: θ_i(t) = θ_i − 0.5·(t − 8)).
      const soc = Math.max(0, node.socPct - p.socDecayPctPerH * (stop.serviceStartH - p.shiftStartH));
      if (soc > p.pickupSocThresholdPct + TOL) add({ kind: 'soc-above-threshold', vehicleId: vehicle.id, node: stop.node, value: soc, limit: p.pickupSocThresholdPct });
      const shortfall = node.requirementKWh - node.presentKWh;
      if (requireFullDemand && stop.deliveredKWh < shortfall - TOL) add({ kind: 'demand-not-met', vehicleId: vehicle.id, node: stop.node, value: stop.deliveredKWh, limit: shortfall });
      const returnable = node.presentKWh % unit;
      if (stop.pickedUpKWh > returnable + TOL) add({ kind: 'pickup-exceeds-returnable', vehicleId: vehicle.id, node: stop.node, value: stop.pickedUpKWh, limit: returnable });
      load += stop.pickedUpKWh - stop.deliveredKWh;
      if (load > vehicle.capacityKWh + TOL) add({ kind: 'capacity-exceeded', vehicleId: vehicle.id, node: stop.node, value: load, limit: vehicle.capacityKWh });
      delivered += stop.deliveredKWh;
      pickedUp += stop.pickedUpKWh;
      publishedWage += stop.arrivalH * vehicle.hourlyWage;
      readyH = stop.serviceStartH + p.serviceTimeH;
      at = stop.node;
    }
    if (route.stops.length > 0) {
      const d = instance.distanceKm[at]![0]!;
      km += d;
      legs += 1;
      publishedWage += p.shiftStartH * vehicle.hourlyWage;
      const back = readyH + d / vehicle.speedKmh;
      if (route.returnH < back - TOL) add({ kind: 'return-too-early', vehicleId: vehicle.id, value: route.returnH, limit: back });
    }
    const fuel = km * vehicle.fuelCostPerKm;
    const maintenance = km * p.maintenancePerKm;
    const toll = legs * p.tollPerLeg;
    const wages = costModel === 'published' ? publishedWage : route.stops.length > 0 ? (route.returnH - route.startH) * vehicle.hourlyWage : 0;
    perVehicle.push({ vehicleId: vehicle.id, distanceKm: km, fuelNOK: fuel, maintenanceNOK: maintenance, tollNOK: toll, wagesNOK: wages, totalNOK: fuel + maintenance + toll + wages });
  }
  for (const node of instance.nodes) {
    if (node.id === 0 || served.has(node.id)) continue;
    const reachesThreshold =
      node.socPct <= p.pickupSocThresholdPct || (p.socDecayPctPerH > 0 && p.shiftStartH + (node.socPct - p.pickupSocThresholdPct) / p.socDecayPctPerH <= node.windowEndH + TOL);
    if (reachesThreshold) add({ kind: 'unserved-required-site', node: node.id, value: node.socPct, limit: p.pickupSocThresholdPct });
  }
  const total = (f: (x: DeliveryCostBreakdown) => number): number => perVehicle.reduce((s, x) => s + f(x), 0);
  return {
    feasible: violations.length === 0,
    violations,
    costModel,
    cost: {
      distanceKm: total((x) => x.distanceKm),
      fuelNOK: total((x) => x.fuelNOK),
      maintenanceNOK: total((x) => x.maintenanceNOK),
      tollNOK: total((x) => x.tollNOK),
      wagesNOK: total((x) => x.wagesNOK),
      totalNOK: total((x) => x.totalNOK),
    },
    perVehicle,
    deliveredKWh: delivered,
    pickedUpKWh: pickedUp,
    servedSites: [...served.keys()].sort((a, b) => a - b),
  };
}
