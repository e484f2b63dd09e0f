import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { coOptDataText, type CoOptNetworkName } from '@gridhaul/datasets';
import { coOptNetworkFromCsv, parseCoOptTrucksCsv, type CoOptNetwork, type CoOptTruck } from './co-opt-data';
import { CO_OPT_COST_RATES, coOptLeg, coOptLegMatrix, coOptRoadGraph, coOptTrafficModel, coOptTruckEnergy } from './co-opt-travel';
import { compileRoadNetwork } from './compile';
import { earliestArrival, minimumEnergy } from './paths';
import { evaluateRoute } from './route';

const network = (name: CoOptNetworkName): CoOptNetwork =>
  coOptNetworkFromCsv({ distance: coOptDataText(name, 'distance'), terrain: coOptDataText(name, 'terrain'), traffic: coOptDataText(name, 'traffic') });
const small = network('small');
const large = network('large');
const traffic = coOptDataText('small', 'traffic');
const trucks = parseCoOptTrucksCsv(coOptDataText('small', 'vehicles'));
const truck = (id: number): CoOptTruck => trucks.find((t) => t.id === id) as CoOptTruck;

describe('Co-OPT_MESS data (shared/notes/co-opt-mess.md §1)', () => {
  it('reads the 7- and 16-node networks as published', () => {
    expect(small.nodeIds).toHaveLength(7);
    expect(large.nodeIds).toHaveLength(16);
    expect(small.distanceKm[0]).toEqual([0, 40, 40, 50, 60, 55, 40]);
    expect(small.distanceKm[1]?.[3]).toBeNull();
    // The large matrix is asymmetric: 0->7 40 vs 7->0 45, 10->11 13 vs 11->10 6, 10->15 23 vs 15->10 none.
    expect([large.distanceKm[0]?.[7], large.distanceKm[7]?.[0]]).toEqual([40, 45]);
    expect([large.distanceKm[10]?.[11], large.distanceKm[11]?.[10]]).toEqual([13, 6]);
    expect([large.distanceKm[10]?.[15], large.distanceKm[15]?.[10]]).toEqual([23, null]);
    expect([small.gradePercent[0]?.[5], small.gradePercent[5]?.[0], small.gradePercent[3]?.[4], small.gradePercent[4]?.[3]]).toEqual([10, -10, -8, 8]);
    expect(large.gradePercent[11]?.[13]).toBe(0); // arc without a terrain row
    expect(small.trafficIndex).toEqual([
      { morning: 0.75, evening: 0.5 },
      { morning: 0.85, evening: 0.55 },
      { morning: 1, evening: 0.9 },
    ]);
    expect(trucks).toHaveLength(24);
    expect(truck(6)).toEqual({ id: 6, type: 'Large', capacityKWh: 350, speedKmh: 40, energyPerKmKWh: 1.5, wageUsdPerH: 20, massKg: 50000, auxPerLegKWh: 1.2 });
  });

  it('rejects malformed files with the file, line and column', () => {
    expect(() => coOptNetworkFromCsv({ distance: 'Node,A,B\n0,0,x\n1,3,0\n', terrain: 'Node From,Node To,Gradient (%)\n', traffic: traffic })).toThrowError(
      expect.objectContaining({ field: 'distance.csv:2 B', value: 'x' }),
    );
    expect(() => coOptNetworkFromCsv({ distance: 'Node,A,B\n0,0,-2\n1,3,0\n', terrain: '', traffic: traffic })).toThrowError(
      expect.objectContaining({ field: 'distance.csv:2 B', value: -2 }),
    );
    expect(() => coOptNetworkFromCsv({ distance: coOptDataText('small', 'distance'), terrain: 'Node From,Node To,Gradient (%)\n0,9,3\n', traffic: traffic })).toThrowError(
      expect.objectContaining({ field: 'terrain.csv:2 Node To', value: 9 }),
    );
  });
});

