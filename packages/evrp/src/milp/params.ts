import type { EvrpInstance } from '../instance';
import type { EvrpRules } from '../rules';

/**
 * Parameters of the arc-flow MILP (Schneider et al. 2014, with the partial-recharge and SOC-limit
 * variants of Cataldo-Díaz et al. 2022), extracted from the instance without a solver: vertices
 * with station copies, tightened time windows and SOC bounds, the arcs that survive elimination,
 * and a tight big-M for every arc.
 */

export type VertexKind = 'start' | 'end' | 'customer' | 'station';

export interface Vertex {
  readonly kind: VertexKind;
  /** Index of the instance node (the depot for start and end). */
  readonly node: number;
  /** Copy number for stations (0-based), 0 otherwise. */
  readonly copy: number;
  /** Earliest and latest start of service / charging (time units), tightened. */
  readonly earliest: number;
  readonly latest: number;
  /** Lowest and highest possible SOC on arrival (energy units), tightened. */
  readonly minSoc: number;
  readonly maxSoc: number;
  readonly demand: number;
  readonly serviceTime: number;
}

export interface Arc {
  readonly from: number;
  readonly to: number;
  readonly distance: number;
  readonly time: number;
  readonly energy: number;
  /** Big-M of the time propagation row of this arc (time units). */
  readonly timeM: number;
  /** Big-M of the SOC propagation row of this arc (energy units). */
  readonly socM: number;
}

export interface MilpParams {
  readonly vertices: readonly Vertex[];
  readonly arcs: readonly Arc[];
  readonly start: number;
  readonly end: number;
  /** Vertex indices of station copies, grouped by station, copies in order. */
  readonly stationCopies: ReadonlyArray<readonly number[]>;
  readonly customers: readonly number[];
  readonly batteryCapacity: number;
  readonly loadCapacity: number;
  readonly inverseRechargeRate: number;
  /** Highest SOC on leaving a station (energy units). */
  readonly maxCharge: number;
  readonly fullRecharge: boolean;
  readonly setupTime: number;
  readonly stationVisitCost: number;
  readonly paperObjective: boolean;
  readonly maxVehicles: number | undefined;
  /** Lower bound on the fleet: total demand / capacity, or the given bound. */
  readonly minVehicles: number;
  /**
   * Customers (node ids) that no route can serve: their tightened time window or SOC range is empty
   * (e.g. under a 25 % SOC floor, too far from every station). Non-empty proves the instance infeasible.
   */
  readonly unservable: readonly number[];
  /** Arcs removed by the elimination rules (for reporting). */
  readonly eliminated: { readonly time: number; readonly capacity: number; readonly energy: number; readonly structure: number };
}

export interface ParamOptions {
  readonly maxVehicles?: number;
  /** Copies of each station (each copy visited at most once). */
  readonly stationCopies?: number;
  /** A known lower bound on the fleet (e.g. incompatibilityFleetBound). */
  readonly fleetLowerBound?: number;
}

