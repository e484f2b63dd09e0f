import { expectClose } from '@gridhaul/common/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformProfile, type SocProfile } from '../profile';
import { cycleLifeModel } from './cycleLife';
import { naumannLfp } from './naumann';
import { schimpe2018Lfp } from './schimpe';
import { schmalstieg2014Nmc } from './schmalstieg';
import type { CycleStress, DegradationModel } from './types';
import { wang2011Lfp } from './wang';
import { xu2018, xuLoss } from './xu';

const models: DegradationModel[] = [
  schmalstieg2014Nmc,
  schimpe2018Lfp,
  naumannLfp,
  wang2011Lfp,
  cycleLifeModel(0.8),
  xu2018,
];
const byId = models.map((m) => [m.id, m] as const);
const run = { seed: 42, numRuns: 150 };

/** Triangle wave between lo and hi, `cycles` periods of `periodH` hours, sampled every `stepH`. */
function triangle(
  lo: number,
  hi: number,
  cycles: number,
  periodH: number,
  stepH: number,
  tempC: number,
): SocProfile {
  const n = Math.round((cycles * periodH) / stepH);
  const soc = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const phase = ((i * stepH) % periodH) / periodH;
    soc[i] = phase < 0.5 ? hi - (hi - lo) * 2 * phase : lo + (hi - lo) * (2 * phase - 1);
  }
  return uniformProfile(stepH, soc, tempC);
}

const stress = fc.record({
  depth: fc.double({ min: 0.01, max: 1, noNaN: true }),
  tempC: fc.double({ min: -10, max: 55, noNaN: true }),
  cRate: fc.double({ min: 0.1, max: 3, noNaN: true }),
});
const centred = (
  s: { depth: number; tempC: number; cRate: number },
  meanSoc = 0.5,
): CycleStress => ({ ...s, meanSoc });

describe.each(byId)('%s: limits', (_, m) => {
  it('a new battery, no time and no cycles: no fade', () => {
    expect(m.calendarFade(0.5, 25, 0)).toBe(0);
    expect(m.cycleFade({ depth: 0.8, meanSoc: 0.5, tempC: 25, cRate: 1 }, 0)).toBe(0);
  });

  it('zero throughput gives zero cycle wear: a constant-SOC profile has cycle fade 0', () => {
    const f = m.fade(uniformProfile(1, new Float64Array(24 * 30).fill(0.7), 25));
    expect(f.cycle).toBe(0);
    expect(m.cycleFade({ depth: 0, meanSoc: 0.5, tempC: 25, cRate: 1 }, 100)).toBe(0);
  });

  it('a constant-SOC profile ages exactly like calendarFade (equivalent-age continuation is exact)', () => {
    const f = m.fade(uniformProfile(0.25, new Float64Array(4 * 24 * 90 + 1).fill(0.7), 30));
    if (m.id === 'xu2018')
      expectClose(f.total, m.calendarFade(0.7, 30, 24 * 90), { rel: 1e-9 }, 'calendar');
    else expectClose(f.calendar, m.calendarFade(0.7, 30, 24 * 90), { rel: 1e-9 }, 'calendar');
    if (!m.calendarModelled) expect(f.calendar).toBe(0);
  });

  it('identical triangle cycles in a profile age exactly like cycleFade of that many cycles', () => {
    const p = triangle(0.1, 0.9, 20, 4, 0.05, 25); // depth 0.8, mean 0.5, C-rate 0.8/2 h = 0.4
    const f = m.fade(p);
    const s: CycleStress = { depth: 0.8, meanSoc: 0.5, tempC: 25, cRate: 0.4 };
    if (m.id === 'xu2018') {
      // Xu's L(f_d) mixes calendar and cycle damage, so compare the cycle damage itself
      expectClose(xuLoss(f.state['fdCycle']!), m.cycleFade(s, 20), { rel: 1e-9 }, 'cycle damage');
      expectClose(f.rainflowCycles, 20, { abs: 1e-12 }, 'rainflow cycles');
    } else {
      expectClose(f.cycle, m.cycleFade(s, 20), { rel: 1e-9 }, 'cycle fade');
    }
  });
});

describe.each(byId)('%s: more stress never reduces wear', (_, m) => {
  it('more depth of discharge (same number of cycles, same mean SOC)', () => {
    fc.assert(
      fc.property(stress, fc.double({ min: 0, max: 1, noNaN: true }), (s, f) => {
        const a = centred({ ...s, depth: Math.min(s.depth, 1) * f });
        const b = centred(s);
        expect(m.cycleFade(a, 50)).toBeLessThanOrEqual(m.cycleFade(b, 50) * (1 + 1e-12));
      }),
      run,
    );
  });

  it('more cycles and more storage time', () => {
    fc.assert(
      fc.property(
        stress,
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (s, n1, n2) => {
          const [lo, hi] = n1 < n2 ? [n1, n2] : [n2, n1];
          expect(m.cycleFade(centred(s), lo)).toBeLessThanOrEqual(m.cycleFade(centred(s), hi));
          expect(m.calendarFade(0.5, s.tempC, lo * 24)).toBeLessThanOrEqual(
            m.calendarFade(0.5, s.tempC, hi * 24),
          );
        },
      ),
      run,
    );
  });

  it('higher storage SOC and higher storage temperature', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -10, max: 55, noNaN: true }),
        (a, b, t) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(m.calendarFade(lo, t, 8760)).toBeLessThanOrEqual(
            m.calendarFade(hi, t, 8760) * (1 + 1e-12),
          );
          expect(m.calendarFade(lo, t, 8760)).toBeLessThanOrEqual(
            m.calendarFade(lo, t + 5, 8760) * (1 + 1e-12),
          );
        },
      ),
      run,
    );
  });
});

