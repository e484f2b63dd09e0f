import { InputError } from '@gridhaul/common';
import { validateRoadGraph } from './build-graph';
import { projectKm } from './geo';
import type { RoadEdgeAttributes, RoadGraph, RoadNodeAttributes } from './model';
import { FREE_FLOW, pieceLookup, validateSpeedProfile, type PieceLookup, type SpeedProfile } from './speed-profile';

/** Which speed profile applies where: a segment's zone first, then the edge's road class, then the default. */
export interface TrafficModel {
  readonly byZone?: Readonly<Record<string, SpeedProfile>>;
  readonly byRoadClass?: Readonly<Record<string, SpeedProfile>>;
  readonly default?: SpeedProfile;
}

export interface CompiledProfile {
  readonly startsH: Float64Array;
  readonly factors: Float64Array;
  /** Infinity when the profile does not repeat. */
  readonly periodH: number;
  readonly maxFactor: number;
  /** One piece: travel time is length / speed. */
  readonly constant: boolean;
  readonly lookup: PieceLookup;
}

/**
 * Compressed-sparse-row copy of a road graph for the search hot path: out-edges of node u are
 * outStart[u] .. outStart[u+1]-1, each edge is cut into segments of constant zone and grade.
 * Recompile after changing the graph.
 */
export interface CompiledNetwork {
  readonly graph: RoadGraph;
  readonly traffic: TrafficModel;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nodeKeys: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly outStart: Int32Array;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeKeys: readonly string[];
  readonly edgeLengthKm: Float64Array;
  readonly edgeTollUsd: Float64Array;
  readonly edgeSegStart: Int32Array;
  readonly segLengthKm: Float64Array;
  readonly segSpeedKmh: Float64Array;
  readonly segGradePercent: Float64Array;
  readonly segSinTheta: Float64Array;
  readonly segCosTheta: Float64Array;
  readonly segProfile: Int32Array;
  readonly profiles: readonly CompiledProfile[];
  /** Node elevations (m) when every edge's grades agree with them, else null (no energy potential). */
  readonly elevationPotentialM: Float64Array | null;
  /** Projected coordinates (km) for A*, null without coordinates. */
  readonly nodeXKm: Float64Array | null;
  readonly nodeYKm: Float64Array | null;
  /** min over edges of length / projected straight distance, capped at 1: keeps A* bounds admissible. */
  readonly lengthRatio: number;
  /** Highest speed any segment can reach under its profile (km/h). */
  readonly maxSpeedKmh: number;
  /** First edge whose grade is neither given nor derivable (energy queries refuse the network). */
  readonly missingGrade: { readonly edge: string; readonly node: string } | null;
}

export function compileRoadNetwork(graph: RoadGraph, traffic: TrafficModel = {}): CompiledNetwork {
  validateRoadGraph(graph);
  validateTraffic(traffic);
  const nodeKeys = graph.nodes();
  const nodeIndex = new Map<string, number>();
  nodeKeys.forEach((k, i) => nodeIndex.set(k, i));
  const n = nodeKeys.length;
  const m = graph.size;

  const outStart = new Int32Array(n + 1);
  graph.forEachEdge((_k, _a, source) => {
    const slot = (nodeIndex.get(source) as number) + 1;
    outStart[slot] = (outStart[slot] as number) + 1;
  });
  for (let i = 0; i < n; i++) outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);

  const fill = outStart.slice(0, n);
  const edgeOrder: string[] = new Array<string>(m);
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  graph.forEachEdge((key, _a, source, target) => {
    const u = nodeIndex.get(source) as number;
    const slot = fill[u] as number;
    fill[u] = slot + 1;
    edgeOrder[slot] = key;
    edgeSource[slot] = u;
    edgeTarget[slot] = nodeIndex.get(target) as number;
  });

  const profiles: CompiledProfile[] = [];
  const profileIds = new Map<SpeedProfile, number>();
  const profileIdOf = (p: SpeedProfile): number => {
    let id = profileIds.get(p);
    if (id === undefined) {
      id = profiles.length;
      profiles.push(compileProfile(p));
      profileIds.set(p, id);
    }
    return id;
  };

  let segCount = 0;
  graph.forEachEdge((_k, a) => {
    segCount += a.segments?.length ?? 1;
  });
  const edgeLengthKm = new Float64Array(m);
  const edgeTollUsd = new Float64Array(m);
  const edgeSegStart = new Int32Array(m + 1);
  const segLengthKm = new Float64Array(segCount);
  const segSpeedKmh = new Float64Array(segCount);
  const segGradePercent = new Float64Array(segCount);
  const segSinTheta = new Float64Array(segCount);
  const segCosTheta = new Float64Array(segCount);
  const segProfile = new Int32Array(segCount);

  let missingGrade: { edge: string; node: string } | null = null;
  let elevationsConsistent = graph.everyNode((_k, a) => a.elevationM !== undefined);
  let maxSpeedKmh = 0;
  let s = 0;
  for (let e = 0; e < m; e++) {
    const key = edgeOrder[e] as string;
    const a = graph.getEdgeAttributes(key);
    const fromA = graph.getNodeAttributes(graph.source(key));
    const toA = graph.getNodeAttributes(graph.target(key));
    edgeLengthKm[e] = a.lengthKm;
    edgeTollUsd[e] = a.tollUsd ?? 0;
    edgeSegStart[e] = s;
    const edgeGrade = a.gradePercent ?? gradeFromElevations(key, a, fromA, toA);
    let riseM = 0;
    for (const seg of a.segments ?? [{ lengthKm: a.lengthKm }]) {
      let grade = seg.gradePercent ?? edgeGrade;
      if (grade === undefined) {
        missingGrade ??= { edge: key, node: fromA.elevationM === undefined ? graph.source(key) : graph.target(key) };
        grade = 0;
      }
      const theta = Math.atan(grade / 100);
      segLengthKm[s] = seg.lengthKm;
      segSpeedKmh[s] = a.freeFlowSpeedKmh;
      segGradePercent[s] = grade;
      segSinTheta[s] = Math.sin(theta);
      segCosTheta[s] = Math.cos(theta);
      const profile = profileIdOf(profileFor(traffic, seg.zone ?? a.zone, a.roadClass));
      segProfile[s] = profile;
      maxSpeedKmh = Math.max(maxSpeedKmh, a.freeFlowSpeedKmh * (profiles[profile] as CompiledProfile).maxFactor);
      riseM += seg.lengthKm * 1000 * Math.sin(theta);
      s++;
    }
    if (elevationsConsistent) {
      const dh = (toA.elevationM as number) - (fromA.elevationM as number);
      if (Math.abs(riseM - dh) > 1e-6 * (1 + Math.abs(dh))) elevationsConsistent = false;
    }
  }
  edgeSegStart[m] = s;

  const elevationPotentialM = elevationsConsistent && missingGrade === null ? Float64Array.from(nodeKeys, (k) => graph.getNodeAttribute(k, 'elevationM') as number) : null;
  const coords = projectNodes(graph, nodeKeys);
  let lengthRatio = 1;
  if (coords !== null) {
    for (let e = 0; e < m; e++) {
      const u = edgeSource[e] as number;
      const v = edgeTarget[e] as number;
      const d = Math.hypot((coords.x[v] as number) - (coords.x[u] as number), (coords.y[v] as number) - (coords.y[u] as number));
      if (d > 0) lengthRatio = Math.min(lengthRatio, (edgeLengthKm[e] as number) / d);
    }
  }

  return {
    graph,
    traffic,
    nodeCount: n,
    edgeCount: m,
    nodeKeys,
    nodeIndex,
    outStart,
    edgeSource,
    edgeTarget,
    edgeKeys: edgeOrder,
    edgeLengthKm,
    edgeTollUsd,
    edgeSegStart,
    segLengthKm,
    segSpeedKmh,
    segGradePercent,
    segSinTheta,
    segCosTheta,
    segProfile,
    profiles,
    elevationPotentialM,
    nodeXKm: coords?.x ?? null,
    nodeYKm: coords?.y ?? null,
    lengthRatio,
    maxSpeedKmh,
    missingGrade,
  };
}

