import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { simulateSchedule, traceToProfile } from './soc';
import { rainflow } from './rainflow';
import { inputErrorOf } from './testing/inputError';
import { createBatterySpec, type BatterySpecInput } from './spec';

const input: BatterySpecInput = {
  chemistry: 'lfp',
  nominalEnergyKWh: 100,
  socMin: 0.1,
  socMax: 0.9,
  maxChargePowerKW: 50,
  maxDischargePowerKW: 50,
  chargeEfficiency: 0.95,
  dischargeEfficiency: 0.95,
  replacementCostUsdPerKWh: 150,
  endOfLifeCapacityFraction: 0.8,
  temperatureC: 25,
};
const spec = createBatterySpec(input);

describe('simulateSchedule', () => {
  it('books charge and discharge with their efficiencies (hand computation)', () => {
    const tr = simulateSchedule(spec, 0.2, [
      { kind: 'charge', durationH: 1, powerKW: 50 }, // +47.5 kWh stored
      { kind: 'idle', durationH: 2 },
      { kind: 'discharge', durationH: 1, powerKW: 38 }, // −40 kWh stored
    ]);
    expect(tr.points.map((p) => p.timeH)).toEqual([0, 1, 3, 4]);
    expectClose(tr.points[1]!.energyKWh, 67.5, { abs: 1e-9 }, 'after charge');
    expectClose(tr.points[3]!.energyKWh, 27.5, { abs: 1e-9 }, 'after discharge');
    expectClose(tr.lossesKWh, 2.5 + 2, { abs: 1e-9 }, 'conversion losses');
    expect(tr.feasible).toBe(true);
  });

  it('reports leaving the window with the crossing time and the amount', () => {
    // 30 kWh stored, window floor 10 kWh; discharging 47.5 kW removes 50 kWh/h: floor at 0.4 h, end at 1 h 20 kWh below
    const tr = simulateSchedule(spec, 0.3, [{ kind: 'discharge', durationH: 1, powerKW: 47.5 }]);
    expect(tr.feasible).toBe(false);
    expect(tr.windowViolations).toHaveLength(1);
    const v = tr.windowViolations[0]!;
    expect(v.bound).toBe('socMin');
    expectClose(v.fromH, 0.4, { abs: 1e-12 }, 'crossing time');
    expectClose(v.worstAtH, 1, { abs: 1e-12 }, 'worst at');
    expectClose(v.amountKWh, 30, { abs: 1e-9 }, 'amount below the floor');
  });

  it('reports an upper-bound violation starting mid-schedule', () => {
    const tr = simulateSchedule(spec, 0.5, [
      { kind: 'idle', durationH: 1 },
      { kind: 'charge', durationH: 2, powerKW: 40 }, // +38 kWh/h: reaches 90 kWh after 40/38 h
    ]);
    const v = tr.windowViolations[0]!;
    expect(v.intervalIndex).toBe(1);
    expect(v.bound).toBe('socMax');
    expectClose(v.fromH, 1 + 40 / 38, { abs: 1e-12 }, 'crossing time');
    expectClose(v.amountKWh, 50 + 76 - 90, { abs: 1e-9 }, 'amount above the ceiling');
  });

  it('integrates self-discharge exactly (compared with a fine explicit Euler integration)', () => {
    const leaky = createBatterySpec({ ...input, selfDischargePerHour: 0.02 });
    const tr = simulateSchedule(leaky, 0.3, [
      { kind: 'charge', durationH: 3, powerKW: 20 },
      { kind: 'idle', durationH: 10 },
    ]);
    let e = 30;
    const steps = 1_000_000;
    for (let k = 0; k < steps; k++) e += (0.95 * 20 - 0.02 * e) * (3 / steps);
    expectClose(tr.points[1]!.energyKWh, e, { abs: 1e-3 }, 'after charging with leakage');
    expectClose(tr.points[2]!.energyKWh, e * Math.exp(-0.2), { abs: 1e-3 }, 'after 10 h idle');
    const lost = 0.05 * 20 * 3 + (30 + 57 - tr.points[2]!.energyKWh);
    expectClose(tr.lossesKWh, lost, { abs: 1e-9 }, 'losses include self-discharge');
  });

  it('reports power above the limits', () => {
    const tr = simulateSchedule(spec, 0.5, [{ kind: 'charge', durationH: 0.1, powerKW: 60 }]);
    expect(tr.powerViolations).toEqual([
      { intervalIndex: 0, kind: 'charge', powerKW: 60, limitKW: 50 },
    ]);
    expect(tr.feasible).toBe(false);
  });

  it('rejects bad intervals with an InputError naming the interval', () => {
    expect(
      inputErrorOf(() => simulateSchedule(spec, 0.5, [{ kind: 'idle', durationH: -1 }])).field,
    ).toBe('schedule[0].durationH');
    const e = inputErrorOf(() =>
      simulateSchedule(spec, 0.5, [
        { kind: 'idle', durationH: 1 },
        { kind: 'charge', durationH: 1, powerKW: Number.NaN },
      ]),
    );
    expect(e.field).toBe('schedule[1].powerKW');
    expect(e.value).toBeNaN();
    expect(inputErrorOf(() => simulateSchedule(spec, 1.5, [])).field).toBe('initialSoc');
  });

  it('turns a trace into a profile whose rainflow sees the schedule cycles', () => {
    const tr = simulateSchedule(spec, 0.9, [
      { kind: 'discharge', durationH: 2, powerKW: 38 }, // −80 kWh
      { kind: 'idle', durationH: 0 },
      { kind: 'charge', durationH: 2, powerKW: 40 }, // +76 kWh
    ]);
    const p = traceToProfile(tr, 20);
    expect(p.timeH).toEqual([0, 2, 4]);
    const c = rainflow(p.soc);
    expectClose(c.range[0]!, 0.8, { abs: 1e-12 }, 'first half cycle depth');
    expect(c.length).toBe(2);
  });
});