// Where the published fits are not monotone, we test what they say rather than pretend.
const monotoneCycleTemp = models.filter((m) => m.id !== 'schimpe2018-lfp');
const monotoneCycleSoc = models.filter((m) => m.id !== 'schmalstieg2014-nmc');

describe.each(monotoneCycleTemp.map((m) => [m.id, m] as const))(
  '%s: hotter cycling never reduces cycle wear',
  (_, m) => {
    it('cycle fade is non-decreasing in temperature', () => {
      fc.assert(
        fc.property(stress, fc.double({ min: 0, max: 20, noNaN: true }), (s, dt) => {
          expect(m.cycleFade(centred(s), 100)).toBeLessThanOrEqual(
            m.cycleFade(centred({ ...s, tempC: s.tempC + dt }), 100) * (1 + 1e-12),
          );
        }),
        run,
      );
    });
  },
);

describe.each(monotoneCycleSoc.map((m) => [m.id, m] as const))(
  '%s: cycling at higher mean SOC never reduces wear',
  (_, m) => {
    it('cycle fade is non-decreasing in mean SOC', () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0.01, max: 0.5, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (d, a, b) => {
            const span = 1 - d;
            const [lo, hi] = a < b ? [a, b] : [b, a];
            const at = (f: number): CycleStress => ({
              depth: d,
              meanSoc: d / 2 + f * span,
              tempC: 25,
              cRate: 0.5,
            });
            expect(m.cycleFade(at(lo), 100)).toBeLessThanOrEqual(
              m.cycleFade(at(hi), 100) * (1 + 1e-12),
            );
          },
        ),
        run,
      );
    });
  },
);

describe('published non-monotone behaviour, stated', () => {
  it('Schmalstieg: β_cap is a parabola in V̄ with its minimum at 3.667 V (≈ SOC 0.39); above it, higher SOC wears more', () => {
    const at = (meanSoc: number): number =>
      schmalstieg2014Nmc.cycleFade({ depth: 0.1, meanSoc, tempC: 25, cRate: 1 }, 100);
    expect(at(0.1)).toBeGreaterThan(at(0.35)); // the dip the fit has at low SOC
    for (let s = 0.45; s < 0.94; s += 0.05) expect(at(s)).toBeLessThan(at(s + 0.05));
  });

  it('Schimpe: cycling wear falls with temperature below ~30 °C (plating), rises above', () => {
    const at = (tempC: number): number =>
      schimpe2018Lfp.cycleFade({ depth: 0.8, meanSoc: 0.5, tempC, cRate: 1 }, 1000);
    for (let t = -10; t < 20; t += 5) expect(at(t)).toBeGreaterThan(at(t + 5));
    for (let t = 40; t < 60; t += 5) expect(at(t)).toBeLessThan(at(t + 5));
  });
});

describe.each(byId)('%s: profile-level monotonicity', (_, m) => {
  it('a deeper, a hotter and a higher-SOC profile wear at least as much (where the fit is monotone)', () => {
    const base = m.fade(triangle(0.3, 0.7, 30, 6, 0.1, 25)).total;
    expect(m.fade(triangle(0.1, 0.9, 30, 6, 0.1, 25)).total).toBeGreaterThan(base);
    if (m.id !== 'schimpe2018-lfp')
      expect(m.fade(triangle(0.3, 0.7, 30, 6, 0.1, 40)).total).toBeGreaterThanOrEqual(base);
    if (m.id !== 'schmalstieg2014-nmc')
      expect(m.fade(triangle(0.55, 0.95, 30, 6, 0.1, 25)).total).toBeGreaterThanOrEqual(base);
  });

  it('chaining two halves of a profile equals fading the whole profile', () => {
    const p = triangle(0.2, 0.9, 10, 5, 0.25, 25);
    const n = p.timeH.length;
    const cut = 100; // at a trough-to-peak boundary: a reversal point, so rainflow splits cleanly
    const first = {
      timeH: Array.from(p.timeH).slice(0, cut + 1),
      soc: Array.from(p.soc).slice(0, cut + 1),
      tempC: 25,
    };
    const second = {
      timeH: Array.from(p.timeH).slice(cut),
      soc: Array.from(p.soc).slice(cut),
      tempC: 25,
    };
    const whole = m.fade(p).total;
    const chained = m.fade(second, { from: m.fade(first).state }).total;
    expect(n).toBeGreaterThan(cut);
    expectClose(chained, whole, { rel: 1e-9 }, 'chained vs whole');
  });
});