describe('coOptLeg: the notebooks’ travel model', () => {
  it('splits a leg 2 km zone 1 + halves in zones 2, 3 at the evening and morning indices (hand-computed)', () => {
    const v1 = truck(1); // Small, 50 km/h
    // Evening (14:00): 2/(50·0.5) + 24/(50·0.55) + 24/(50·0.9)
    const evening = coOptLeg(small, 0, 3, 14, v1);
    expectClose(evening?.travelTimeH as number, 2 / 25 + 24 / 27.5 + 24 / 45, { rel: 1e-12 }, '0->3 evening time');
    // Morning (08:00): 2/(50·0.75) + 24/(50·0.85) + 24/(50·1.0)
    const morning = coOptLeg(small, 0, 3, 8, v1);
    expectClose(morning?.travelTimeH as number, 2 / 37.5 + 24 / 42.5 + 24 / 50, { rel: 1e-12 }, '0->3 morning time');
    expect(coOptLeg(small, 1, 3, 8, v1)).toBeNull();
  });

  it('gives the 50 t truck ≈ 9.5 kWh/km on a +7 % grade (co-opt-mess.md §2.2) with full recovery downhill', () => {
    const v1 = truck(1);
    const up = coOptLeg(small, 0, 2, 14, v1)!; // 40 km at +7 %
    const down = coOptLeg(small, 2, 0, 14, v1)!; // 40 km at -7 %
    const gradeTermPerKm = (up.energyKWh - 40 * 1 - 1.2) / 40;
    expectClose(gradeTermPerKm, 9.5, { abs: 0.05 }, 'grade term (kWh/km)');
    expectClose(gradeTermPerKm, (50000 * 9.8 * Math.sin(0.07)) / 3600, { rel: 1e-12 }, 'grade term formula');
    // Full regeneration: the grade terms cancel over the round trip.
    expectClose(up.energyKWh + down.energyKWh, 2 * (40 + 1.2), { rel: 1e-12 }, 'round-trip energy');
    expectClose(up.operationalCostUsd, 40 * (0.2 + 0.2 + 0.21) + 18 * up.travelTimeH, { rel: 1e-12 }, 'leg cost');
  });

  it('is not FIFO at 07:00 as the notebooks compute it; the integrated clock is', () => {
    const v5 = truck(5);
    const before = coOptLeg(small, 0, 4, 6.99, v5, 'at-departure')!;
    const after = coOptLeg(small, 0, 4, 7.0, v5, 'at-departure')!;
    expect(before.arrivalH).toBeGreaterThan(after.arrivalH);
    const b = coOptLeg(small, 0, 4, 6.99, v5, 'integrated')!;
    const a = coOptLeg(small, 0, 4, 7.0, v5, 'integrated')!;
    expect(a.arrivalH).toBeGreaterThanOrEqual(b.arrivalH);
    // Away from the 07:00 and 12:00 switches both clocks agree.
    expectClose(coOptLeg(small, 0, 4, 14, v5, 'integrated')!.travelTimeH, coOptLeg(small, 0, 4, 14, v5)!.travelTimeH, { rel: 1e-12 }, 'afternoon leg');
  });

  it('fills a matrix with null where there is no road', () => {
    const m = coOptLegMatrix(large, 14, truck(7));
    expect(m.travelTimeH[10]?.[15]).not.toBeNull();
    expect(m.travelTimeH[15]?.[10]).toBeNull();
    expect(m.energyKWh[3]?.[3]).toBeCloseTo(1.2, 12); // 0 km leg still costs a_k
  });
});

/**
 * Replays one truck's cost-optimised trip the way the notebooks' `nearest_neighbor_route` books it
 * (new MESS leaves at 90 % SOC, charging sites charge to 90 % at 500 kW, 0.5 h service, return via a
 * charging site, then the old MESS's return trip, whose charging time the notebook adds twice),
 * using coOptLeg for every leg. It checks the travel model against the stored notebook outputs.
 */
function replayFinishH(net: CoOptNetwork, t: CoOptTruck, startH: number, out: number[], back: number[], oldVia: number): { finishH: number; routeKm: number } {
  let clock = startH;
  let routeKm = 0;
  const drive = (from: number, to: number, soc: number): number => {
    const leg = coOptLeg(net, from, to, clock, t)!;
    clock += leg.travelTimeH;
    return Math.max(0, Math.min(100, soc - (leg.energyKWh / t.capacityKWh) * 100));
  };
  const chargeH = (soc: number): number => ((90 - soc) / 100) * t.capacityKWh / 500;
  let soc = 90;
  for (let i = 0; i + 1 < out.length; i++) {
    soc = drive(out[i] as number, out[i + 1] as number, i === 0 ? 90 : soc);
    routeKm += net.distanceKm[out[i] as number]?.[out[i + 1] as number] as number;
    if (i + 2 < out.length) {
      clock += chargeH(soc);
      soc = 90;
    }
  }
  clock += 0.5;
  soc = drive(back[0] as number, back[1] as number, soc);
  clock += chargeH(soc);
  drive(back[1] as number, back[2] as number, 90);
  routeKm += (net.distanceKm[back[0] as number]?.[back[1] as number] as number) + (net.distanceKm[back[1] as number]?.[back[2] as number] as number);
  const oldSoc = drive(back[1] as number, oldVia, 20);
  clock += 2 * chargeH(oldSoc);
  drive(oldVia, 0, 90);
  return { finishH: clock, routeKm };
}

