import { readFileSync } from 'node:fs';
import { expectClose } from '@gridhaul/common/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../testing/inputError';
import { constantPowerCurve } from './constantPower';
import type { ChargingCurve } from './curve';
import { hoursToSoc } from './curve';
import { ccCvCurve, cvTailCurve } from './cvTail';
import { MONTOYA_2017, montoyaCurve, type MontoyaCharger } from './montoya';
import { piecewiseLinearCurve } from './piecewiseLinear';

// Copy of ../shared/data/beb/charging-curves.json (Montoya et al. 2017, VRP-REP 2016-0020 via e-VRO/frvcpy@7788f2e).
const curves = JSON.parse(
  readFileSync(new URL('../../test/data/charging-curves.json', import.meta.url), 'utf8'),
);
const published: Record<MontoyaCharger, Array<[number, number]>> = {
  fast: curves.montoya2017_piecewise_linear.functions.fast_44kW,
  normal: curves.montoya2017_piecewise_linear.functions.normal_22kW,
  slow: curves.montoya2017_piecewise_linear.functions.slow_11kW,
};
const impliedPower: Record<MontoyaCharger, number[]> = {
  fast: curves.montoya2017_piecewise_linear.implied_segment_power_kW.fast_44kW,
  normal: curves.montoya2017_piecewise_linear.implied_segment_power_kW.normal_22kW,
  slow: curves.montoya2017_piecewise_linear.implied_segment_power_kW.slow_11kW,
};
const chargers: MontoyaCharger[] = ['fast', 'normal', 'slow'];

describe('Montoya et al. 2017 piecewise-linear charging functions', () => {
  it.each(chargers)('%s: the package constants are the published breakpoints', (c) => {
    expect(MONTOYA_2017[c].breakpoints.map((b) => [b.energyKWh, b.hours])).toEqual(published[c]);
  });

  it.each(chargers)('%s: every breakpoint is reproduced exactly in both directions', (c) => {
    const curve = montoyaCurve(c);
    for (const [e, t] of published[c]) {
      expect(curve.energyAfter(0, t)).toBe(e);
      expect(curve.hoursToReach(0, e)).toBe(t);
      expect(curve.hoursFromEmpty(e)).toBe(t);
    }
    // charging between two breakpoints takes the difference of their times
    const [, b1, b2, b3] = published[c];
    expect(curve.hoursToReach(b1![0], b3![0])).toBe(b3![1] - b1![1]);
    expect(curve.energyAfter(b1![0], b2![1] - b1![1])).toBe(b2![0]);
  });

  it.each(chargers)('%s: segment powers are the published implied powers (kW, 2 decimals)', (c) => {
    const bps = published[c];
    for (let k = 1; k < bps.length; k++) {
      const p = (bps[k]![0] - bps[k - 1]![0]) / (bps[k]![1] - bps[k - 1]![1]);
      expectClose(p, impliedPower[c][k - 1]!, { abs: 0.006 }, `${c} segment ${k} kW`);
    }
  });

  it('stays full after the last breakpoint', () => {
    expect(montoyaCurve('fast').energyAfter(15, 10)).toBe(16);
  });

  it('scales to another battery and charger power keeping SOC breakpoints 0.85 / 0.95 / 1', () => {
    const big = montoyaCurve('normal', { capacityKWh: 64, powerKW: 44 }); // 4× energy, 2× power: times ×2
    expect(big.breakpoints.map((b) => b.energyKWh / 64)).toEqual([0, 0.85, 0.95, 1]);
    expectClose(big.hoursToReach(0, 64), 2 * 1.01, { abs: 1e-12 }, 'full charge hours');
    expectClose(hoursToSoc(big, 0, 0.85), 2 * 0.62, { abs: 1e-12 }, 'hours to 85 %');
  });
});

