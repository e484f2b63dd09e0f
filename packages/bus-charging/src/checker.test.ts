import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { ccCvCurve } from '@gridhaul/battery';
import { checkSchedule } from './checker';
import { buildInstance } from './instance';
import type { ChargingSession } from './schedule';
import { twoBusInstance } from './tiny';

// Visits of twoBusInstance in (arrival, bus) order: 0 = b0 [0,1], 1 = b1 [0,1], 2 = b1 [1.5,4], 3 = b0 [2,4].
const SLOW = 0;
const FAST = 1;
const feasible: ChargingSession[] = [
  { visit: 1, charger: FAST, startH: 0, endH: 0.25 }, // b1: 60 + 10 − 45 = 25 kWh on arrival
  { visit: 2, charger: FAST, startH: 1.5, endH: 2.125 }, // b1: 25 + 25 = 50 at the end
  { visit: 3, charger: SLOW, startH: 2, endH: 4 }, // b0: 60 − 30 + 20 = 50 at the end
];

function replace(k: number, s: Partial<ChargingSession>): ChargingSession[] {
  return feasible.map((x, j) => (j === k ? { ...x, ...s } : x));
}

describe('checkSchedule on a hand-made schedule', () => {
  const inst = twoBusInstance();
  const r = checkSchedule(inst, { sessions: feasible });

  it('accepts it and recomputes energy, SOC and charger counts by hand', () => {
    expect(r.violations).toEqual([]);
    expect(r.feasible).toBe(true);
    expectClose(r.energyKWh, 55, { abs: 1e-9 }, 'energy = 10 + 25 + 20 kWh');
    expect(r.finalSocKWh).toEqual([50, 50]);
    expectClose(r.minSocKWh, 25, { abs: 1e-9 }, 'b1 arrives with 25 kWh');
    expect(r.chargerCounts).toEqual({ slow: { used: 1, maxParallel: 1 }, fast: { used: 1, maxParallel: 1 } });
  });

  it('measures the three peaks: 50 kW instantaneous, 45 kW over [1.875, 2.125], 40 kW on billing periods', () => {
    expectClose(r.instantaneousPeakKW, 50, { abs: 1e-9 }, 'fast + slow at 2.0–2.125 h');
    expectClose(r.peakKW, 45, { abs: 1e-9 }, '(0.25·40 + 0.125·10) / 0.25');
    expectClose(r.peakAlignedKW, 40, { abs: 1e-9 }, 'period [1.75, 2.0): fast only');
  });

  it('prices chargers, energy and demand: 400 + 27.5 + 450', () => {
    expect(r.cost.chargers).toBe(400);
    expectClose(r.cost.energy, 27.5, { abs: 1e-9 }, 'energy cost');
    expectClose(r.cost.demand, 450, { abs: 1e-9 }, 'demand cost (sliding)');
    expectClose(r.cost.total, 877.5, { abs: 1e-9 }, 'total');
    expectClose(checkSchedule(inst, { sessions: feasible }, { demand: 'aligned' }).cost.total, 827.5, { abs: 1e-9 }, 'total, billing periods');
  });

  it('rejects two buses on one charger at once', () => {
    const bad = checkSchedule(inst, { sessions: replace(2, { charger: FAST, startH: 2, endH: 2.5 }) });
    expect(bad.feasible).toBe(false);
    expect(bad.violations).toEqual([{ kind: 'overlap', charger: FAST, visits: [2, 3], overlapH: 0.125 }]);
  });

  it('rejects a bus below its minimum SOC', () => {
    const bad = checkSchedule(inst, { sessions: feasible.slice(1) });
    expect(bad.violations).toEqual([
      { kind: 'socBelowMin', bus: 1, visit: 2, timeH: 1.5, socKWh: 15, minKWh: 20 },
      { kind: 'finalSoc', bus: 1, socKWh: 40, requiredKWh: 50 },
    ]);
  });

  it('rejects a session outside its visit window', () => {
    const bad = checkSchedule(inst, { sessions: replace(2, { startH: 1.9 }) });
    expect(bad.violations.map((v) => v.kind)).toEqual(['window']);
  });

  it('rejects a bus that ends the day below its target', () => {
    const bad = checkSchedule(inst, { sessions: replace(2, { endH: 3 }) });
    expect(bad.violations).toEqual([{ kind: 'finalSoc', bus: 0, socKWh: 40, requiredKWh: 50 }]);
  });

  it('rejects two sessions for one visit, unknown chargers and reversed times', () => {
    const bad = checkSchedule(inst, { sessions: [...feasible, { visit: 3, charger: FAST, startH: 3, endH: 3.5 }, { visit: 0, charger: 7, startH: 0, endH: 1 }, { visit: 0, charger: 0, startH: 1, endH: 0.5 }] });
    expect(bad.violations.map((v) => v.kind)).toEqual(['duplicateVisit', 'unknownCharger', 'badTimes']);
  });
});

