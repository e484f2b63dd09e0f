import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { bundledDeliveryCase } from '../bundled';
import { checkDeliveryPlan } from './checker';
import type { DeliveryPlan, DeliveryRoute } from './plan';

// Hand-made plans on the 7-node case (shared/notes/mess-routing.md §1): vehicle 4 (350 kWh, 55 km/h,
// 12 NOK/km, 350 NOK/h) serves site 3 (50 km from the depot, SOC 13.3 %, demand 130 kWh).
const inst = bundledDeliveryCase('7-node');
const good: DeliveryRoute = {
  vehicleId: 4,
  startH: 8,
  departH: 8.5,
  stops: [{ node: 3, arrivalH: 8.5 + 50 / 55, serviceStartH: 8.5 + 50 / 55, deliveredKWh: 150, pickedUpKWh: 20 }],
  returnH: 8.5 + 50 / 55 + 0.5 + 50 / 55,
};
const plan = (routes: DeliveryRoute[]): DeliveryPlan => ({ instance: '7-node', method: 'hand-made', routes });
const kinds = (p: DeliveryPlan) => checkDeliveryPlan(inst, p).violations.map((v) => v.kind);

describe('delivery plan checker', () => {
  it('prices a correct route: 100 km, 2 legs, wages on 2.318 h', () => {
    const c = checkDeliveryPlan(inst, plan([good]));
    expect(c.violations.filter((v) => v.kind !== 'unserved-required-site')).toEqual([]);
    expect(c.cost.distanceKm).toBe(100);
    expect(c.cost.tollNOK).toBe(800);
    expectClose(c.cost.totalNOK, 100 * 22 + 800 + 350 * (0.5 + 100 / 55 + 0.5), { abs: 1e-9 }, 'duration cost');
    // The published rule: wage × arrival clock time + wage × 8 h for the way home (notes §4.2).
    expectClose(checkDeliveryPlan(inst, plan([good]), { costModel: 'published' }).cost.totalNOK, 9093.18, { abs: 0.005 }, 'published cost of vehicle 4');
  });

  it('lists the required sites nobody serves (1, 5 and 6 reach 20 % SOC by 16:00; 2 and 4 never do)', () => {
    const c = checkDeliveryPlan(inst, plan([good]));
    expect(c.violations.filter((v) => v.kind === 'unserved-required-site').map((v) => v.node)).toEqual([1, 5, 6]);
  });

  it('rejects an arrival faster than the vehicle can drive', () => {
    expect(kinds(plan([{ ...good, stops: [{ ...good.stops[0]!, arrivalH: 9.0, serviceStartH: 9.0 }] }]))).toContain('arrival-too-early');
  });

  it('rejects service while the site SOC is still above 20 % (site 4 at 09:00 is at 29.5 %)', () => {
    const r: DeliveryRoute = { vehicleId: 1, startH: 7.5, departH: 7.34, stops: [{ node: 4, arrivalH: 9, serviceStartH: 9, deliveredKWh: 100, pickedUpKWh: 30 }], returnH: 11.2 };
    const k = kinds(plan([r]));
    expect(k).toContain('soc-above-threshold');
    expect(k).toContain('start-before-shift');
    expect(k).toContain('departure-before-loading');
  });

  it('rejects service outside the window and a return before the drive home ends', () => {
    const late: DeliveryRoute = { ...good, stops: [{ ...good.stops[0]!, arrivalH: 16.5, serviceStartH: 16.5 }], returnH: 17 };
    const k = kinds(plan([late]));
    expect(k).toContain('outside-time-window');
    expect(k).toContain('return-too-early');
  });

  it('rejects overloading, short delivery, excess pickup, double service and a reused vehicle', () => {
    const heavy: DeliveryRoute = {
      vehicleId: 1,
      startH: 9,
      departH: 9.5,
      stops: [
        { node: 6, arrivalH: 9.5 + 130 / 60, serviceStartH: 11.7, deliveredKWh: 200, pickedUpKWh: 30 },
        { node: 3, arrivalH: 11.7 + 0.5 + 0.5, serviceStartH: 12.7, deliveredKWh: 100, pickedUpKWh: 20 },
      ],
      returnH: 12.7 + 0.5 + 50 / 60,
    };
    const twice: DeliveryRoute = { ...good, vehicleId: 1 };
    const k = kinds(plan([heavy, good, twice]));
    expect(k).toEqual(expect.arrayContaining(['capacity-exceeded', 'demand-not-met', 'pickup-exceeds-returnable', 'site-served-twice', 'vehicle-used-twice']));
  });

  it('rejects unknown vehicles and nodes', () => {
    const k = kinds(plan([{ ...good, vehicleId: 42 }, { ...good, vehicleId: 5, stops: [{ ...good.stops[0]!, node: 0 }] }]));
    expect(k).toEqual(expect.arrayContaining(['unknown-vehicle', 'unknown-node']));
  });
});
