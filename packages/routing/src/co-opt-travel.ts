import { DirectedGraph } from 'graphology';
import { InputError, requireNonNegative } from '@gridhaul/common';
import type { CoOptNetwork, CoOptTruck } from './co-opt-data';
import type { TrafficModel } from './compile';
import type { RoadEdgeAttributes, RoadGraph, RoadSegment } from './model';
import { speedProfile, traverseH, type SpeedProfile } from './speed-profile';
import { coOptEnergyPerKm, type CoOptTruckEnergy } from './vehicle';

/** The morning time segment of the data set: 07:00 ≤ t < 12:00 (h); every other time is "evening". */
export const CO_OPT_MORNING_H: readonly [number, number] = Object.freeze([7, 12]);
/** Every leg's first 2 km lie in zone 1; the rest is split equally between zones 2 and 3. */
export const CO_OPT_ZONE1_KM = 2;
/** Per-km rates of the notebooks' leg cost `calculate_route_cost` (USD). */
export const CO_OPT_COST_RATES = Object.freeze({ electricityUsdPerKWh: 0.2, tollUsdPerKm: 0.2, maintenanceUsdPerKm: 0.21 });

/**
 * How the traffic index applies over a leg: 'at-departure' (the notebooks: the index in force when
 * the leg starts applies to the whole leg, so a leg leaving at 06:59 is slower than one leaving at
 * 07:00 and can arrive later — not FIFO) or 'integrated' (the zones are driven in order 1, 2, 3 and
 * each stretch's speed follows the clock, FIFO).
 */
export type CoOptClock = 'at-departure' | 'integrated';

export interface CoOptLeg {
  readonly from: number;
  readonly to: number;
  readonly distanceKm: number;
  readonly gradePercent: number;
  readonly departureH: number;
  readonly travelTimeH: number;
  readonly arrivalH: number;
  /** e_km·d + a_k + m·g·sin(grade/100)·d/3600 (kWh); negative when the descent recovers more. */
  readonly energyKWh: number;
  /** The notebooks' `calculate_route_cost`: d·e_km·0.20 + 0.20·d + 0.21·d + wage·t (USD). */
  readonly operationalCostUsd: number;
}

/**
 * Travel time, energy and operational cost of the direct road `from → to` of a Co-OPT_MESS network
 * for one truck leaving at `departureH` (hours from midnight), as the data set's notebooks compute
 * them (shared/notes/co-opt-mess.md §2, items 1–3; `calculate_travel_time`,
 * `calculate_final_soc`/`calculate_gradient_soc_change`, `calculate_route_cost`):
 *
 * - time: t = Σ_z d_z / (v_truck · I_z(t)), d_1 = min(2, d), d_2 = d_3 = max(0, d − 2)/2,
 *   I_z = morning index for 07:00 ≤ t < 12:00, else evening index (no wrap past 24 h);
 * - energy of the 50 t truck: E = e_km·d + a_k + m·9.8·sin(grade%/100)·d/3600 kWh, grade from the
 *   terrain file (listed arc, reverse negated, else 0), full recovery downhill;
 *   the notebooks' noise term ε ~ N(0, 0.01 kWh) is left out;
 * - cost: the notebooks' leg cost with electricity at 0.20 USD/kWh on e_km·d only.
 *
 * `from === to` is a 0 km leg that still costs a_k, as in the notebooks' "via charging site" legs
 * where the site is the start. Returns null when the CSV has no road (-1).
 */
