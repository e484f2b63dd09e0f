import { GridHaulError } from '@gridhaul/common';
import type { TrafficModel } from './compile';
import type { RoadEdgeAttributes, RoadGraph, RoadNodeAttributes } from './model';
import type { RouteResult } from './route';
import type { CostRates } from './search';
import type { SpeedProfile } from './speed-profile';
import { batteryEnergyPerKmKWh, legFixedEnergyKWh, type VehicleEnergyModel } from './vehicle';

export interface RouteCheckContext {
  readonly graph: RoadGraph;
  readonly traffic: TrafficModel;
  readonly vehicle?: VehicleEnergyModel;
  readonly rates?: CostRates;
}

/**
 * Independent check of a route against the graphology graph itself (not the compiled arrays the
 * searches use): the legs follow real edges from the origin to the destination, and time, distance,
 * energy and cost are recomputed here leg by leg with a separately written time integration.
 * Throws GridHaulError('ROUTE_CHECK_FAILED') on any mismatch.
 */
export function checkRoute(ctx: RouteCheckContext, route: RouteResult, from: string, to: string): void {
  const fail = (what: string): never => {
    throw new GridHaulError('ROUTE_CHECK_FAILED', `route ${from} -> ${to}: ${what}`);
  };
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));
  const { graph } = ctx;
  if (route.nodes[0] !== from || route.nodes[route.nodes.length - 1] !== to) fail(`nodes run ${route.nodes[0]} -> ${route.nodes[route.nodes.length - 1]}`);
  if (route.legs.length !== route.nodes.length - 1) fail(`${route.legs.length} legs for ${route.nodes.length} nodes`);
  let t = route.departureH;
  let km = 0;
  let kWh = 0;
  let tolls = 0;
  route.legs.forEach((leg, i) => {
    if (!graph.hasEdge(leg.edge)) fail(`leg ${i} uses unknown edge ${leg.edge}`);
    if (graph.source(leg.edge) !== route.nodes[i] || graph.target(leg.edge) !== route.nodes[i + 1]) fail(`leg ${i} edge ${leg.edge} does not join ${route.nodes[i]} -> ${route.nodes[i + 1]}`);
    if (!close(leg.entryH, t)) fail(`leg ${i} enters at ${leg.entryH} h, expected ${t} h`);
    const a = graph.getEdgeAttributes(leg.edge);
    const drive = driveEdge(ctx, a, graph.source(leg.edge), graph.target(leg.edge), t);
    if (!close(leg.exitH, drive.exitH)) fail(`leg ${i} exits at ${leg.exitH} h, recomputed ${drive.exitH} h`);
    if (!close(leg.distanceKm, a.lengthKm)) fail(`leg ${i} length ${leg.distanceKm} km, graph says ${a.lengthKm} km`);
    if (ctx.vehicle !== undefined && (leg.energyKWh === null || !close(leg.energyKWh, drive.energyKWh))) fail(`leg ${i} energy ${leg.energyKWh} kWh, recomputed ${drive.energyKWh} kWh`);
    t = drive.exitH;
    km += a.lengthKm;
    kWh += drive.energyKWh;
    tolls += a.tollUsd ?? 0;
  });
  if (!close(route.arrivalH, t) || !close(route.travelTimeH, t - route.departureH)) fail(`arrival ${route.arrivalH} h, recomputed ${t} h`);
  if (!close(route.distanceKm, km)) fail(`distance ${route.distanceKm} km, recomputed ${km} km`);
  if (ctx.vehicle !== undefined && (route.energyKWh === null || !close(route.energyKWh, kWh))) fail(`energy ${route.energyKWh} kWh, recomputed ${kWh} kWh`);
  if (ctx.vehicle !== undefined && ctx.rates !== undefined) {
    const r = ctx.rates;
    const cost = r.wageUsdPerH * (t - route.departureH) + r.energyPriceUsdPerKWh * kWh + r.perKmUsd * km + tolls;
    if (route.costUsd === null || !close(route.costUsd, cost)) fail(`cost ${route.costUsd} USD, recomputed ${cost} USD`);
  }
}

function driveEdge(ctx: RouteCheckContext, a: RoadEdgeAttributes, from: string, to: string, entryH: number): { exitH: number; energyKWh: number } {
  let t = entryH;
  const vehicle = ctx.vehicle;
  let energy = vehicle === undefined ? 0 : legFixedEnergyKWh(vehicle);
  let edgeGrade = a.gradePercent;
  if (vehicle !== undefined && edgeGrade === undefined) {
    const fromNode: RoadNodeAttributes = ctx.graph.getNodeAttributes(from);
    const toNode: RoadNodeAttributes = ctx.graph.getNodeAttributes(to);
    if (fromNode.elevationM !== undefined && toNode.elevationM !== undefined) {
      const sinTheta = (toNode.elevationM - fromNode.elevationM) / (a.lengthKm * 1000);
      edgeGrade = (100 * sinTheta) / Math.sqrt(1 - sinTheta * sinTheta);
    }
  }
  for (const seg of a.segments ?? [{ lengthKm: a.lengthKm }]) {
    const grade = seg.gradePercent ?? edgeGrade ?? 0;
    const profile = chooseProfile(ctx.traffic, seg.zone ?? a.zone, a.roadClass);
    let left = seg.lengthKm;
    while (left > 0) {
      const factor = pieceAt(profile, t, piece);
      const untilH = piece.untilH;
      const speed = a.freeFlowSpeedKmh * factor;
      const span = untilH - t;
      if (span <= 1e-12 * (1 + t)) {
        t = untilH + 1e-12 * (1 + t);
        continue;
      }
      const km = Math.min(left, speed * span);
      if (vehicle !== undefined) energy += batteryEnergyPerKmKWh(vehicle, speed, grade) * km;
      t = km === left ? t + left / speed : untilH;
      left -= km;
    }
  }
  return { exitH: t, energyKWh: energy };
}

