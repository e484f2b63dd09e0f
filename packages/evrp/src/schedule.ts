import type { EvrpInstance } from './instance';
import type { EvrpRules } from './rules';
import type { EvrpRoute, Visit } from './solution';
import { chargeFully, chargePartially, closeBy, flatProfile, openAt, requireSoc, travel, delay, type SocProfile } from './soc-profile';

/** Rules turned into energy numbers for one instance. */
export interface RouteLimits {
  readonly capacity: number;
  /** Lowest SOC on arrival at customers and stations, energy units. */
  readonly minSoc: number;
  /** Highest SOC on leaving a station, energy units. */
  readonly maxCharge: number;
  readonly fullRecharge: boolean;
  readonly setupTime: number;
  readonly stationVisitCost: number;
  readonly paperObjective: boolean;
  readonly stationToStation: boolean;
}

export function routeLimits(instance: EvrpInstance, rules: EvrpRules): RouteLimits {
  const q = instance.batteryCapacity;
  return {
    capacity: q,
    minSoc: rules.minSocFraction * q,
    maxCharge: rules.maxChargeFraction * q,
    fullRecharge: rules.fullRecharge,
    setupTime: rules.stationSetupTime,
    stationVisitCost: rules.stationVisitCost,
    paperObjective: rules.objective === 'paper',
    stationToStation: rules.stationToStation,
  };
}

/**
 * Forward pass over a fixed sequence (depot first and last): the departure profile at every position,
 * or null at the first position that no charging plan can reach. Capacity is not checked here.
 */
export function forwardProfiles(instance: EvrpInstance, limits: RouteLimits, nodes: readonly number[]): { arrivals: SocProfile[]; departures: SocProfile[] } | null {
  const depot = instance.nodes[0]!;
  let dep = flatProfile(depot.readyTime, limits.capacity);
  const arrivals: SocProfile[] = [dep];
  const departures: SocProfile[] = [dep];
  for (let k = 1; k < nodes.length; k++) {
    const next = step(instance, limits, dep, nodes[k - 1]!, nodes[k]!, k === nodes.length - 1);
    if (next === null) return null;
    arrivals.push(next.arrival);
    departures.push(next.departure);
    dep = next.departure;
  }
  return { arrivals, departures };
}

/** One step of the forward pass: from the departure profile at `from` to arrival and departure profiles at `to`. */
export function step(instance: EvrpInstance, limits: RouteLimits, departure: SocProfile, from: number, to: number, last: boolean): { arrival: SocProfile; departure: SocProfile } | null {
  const node = instance.nodes[to]!;
  const moved = travel(departure, instance.travelTime(from, to), instance.energy(from, to));
  const charged = requireSoc(moved, node.kind === 'depot' ? 0 : limits.minSoc);
  if (charged === null) return null;
  const arrival = closeBy(charged, node.dueDate);
  if (arrival === null) return null;
  if (node.kind === 'depot') return last ? { arrival, departure: arrival } : null;
  if (node.kind === 'customer') return { arrival, departure: delay(openAt(arrival, node.readyTime), node.serviceTime) };
  if (!limits.stationToStation && instance.nodes[from]!.kind === 'station') return null;
  const waiting = openAt(arrival, node.readyTime);
  const departureProfile = limits.fullRecharge
    ? chargeFully(waiting, limits.setupTime, instance.inverseRechargeRate, limits.capacity)
    : chargePartially(waiting, limits.setupTime, instance.inverseRechargeRate, limits.maxCharge);
  return departureProfile === null ? null : { arrival, departure: departureProfile };
}

/** Whether some charging plan makes the sequence feasible (time windows, SOC limits, load capacity). */
export function isRouteFeasible(instance: EvrpInstance, limits: RouteLimits, nodes: readonly number[]): boolean {
  let load = 0;
  for (const i of nodes) load += instance.nodes[i]!.demand;
  return load <= instance.loadCapacity + 1e-9 && forwardProfiles(instance, limits, nodes) !== null;
}

/**
 * Energy a feasible sequence must charge, energy units. Full recharge: Σ (Q − SOC on arrival).
 * Partial: max(0, max_j (L_j + E_j) − Q) over arrivals j (E_j energy used so far, L_j the SOC floor
 * there), which a plan attains by trimming charges from the last station back.
 */
export function requiredCharge(instance: EvrpInstance, limits: RouteLimits, nodes: readonly number[]): number {
  let used = 0;
  let total = 0;
  let sinceStation = 0;
  let need = 0;
  for (let k = 1; k < nodes.length; k++) {
    const e = instance.energy(nodes[k - 1]!, nodes[k]!);
    used += e;
    sinceStation += e;
    const node = instance.nodes[nodes[k]!]!;
    need = Math.max(need, used + (node.kind === 'depot' ? 0 : limits.minSoc) - limits.capacity);
    if (node.kind === 'station') {
      total += sinceStation;
      sinceStation = 0;
    }
  }
  return limits.fullRecharge ? total : Math.max(0, need);
}

