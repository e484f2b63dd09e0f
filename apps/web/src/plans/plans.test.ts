import { describe, expect, it } from 'vitest';
import { readEvrpPlan, socAlongRoute } from './evrp';
import { DAILY_LOAD_SHAPE, lmpGrid, readLmpPlan, scenarioSpread, scenariosOf, type PricePoint } from './lmp';
import { readMessPlan, truckStateAt, valueAt } from './mess';

describe('MESS plans', () => {
  const plan = readMessPlan({
    trucks: [{ id: 'T1', legs: [{ from: 'hub', to: 'site A', departH: 7, arriveH: 7.5, carrying: ['M1'] }, { from: 'site A', to: 'hub', departH: 12, arriveH: 12.5, carrying: [] }] }],
    mess: [{ id: 'M1', soc: [{ tH: 7, soc: 90 }, { tH: 12, soc: 20 }] }],
    charging: [{ mess: 'M1', at: 'bus 4', startH: 13, endH: 15, energyKWh: 385, priceUsdPerMWh: 40 }],
  });

  it('reads legs, percent SOC as fractions, and prices charging energy at the LMP', () => {
    expect(plan.trucks[0]!.legs).toHaveLength(2);
    expect(plan.mess[0]!.points[0]!.value).toBeCloseTo(0.9, 12);
    expect(plan.charging[0]!.costUsd).toBeCloseTo(0.385 * 40, 12);
    expect(plan.horizon).toEqual([7, 15]);
  });

  it('places a truck at a node or along a leg', () => {
    const legs = plan.trucks[0]!.legs;
    expect(truckStateAt(legs, 6)).toEqual({ kind: 'at', node: 'hub' });
    expect(truckStateAt(legs, 7.25)).toEqual({ kind: 'moving', from: 'hub', to: 'site A', fraction: 0.5, carrying: ['M1'] });
    expect(truckStateAt(legs, 9)).toEqual({ kind: 'at', node: 'site A' });
    expect(truckStateAt(legs, 20)).toEqual({ kind: 'at', node: 'hub' });
  });

  it('interpolates a trace and holds it flat outside', () => {
    const pts = plan.mess[0]!.points;
    expect(valueAt(pts, 9.5)).toBeCloseTo(0.55, 12);
    expect(valueAt(pts, 5)).toBeCloseTo(0.9, 12);
    expect(valueAt(pts, 23)).toBeCloseTo(0.2, 12);
  });
});

describe('E-VRPTW plans', () => {
  it('reads @gridhaul/evrp routes with instance coordinates and builds the SOC step curve', () => {
    const v = readEvrpPlan({
      instance: { nodes: [{ id: 'D0', kind: 'depot', x: 40, y: 50 }, { id: 'S3', kind: 'station', x: 10, y: 10 }, { id: 'C12', kind: 'customer', x: 20, y: 30 }], batteryCapacity: 77.75 },
      solution: {
        routes: [{ distance: 120.5, visits: [
          { id: 'D0', kind: 'depot', arrival: 0, start: 0, departure: 0, socOnArrival: 77.75, charge: 0, socOnDeparture: 77.75 },
          { id: 'S3', kind: 'station', arrival: 30, start: 30, departure: 50, socOnArrival: 20, charge: 40, socOnDeparture: 60 },
          { id: 'D0', kind: 'depot', arrival: 90, start: 90, departure: 90, socOnArrival: 25, charge: 0, socOnDeparture: 25 },
        ] }],
      },
    });
    expect(v.nodes.get('S3')).toEqual({ id: 'S3', kind: 'station', x: 10, y: 10 });
    expect(v.batteryCapacity).toBe(77.75);
    expect(v.routes[0]!.visits[1]!.kind).toBe('station');
    expect(socAlongRoute(v.routes[0]!.visits).map((p) => p.value)).toEqual([77.75, 77.75, 20, 60, 25, 25]);
  });
});

describe('LMP matrices', () => {
  const pts: PricePoint[] = [];
  for (const scenario of [0, 1]) for (const bus of [2, 1]) for (const period of [0, 1, 2]) {
    const lmp = 20 + bus * 10 + period + scenario * 5;
    pts.push({ bus, period, scenario, lmpPerMWh: lmp, energyPerMWh: 20, congestionPerMWh: lmp - 20, lossPerMWh: 0 });
  }

  it('arranges one scenario as bus × period with its range', () => {
    const g = lmpGrid(pts, 1);
    expect(g.buses).toEqual([1, 2]);
    expect(g.periods).toEqual([0, 1, 2]);
    expect(g.cell(1, 2)!.lmpPerMWh).toBe(20 + 20 + 2 + 5);
    expect([g.min, g.max]).toEqual([35, 47]);
    expect(scenariosOf(pts)).toEqual([0, 1]);
  });

  it('spreads a bus over scenarios', () => {
    expect(scenarioSpread(pts, 1)[2]).toEqual({ period: 2, min: 32, mean: 34.5, max: 37 });
  });
});

describe('LMP job plans', () => {
  it("reads @gridhaul/grid's DcOpfResult periods as scenario 0", () => {
    const pts = readLmpPlan({
      periods: [
        { buses: [{ bus: 1, lmp: 39.02, energy: 39.02, congestion: 0, loss: 0 }, { bus: 2, lmp: 41, energy: 39.02, congestion: 1.98, loss: 0 }] },
        { buses: [{ bus: 1, lmp: 30, energy: 30, congestion: 0, loss: 0 }] },
      ],
    });
    expect(pts).toHaveLength(3);
    expect(pts[1]).toEqual({ bus: 2, period: 0, scenario: 0, lmpPerMWh: 41, energyPerMWh: 39.02, congestionPerMWh: 1.98, lossPerMWh: 0 });
    expect(pts[2]!.period).toBe(1);
    expect(readLmpPlan({ values: {} })).toEqual([]);
  });

  it('the daily load shape has 24 hours and peaks at 1.0 at 18:00', () => {
    expect(DAILY_LOAD_SHAPE).toHaveLength(24);
    expect(Math.max(...DAILY_LOAD_SHAPE)).toBe(1);
    expect(DAILY_LOAD_SHAPE.indexOf(1)).toBe(18);
  });
});
