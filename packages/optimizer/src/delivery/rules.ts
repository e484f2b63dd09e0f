import type { DeliveryInstance, DeliveryNode } from './instance';

/**
 * The service rules of the published case (shared/notes/mess-routing.md §4.1–4.2), used by the
 * models. The plan checker restates them on its own.
 */

/** Energy the site is short of (kWh): requirement − present. */
export function demandKWh(node: DeliveryNode): number {
  return node.requirementKWh - node.presentKWh;
}

/** Energy the truck can take back (kWh): present mod the delivery unit, computed as the notebook does. */
export function returnableKWh(node: DeliveryNode, unitKWh: number): number {
  return (node.presentKWh / unitKWh - Math.floor(node.presentKWh / unitKWh)) * unitKWh;
}

/**
 * How much a visit delivers: 'nearest-unit' is the published rule (demand rounded to the nearest
 * unit, at least one unit — it can deliver less than the demand, e.g. 150 kWh for 160), 'ceil-unit'
 * rounds up so the demand is always met.
 */
export type DeliveryAmountRule = 'nearest-unit' | 'ceil-unit';

/** Delivered energy under the amount rule (kWh). */
export function deliveryKWh(node: DeliveryNode, unitKWh: number, rule: DeliveryAmountRule = 'nearest-unit'): number {
  const q = demandKWh(node);
  if (rule === 'ceil-unit') return Math.max(unitKWh, Math.ceil(q / unitKWh - 1e-9) * unitKWh);
  return Math.max(unitKWh, Math.floor((q + unitKWh / 2) / unitKWh) * unitKWh);
}

/** Picked-up energy: what the site can return, at most what was delivered (kWh). */
export function pickupKWh(node: DeliveryNode, unitKWh: number, rule: DeliveryAmountRule = 'nearest-unit'): number {
  return Math.min(deliveryKWh(node, unitKWh, rule), returnableKWh(node, unitKWh));
}

/** Site SOC (%) at clock time t (h): linear decay from the shift start, floored at 0. */
export function siteSocPct(instance: DeliveryInstance, node: DeliveryNode, timeH: number): number {
  const p = instance.params;
  return Math.max(0, node.socPct - p.socDecayPctPerH * (timeH - p.shiftStartH));
}

/**
 * Earliest service start allowed by the SOC rule and the window (h): the site may be served once its
 * SOC is at or below the threshold; Infinity if the SOC never gets there.
 */
export function earliestServiceH(instance: DeliveryInstance, node: DeliveryNode): number {
  const p = instance.params;
  if (node.socPct <= p.pickupSocThresholdPct) return node.windowStartH;
  if (p.socDecayPctPerH <= 0) return Infinity;
  return Math.max(node.windowStartH, p.shiftStartH + (node.socPct - p.pickupSocThresholdPct) / p.socDecayPctPerH);
}

/** Sites whose SOC reaches the threshold within their window: the rule requires serving them. */
export function requiredSites(instance: DeliveryInstance): number[] {
  return instance.nodes.filter((node) => node.id !== 0 && earliestServiceH(instance, node) <= node.windowEndH).map((node) => node.id);
}

export function travelTimeH(instance: DeliveryInstance, vehicleIndex: number, from: number, to: number): number {
  return (instance.distanceKm[from]![to] as number) / instance.vehicles[vehicleIndex]!.speedKmh;
}
