import { InputError } from '@gridhaul/common';
import type { RoadGraph } from './model';
import type { RouteResult } from './route';

export interface RouteFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: {
    objective: string;
    nodes: string[];
    departureH: number;
    arrivalH: number;
    travelTimeH: number;
    distanceKm: number;
    energyKWh: number | null;
    costUsd: number | null;
    /** 'lonlat' is RFC 7946 GeoJSON; 'planar-km' coordinates are km on the network's own plane. */
    crs: 'lonlat' | 'planar-km';
  };
}

/** A route as a GeoJSON LineString feature, following each edge's stored geometry when it has one. */
export function routeToGeoJson(graph: RoadGraph, route: RouteResult): RouteFeature {
  const crs = graph.getAttribute('crs');
  if (crs === 'none') throw new InputError('graph.crs', crs, "coordinates ('lonlat' or 'planar-km') to export a route");
  const coordinates: [number, number][] = [];
  const push = (p: [number, number]): void => {
    const last = coordinates[coordinates.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) coordinates.push([p[0], p[1]]);
  };
  const at = (node: string): [number, number] => {
    const a = graph.getNodeAttributes(node);
    return [a.x as number, a.y as number];
  };
  if (route.legs.length === 0) push(at(route.nodes[0] as string));
  for (const leg of route.legs) {
    const geometry = graph.getEdgeAttribute(leg.edge, 'geometry');
    if (geometry !== undefined && geometry.length >= 2) geometry.forEach(push);
    else {
      push(at(leg.from));
      push(at(leg.to));
    }
  }
  if (coordinates.length === 1) coordinates.push([...(coordinates[0] as [number, number])]);
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: {
      objective: route.objective,
      nodes: [...route.nodes],
      departureH: route.departureH,
      arrivalH: route.arrivalH,
      travelTimeH: route.travelTimeH,
      distanceKm: route.distanceKm,
      energyKWh: route.energyKWh,
      costUsd: route.costUsd,
      crs,
    },
  };
}

export function routesToGeoJson(graph: RoadGraph, routes: readonly RouteResult[]): { type: 'FeatureCollection'; features: RouteFeature[] } {
  return { type: 'FeatureCollection', features: routes.map((r) => routeToGeoJson(graph, r)) };
}