describe('charging physics in the checker', () => {
  const one = (initialSocKWh: number) =>
    buildInstance({
      name: 'one',
      horizonH: 2,
      buses: [{ id: 'b', batteryKWh: 100, initialSocKWh, minSocKWh: 0, finalSocKWh: 0 }],
      visits: [{ bus: 0, arrivalH: 0, departureH: 2, dischargeAfterKWh: 0 }],
      chargers: [{ id: 'f', type: 'fast', powerKW: 40 }],
    });

  it('stops a linear charge when the battery is full', () => {
    const r = checkSchedule(one(90), { sessions: [{ visit: 0, charger: 0, startH: 0, endH: 0.5 }] });
    expectClose(r.energyKWh, 10, { abs: 1e-12 }, '10 kWh fill the battery');
    expect(r.sessionPower[0]).toEqual([{ startH: 0, endH: 0.25, powerKW: 40, decayPerH: 0 }]);
    expectClose(r.peakKW, 40, { abs: 1e-9 }, 'a full 15-min window at 40 kW');
  });

  it('follows the CC-CV curve: 60→80 kWh at 40 kW, then 100 − 20·e^{−2·0.5} after 0.5 h of CV (c = 40/20 per h)', () => {
    const r = checkSchedule(one(60), { sessions: [{ visit: 0, charger: 0, startH: 0, endH: 1 }] }, { charging: { kind: 'cccv', cvStartSoc: 0.8 } });
    const expected = 100 - 20 * Math.exp(-1);
    expectClose(r.finalSocKWh[0] ?? NaN, expected, { abs: 1e-9 }, 'SOC after 1 h');
    expectClose(ccCvCurve(100, 40, 0.8).energyAfter(60, 1), expected, { abs: 1e-9 }, '@gridhaul/battery\'s CC-CV curve agrees');
    expectClose(r.instantaneousPeakKW, 40, { abs: 1e-9 }, 'power never exceeds the rating');
    // Best window: the last 15 min of CC; any later window trades CC power for the decaying tail.
    expectClose(r.peakKW, 40, { abs: 1e-6 }, '15-min demand');
    expectClose(r.energyKWh, 100 - 20 * Math.exp(-1) - 60, { abs: 1e-9 }, 'energy');
  });

  it('books a pure CV tail from the knee: 20·(1 − e^{−0.5}) kWh in the first 15 min', () => {
    const r = checkSchedule(one(80), { sessions: [{ visit: 0, charger: 0, startH: 0, endH: 0.5 }] }, { charging: { kind: 'cccv', cvStartSoc: 0.8 } });
    const firstWindowKW = (20 * (1 - Math.exp(-0.5))) / 0.25;
    expectClose(r.peakAlignedKW, firstWindowKW, { abs: 1e-9 }, 'billing period [0, 0.25)');
    expectClose(r.peakKW, firstWindowKW, { abs: 1e-6 }, 'the decaying tail peaks in its first window');
    expectClose(r.instantaneousPeakKW, 40, { abs: 1e-9 }, 'rated power at the knee');
  });
});
