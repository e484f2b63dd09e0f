import { InputError } from '@gridhaul/common';
import type { DeliveryInstance } from './instance';
import { deliveryKWh, earliestServiceH, pickupKWh, requiredSites, type DeliveryAmountRule } from './rules';

export interface DeliveryModelOptions {
  /** Amount delivered per visit; default 'ceil-unit' (meets every demand). */
  amountRule?: DeliveryAmountRule;
  /** Vehicles to plan with (ids); default the whole fleet. */
  vehicleIds?: readonly number[];
}

/** Parameters both exact models read (extracted once, pure; the notes' §3 symbols in comments). */
export interface DeliveryModelData {
  readonly instance: DeliveryInstance;
  readonly amountRule: DeliveryAmountRule;
  /** Sites the SOC rule requires, in node order: node id, D_i, P_i, earliest e_i and latest b_i service start. */
  readonly sites: readonly { node: number; deliverKWh: number; pickupKWh: number; earliestH: number; latestH: number }[];
  readonly vehicles: readonly { id: number; capacityKWh: number; speedKmh: number; perKmNOK: number; wageNOKPerH: number }[];
  /** Depot + required sites: nodes[0] = 0, nodes[i] = sites[i − 1].node. */
  readonly nodes: readonly number[];
  readonly distanceKm: (a: number, b: number) => number;
  /** τ (h) for vehicle k between model nodes a and b (indices into `nodes`). */
  readonly travelH: (k: number, a: number, b: number) => number;
  readonly serviceH: number;
  readonly loadingH: number;
  readonly shiftStartH: number;
  readonly tollPerLeg: number;
}

export function extractDeliveryModelData(instance: DeliveryInstance, options: DeliveryModelOptions = {}): DeliveryModelData {
  const p = instance.params;
  const amountRule = options.amountRule ?? 'ceil-unit';
  const ids = options.vehicleIds ?? instance.vehicles.map((v) => v.id);
  const vehicles = ids.map((id) => {
    const v = instance.vehicles.find((x) => x.id === id);
    if (v === undefined) throw new InputError('vehicleIds', id, `a vehicle id of ${instance.name}`);
    return { id, capacityKWh: v.capacityKWh, speedKmh: v.speedKmh, perKmNOK: v.fuelCostPerKm + p.maintenancePerKm, wageNOKPerH: v.hourlyWage };
  });
  const sites = requiredSites(instance).map((node) => {
    const n = instance.nodes[node]!;
    return {
      node,
      deliverKWh: deliveryKWh(n, p.deliveryRoundingKWh, amountRule),
      pickupKWh: pickupKWh(n, p.deliveryRoundingKWh, amountRule),
      earliestH: earliestServiceH(instance, n),
      latestH: n.windowEndH,
    };
  });
  const nodes = [0, ...sites.map((s) => s.node)];
  const distanceKm = (a: number, b: number): number => instance.distanceKm[nodes[a]!]![nodes[b]!]!;
  return {
    instance,
    amountRule,
    sites,
    vehicles,
    nodes,
    distanceKm,
    travelH: (k, a, b) => distanceKm(a, b) / vehicles[k]!.speedKmh,
    serviceH: p.serviceTimeH,
    loadingH: p.depotLoadingTimeH,
    shiftStartH: p.shiftStartH,
    tollPerLeg: p.tollPerLeg,
  };
}