/** Grade (%) of an edge from its end elevations: sin θ = Δh / length along the road. */
export function gradeFromElevations(key: string, edge: RoadEdgeAttributes, from: RoadNodeAttributes, to: RoadNodeAttributes): number | undefined {
  if (from.elevationM === undefined || to.elevationM === undefined) return undefined;
  const dh = to.elevationM - from.elevationM;
  const lengthM = edge.lengthKm * 1000;
  if (Math.abs(dh) >= lengthM) throw new InputError(`edges[${key}]`, dh, `an elevation change (m) smaller than the length ${lengthM} m`);
  return 100 * Math.tan(Math.asin(dh / lengthM));
}

function profileFor(traffic: TrafficModel, zone: string | undefined, roadClass: string | undefined): SpeedProfile {
  if (zone !== undefined && traffic.byZone?.[zone] !== undefined) return traffic.byZone[zone];
  if (roadClass !== undefined && traffic.byRoadClass?.[roadClass] !== undefined) return traffic.byRoadClass[roadClass];
  return traffic.default ?? FREE_FLOW;
}

function compileProfile(p: SpeedProfile): CompiledProfile {
  return {
    startsH: Float64Array.from(p.startsH),
    factors: Float64Array.from(p.factors),
    periodH: p.periodH ?? Infinity,
    lookup: pieceLookup(p.startsH, p.periodH ?? Infinity),
    maxFactor: Math.max(...p.factors),
    constant: p.factors.length === 1,
  };
}

function validateTraffic(traffic: TrafficModel): void {
  for (const [group, table] of [
    ['byZone', traffic.byZone],
    ['byRoadClass', traffic.byRoadClass],
  ] as const) {
    for (const [name, profile] of Object.entries(table ?? {})) validateSpeedProfile(`traffic.${group}.${name}`, profile);
  }
  if (traffic.default !== undefined) validateSpeedProfile('traffic.default', traffic.default);
}

function projectNodes(graph: RoadGraph, keys: readonly string[]): { x: Float64Array; y: Float64Array } | null {
  const crs = graph.getAttribute('crs');
  if (crs === 'none' || keys.length === 0) return null;
  const x = new Float64Array(keys.length);
  const y = new Float64Array(keys.length);
  let refLat = 0;
  if (crs === 'lonlat') {
    for (const k of keys) refLat += graph.getNodeAttribute(k, 'y') as number;
    refLat /= keys.length;
  }
  keys.forEach((k, i) => {
    const a = graph.getNodeAttributes(k);
    const [px, py] = crs === 'lonlat' ? projectKm(a.x as number, a.y as number, refLat) : [a.x as number, a.y as number];
    x[i] = px;
    y[i] = py;
  });
  return { x, y };
}