describe('published per-truck results of the Co-OPT_MESS notebooks (Model 3, stored outputs)', () => {
  // joyelshamim/Co-optimization-Framework @ f32694a, CSS/Model3_SmallScale.ipynb and Model3_LargeScale.ipynb:
  // "Finish Time" (h) and "Operational Cost" (USD, the leg-cost formula on the route km and finish - start).
  const cases = [
    { what: 'small, vehicle 1, 14:00, 0->1->2->1->0', net: small, id: 1, start: 14, out: [0, 1, 2], back: [2, 1, 0], oldVia: 1, finish: 19.51, cost: 154.03 },
    { what: 'small, vehicle 2, 14:00, 0->3->4->3->0', net: small, id: 2, start: 14, out: [0, 3, 4], back: [4, 3, 0], oldVia: 3, finish: 21.26, cost: 209.9 },
    { what: 'small, vehicle 6, 16:00, 0->1->2->1->0', net: small, id: 6, start: 16, out: [0, 1, 2], back: [2, 1, 0], oldVia: 1, finish: 22.54, cost: 194.62 },
    { what: 'large, vehicle 7, 14:00, 0->11->13->0', net: large, id: 7, start: 14, out: [0, 11], back: [11, 13, 0], oldVia: 13, finish: 20.21, cost: 178.93 },
  ];
  for (const c of cases) {
    it(`reproduces finish time and operational cost: ${c.what}`, () => {
      const t = truck(c.id);
      const { finishH, routeKm } = replayFinishH(c.net, t, c.start, c.out, c.back, c.oldVia);
      expectClose(finishH, c.finish, { abs: 0.005 }, 'finish time (h), printed to 2 decimals');
      const r = CO_OPT_COST_RATES;
      const cost = routeKm * (t.energyPerKmKWh * r.electricityUsdPerKWh + r.tollUsdPerKm + r.maintenanceUsdPerKm) + t.wageUsdPerH * (finishH - c.start);
      expectClose(cost, c.cost, { abs: 0.005 }, 'operational cost (USD), printed to 2 decimals');
    });
  }
});

describe('the Co-OPT networks in the generic engine', () => {
  it('reproduces coOptLeg on every road with the integrated clock', () => {
    for (const [net, id] of [
      [small, 1],
      [large, 6],
    ] as const) {
      const t = truck(id);
      const compiled = compileRoadNetwork(coOptRoadGraph(net, t.speedKmh), coOptTrafficModel(net));
      const vehicle = coOptTruckEnergy(t);
      for (const departureH of [6.5, 11.8, 14]) {
        net.distanceKm.forEach((row, i) =>
          row.forEach((d, j) => {
            if (d === null || i === j) return;
            const leg = coOptLeg(net, i, j, departureH, t, 'integrated')!;
            const edge = evaluateRoute(compiled, [String(i), String(j)], departureH, { vehicle });
            expectClose(edge.travelTimeH, leg.travelTimeH, { rel: 1e-12 }, `time ${i}->${j}`);
            expectClose(edge.energyKWh as number, leg.energyKWh, { rel: 1e-12, abs: 1e-9 }, `energy ${i}->${j}`);
            const fastest = earliestArrival(compiled, { from: String(i), to: String(j), departureH, vehicle })!;
            expect(fastest.travelTimeH).toBeLessThanOrEqual(leg.travelTimeH + 1e-12);
          }),
        );
      }
    }
  });

  it('refuses minimum energy on the 7-node terrain: its grades admit a negative-energy cycle', () => {
    // 0->3 is flat and 3->5 climbs 4 % over 5 km, yet 5->0 descends 10 % over 55 km: with full
    // recovery the loop 0->3->5->0 returns more energy than it uses, so "minimum energy" is unbounded.
    const t = truck(1);
    const loop = [coOptLeg(small, 0, 3, 14, t)!, coOptLeg(small, 3, 5, 14, t)!, coOptLeg(small, 5, 0, 14, t)!].reduce((e, l) => e + l.energyKWh, 0);
    expect(loop).toBeLessThan(0);
    const compiled = compileRoadNetwork(coOptRoadGraph(small, t.speedKmh), coOptTrafficModel(small));
    expect(() => minimumEnergy(compiled, { from: '0', to: '4', departureH: 14, vehicle: coOptTruckEnergy(t) })).toThrowError(expect.objectContaining({ tag: 'NEGATIVE_CYCLE' }));
  });
});
