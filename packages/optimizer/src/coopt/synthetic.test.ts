import { describe, expect, it } from 'vitest';
import { bundledCoOptCase } from '../bundled';
import { syntheticCoOptCase } from './synthetic';

describe('seeded synthetic Co-OPT networks', () => {
  const base = bundledCoOptCase('small');
  const make = (nodes: number, seed: number) => syntheticCoOptCase({ nodes, seed, trucks: base.trucks, prices: base.prices, trafficIndex: base.network.trafficIndex });

  it('same seed, same network; another seed, another network', () => {
    expect(make(12, 4)).toEqual(make(12, 4));
    expect(make(12, 4).network.distanceKm).not.toEqual(make(12, 5).network.distanceKm);
  });

  it('every node has a road to and from the depot, roads are symmetric with opposite grades, and a third are chargers', () => {
    const c = make(25, 1);
    const n = c.network.nodeIds.length;
    expect(c.chargingSites).toHaveLength(8);
    expect(c.sites).toHaveLength(16);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const d = c.network.distanceKm[i]![j]!;
        expect(d).toBe(c.network.distanceKm[j]![i]!);
        if (i !== j && d !== null) expect(c.network.gradePercent[i]![j]).toBe(-c.network.gradePercent[j]![i]!);
      }
    for (let i = 1; i < n; i++) expect(c.network.distanceKm[0]![i]).toBeGreaterThan(0);
    for (const s of c.sites) expect(c.chargingSites.filter((x) => c.network.distanceKm[s.node]![x.node] !== null)).toHaveLength(2);
  });

  it('rejects a network too small to hold a site', () => {
    expect(() => make(3, 1)).toThrow(/nodes/);
  });
});
