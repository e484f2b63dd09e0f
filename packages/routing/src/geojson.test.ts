import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { compileRoadNetwork } from './compile';
import { haversineKm } from './geo';
import { importGeoJsonRoads, type GeoJsonFeatureCollection } from './geojson-import';
import { routeToGeoJson } from './geojson-export';
import { earliestArrival } from './paths';

const line = (coordinates: number[][], properties: Record<string, unknown> = {}) => ({ type: 'Feature' as const, geometry: { type: 'LineString', coordinates }, properties });

const roads: GeoJsonFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    line(
      [
        [10.0, 59.0],
        [10.0, 59.01],
      ],
      { speedKmh: 60, zone: 'z1' },
    ),
    // Starts 6 mm from the previous line's end: the same node.
    line(
      [
        [10.0000001, 59.01],
        [10.02, 59.01],
      ],
      { maxspeed: '80', oneway: 'yes', highway: 'primary', capacity: 1800 },
    ),
    // Elevations on every vertex: +50 m then -30 m.
    line([
      [10.02, 59.01, 100],
      [10.02, 59.015, 150],
      [10.02, 59.02, 120],
    ]),
    { type: 'Feature', geometry: { type: 'Point', coordinates: [10, 59] }, properties: { name: 'depot' } },
    line([
      [10.0, 59.0],
      [10.001, 59.0005],
      [10.0, 59.0],
    ]),
    // A slower parallel road A-B: the faster one stays.
    line(
      [
        [10.0, 59.0],
        [10.005, 59.005],
        [10.0, 59.01],
      ],
      { speedKmh: 30 },
    ),
  ],
};

describe('GeoJSON import', () => {
  it('snaps shared ends into nodes and reads road properties', () => {
    const { graph, report } = importGeoJsonRoads(roads);
    expect(report).toEqual({ features: 6, roads: 5, nodes: 4, edges: 5, skippedFeatures: 1, skippedLoops: 1, mergedDuplicates: 2 });
    expect(graph.getAttribute('crs')).toBe('lonlat');
    const ab = graph.getEdgeAttributes(graph.edge('n0', 'n1') as string);
    expectClose(ab.lengthKm, (6371.0088 * 0.01 * Math.PI) / 180, { rel: 1e-12 }, 'A-B length (haversine, 0.01° of latitude)');
    expect(ab).toMatchObject({ freeFlowSpeedKmh: 60, zone: 'z1' });
    expect(graph.edge('n1', 'n2')).toBeDefined();
    expect(graph.edge('n2', 'n1')).toBeUndefined(); // oneway
    expect(graph.getEdgeAttributes(graph.edge('n1', 'n2') as string)).toMatchObject({ freeFlowSpeedKmh: 80, roadClass: 'primary', capacityVehPerH: 1800 });
  });

  it('cuts a line with elevations into grade segments, reversed and negated the other way', () => {
    const { graph } = importGeoJsonRoads(roads);
    const up = graph.getEdgeAttributes(graph.edge('n2', 'n3') as string);
    const flat = haversineKm(10.02, 59.01, 10.02, 59.015);
    expect(up.segments).toHaveLength(2);
    expectClose(up.segments?.[0]?.gradePercent as number, (100 * 0.05) / flat, { rel: 1e-12 }, 'first grade');
    expectClose(up.segments?.[0]?.lengthKm as number, Math.hypot(flat, 0.05), { rel: 1e-12 }, 'first segment along the slope');
    const down = graph.getEdgeAttributes(graph.edge('n3', 'n2') as string);
    expectClose(down.segments?.[0]?.gradePercent as number, (100 * 0.03) / haversineKm(10.02, 59.015, 10.02, 59.02), { rel: 1e-12 }, 'reverse first grade');
    expect(graph.getNodeAttribute('n3', 'elevationM')).toBe(120);
  });

  it('rejects broken geometry naming the feature', () => {
    expect(() => importGeoJsonRoads({ type: 'FeatureCollection', features: [line([[10, 95], [10, 59]])] })).toThrowError(
      expect.objectContaining({ field: 'features[0].geometry.coordinates[0][1]', value: 95 }),
    );
    expect(() => importGeoJsonRoads({ type: 'FeatureCollection', features: [line([[10, 59], [10, 59.1]], { speedKmh: 'fast' })] })).toThrowError(
      expect.objectContaining({ field: 'features[0].properties.speedKmh', value: 'fast' }),
    );
  });
});

describe('GeoJSON route export', () => {
  it('follows the stored road geometry from origin to destination', () => {
    const { graph } = importGeoJsonRoads(roads);
    const net = compileRoadNetwork(graph);
    const route = earliestArrival(net, { from: 'n0', to: 'n3', departureH: 9 })!;
    expect(route.nodes).toEqual(['n0', 'n1', 'n2', 'n3']);
    const feature = routeToGeoJson(graph, route);
    expect(feature.geometry.coordinates).toEqual([
      [10.0, 59.0],
      [10.0, 59.01],
      [10.02, 59.01],
      [10.02, 59.015],
      [10.02, 59.02],
    ]);
    expect(feature.properties).toMatchObject({ objective: 'time', nodes: ['n0', 'n1', 'n2', 'n3'], departureH: 9, crs: 'lonlat' });
    expectClose(feature.properties.distanceKm, route.distanceKm, { rel: 1e-12 }, 'distance');
    expect(JSON.parse(JSON.stringify(feature))).toEqual(feature);
  });
});