describe('exponential CV tail and CC-CV (../shared/notes/beb-charging.md §5.3–5.4)', () => {
  it('charge(t) = cap − (cap − start)·e^(−c·t)', () => {
    const tail = cvTailCurve(388, 2);
    expectClose(
      tail.energyAfter(100, 0.5),
      388 - 288 * Math.exp(-1),
      { rel: 1e-14 },
      'energy after 0.5 h',
    );
    expect(tail.hoursToReach(0, 388)).toBe(Infinity);
  });

  it("Brown's calibration rule: c = ln(1/(1−x))·r/(x·κ) meets the 30 kW line at 80 % (c = 4.32e-5 1/s)", () => {
    const cPerS = (Math.log(1 / 0.2) * 30) / (0.8 * 388 * 3600);
    expectClose(cPerS, 4.32e-5, { abs: 0.005e-5 }, 'c slow, 1/s');
    const tail = cvTailCurve(388, cPerS * 3600);
    expectClose(tail.hoursToReach(0, 0.8 * 388), (0.8 * 388) / 30, { rel: 1e-12 }, 'hours to 80 %');
  });

  it('CC-CV for 388 kWh at 910.95 kW with CV from 80 %: 0→80 % in 1227 s, 0→95 % in 1652 s (§5.4)', () => {
    const c = ccCvCurve(388, 910.95, 0.8);
    expectClose(c.hoursToReach(0, 0.8 * 388) * 3600, 1227, { abs: 0.5 }, 's to 80 %');
    expectClose(c.hoursToReach(0, 0.95 * 388) * 3600, 1652, { abs: 0.5 }, 's to 95 %');
    // the tail starts at the CC power: c = P/(κ(1 − s_cv)) = 3.26e-3 1/s
    const dE = c.energyAfter(0.8 * 388, 1e-7) - 0.8 * 388;
    expectClose(dE / 1e-7, 910.95, { rel: 1e-5 }, 'power entering the CV phase');
  });
});

describe('time-to-target inverts energy-after-t (exact, every curve)', () => {
  const cases: Array<[string, ChargingCurve]> = [
    ['constant 50 kW', constantPowerCurve(100, 50, 0.95)],
    ['Montoya fast', montoyaCurve('fast')],
    ['Montoya slow, 300 kWh at 150 kW', montoyaCurve('slow', { capacityKWh: 300, powerKW: 150 })],
    [
      'user breakpoints',
      piecewiseLinearCurve([
        { energyKWh: 0, hours: 0 },
        { energyKWh: 30, hours: 0.5 },
        { energyKWh: 40, hours: 2 },
      ]),
    ],
    ['CV tail', cvTailCurve(388, 0.9)],
    ['CC-CV', ccCvCurve(388, 150, 0.8)],
  ];

  it.each(cases)(
    '%s: hoursToReach(e0, energyAfter(e0, t)) = t before the curve ends',
    (_, curve) => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 3, noNaN: true }),
          (f, t) => {
            const e0 = f * curve.capacityKWh;
            const e1 = curve.energyAfter(e0, t);
            expect(e1).toBeGreaterThanOrEqual(e0 - 1e-12);
            expect(e1).toBeLessThanOrEqual(curve.capacityKWh);
            if (e1 < curve.capacityKWh * (1 - 1e-9))
              expectClose(
                curve.hoursToReach(e0, e1),
                t,
                { abs: 1e-9, rel: 1e-9 },
                'round trip hours',
              );
          },
        ),
        { seed: 20170208, numRuns: 300 },
      );
    },
  );

  it.each(cases)('%s: energyAfter(e0, hoursToReach(e0, e1)) = e1', (_, curve) => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const e0 = lo * curve.capacityKWh;
          const e1 = hi * curve.capacityKWh;
          expectClose(
            curve.energyAfter(e0, curve.hoursToReach(e0, e1)),
            e1,
            { abs: 1e-9 * curve.capacityKWh },
            'round trip energy',
          );
        },
      ),
      { seed: 20170208, numRuns: 300 },
    );
  });
});

describe('charging-curve input checks', () => {
  it('rejects breakpoints that do not start at empty or are not increasing', () => {
    expect(
      inputErrorOf(() =>
        piecewiseLinearCurve([
          { energyKWh: 1, hours: 0 },
          { energyKWh: 2, hours: 1 },
        ]),
      ).field,
    ).toBe('breakpoints[0]');
    const e = inputErrorOf(() =>
      piecewiseLinearCurve([
        { energyKWh: 0, hours: 0 },
        { energyKWh: 2, hours: 1 },
        { energyKWh: 3, hours: 1 },
      ]),
    );
    expect([e.field, e.value]).toEqual(['breakpoints[2].hours', 1]);
  });

  it('rejects a start above capacity and negative durations', () => {
    const c = montoyaCurve('fast');
    expect(inputErrorOf(() => c.energyAfter(17, 1)).field).toBe('startKWh');
    expect(inputErrorOf(() => c.energyAfter(1, -1)).field).toBe('hours');
  });
});
