import { requireNonNegative } from '@gridhaul/common';
import type { CompiledNetwork } from './compile';
import { evaluateEdgePath, nodeIndexOf, type RouteResult } from './route';
import { checkRoute } from './route-check';
import { searchFrom, type CostRates, type Objective } from './search';
import type { VehicleEnergyModel } from './vehicle';

export interface RouteQuery {
  readonly from: string;
  readonly to: string;
  /** Hours from midnight of the departure day (≥ 0). */
  readonly departureH: number;
  /** Adds energy (and with rates, cost) to the result; required for energy and cost objectives. */
  readonly vehicle?: VehicleEnergyModel;
  readonly rates?: CostRates;
}

/** Time-dependent earliest-arrival route (A* when the network has coordinates); null if unreachable. */
export function earliestArrival(net: CompiledNetwork, query: RouteQuery): RouteResult | null {
  return bestRoute(net, query, 'time');
}

/** Minimum battery-energy route for `query.vehicle`; null if unreachable. */
export function minimumEnergy(net: CompiledNetwork, query: RouteQuery & { vehicle: VehicleEnergyModel }): RouteResult | null {
  return bestRoute(net, query, 'energy');
}

/** Minimum generalized-cost route: wage × time + price × kWh + per-km cost + tolls; null if unreachable. */
export function minimumCost(net: CompiledNetwork, query: RouteQuery & { vehicle: VehicleEnergyModel; rates: CostRates }): RouteResult | null {
  return bestRoute(net, query, 'cost');
}

function bestRoute(net: CompiledNetwork, query: RouteQuery, objective: Objective): RouteResult | null {
  requireNonNegative('departureH', query.departureH);
  const source = nodeIndexOf(net, 'from', query.from);
  const target = nodeIndexOf(net, 'to', query.to);
  const spec = {
    objective,
    ...(query.vehicle === undefined ? {} : { vehicle: query.vehicle }),
    ...(query.rates === undefined ? {} : { rates: query.rates }),
  };
  const tree = searchFrom(net, spec, source, query.departureH, [target]);
  if (!tree.reached(target)) return null;
  const options = { ...(query.vehicle === undefined ? {} : { vehicle: query.vehicle }), ...(query.rates === undefined ? {} : { rates: query.rates }) };
  const route = evaluateEdgePath(net, tree.pathEdges(target), source, query.departureH, options, objective, tree.method);
  checkRoute({ graph: net.graph, traffic: net.traffic, ...options }, route, query.from, query.to);
  return route;
}
