import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '@gridhaul/common/testing';
import { factorAt, hourlySpeedProfile, speedProfile, traverseH } from './speed-profile';

describe('time-dependent traversal (Ichoua–Gendreau–Potvin integration)', () => {
  it('integrates speed over a profile change (hand-computed)', () => {
    // 60 km at 60 km/h, halved from 01:00. Leaving 00:30: 30 km by 01:00, 30 km at 30 km/h -> 02:00.
    const p = speedProfile([0, 1], [1, 0.5]);
    expectClose(traverseH(p, 60, 60, 0.5), 2.0, { abs: 1e-12 }, 'exit time');
    // Leaving at 01:00 exactly: all 60 km at 30 km/h.
    expectClose(traverseH(p, 60, 60, 1), 3.0, { abs: 1e-12 }, 'exit time at the boundary');
  });

  it('wraps a daily profile past midnight', () => {
    const p = speedProfile([0, 22], [1, 0.5], 24);
    // 23:00 at 25 km/h until 24:00 covers 25 km, then 25 km at 50 km/h -> 00:30 next day (24.5 h).
    expectClose(traverseH(p, 50, 50, 23), 24.5, { abs: 1e-12 }, 'exit after midnight');
    expect(factorAt(p, 46)).toBe(0.5);
    expect(factorAt(p, 48)).toBe(1);
  });

  it('validates profiles with errors naming the field', () => {
    expect(() => speedProfile([0, 1], [1, 0])).toThrowError(expect.objectContaining({ field: 'profile.factors[1]' }));
    expect(() => speedProfile([1, 2], [1, 1])).toThrowError(expect.objectContaining({ field: 'profile.startsH[0]' }));
    expect(() => speedProfile([0, 2, 1], [1, 1, 1])).toThrowError(expect.objectContaining({ field: 'profile.startsH[2]' }));
    expect(() => speedProfile([0, 25], [1, 1], 24)).toThrowError(expect.objectContaining({ tag: 'INVALID_INPUT' }));
    expect(() => hourlySpeedProfile([1, 1])).toThrowError(expect.objectContaining({ field: 'factors.length' }));
  });

  it('is FIFO: a later departure never arrives earlier, whatever the profile', () => {
    const profile = fc
      .array(fc.tuple(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true })), { minLength: 1, maxLength: 12 })
      .map((pieces) => {
        const startsH: number[] = [];
        let t = 0;
        for (const [width] of pieces) {
          startsH.push(t);
          t += width;
        }
        return speedProfile(startsH, pieces.map(([, f]) => f), t);
      });
    fc.assert(
      fc.property(profile, fc.double({ min: 0.1, max: 200, noNaN: true }), fc.double({ min: 0, max: 48, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (p, km, t1, delay) => {
        const a = traverseH(p, km, 50, t1);
        const b = traverseH(p, km, 50, t1 + delay);
        expect(b).toBeGreaterThanOrEqual(a - 1e-9);
        expect(a).toBeGreaterThan(t1);
      }),
      { seed: 20240604, numRuns: 300 },
    );
  });
});
