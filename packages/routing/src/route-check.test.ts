import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRoadGraph } from './build-graph';
import { compileRoadNetwork } from './compile';
import { MinHeap } from './heap';
import { earliestArrival } from './paths';
import { checkPathTree, checkRoute } from './route-check';
import { speedProfile } from './speed-profile';
import { HEAVY_TRUCK_26T } from './vehicle';

const graph = buildRoadGraph({
  crs: 'planar-km',
  nodes: [
    { id: 'a', x: 0, y: 0, elevationM: 0 },
    { id: 'b', x: 3, y: 0, elevationM: 40 },
    { id: 'c', x: 6, y: 0, elevationM: 10 },
  ],
  edges: [
    { from: 'a', to: 'b', lengthKm: 3, freeFlowSpeedKmh: 50, zone: 'city' },
    { from: 'b', to: 'c', lengthKm: 3.5, freeFlowSpeedKmh: 70, tollUsd: 2 },
  ],
});
const traffic = { byZone: { city: speedProfile([0, 8], [1, 0.5], 24) } };
const rates = { wageUsdPerH: 30, energyPriceUsdPerKWh: 0.2, perKmUsd: 0.1 };
const ctx = { graph, traffic, vehicle: HEAVY_TRUCK_26T, rates };

describe('independent route checker', () => {
  const route = earliestArrival(compileRoadNetwork(graph, traffic), { from: 'a', to: 'c', departureH: 7.95, vehicle: HEAVY_TRUCK_26T, rates })!;

  it('accepts a route the searches return', () => {
    expect(() => checkRoute(ctx, route, 'a', 'c')).not.toThrow();
  });

  it('catches a wrong arrival, energy, cost, edge or endpoint', () => {
    const tampered = [
      { ...route, arrivalH: route.arrivalH + 1e-6 },
      { ...route, energyKWh: (route.energyKWh as number) * 1.001 },
      { ...route, costUsd: (route.costUsd as number) - 2 },
      { ...route, legs: [{ ...route.legs[0]!, exitH: route.legs[0]!.exitH - 0.01 }, route.legs[1]!] },
      { ...route, legs: [route.legs[1]!, route.legs[0]!] },
    ];
    for (const r of tampered) expect(() => checkRoute(ctx, r, 'a', 'c')).toThrowError(expect.objectContaining({ tag: 'ROUTE_CHECK_FAILED' }));
    expect(() => checkRoute(ctx, route, 'a', 'b')).toThrowError(expect.objectContaining({ tag: 'ROUTE_CHECK_FAILED' }));
  });

  it('checks matrix rows as trees of real edges', () => {
    const cell = { node: 'c', timeH: route.travelTimeH, distanceKm: 6.5, energyKWh: route.energyKWh, costUsd: route.costUsd };
    const claim = { origin: 'a', departureH: 7.95, edges: ['a->b', 'b->c'], cells: [cell] };
    expect(() => checkPathTree(ctx, claim)).not.toThrow();
    for (const bad of [
      { ...claim, edges: ['b->c', 'a->b'] },
      { ...claim, edges: ['a->b'] },
      { ...claim, cells: [{ ...cell, timeH: cell.timeH * 1.01 }] },
      { ...claim, cells: [{ ...cell, distanceKm: 6 }] },
    ]) {
      expect(() => checkPathTree(ctx, bad)).toThrowError(expect.objectContaining({ tag: 'ROUTE_CHECK_FAILED' }));
    }
  });
});

describe('4-ary heap', () => {
  it('pops keys in sorted order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 3000 }), (keys) => {
        const heap = new MinHeap(4);
        keys.forEach((k, i) => heap.push(k, i));
        const out: number[] = [];
        while (heap.size > 0) {
          const k = heap.peekKey();
          const i = heap.pop();
          expect(keys[i]).toBe(k);
          out.push(k);
        }
        expect(out).toEqual([...keys].sort((x, y) => x - y));
      }),
      { seed: 9, numRuns: 60 },
    );
  });
});
