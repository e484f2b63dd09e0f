import { describe, expect, it } from 'vitest';
import { forceLayout, projectLonLat } from './layout';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('force layout', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  // two triangles joined by one edge
  const edges = [
    { from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' },
    { from: 'd', to: 'e' }, { from: 'e', to: 'f' }, { from: 'f', to: 'd' },
    { from: 'c', to: 'd' },
  ];

  it('is deterministic and fits the unit square', () => {
    const p1 = forceLayout(ids, edges);
    const p2 = forceLayout(ids, edges);
    expect([...p1.entries()]).toEqual([...p2.entries()]);
    for (const p of p1.values()) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(1);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(1);
    }
  });

  it('keeps each triangle together, apart from the other', () => {
    const p = forceLayout(ids, edges);
    expect(dist(p.get('a')!, p.get('b')!)).toBeLessThan(dist(p.get('a')!, p.get('e')!));
    expect(dist(p.get('d')!, p.get('f')!)).toBeLessThan(dist(p.get('b')!, p.get('f')!));
  });
});

describe('lon/lat projection', () => {
  it('puts north up and scales longitude by cos(latitude)', () => {
    // At 60° N a degree of longitude is half a degree of latitude on the ground (cos 60° = 0.5).
    const p = projectLonLat([
      { key: 'sw', lon: 10, lat: 60 },
      { key: 'ne', lon: 12, lat: 61 },
      { key: 'none' },
    ]);
    expect(p.has('none')).toBe(false);
    expect(p.get('ne')!.y).toBeLessThan(p.get('sw')!.y);
    const w = p.get('ne')!.x - p.get('sw')!.x;
    const h = p.get('sw')!.y - p.get('ne')!.y;
    expect(w / h).toBeCloseTo(2 * Math.cos((60.5 * Math.PI) / 180), 6);
  });
});
