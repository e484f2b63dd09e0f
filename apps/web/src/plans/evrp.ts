import { field, isObject, list, num, str, type Json } from './read';

export interface EvrpNode {
  id: string;
  kind: 'depot' | 'customer' | 'station';
  x: number;
  y: number;
}

export interface EvrpVisitView {
  id: string;
  kind: EvrpNode['kind'];
  arrival: number;
  departure: number;
  socOnArrival: number;
  socOnDeparture: number;
  charge: number;
}

export interface EvrpView {
  nodes: Map<string, EvrpNode>;
  routes: Array<{ visits: EvrpVisitView[]; distance?: number | undefined }>;
  /** Battery capacity Q (energy units of the instance), when known. */
  batteryCapacity?: number | undefined;
}

function kindOf(v: Json): EvrpNode['kind'] {
  const k = str(v, 'kind', 'type') ?? '';
  if (k === 'd' || k.startsWith('depot')) return 'depot';
  if (k === 'f' || k.startsWith('station') || k.startsWith('recharg')) return 'station';
  return 'customer';
}

/**
 * Reads an E-VRPTW plan: @gridhaul/evrp's `EvrpSolution` (`routes[].visits[]` with arrival,
 * departure, socOnArrival, charge, socOnDeparture) plus the instance's `nodes[]` (id, kind, x, y)
 * either beside it or under `instance`.
 */
export function readEvrpPlan(plan: Json): EvrpView {
  const solution = isObject(field(plan, 'solution')) ? field(plan, 'solution') : plan;
  const instance = isObject(field(plan, 'instance')) ? field(plan, 'instance') : plan;
  const nodes = new Map<string, EvrpNode>();
  for (const n of list(instance, 'nodes')) {
    const id = str(n, 'id', 'name');
    const x = num(n, 'x');
    const y = num(n, 'y');
    if (id !== undefined && x !== undefined && y !== undefined) nodes.set(id, { id, kind: kindOf(n), x, y });
  }
  const routes = list(solution, 'routes').map((r) => ({
    distance: num(r, 'distance'),
    visits: list(r, 'visits').map((v) => {
      const id = str(v, 'id') ?? '?';
      const arrival = num(v, 'arrival') ?? NaN;
      const socOnArrival = num(v, 'socOnArrival') ?? NaN;
      return {
        id,
        kind: nodes.get(id)?.kind ?? kindOf(v),
        arrival,
        departure: num(v, 'departure') ?? arrival,
        socOnArrival,
        socOnDeparture: num(v, 'socOnDeparture') ?? socOnArrival,
        charge: num(v, 'charge') ?? 0,
      };
    }),
  }));
  return { nodes, routes: routes.filter((r) => r.visits.length > 0), batteryCapacity: num(instance, 'batteryCapacity', 'Q') };
}

/** SOC along a route as a step curve: arrival SOC at arrival, departure SOC at departure. */
export function socAlongRoute(visits: readonly EvrpVisitView[]): Array<{ tH: number; value: number }> {
  return visits.flatMap((v) => [
    { tH: v.arrival, value: v.socOnArrival },
    { tH: v.departure, value: v.socOnDeparture },
  ]);
}
