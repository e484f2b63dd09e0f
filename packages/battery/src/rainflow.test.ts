import { Rng } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rainflow, rainflowTable, reversals } from './rainflow';

describe('rainflow counting, ASTM E1049-85 §5.4.4', () => {
  // ASTM E1049-85 (reapproved 2017) Fig. 6 / X6: load −2, 1, −3, 5, −1, 3, −4, 4, −2 (points A…I)
  const astm = [-2, 1, -3, 5, -1, 3, -4, 4, -2];

  it('reproduces the cycle table of the standard (Fig. X6(c)): ranges 3…9 with counts', () => {
    expect(rainflowTable(rainflow(astm))).toEqual([
      { range: 9, count: 0.5 },
      { range: 8, count: 1 },
      { range: 6, count: 0.5 },
      { range: 4, count: 1.5 },
      { range: 3, count: 0.5 },
    ]);
  });

  it('identifies the events of the standard: E–F a full cycle, A–B, B–C, C–D, D–G, G–H, H–I half cycles', () => {
    const c = rainflow(astm);
    const events = Array.from(
      { length: c.length },
      (_, i) => `${'ABCDEFGHI'[c.from[i]!]}-${'ABCDEFGHI'[c.to[i]!]}:${c.count[i]}`,
    );
    expect(events).toEqual([
      'A-B:0.5',
      'B-C:0.5',
      'E-F:1',
      'C-D:0.5',
      'D-G:0.5',
      'G-H:0.5',
      'H-I:0.5',
    ]);
    expect(c.mean[2]).toBe(1); // E–F: (−1 + 3)/2
  });

  it('counts Y as a full cycle when X equals Y (step 3b: X ≥ Y)', () => {
    const c = rainflow([0, 10, 4, 6, 4]);
    const events = Array.from({ length: c.length }, (_, i) => [c.from[i], c.to[i], c.count[i]]);
    expect(events).toEqual([
      [2, 3, 1],
      [0, 1, 0.5],
      [1, 4, 0.5],
    ]);
  });

  it('finds reversals through plateaus and monotone runs', () => {
    expect(Array.from(reversals([0, 1, 2, 2, 3, 1, 1, 0, 4]))).toEqual([0, 4, 7, 8]);
    expect(Array.from(reversals([5, 5, 5]))).toEqual([0]);
    expect(rainflow([5, 5, 5]).length).toBe(0);
    expect(rainflow([]).length).toBe(0);
  });

  const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });
  const randomSeries = (seed: number, n: number): number[] => {
    const rng = new Rng(seed);
    return Array.from({ length: n }, () => Math.round(rng.uniform(0, 1) * 20) / 20);
  };

  it('conserves the path: Σ 2·range over full cycles + Σ range over half cycles = total variation', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 300 }), (seed, n) => {
        const x = randomSeries(seed, n);
        const rev = reversals(x);
        let tv = 0;
        for (let k = 1; k < rev.length; k++) tv += Math.abs(x[rev[k]!]! - x[rev[k - 1]!]!);
        const c = rainflow(x);
        let counted = 0;
        for (let i = 0; i < c.length; i++) counted += 2 * c.count[i]! * c.range[i]!;
        expectClose(counted, tv, { abs: 1e-9 }, 'counted path length');
      }),
      { seed: 1049, numRuns: 200 },
    );
  });

  it('uses every reversal once: reversals = 2·full + half + 1, and ranges never exceed the series span', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 2, max: 300 }), (seed, n) => {
        const x = randomSeries(seed, n);
        const r = reversals(x).length;
        const c = rainflow(x);
        let full = 0;
        let half = 0;
        for (let i = 0; i < c.length; i++) {
          if (c.count[i] === 1) full++;
          else half++;
        }
        if (r >= 2) expect(r).toBe(2 * full + half + 1);
        const span = Math.max(...x) - Math.min(...x);
        for (let i = 0; i < c.length; i++) expect(c.range[i]!).toBeLessThanOrEqual(span + 1e-12);
      }),
      { seed: 1985, numRuns: 200 },
    );
  });

  it('a triangle wave of 10 cycles counts 10 cycles, all of its depth', () => {
    const x: number[] = [];
    for (let k = 0; k < 10; k++) x.push(0.9, 0.1);
    x.push(0.9);
    const table = rainflowTable(rainflow(x));
    expect(table).toHaveLength(1);
    expectClose(table[0]!.range, 0.8, { abs: 1e-12 }, 'depth');
    expect(table[0]!.count).toBe(10);
  });
});
