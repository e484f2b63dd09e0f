import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { calendarCostUsdPerHour, cycleCostUsd } from '../cost';
import { cycleLifeModel } from '../degradation/cycleLife';
import { schimpe2018Lfp } from '../degradation/schimpe';
import { xuDepthStress } from '../degradation/xu';
import { createBatterySpec } from '../spec';
import { inputErrorOf } from '../testing/inputError';
import { approximationError, convexPwl, pwlValue } from './convexPwl';
import { depthBreakpoints } from './depthBreakpoints';

const spec = createBatterySpec({
  chemistry: 'generic',
  nominalEnergyKWh: 100,
  socMin: 0.1,
  socMax: 0.9,
  maxChargePowerKW: 40,
  maxDischargePowerKW: 40,
  roundTripEfficiency: 0.9025,
  replacementCostUsdPerKWh: 300,
  endOfLifeCapacityFraction: 0.8,
  temperatureC: 25,
});

describe('convex piecewise-linear approximation', () => {
  it('interpolates x² exactly at breakpoints; uniform error Δ²/4 at segment midpoints (analytic)', () => {
    const pwl = convexPwl((x) => x * x, depthBreakpoints(8, 1, 'uniform'));
    expect(pwl.convexified).toBe(false);
    for (const x of pwl.xs) expect(pwlValue(pwl, x)).toBeCloseTo(x * x, 14);
    const e = approximationError(pwl, (x) => x * x, 0, 1);
    expectClose(e.maxAbsolute, 1 / 256, { rel: 1e-6 }, 'max |error|');
    expectClose(e.maxAbsoluteAt % 0.125, 0.0625, { abs: 1e-5 }, 'at a midpoint');
  });

  it('geometric spacing bounds the relative error of x² by (1 + r)²/(4r) − 1 above the first breakpoint', () => {
    const bps = depthBreakpoints(8, 0.8, 'geometric', 0.12);
    const r = (0.8 / 0.12) ** (1 / 7);
    const e = approximationError(
      convexPwl((x) => x * x, bps),
      (x) => x * x,
      0,
      0.8,
      0.12,
    );
    expectClose(e.maxRelative, (1 + r) ** 2 / (4 * r) - 1, { rel: 1e-6 }, 'max relative error');
  });

  it('the cycle-life-vs-DoD cost with 8 geometric segments is within 2 % for depths from 0.12 to 0.8', () => {
    const phi = (d: number): number =>
      d <= 0 ? 0 : cycleCostUsd(spec, cycleLifeModel(0.8), { depth: d });
    const bps = depthBreakpoints(8, 0.8);
    const pwl = convexPwl(phi, bps);
    const e = approximationError(pwl, phi, 0, 0.8, bps[1]);
    expect(pwl.convexified).toBe(false);
    expect(bps[1]).toBeCloseTo(0.12, 12);
    expect(e.maxRelative).toBeLessThan(0.02);
    expect(e.maxRelative).toBeGreaterThan(0.01); // and it is a real approximation, not a lucky fit
  });

  it("convexifies Xu's depth stress, which is not convex at shallow depth (notes §6(a): c₁ > c₂), and says so", () => {
    const pwl = convexPwl(xuDepthStress, depthBreakpoints(10, 1, 'uniform'));
    expect(pwl.convexified).toBe(true);
    expect(pwl.droppedXs[0]).toBeCloseTo(0.1, 12);
    for (let k = 1; k < pwl.slopes.length; k++)
      expect(pwl.slopes[k]!).toBeGreaterThanOrEqual(pwl.slopes[k - 1]!);
    // the envelope of the sampled values: on or below the curve at every requested breakpoint
    for (const x of depthBreakpoints(10, 1, 'uniform'))
      expect(pwlValue(pwl, x)).toBeLessThanOrEqual(xuDepthStress(x) * (1 + 1e-12));
  });

  it('convexifies the mostly concave Schimpe calendar curve (k_cal vs SOC) and states a large error', () => {
    const f = (s: number): number => calendarCostUsdPerHour(spec, schimpe2018Lfp, s, 8760);
    const pwl = convexPwl(f, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(pwl.convexified).toBe(true);
    expect(pwl.xs.length).toBeLessThan(9);
    expect(pwl.droppedXs).toContain(0.3);
    expect(approximationError(pwl, f, 0.1, 0.9).maxRelative).toBeGreaterThan(0.1);
  });

  it('rejects unordered breakpoints', () => {
    expect(inputErrorOf(() => convexPwl((x) => x, [0, 0.5, 0.4])).field).toBe('breakpoints[2]');
    expect(inputErrorOf(() => depthBreakpoints(0, 1)).field).toBe('segments');
  });
});
