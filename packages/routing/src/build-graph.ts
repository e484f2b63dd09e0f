import { DirectedGraph } from 'graphology';
import { InputError, requireFinite, requireInRange, requireNonNegative, requirePositive } from '@gridhaul/common';
import type { CoordinateSystem, RoadEdgeAttributes, RoadGraph, RoadNodeAttributes, RoadSegment } from './model';

export interface RoadNodeInput extends RoadNodeAttributes {
  id: string;
}

export interface RoadEdgeInput extends RoadEdgeAttributes {
  from: string;
  to: string;
  /** Edge key in the graph; defaults to `${from}->${to}`. */
  key?: string;
}

export interface RoadNetworkInput {
  crs: CoordinateSystem;
  name?: string;
  nodes: readonly RoadNodeInput[];
  edges: readonly RoadEdgeInput[];
}

/** Steepest grade accepted (%): 100 % is 45°; real roads stay far below. */
export const MAX_GRADE_PERCENT = 100;

/** Builds a validated road graph; bad input throws an InputError naming the field and value. */
export function buildRoadGraph(input: RoadNetworkInput): RoadGraph {
  const graph: RoadGraph = new DirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes(input.name === undefined ? { crs: input.crs } : { crs: input.crs, name: input.name });
  input.nodes.forEach((node, i) => {
    if (typeof node.id !== 'string' || node.id === '') throw new InputError(`nodes[${i}].id`, node.id, 'a non-empty string');
    if (graph.hasNode(node.id)) throw new InputError(`nodes[${i}].id`, node.id, 'a unique node id');
    const { id, ...attributes } = node;
    graph.addNode(id, attributes);
  });
  input.edges.forEach((edge, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!graph.hasNode(edge[end])) throw new InputError(`edges[${i}].${end}`, edge[end], 'the id of a node in nodes');
    }
    if (edge.from === edge.to) throw new InputError(`edges[${i}].to`, edge.to, 'a node other than from (no self-loops)');
    if (graph.hasDirectedEdge(edge.from, edge.to)) {
      throw new InputError(`edges[${i}]`, `${edge.from}->${edge.to}`, 'at most one edge per ordered node pair');
    }
    const { from, to, key, ...attributes } = edge;
    graph.addDirectedEdgeWithKey(key ?? `${from}->${to}`, from, to, attributes);
  });
  validateRoadGraph(graph);
  return graph;
}

/** Checks every node and edge attribute of a road graph (also one built by hand with graphology). */
export function validateRoadGraph(graph: RoadGraph): void {
  const crs = graph.getAttribute('crs');
  if (crs !== 'lonlat' && crs !== 'planar-km' && crs !== 'none') {
    throw new InputError('graph.crs', crs, "'lonlat', 'planar-km' or 'none'");
  }
  if (graph.type !== 'directed' || graph.multi) throw new InputError('graph.type', graph.type, 'a directed, non-multi graph');
  graph.forEachNode((id, a) => validateNode(`nodes[${id}]`, a, crs));
  graph.forEachEdge((key, a) => validateEdge(`edges[${key}]`, a));
}

function validateNode(field: string, a: RoadNodeAttributes, crs: CoordinateSystem): void {
  if (crs === 'lonlat') {
    requireInRange(`${field}.x`, a.x, -180, 180);
    requireInRange(`${field}.y`, a.y, -90, 90);
  } else if (crs === 'planar-km') {
    requireFinite(`${field}.x`, a.x);
    requireFinite(`${field}.y`, a.y);
  }
  if (a.elevationM !== undefined) requireFinite(`${field}.elevationM`, a.elevationM);
}

function validateEdge(field: string, a: RoadEdgeAttributes): void {
  requirePositive(`${field}.lengthKm`, a.lengthKm);
  requirePositive(`${field}.freeFlowSpeedKmh`, a.freeFlowSpeedKmh);
  if (a.capacityVehPerH !== undefined) requirePositive(`${field}.capacityVehPerH`, a.capacityVehPerH);
  if (a.gradePercent !== undefined) requireInRange(`${field}.gradePercent`, a.gradePercent, -MAX_GRADE_PERCENT, MAX_GRADE_PERCENT);
  if (a.tollUsd !== undefined) requireNonNegative(`${field}.tollUsd`, a.tollUsd);
  if (a.zone !== undefined && typeof a.zone !== 'string') throw new InputError(`${field}.zone`, a.zone, 'a string');
  if (a.roadClass !== undefined && typeof a.roadClass !== 'string') throw new InputError(`${field}.roadClass`, a.roadClass, 'a string');
  if (a.segments !== undefined) validateSegments(`${field}.segments`, a.segments, a.lengthKm);
}

function validateSegments(field: string, segments: readonly RoadSegment[], lengthKm: number): void {
  if (!Array.isArray(segments) || segments.length === 0) throw new InputError(field, segments, 'a non-empty array of segments');
  let total = 0;
  segments.forEach((s, i) => {
    total += requirePositive(`${field}[${i}].lengthKm`, s.lengthKm);
    if (s.gradePercent !== undefined) {
      requireInRange(`${field}[${i}].gradePercent`, s.gradePercent, -MAX_GRADE_PERCENT, MAX_GRADE_PERCENT);
    }
    if (s.zone !== undefined && typeof s.zone !== 'string') throw new InputError(`${field}[${i}].zone`, s.zone, 'a string');
  });
  if (Math.abs(total - lengthKm) > 1e-6 * Math.max(1, lengthKm)) {
    throw new InputError(field, total, `segment lengths adding up to the edge length ${lengthKm} km`);
  }
}
