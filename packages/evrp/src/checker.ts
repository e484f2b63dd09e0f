import type { EvrpInstance, EvrpNode } from './instance';
import type { EvrpRules } from './rules';

/**
 * Independent solution checker. It reads only the instance's node table and parameters and the
 * rules, recomputes distances, times, loads and SOC itself (it shares no code with the models,
 * the schedule builder or the heuristic), and recomputes the objective.
 */

/** What the checker needs from a stop: the node id and, at stations, the energy charged. Other fields, if present, are compared with its own numbers. */
export interface CheckedVisit {
  readonly id: string;
  readonly charge?: number;
  readonly arrival?: number;
  readonly start?: number;
  readonly departure?: number;
  readonly loadOnArrival?: number;
  readonly socOnArrival?: number;
  readonly socOnDeparture?: number;
}

export interface CheckedSolution {
  readonly routes: ReadonlyArray<{ readonly visits: readonly CheckedVisit[] }>;
  readonly objective?: number;
  readonly vehicles?: number;
  readonly distance?: number;
}

export type ViolationTag =
  | 'ROUTE_ENDS'
  | 'UNKNOWN_NODE'
  | 'DEPOT_INSIDE_ROUTE'
  | 'CUSTOMER_MISSING'
  | 'CUSTOMER_REPEATED'
  | 'CAPACITY'
  | 'TIME_WINDOW'
  | 'SOC_BELOW_MIN'
  | 'SOC_ABOVE_MAX'
  | 'CHARGE_INVALID'
  | 'CHARGE_NOT_FULL'
  | 'STATION_TO_STATION'
  | 'FLEET_SIZE'
  | 'REPORTED_MISMATCH';

export interface Violation {
  readonly tag: ViolationTag;
  /** Route index, −1 for solution-wide violations. */
  readonly route: number;
  /** Position inside the route, when it applies. */
  readonly position?: number;
  readonly message: string;
}

export interface CheckReport {
  readonly feasible: boolean;
  readonly violations: readonly Violation[];
  readonly vehicles: number;
  readonly distance: number;
  /** Distance, or the paper's total time: travel + service + g · charge + set-up cost per station visit. */
  readonly objective: number;
}

export interface CheckOptions {
  readonly maxVehicles?: number;
  /** Absolute tolerance on times, SOC and loads. */
  readonly tolerance?: number;
}

