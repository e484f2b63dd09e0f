import type { DirectedGraph } from 'graphology';

/**
 * How node coordinates are read: `lonlat` = x is longitude, y latitude (degrees, WGS84);
 * `planar-km` = x, y in kilometres on a plane; `none` = no coordinates (no A* heuristic).
 */
export type CoordinateSystem = 'lonlat' | 'planar-km' | 'none';

export interface RoadGraphAttributes {
  crs: CoordinateSystem;
  name?: string;
}

export interface RoadNodeAttributes {
  /** Longitude (deg) or planar x (km), per the graph's `crs`. */
  x?: number;
  /** Latitude (deg) or planar y (km), per the graph's `crs`. */
  y?: number;
  /** Elevation above sea level (m); grades are derived from it where an edge gives none. */
  elevationM?: number;
}

/** A stretch of an edge with its own traffic zone and/or grade (e.g. the first 2 km in zone 1). */
export interface RoadSegment {
  lengthKm: number;
  zone?: string;
  /** Grade in percent (rise/run × 100), positive uphill in the edge's direction. */
  gradePercent?: number;
}

export interface RoadEdgeAttributes {
  /** Length along the road (km). */
  lengthKm: number;
  /** Free-flow speed (km/h); time-of-day profiles multiply it. */
  freeFlowSpeedKmh: number;
  /** Capacity (vehicles/h), used by BPR congestion. */
  capacityVehPerH?: number;
  /** Traffic zone: selects a speed profile before the road class does. */
  zone?: string;
  roadClass?: string;
  /** Average grade (%); when absent, derived from the end nodes' elevations. */
  gradePercent?: number;
  tollUsd?: number;
  /** Zone and grade splits along the edge; lengths must add up to `lengthKm`. */
  segments?: RoadSegment[];
  /** Polyline for export, [x, y] in the graph's crs, from the source node to the target node. */
  geometry?: [number, number][];
}

/** The road network: a directed graphology graph (one edge per ordered node pair). */
export type RoadGraph = DirectedGraph<RoadNodeAttributes, RoadEdgeAttributes, RoadGraphAttributes>;
