import { describe, expect, it } from 'vitest';
import type { RoadNetwork } from '../api/types';
import { edgeZone, gradePercent, roadDrawing, trafficSeries } from './drawing';

const road = (crs: 'lonlat' | 'none'): RoadNetwork => ({
  id: 'r',
  format: 'json',
  network: {
    name: 'hill',
    crs,
    nodes: [
      { id: 'a', x: 10, y: 60, elevationM: 100 },
      { id: 'b', x: 10.01, y: 60, elevationM: 150 },
      { id: 'c', x: 10.02, y: 60.01 },
    ],
    edges: [
      { from: 'a', to: 'b', lengthKm: 1, freeFlowSpeedKmh: 50, zone: '1' },
      { from: 'b', to: 'c', lengthKm: 2, freeFlowSpeedKmh: 80, segments: [{ lengthKm: 1, zone: '2' }, { lengthKm: 1, zone: '3' }] },
    ],
  },
  nodeNames: { a: 'Depot' },
  traffic: [{ zone: '1', startsH: [0, 7, 12], factors: [1, 0.75, 0.5] }],
});

describe('road drawings', () => {
  it('grade is rise over run: 50 m over 1 km is 5 %', () => {
    expect(gradePercent(100, 150, 1)).toBe(5);
    expect(gradePercent(undefined, 150, 1)).toBeUndefined();
  });

  it('names zones from the edge or its segments', () => {
    expect(edgeZone({ zone: '1' })).toBe('1');
    expect(edgeZone({ segments: [{ zone: '2' }, { zone: '2' }] })).toBe('2');
    expect(edgeZone({ segments: [{ zone: '2' }, { zone: '3' }] })).toBe('mixed');
    expect(edgeZone({ roadClass: 'motorway' })).toBe('motorway');
  });

  it('puts lon/lat nodes north up with names, zone colours and grades in the tooltips', () => {
    const d = roadDrawing(road('lonlat'));
    expect(d.nodes.find((n) => n.id === 'a')!.label).toBe('Depot');
    expect(d.nodes.find((n) => n.id === 'c')!.y).toBeLessThan(d.nodes.find((n) => n.id === 'a')!.y);
    expect(d.edges[0]!.title).toContain('grade 5 %');
    expect(d.edges[0]!.color).not.toBe(d.edges[1]!.color);
    expect(d.legend.map((l) => l.label)).toEqual(['traffic zone 1', 'traffic zone mixed', 'low 100 m', 'high 150 m']);
  });

  it('lays out networks without coordinates', () => {
    const d = roadDrawing(road('none'));
    for (const n of d.nodes) expect(n.x >= 0 && n.x <= 1 && n.y >= 0 && n.y <= 1).toBe(true);
  });

  it('holds the last traffic factor to the end of the day', () => {
    expect(trafficSeries(road('none').traffic[0]!)).toEqual([
      { tH: 0, value: 1 },
      { tH: 7, value: 0.75 },
      { tH: 12, value: 0.5 },
      { tH: 24, value: 0.5 },
    ]);
  });
});
