import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { bprMultiplier, bprSpeedProfile, bprTravelTimeH, WEEKDAY_VC_PROFILE } from './bpr';
import { traverseH } from './speed-profile';

describe('BPR link performance t = t0·(1 + 0.15·(V/C)^4)', () => {
  it('matches the tabulated multipliers (shared/notes/vehicle-energy.md §2.1, FHWA/BPR 1964)', () => {
    const table: [number, number][] = [
      [0.5, 1.009],
      [0.7, 1.036],
      [0.9, 1.098],
      [1.0, 1.15],
      [1.2, 1.311],
    ];
    for (const [x, m] of table) expectClose(bprMultiplier(x), m, { abs: 0.0005 }, `BPR multiplier at V/C ${x}`);
  });

  it('scales free-flow time and rejects a zero capacity', () => {
    expectClose(bprTravelTimeH(0.5, 1000, 1000), 0.575, { abs: 1e-12 }, 'travel time at capacity');
    expect(() => bprTravelTimeH(0.5, 1000, 0)).toThrowError(expect.objectContaining({ field: 'capacityVehPerH' }));
  });

  it('turns the weekday V/C profile into a FIFO speed profile', () => {
    const p = bprSpeedProfile(WEEKDAY_VC_PROFILE.startsH, WEEKDAY_VC_PROFILE.ratios, 24);
    // 10 km at 50 km/h free flow, at 08:00 (V/C = 1): 0.2 h × 1.15.
    expectClose(traverseH(p, 10, 50, 8) - 8, 0.23, { abs: 1e-12 }, 'peak travel time');
    // At 03:00 (V/C = 0.2): multiplier 1 + 0.15·0.0016.
    expectClose(traverseH(p, 10, 50, 3) - 3, 0.2 * (1 + 0.15 * 0.2 ** 4), { abs: 1e-12 }, 'night travel time');
  });
});