const piece = { untilH: 0 };

function chooseProfile(traffic: TrafficModel, zone: string | undefined, roadClass: string | undefined): SpeedProfile | null {
  if (zone !== undefined && traffic.byZone?.[zone]) return traffic.byZone[zone];
  if (roadClass !== undefined && traffic.byRoadClass?.[roadClass]) return traffic.byRoadClass[roadClass];
  return traffic.default ?? null;
}

/** Factor in force at t; writes the absolute time its piece ends into `out`. */
function pieceAt(p: SpeedProfile | null, t: number, out: { untilH: number }): number {
  if (p === null) {
    out.untilH = Infinity;
    return 1;
  }
  const period = p.periodH;
  const cycleStart = period === undefined ? 0 : Math.floor(t / period) * period;
  const local = t - cycleStart;
  let k = p.startsH.length - 1;
  while (k > 0 && (p.startsH[k] as number) > local) k--;
  const nextStart = k + 1 < p.startsH.length ? (p.startsH[k + 1] as number) : period === undefined ? Infinity : period;
  out.untilH = cycleStart + nextStart;
  return p.factors[k] as number;
}

/** What a one-to-many search claims: the tree edges it used and each destination's totals. */
export interface PathTreeClaim {
  readonly origin: string;
  readonly departureH: number;
  /** Graph edge keys, each leaving the origin or a node an earlier edge entered. */
  readonly edges: readonly string[];
  readonly cells: readonly { node: string; timeH: number; distanceKm: number; energyKWh: number | null; costUsd: number | null }[];
}

/**
 * Independent check of a matrix row: the claimed edges form a tree of real graph edges rooted at
 * the origin, and every destination's time, distance, energy and cost equal the values recomputed
 * along its tree path (each edge driven once from its recomputed entry time). Throws
 * GridHaulError('ROUTE_CHECK_FAILED') on any mismatch.
 */
export function checkPathTree(ctx: RouteCheckContext, claim: PathTreeClaim): void {
  const { graph } = ctx;
  const fail = (what: string): never => {
    throw new GridHaulError('ROUTE_CHECK_FAILED', `paths from ${claim.origin}: ${what}`);
  };
  const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));
  if (!graph.hasNode(claim.origin)) fail('unknown origin');
  const at = new Map<string, { t: number; km: number; kWh: number; tolls: number }>([[claim.origin, { t: claim.departureH, km: 0, kWh: 0, tolls: 0 }]]);
  for (const edge of claim.edges) {
    if (!graph.hasEdge(edge)) fail(`unknown edge ${edge}`);
    const [from, to] = graph.extremities(edge);
    const start = at.get(from);
    if (start === undefined) fail(`edge ${edge} leaves ${from}, which no earlier edge reached`);
    if (at.has(to)) fail(`edge ${edge} enters ${to} a second time`);
    const a = graph.getEdgeAttributes(edge);
    const s = start as { t: number; km: number; kWh: number; tolls: number };
    const drive = driveEdge(ctx, a, from, to, s.t);
    at.set(to, { t: drive.exitH, km: s.km + a.lengthKm, kWh: s.kWh + drive.energyKWh, tolls: s.tolls + (a.tollUsd ?? 0) });
  }
  for (const cell of claim.cells) {
    const v = at.get(cell.node);
    if (v === undefined) fail(`no path reaches ${cell.node}`);
    const r = v as { t: number; km: number; kWh: number; tolls: number };
    const timeH = r.t - claim.departureH;
    if (!close(cell.timeH, timeH)) fail(`time to ${cell.node} ${cell.timeH} h, recomputed ${timeH} h`);
    if (!close(cell.distanceKm, r.km)) fail(`distance to ${cell.node} ${cell.distanceKm} km, recomputed ${r.km} km`);
    if (ctx.vehicle !== undefined && (cell.energyKWh === null || !close(cell.energyKWh, r.kWh))) fail(`energy to ${cell.node} ${cell.energyKWh} kWh, recomputed ${r.kWh} kWh`);
    if (ctx.vehicle !== undefined && ctx.rates !== undefined) {
      const q = ctx.rates;
      const cost = q.wageUsdPerH * timeH + q.energyPriceUsdPerKWh * r.kWh + q.perKmUsd * r.km + r.tolls;
      if (cell.costUsd === null || !close(cell.costUsd, cost)) fail(`cost to ${cell.node} ${cell.costUsd} USD, recomputed ${cost} USD`);
    }
  }
}
