import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { checkSchedule } from './checker';
import { reportSchedule } from './report';
import type { Schedule } from './schedule';
import { twoBusInstance } from './tiny';

// The hand-made schedule of checker.test.ts: fast 0–0.25 h (b1), fast 1.5–2.125 h (b1), slow 2–4 h (b0).
const schedule: Schedule = {
  sessions: [
    { visit: 1, charger: 1, startH: 0, endH: 0.25 },
    { visit: 2, charger: 1, startH: 1.5, endH: 2.125 },
    { visit: 3, charger: 0, startH: 2, endH: 4 },
  ],
};

describe('reportSchedule', () => {
  const inst = twoBusInstance();
  const r = reportSchedule(inst, schedule, checkSchedule(inst, schedule), 0.125);

  it('lists sessions per charger in time order with their energy', () => {
    expect(r.perCharger.map((c) => [c.charger, c.sessions.map((s) => [s.bus, s.startH, s.energyKWh])])).toEqual([
      ['slow', [['b0', 2, 20]]],
      ['fast', [['b1', 0, 10], ['b1', 1.5, 25]]],
    ]);
  });

  it('lists every visit per bus, waiting or charging, with the SOC on arrival', () => {
    const b1 = r.perBus[1];
    expect(b1?.visits.map((v) => [v.visit, v.charger, v.socOnArrivalKWh])).toEqual([
      [1, 'fast', 60],
      [2, 'fast', 25],
    ]);
    expect(r.perBus[0]?.visits.map((v) => v.charger)).toEqual([null, 'slow']);
    expect(r.perBus.map((b) => b.finalSocKWh)).toEqual([50, 50]);
  });

  it('averages power per step: 40 kW, then 50 kW while both chargers run, integrating to 55 kWh', () => {
    const kW = r.powerProfile.kW;
    expect(kW).toHaveLength(32);
    expect([kW[0], kW[1], kW[2], kW[15], kW[16], kW[17], kW[31]]).toEqual([40, 40, 0, 40, 50, 10, 10]);
    expectClose(kW.reduce((a, b) => a + b, 0) * 0.125, 55, { abs: 1e-9 }, 'energy from the profile');
  });
});