export function coOptLeg(network: CoOptNetwork, from: number, to: number, departureH: number, truck: CoOptTruck, clock: CoOptClock = 'at-departure'): CoOptLeg | null {
  const n = network.nodeIds.length;
  for (const [field, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new InputError(field, v, `a node id in 0..${n - 1}`);
  }
  requireNonNegative('departureH', departureH);
  const d = network.distanceKm[from]?.[to] ?? null;
  if (d === null) return null;
  const grade = network.gradePercent[from]?.[to] ?? 0;
  const travelTimeH = clock === 'at-departure' ? timeAtDepartureIndex(network, d, truck.speedKmh, departureH) : timeIntegrated(network, d, truck.speedKmh, departureH);
  const energyKWh = d * coOptEnergyPerKm(coOptTruckEnergy(truck), grade) + truck.auxPerLegKWh;
  const r = CO_OPT_COST_RATES;
  const operationalCostUsd = d * truck.energyPerKmKWh * r.electricityUsdPerKWh + r.tollUsdPerKm * d + r.maintenanceUsdPerKm * d + truck.wageUsdPerH * travelTimeH;
  return { from, to, distanceKm: d, gradePercent: grade, departureH, travelTimeH, arrivalH: departureH + travelTimeH, energyKWh, operationalCostUsd };
}

export interface CoOptLegMatrix {
  readonly departureH: number;
  /** [from][to]; null where there is no direct road. */
  readonly travelTimeH: (number | null)[][];
  readonly energyKWh: (number | null)[][];
  readonly distanceKm: (number | null)[][];
  readonly operationalCostUsd: (number | null)[][];
}

/** coOptLeg for every ordered pair (diagonal included) at one departure time. */
export function coOptLegMatrix(network: CoOptNetwork, departureH: number, truck: CoOptTruck, clock: CoOptClock = 'at-departure'): CoOptLegMatrix {
  const ids = network.nodeIds.map((_, i) => i);
  const legs = ids.map((i) => ids.map((j) => coOptLeg(network, i, j, departureH, truck, clock)));
  const pick = (f: (l: CoOptLeg) => number): (number | null)[][] => legs.map((row) => row.map((l) => (l === null ? null : f(l))));
  return {
    departureH,
    travelTimeH: pick((l) => l.travelTimeH),
    energyKWh: pick((l) => l.energyKWh),
    distanceKm: pick((l) => l.distanceKm),
    operationalCostUsd: pick((l) => l.operationalCostUsd),
  };
}

/** The truck as the generic engine's Co-OPT energy model. */
export function coOptTruckEnergy(truck: CoOptTruck): CoOptTruckEnergy {
  return { model: 'co-opt', massKg: truck.massKg, energyPerKmKWh: truck.energyPerKmKWh, auxPerLegKWh: truck.auxPerLegKWh };
}

/** Speed profiles of zones '1', '2', '3': morning index 07–12, evening index otherwise, no daily wrap. */
export function coOptTrafficModel(network: CoOptNetwork): TrafficModel {
  const byZone: Record<string, SpeedProfile> = {};
  network.trafficIndex.forEach((z, i) => {
    byZone[String(i + 1)] = zoneProfile(z.morning, z.evening);
  });
  return { byZone };
}

/**
 * The network as a road graph for the generic searches: nodes '0'..'n-1' (no coordinates), one edge
 * per direct road with the truck's speed as free-flow speed and zone segments 1, 2, 3 carrying
 * the arc's grade. With coOptTrafficModel it reproduces coOptLeg(..., 'integrated').
 */
export function coOptRoadGraph(network: CoOptNetwork, truckSpeedKmh: number): RoadGraph {
  const graph: RoadGraph = new DirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ crs: 'none', name: `co-opt-mess ${network.nodeIds.length}-node` });
  network.nodeIds.forEach((id) => graph.addNode(String(id)));
  network.distanceKm.forEach((row, i) =>
    row.forEach((d, j) => {
      if (i === j || d === null) return;
      if (!(d > 0)) throw new InputError(`distanceKm[${i}][${j}]`, d, 'a positive distance for a road between two nodes');
      const grade = network.gradePercent[i]?.[j] ?? 0;
      const segments: RoadSegment[] = zoneSplit(d).map(([zone, km]) => ({ lengthKm: km, zone, gradePercent: grade }));
      const edge: RoadEdgeAttributes = { lengthKm: d, freeFlowSpeedKmh: truckSpeedKmh, gradePercent: grade, segments };
      graph.addDirectedEdgeWithKey(`${i}->${j}`, String(i), String(j), edge);
    }),
  );
  return graph;
}

function zoneSplit(d: number): [string, number][] {
  const z1 = Math.min(CO_OPT_ZONE1_KM, d);
  const rest = Math.max(0, d - CO_OPT_ZONE1_KM) / 2;
  return (
    [
      ['1', z1],
      ['2', rest],
      ['3', rest],
    ] as [string, number][]
  ).filter(([, km]) => km > 0);
}

function zoneProfile(morning: number, evening: number): SpeedProfile {
  return speedProfile([0, CO_OPT_MORNING_H[0], CO_OPT_MORNING_H[1]], [evening, morning, evening]);
}

function timeAtDepartureIndex(network: CoOptNetwork, d: number, speedKmh: number, departureH: number): number {
  const morning = departureH >= CO_OPT_MORNING_H[0] && departureH < CO_OPT_MORNING_H[1];
  return zoneSplit(d).reduce((t, [zone, km]) => {
    const z = network.trafficIndex[Number(zone) - 1] as { morning: number; evening: number };
    return t + km / (speedKmh * (morning ? z.morning : z.evening));
  }, 0);
}

function timeIntegrated(network: CoOptNetwork, d: number, speedKmh: number, departureH: number): number {
  let t = departureH;
  for (const [zone, km] of zoneSplit(d)) {
    const z = network.trafficIndex[Number(zone) - 1] as { morning: number; evening: number };
    t = traverseH(zoneProfile(z.morning, z.evening), km, speedKmh, t);
  }
  return t - departureH;
}
