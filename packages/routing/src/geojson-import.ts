import { DirectedGraph } from 'graphology';
import { InputError, requireNonNegative, requirePositive } from '@gridhaul/common';
import { validateRoadGraph } from './build-graph';
import { haversineKm } from './geo';
import type { RoadEdgeAttributes, RoadGraph, RoadSegment } from './model';

/** The parts of GeoJSON (RFC 7946) the importer reads. */
export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

export interface GeoJsonFeature {
  type: 'Feature';
  id?: string | number;
  geometry: { type: string; coordinates?: unknown } | null;
  properties: Record<string, unknown> | null;
}

export interface GeoJsonImportOptions {
  /** Line ends closer than this (m) become one node; default 1 m. */
  snapToleranceM?: number;
  /** Free-flow speed (km/h) for roads without `speedKmh`/`maxspeed`; default 50. */
  defaultSpeedKmh?: number;
}

export interface GeoJsonImportReport {
  features: number;
  /** Line strings read as roads (a MultiLineString counts each part). */
  roads: number;
  nodes: number;
  edges: number;
  /** Features that are not (Multi)LineStrings. */
  skippedFeatures: number;
  /** Roads whose two ends snapped to the same node. */
  skippedLoops: number;
  /** Parallel roads between the same ordered pair: the one with the shorter free-flow time is kept. */
  mergedDuplicates: number;
}

/**
 * Road graph from LineString roads (lon/lat, optional elevation as third coordinate). Line ends
 * within `snapToleranceM` are one node; each road is an edge in both directions unless `oneway`.
 * Properties read: speedKmh | maxspeed, capacityVehPerH | capacity, zone, roadClass | highway,
 * oneway (yes/true/1 forward, -1 reverse), lengthKm, gradePercent, tollUsd. With elevations on
 * every vertex, each edge is cut into grade segments between vertices.
 */
export function importGeoJsonRoads(collection: GeoJsonFeatureCollection, options: GeoJsonImportOptions = {}): { graph: RoadGraph; report: GeoJsonImportReport } {
  if (collection === null || typeof collection !== 'object' || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new InputError('geojson.type', (collection as { type?: unknown } | null)?.type, "a FeatureCollection with a features array");
  }
  const tolM = requirePositive('snapToleranceM', options.snapToleranceM ?? 1);
  const defaultSpeed = requirePositive('defaultSpeedKmh', options.defaultSpeedKmh ?? 50);
  const graph: RoadGraph = new DirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ crs: 'lonlat' });
  const snapper = new Snapper(tolM);
  const report: GeoJsonImportReport = { features: collection.features.length, roads: 0, nodes: 0, edges: 0, skippedFeatures: 0, skippedLoops: 0, mergedDuplicates: 0 };

  collection.features.forEach((feature, f) => {
    const field = `features[${f}]`;
    const geometry = feature?.geometry;
    let lines: unknown[];
    if (geometry?.type === 'LineString') lines = [geometry.coordinates];
    else if (geometry?.type === 'MultiLineString' && Array.isArray(geometry.coordinates)) lines = geometry.coordinates;
    else {
      report.skippedFeatures++;
      return;
    }
    const props = feature.properties ?? {};
    lines.forEach((coords, part) => {
      const lineField = geometry.type === 'LineString' ? `${field}.geometry.coordinates` : `${field}.geometry.coordinates[${part}]`;
      const points = readPositions(lineField, coords);
      report.roads++;
      const road = readRoad(`${field}.properties`, props, points, defaultSpeed);
      const first = points[0] as number[];
      const last = points[points.length - 1] as number[];
      const from = snapper.node(graph, first);
      const to = snapper.node(graph, last);
      if (from === to) {
        report.skippedLoops++;
        return;
      }
      // Geometry ends sit exactly on the snapped nodes, so exported routes join up.
      const polyline = road.forward.geometry as [number, number][];
      for (const [k, node] of [
        [0, from],
        [polyline.length - 1, to],
      ] as const) {
        polyline[k] = [graph.getNodeAttribute(node, 'x') as number, graph.getNodeAttribute(node, 'y') as number];
      }
      if (road.direction !== 'reverse') addEdge(graph, from, to, road.forward, report);
      if (road.direction !== 'forward') addEdge(graph, to, from, reverse(road.forward), report);
    });
  });
  report.nodes = graph.order;
  report.edges = graph.size;
  validateRoadGraph(graph);
  return { graph, report };
}

function readPositions(field: string, coords: unknown): number[][] {
  if (!Array.isArray(coords) || coords.length < 2) throw new InputError(field, coords, 'at least two positions');
  const withZ = coords.every((p) => Array.isArray(p) && p.length >= 3);
  return coords.map((p, i) => {
    if (!Array.isArray(p) || p.length < 2) throw new InputError(`${field}[${i}]`, p, 'a [lon, lat] or [lon, lat, elevation] position');
    const [lon, lat, z] = p as unknown[];
    if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) throw new InputError(`${field}[${i}][0]`, lon, 'a longitude in [-180, 180]');
    if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) throw new InputError(`${field}[${i}][1]`, lat, 'a latitude in [-90, 90]');
    if (!withZ) return [lon, lat];
    if (typeof z !== 'number' || !Number.isFinite(z)) throw new InputError(`${field}[${i}][2]`, z, 'an elevation (m)');
    return [lon, lat, z];
  });
}

interface Road {
  direction: 'both' | 'forward' | 'reverse';
  forward: RoadEdgeAttributes;
}