/** The route's part of the objective: distance, or travel + service + g · charge + set-up cost per station visit. */
export function routeCost(instance: EvrpInstance, limits: RouteLimits, nodes: readonly number[]): number {
  let distance = 0;
  let time = 0;
  let stationVisits = 0;
  for (let k = 1; k < nodes.length; k++) {
    distance += instance.distance(nodes[k - 1]!, nodes[k]!);
    time += instance.travelTime(nodes[k - 1]!, nodes[k]!);
    const node = instance.nodes[nodes[k]!]!;
    time += node.serviceTime;
    if (node.kind === 'station') stationVisits++;
  }
  if (!limits.paperObjective) return distance;
  return time + instance.inverseRechargeRate * requiredCharge(instance, limits, nodes) + limits.stationVisitCost * stationVisits;
}

/**
 * A concrete schedule for a feasible sequence: the charge at every station and the earliest times,
 * charging no more energy in total than needed. Null if the sequence is infeasible.
 */
export function scheduleRoute(instance: EvrpInstance, limits: RouteLimits, nodes: readonly number[]): EvrpRoute | null {
  if (!isRouteFeasible(instance, limits, nodes)) return null;
  const profiles = forwardProfiles(instance, limits, nodes)!;
  const targets = chargeTargets(instance, limits, nodes, profiles.arrivals);
  let charges = simulate(instance, limits, nodes, (k, soc) => (limits.fullRecharge ? limits.capacity - soc : Math.max(0, targets[k]! - soc))).map((v) => v.charge);
  if (!limits.fullRecharge) charges = trimCharges(instance, limits, nodes, charges);
  const visits = simulate(instance, limits, nodes, (k) => charges[k]!);
  return { visits, distance: sumDistance(instance, nodes), cost: routeCost(instance, limits, nodes) };
}

/**
 * Backward pass: the SOC each station must charge up to so that, charging "up to the target", the
 * vehicle meets every deadline the forward profiles allow (it charges ahead where that is needed).
 */
function chargeTargets(instance: EvrpInstance, limits: RouteLimits, nodes: readonly number[], arrivals: readonly SocProfile[]): number[] {
  const targets = new Array<number>(nodes.length).fill(0);
  const last = nodes.length - 1;
  let deadline = arrivals[last]!.t0;
  let required = 0;
  for (let k = last - 1; k >= 1; k--) {
    deadline -= instance.travelTime(nodes[k]!, nodes[k + 1]!);
    required += instance.energy(nodes[k]!, nodes[k + 1]!);
    const node = instance.nodes[nodes[k]!]!;
    if (node.kind === 'customer') {
      deadline = Math.min(deadline - node.serviceTime, node.dueDate);
      required = Math.max(required, limits.minSoc);
    } else {
      targets[k] = limits.fullRecharge ? limits.capacity : required;
      deadline = arrivals[k]!.t0;
      required = arrivals[k]!.s0;
    }
  }
  return targets;
}

/** Earliest-start simulation of a sequence with the charge at each position given by `chargeAt`. */
function simulate(instance: EvrpInstance, limits: RouteLimits, nodes: readonly number[], chargeAt: (k: number, soc: number) => number): Visit[] {
  let load = 0;
  for (const i of nodes) load += instance.nodes[i]!.demand;
  const depot = instance.nodes[nodes[0]!]!;
  const visits: Visit[] = [
    { id: depot.id, kind: depot.kind, arrival: depot.readyTime, start: depot.readyTime, departure: depot.readyTime, loadOnArrival: load, socOnArrival: limits.capacity, charge: 0, socOnDeparture: limits.capacity },
  ];
  let time = depot.readyTime;
  let soc = limits.capacity;
  for (let k = 1; k < nodes.length; k++) {
    const node = instance.nodes[nodes[k]!]!;
    const arrival = time + instance.travelTime(nodes[k - 1]!, nodes[k]!);
    const socOnArrival = soc - instance.energy(nodes[k - 1]!, nodes[k]!);
    const start = node.kind === 'depot' ? arrival : Math.max(arrival, node.readyTime);
    const charge = node.kind === 'station' ? chargeAt(k, socOnArrival) : 0;
    const departure = node.kind === 'station' ? start + limits.setupTime + instance.inverseRechargeRate * charge : start + node.serviceTime;
    visits.push({ id: node.id, kind: node.kind, arrival, start, departure, loadOnArrival: load, socOnArrival, charge, socOnDeparture: socOnArrival + charge });
    load -= node.demand;
    time = departure;
    soc = socOnArrival + charge;
  }
  return visits;
}

/** Lowers charges from the last station back while every later arrival keeps its SOC floor. */
function trimCharges(instance: EvrpInstance, limits: RouteLimits, nodes: readonly number[], charges: number[]): number[] {
  const trimmed = [...charges];
  for (let k = nodes.length - 2; k >= 1; k--) {
    if (!(trimmed[k]! > 0)) continue;
    const visits = simulate(instance, limits, nodes, (j) => trimmed[j]!);
    let slack = Infinity;
    for (let j = k + 1; j < nodes.length; j++) {
      const v = visits[j]!;
      slack = Math.min(slack, v.socOnArrival - (v.kind === 'depot' ? 0 : limits.minSoc));
    }
    trimmed[k] = Math.max(0, trimmed[k]! - Math.max(0, slack));
  }
  return trimmed;
}

function sumDistance(instance: EvrpInstance, nodes: readonly number[]): number {
  let d = 0;
  for (let k = 1; k < nodes.length; k++) d += instance.distance(nodes[k - 1]!, nodes[k]!);
  return d;
}
