import { InputError, requireNonNegative } from '@gridhaul/common';
import type { CompiledNetwork } from './compile';
import { EdgeTraverser } from './edge-traversal';
import type { CostRates, Objective, SearchMethod } from './search';
import type { VehicleEnergyModel } from './vehicle';

export interface RouteLeg {
  readonly edge: string;
  readonly from: string;
  readonly to: string;
  readonly entryH: number;
  readonly exitH: number;
  readonly distanceKm: number;
  /** null without a vehicle. */
  readonly energyKWh: number | null;
  readonly tollUsd: number;
}

/** A route with its totals; times are hours from midnight of the departure day. */
export interface RouteResult {
  /** What the route minimises ('given' for a route evaluated as given). */
  readonly objective: Objective | 'given';
  readonly method: SearchMethod | 'given';
  readonly nodes: readonly string[];
  readonly legs: readonly RouteLeg[];
  readonly departureH: number;
  readonly arrivalH: number;
  readonly travelTimeH: number;
  readonly distanceKm: number;
  readonly energyKWh: number | null;
  /** Generalized cost (USD), null without rates and a vehicle. */
  readonly costUsd: number | null;
}

export interface EvaluationOptions {
  readonly vehicle?: VehicleEnergyModel;
  readonly rates?: CostRates;
}

/** Evaluates compiled edges driven in order from departureH. */
export function evaluateEdgePath(
  net: CompiledNetwork,
  edges: readonly number[],
  source: number,
  departureH: number,
  options: EvaluationOptions,
  objective: Objective | 'given',
  method: SearchMethod | 'given',
): RouteResult {
  const traverser = new EdgeTraverser(net, options.vehicle ?? null);
  const withEnergy = options.vehicle !== undefined;
  const nodes = [net.nodeKeys[source] as string];
  const legs: RouteLeg[] = [];
  let t = departureH;
  let distanceKm = 0;
  let energyKWh = 0;
  let tollUsd = 0;
  for (const e of edges) {
    const exit = withEnergy ? traverser.traverse(e, t) : traverser.exitTimeH(e, t);
    const from = net.nodeKeys[net.edgeSource[e] as number] as string;
    const to = net.nodeKeys[net.edgeTarget[e] as number] as string;
    const length = net.edgeLengthKm[e] as number;
    const toll = net.edgeTollUsd[e] as number;
    legs.push({ edge: net.edgeKeys[e] as string, from, to, entryH: t, exitH: exit, distanceKm: length, energyKWh: withEnergy ? traverser.energyKWh : null, tollUsd: toll });
    nodes.push(to);
    distanceKm += length;
    tollUsd += toll;
    if (withEnergy) energyKWh += traverser.energyKWh;
    t = exit;
  }
  const travelTimeH = t - departureH;
  const rates = options.rates;
  const costUsd =
    rates !== undefined && withEnergy ? rates.wageUsdPerH * travelTimeH + rates.energyPriceUsdPerKWh * energyKWh + rates.perKmUsd * distanceKm + tollUsd : null;
  return { objective, method, nodes, legs, departureH, arrivalH: t, travelTimeH, distanceKm, energyKWh: withEnergy ? energyKWh : null, costUsd };
}

/** Evaluates a route given as node ids (consecutive nodes must be joined by an edge). */
export function evaluateRoute(net: CompiledNetwork, nodes: readonly string[], departureH: number, options: EvaluationOptions = {}): RouteResult {
  requireNonNegative('departureH', departureH);
  if (nodes.length === 0) throw new InputError('nodes', nodes, 'at least one node');
  const idx = nodes.map((id, i) => nodeIndexOf(net, `nodes[${i}]`, id));
  const edges: number[] = [];
  for (let i = 0; i + 1 < idx.length; i++) {
    const u = idx[i] as number;
    const v = idx[i + 1] as number;
    let found = -1;
    for (let e = net.outStart[u] as number; e < (net.outStart[u + 1] as number); e++) if (net.edgeTarget[e] === v) found = e;
    if (found < 0) throw new InputError(`nodes[${i + 1}]`, nodes[i + 1], `a node joined to ${nodes[i]} by an edge`);
    edges.push(found);
  }
  return evaluateEdgePath(net, edges, idx[0] as number, departureH, options, 'given', 'given');
}

export function nodeIndexOf(net: CompiledNetwork, field: string, id: string): number {
  const i = net.nodeIndex.get(id);
  if (i === undefined) throw new InputError(field, id, 'a node of the network');
  return i;
}
