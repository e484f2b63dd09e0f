import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('repeats exactly from the same seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
  });

  it('is uniform enough: mean of 1e5 draws within 0.01 of 0.5, normal mean/sd within 0.02', () => {
    const r = new Rng(7);
    let s = 0;
    for (let i = 0; i < 1e5; i++) s += r.next();
    expect(Math.abs(s / 1e5 - 0.5)).toBeLessThan(0.01);
    let m = 0, q = 0;
    for (let i = 0; i < 1e5; i++) {
      const x = r.normal();
      m += x;
      q += x * x;
    }
    expect(Math.abs(m / 1e5)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(q / 1e5) - 1)).toBeLessThan(0.02);
  });

  it('int stays in its inclusive range and hits both ends', () => {
    const r = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 6);
      expect(v >= 3 && v <= 6).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});