export function extractParams(instance: EvrpInstance, rules: EvrpRules, options: ParamOptions = {}): MilpParams {
  const q = instance.batteryCapacity;
  const floor = rules.minSocFraction * q;
  const cap = rules.maxChargeFraction * q;
  const depot = instance.nodes[0]!;
  const horizon = depot.dueDate;
  const setup = rules.stationSetupTime;
  const copies = Math.max(1, options.stationCopies ?? 2);

  const raw: Array<Omit<Vertex, 'earliest' | 'latest' | 'minSoc' | 'maxSoc'>> = [];
  raw.push({ kind: 'start', node: 0, copy: 0, demand: 0, serviceTime: 0 });
  for (const c of instance.customers) raw.push({ kind: 'customer', node: c, copy: 0, demand: instance.nodes[c]!.demand, serviceTime: instance.nodes[c]!.serviceTime });
  const stationCopies: number[][] = [];
  for (const s of instance.stations) {
    const group: number[] = [];
    for (let k = 0; k < copies; k++) {
      group.push(raw.length);
      raw.push({ kind: 'station', node: s, copy: k, demand: 0, serviceTime: 0 });
    }
    stationCopies.push(group);
  }
  raw.push({ kind: 'end', node: 0, copy: 0, demand: 0, serviceTime: 0 });

  // Tightened windows: reachable from the depot in time, and able to get back before the horizon.
  // SOC bounds: a customer must be reachable from a charge point and reach one (or the depot) after.
  const vertices: Vertex[] = raw.map((v) => {
    const node = instance.nodes[v.node]!;
    if (v.kind === 'start') return { ...v, earliest: depot.readyTime, latest: depot.readyTime, minSoc: q, maxSoc: q };
    if (v.kind === 'end') return { ...v, earliest: depot.readyTime + 0, latest: horizon, minSoc: 0, maxSoc: q };
    const earliest = Math.max(node.readyTime, depot.readyTime + instance.travelTime(0, v.node));
    const latest = Math.min(node.dueDate, horizon - v.serviceTime - (v.kind === 'station' ? setup : 0) - instance.travelTime(v.node, 0));
    // Highest SOC on arrival: full from the depot, or at most the charge ceiling from the nearest
    // station (a station is its own predecessor only through a customer and back).
    const leaveStation = rules.fullRecharge ? q : cap;
    const loop = v.kind === 'station' ? 2 * Math.min(...instance.customers.map((c) => instance.energy(v.node, c))) : Infinity;
    const fromStation = Math.min(loop, ...instance.stations.filter((f) => f !== v.node).map((f) => instance.energy(f, v.node)));
    const maxSoc = Math.max(v.node === 0 ? q : q - instance.energy(0, v.node), leaveStation - fromStation);
    if (v.kind === 'station') return { ...v, earliest, latest, minSoc: floor, maxSoc: rules.fullRecharge ? maxSoc : Math.min(maxSoc, cap) };
    // Lowest SOC on arrival: enough to reach the depot, or a station with the floor left.
    const toCharge = Math.min(instance.energy(v.node, 0), ...instance.stations.map((f) => floor + instance.energy(v.node, f)));
    return { ...v, earliest, latest, minSoc: Math.max(floor, toCharge), maxSoc };
  });
  // A vertex whose window or SOC range is empty cannot be visited: a station loses its arcs, a
  // customer makes the instance infeasible. Bounds are collapsed so the model stays well-formed.
  const empty = vertices.map((v) => v.earliest > v.latest + 1e-9 || v.minSoc > v.maxSoc + 1e-9);
  const unservable = vertices.flatMap((v, i) => (empty[i] && v.kind === 'customer' ? [v.node] : []));
  vertices.forEach((v, i) => {
    if (empty[i]) vertices[i] = { ...v, latest: Math.max(v.earliest, v.latest), maxSoc: Math.max(v.minSoc, v.maxSoc) };
  });

  const eliminated = { time: 0, capacity: 0, energy: 0, structure: 0 };
  const arcs: Arc[] = [];
  const end = vertices.length - 1;
  for (let i = 0; i < vertices.length; i++) {
    const a = vertices[i]!;
    if (a.kind === 'end') continue;
    for (let j = 1; j < vertices.length; j++) {
      if (i === j) continue;
      const b = vertices[j]!;
      const d = instance.distance(a.node, b.node);
      const structural =
        (a.kind === 'start' && b.kind === 'end') ||
        (a.kind === 'station' && b.kind === 'station' && (!rules.stationToStation || a.node === b.node)) ||
        // Charging at the depot's own station right after leaving or right before returning is pointless.
        (d === 0 && (a.kind === 'start' || b.kind === 'end'));
      if (structural) {
        eliminated.structure++;
        continue;
      }
      if (empty[i] || empty[j]) {
        eliminated.energy++;
        continue;
      }
      const t = instance.travelTime(a.node, b.node);
      const e = instance.energy(a.node, b.node);
      // Leaving a: service, set-up, and for a full recharge at least the charge from a's highest arrival SOC.
      const minCharge = a.kind === 'station' && rules.fullRecharge ? instance.inverseRechargeRate * (q - a.maxSoc) : 0;
      const leaveEarliest = a.earliest + a.serviceTime + (a.kind === 'station' ? setup : 0) + minCharge;
      const leaveLatest = a.latest + a.serviceTime + (a.kind === 'station' ? setup + instance.inverseRechargeRate * ((rules.fullRecharge ? q : cap) - a.minSoc) : 0);
      if (leaveEarliest + t > b.latest + 1e-9) {
        eliminated.time++;
        continue;
      }
      if (a.demand + b.demand > instance.loadCapacity + 1e-9) {
        eliminated.capacity++;
        continue;
      }
      const socLeaving = a.kind === 'start' ? q : a.kind === 'station' ? (rules.fullRecharge ? q : cap) : a.maxSoc;
      if (socLeaving - e < b.minSoc - 1e-9) {
        eliminated.energy++;
        continue;
      }
      arcs.push({
        from: i,
        to: j,
        distance: d,
        time: t,
        energy: e,
        timeM: Math.max(0, leaveLatest + t - b.earliest),
        socM: Math.max(0, b.maxSoc - a.minSoc + e),
      });
    }
  }
  const totalDemand = instance.customers.reduce((s, c) => s + instance.nodes[c]!.demand, 0);
  return {
    vertices,
    arcs,
    start: 0,
    end,
    stationCopies,
    customers: vertices.flatMap((v, i) => (v.kind === 'customer' ? [i] : [])),
    batteryCapacity: q,
    loadCapacity: instance.loadCapacity,
    inverseRechargeRate: instance.inverseRechargeRate,
    maxCharge: cap,
    fullRecharge: rules.fullRecharge,
    setupTime: setup,
    stationVisitCost: rules.stationVisitCost,
    paperObjective: rules.objective === 'paper',
    maxVehicles: options.maxVehicles,
    minVehicles: Math.max(1, options.fleetLowerBound ?? 1, Math.ceil(totalDemand / instance.loadCapacity - 1e-9)),
    unservable,
    eliminated,
  };
}