function readRoad(field: string, props: Record<string, unknown>, points: number[][], defaultSpeed: number): Road {
  const num = (names: string[]): number | undefined => {
    for (const name of names) {
      const v = props[name];
      if (v === undefined || v === null || v === '') continue;
      const x = typeof v === 'string' ? Number(v) : v;
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(`${field}.${name}`, v, 'a number');
      return x;
    }
    return undefined;
  };
  const str = (names: string[]): string | undefined => {
    for (const name of names) {
      const v = props[name];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string' && typeof v !== 'number') throw new InputError(`${field}.${name}`, v, 'a string');
      return String(v);
    }
    return undefined;
  };
  const speed = num(['speedKmh', 'maxspeed']) ?? defaultSpeed;
  const capacity = num(['capacityVehPerH', 'capacity']);
  const toll = num(['tollUsd']);
  const grade = num(['gradePercent']);
  const zone = str(['zone']);
  const roadClass = str(['roadClass', 'highway']);
  const oneway = props['oneway'];
  const direction = oneway === -1 || oneway === '-1' ? 'reverse' : oneway === true || oneway === 1 || oneway === '1' || oneway === 'yes' || oneway === 'true' ? 'forward' : 'both';

  const withZ = (points[0] as number[]).length === 3;
  const segments: RoadSegment[] = [];
  let lengthKm = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [lon1, lat1, z1] = points[i] as number[];
    const [lon2, lat2, z2] = points[i + 1] as number[];
    const flatKm = haversineKm(lon1 as number, lat1 as number, lon2 as number, lat2 as number);
    if (flatKm === 0) continue;
    if (withZ) {
      const riseKm = ((z2 as number) - (z1 as number)) / 1000;
      const alongKm = Math.hypot(flatKm, riseKm);
      segments.push({ lengthKm: alongKm, gradePercent: (100 * riseKm) / flatKm });
      lengthKm += alongKm;
    } else {
      lengthKm += flatKm;
    }
  }
  const given = num(['lengthKm']);
  if (given !== undefined) {
    requirePositive(`${field}.lengthKm`, given);
    const scale = lengthKm > 0 ? given / lengthKm : 1;
    for (const s of segments) s.lengthKm *= scale;
    lengthKm = given;
  }
  if (!(lengthKm > 0)) throw new InputError(`${field}.lengthKm`, lengthKm, 'a road of positive length');
  const forward: RoadEdgeAttributes = {
    lengthKm,
    freeFlowSpeedKmh: requirePositive(`${field}.speedKmh`, speed),
    geometry: points.map((p) => [p[0] as number, p[1] as number]),
  };
  if (capacity !== undefined) forward.capacityVehPerH = requirePositive(`${field}.capacity`, capacity);
  if (toll !== undefined) forward.tollUsd = requireNonNegative(`${field}.tollUsd`, toll);
  if (zone !== undefined) forward.zone = zone;
  if (roadClass !== undefined) forward.roadClass = roadClass;
  if (withZ && segments.length > 0) {
    forward.segments = segments;
    if (grade !== undefined) throw new InputError(`${field}.gradePercent`, grade, 'no gradePercent when the line carries elevations');
  } else if (grade !== undefined) {
    forward.gradePercent = grade;
  }
  return { direction, forward };
}

function reverse(a: RoadEdgeAttributes): RoadEdgeAttributes {
  const r: RoadEdgeAttributes = { ...a };
  if (a.gradePercent !== undefined) r.gradePercent = -a.gradePercent;
  if (a.segments !== undefined) r.segments = [...a.segments].reverse().map((s) => ({ ...s, ...(s.gradePercent === undefined ? {} : { gradePercent: -s.gradePercent }) }));
  if (a.geometry !== undefined) r.geometry = [...a.geometry].reverse();
  return r;
}

function addEdge(graph: RoadGraph, from: string, to: string, a: RoadEdgeAttributes, report: GeoJsonImportReport): void {
  const existing = graph.edge(from, to);
  if (existing !== undefined) {
    report.mergedDuplicates++;
    const old = graph.getEdgeAttributes(existing);
    if (a.lengthKm / a.freeFlowSpeedKmh < old.lengthKm / old.freeFlowSpeedKmh) graph.replaceEdgeAttributes(existing, a);
    return;
  }
  graph.addDirectedEdgeWithKey(`e${graph.size}`, from, to, a);
}

/** Grid hash of line ends: a point joins the nearest node within tolerance, else becomes one. */
class Snapper {
  private readonly cells = new Map<string, { id: string; lon: number; lat: number }[]>();

  constructor(private readonly tolM: number) {}

  node(graph: RoadGraph, p: number[]): string {
    const [lon, lat, z] = p as [number, number, number | undefined];
    const cx = Math.floor((lon * 111_320 * Math.cos((lat * Math.PI) / 180)) / this.tolM);
    const cy = Math.floor((lat * 110_540) / this.tolM);
    let best: { id: string; d: number } | null = null;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const c of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const d = haversineKm(lon, lat, c.lon, c.lat) * 1000;
          if (d <= this.tolM && (best === null || d < best.d)) best = { id: c.id, d };
        }
      }
    }
    if (best !== null) return best.id;
    const id = `n${graph.order}`;
    graph.addNode(id, z === undefined ? { x: lon, y: lat } : { x: lon, y: lat, elevationM: z });
    const key = `${cx},${cy}`;
    const list = this.cells.get(key) ?? [];
    list.push({ id, lon, lat });
    this.cells.set(key, list);
    return id;
  }
}