export function checkSolution(instance: EvrpInstance, rules: EvrpRules, solution: CheckedSolution, options: CheckOptions = {}): CheckReport {
  const tol = options.tolerance ?? 1e-6;
  const byId = new Map<string, EvrpNode>(instance.nodes.map((n) => [n.id, n]));
  const depot = instance.nodes.find((n) => n.kind === 'depot') as EvrpNode;
  const q = instance.batteryCapacity;
  const socFloor = rules.minSocFraction * q;
  const chargeCeiling = rules.maxChargeFraction * q;
  const violations: Violation[] = [];
  const served = new Map<string, number>();
  let vehicles = 0;
  let distance = 0;
  let objective = 0;

  const compare = (route: number, position: number, what: string, reported: number | undefined, actual: number): void => {
    if (reported !== undefined && !(Math.abs(reported - actual) <= tol * Math.max(1, Math.abs(actual)))) {
      violations.push({ tag: 'REPORTED_MISMATCH', route, position, message: `${what}: reported ${reported}, recomputed ${actual}` });
    }
  };

  solution.routes.forEach((route, r) => {
    const visits = route.visits;
    const nodes = visits.map((v) => byId.get(v.id));
    const unknown = nodes.findIndex((n) => n === undefined);
    if (unknown >= 0) {
      violations.push({ tag: 'UNKNOWN_NODE', route: r, position: unknown, message: `no node ${visits[unknown]?.id}` });
      return;
    }
    const path = nodes as EvrpNode[];
    if (path.length < 2 || path[0]!.kind !== 'depot' || path[path.length - 1]!.kind !== 'depot') {
      violations.push({ tag: 'ROUTE_ENDS', route: r, message: 'a route starts and ends at the depot' });
      return;
    }
    if (path.length === 2) return;
    vehicles++;
    const firstDeparture = visits[0]!.departure ?? depot.readyTime;
    if (firstDeparture < depot.readyTime - tol) violations.push({ tag: 'TIME_WINDOW', route: r, position: 0, message: `leaves the depot at ${firstDeparture}, before ${depot.readyTime}` });
    let load = path.reduce((s, n) => s + (n.kind === 'customer' ? n.demand : 0), 0);
    if (load > instance.loadCapacity + tol) violations.push({ tag: 'CAPACITY', route: r, message: `load ${load} exceeds capacity ${instance.loadCapacity}` });
    let time = firstDeparture;
    let soc = q;
    compare(r, 0, 'load on leaving the depot', visits[0]!.loadOnArrival, load);
    compare(r, 0, 'SOC on leaving the depot', visits[0]!.socOnDeparture, q);
    for (let k = 1; k < path.length; k++) {
      const prev = path[k - 1]!;
      const node = path[k]!;
      const visit = visits[k]!;
      const d = Math.sqrt((prev.x - node.x) ** 2 + (prev.y - node.y) ** 2);
      distance += d;
      const travel = d / instance.velocity;
      objective += rules.objective === 'paper' ? travel : d;
      const arrival = time + travel;
      const socOnArrival = soc - instance.consumptionRate * d;
      const charge = visit.charge ?? 0;
      compare(r, k, `arrival at ${node.id}`, visit.arrival, arrival);
      compare(r, k, `SOC on arrival at ${node.id}`, visit.socOnArrival, socOnArrival);
      compare(r, k, `load on arrival at ${node.id}`, visit.loadOnArrival, load);
      if (node.kind === 'depot' && k < path.length - 1) violations.push({ tag: 'DEPOT_INSIDE_ROUTE', route: r, position: k, message: 'the depot appears inside a route (recharge at the depot through its station)' });
      const floor = node.kind === 'depot' ? 0 : socFloor;
      if (socOnArrival < floor - tol) violations.push({ tag: 'SOC_BELOW_MIN', route: r, position: k, message: `SOC ${socOnArrival} on arrival at ${node.id}, below ${floor}` });
      if (arrival > node.dueDate + tol) violations.push({ tag: 'TIME_WINDOW', route: r, position: k, message: `arrives at ${node.id} at ${arrival}, after its due date ${node.dueDate}` });
      const start = Math.max(arrival, node.kind === 'depot' ? arrival : node.readyTime);
      compare(r, k, `start at ${node.id}`, visit.start, start);
      if (node.kind !== 'station' && charge !== 0) violations.push({ tag: 'CHARGE_INVALID', route: r, position: k, message: `charge ${charge} at ${node.id}, which is not a station` });
      let departure = start + node.serviceTime;
      let socOnDeparture = socOnArrival;
      if (node.kind === 'customer') {
        served.set(node.id, (served.get(node.id) ?? 0) + 1);
        objective += rules.objective === 'paper' ? node.serviceTime : 0;
        load -= node.demand;
      } else if (node.kind === 'station') {
        if (!rules.stationToStation && prev.kind === 'station') violations.push({ tag: 'STATION_TO_STATION', route: r, position: k, message: `${prev.id} → ${node.id}: no station-to-station arcs in this model` });
        if (!Number.isFinite(charge) || charge < -tol) violations.push({ tag: 'CHARGE_INVALID', route: r, position: k, message: `charge ${charge} at ${node.id}` });
        socOnDeparture = socOnArrival + charge;
        if (rules.fullRecharge && Math.abs(socOnDeparture - q) > tol) violations.push({ tag: 'CHARGE_NOT_FULL', route: r, position: k, message: `leaves ${node.id} with ${socOnDeparture}, not the full ${q}` });
        if (socOnDeparture > chargeCeiling + tol) violations.push({ tag: 'SOC_ABOVE_MAX', route: r, position: k, message: `leaves ${node.id} with ${socOnDeparture}, above ${chargeCeiling}` });
        const chargingTime = instance.inverseRechargeRate * charge;
        departure = start + rules.stationSetupTime + chargingTime;
        if (rules.objective === 'paper') objective += chargingTime + rules.stationVisitCost;
      }
      if (socOnDeparture > q + tol) violations.push({ tag: 'SOC_ABOVE_MAX', route: r, position: k, message: `SOC ${socOnDeparture} above the capacity ${q}` });
      compare(r, k, `SOC on leaving ${node.id}`, visit.socOnDeparture, socOnDeparture);
      if (k < path.length - 1) compare(r, k, `departure from ${node.id}`, visit.departure, departure);
      time = departure;
      soc = socOnDeparture;
    }
  });

  for (const c of instance.nodes) {
    if (c.kind !== 'customer') continue;
    const times = served.get(c.id) ?? 0;
    if (times === 0) violations.push({ tag: 'CUSTOMER_MISSING', route: -1, message: `customer ${c.id} is not served` });
    if (times > 1) violations.push({ tag: 'CUSTOMER_REPEATED', route: -1, message: `customer ${c.id} is served ${times} times` });
  }
  if (options.maxVehicles !== undefined && vehicles > options.maxVehicles) {
    violations.push({ tag: 'FLEET_SIZE', route: -1, message: `${vehicles} vehicles, at most ${options.maxVehicles} allowed` });
  }
  compare(-1, -1, 'objective', solution.objective, objective);
  compare(-1, -1, 'distance', solution.distance, distance);
  if (solution.vehicles !== undefined && solution.vehicles !== vehicles) {
    violations.push({ tag: 'REPORTED_MISMATCH', route: -1, message: `vehicles: reported ${solution.vehicles}, counted ${vehicles}` });
  }
  return { feasible: violations.length === 0, violations, vehicles, distance, objective };
}
