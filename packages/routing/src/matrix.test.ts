import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { buildRoadGraph, type RoadEdgeInput } from './build-graph';
import { compileRoadNetwork } from './compile';
import { TravelMatrixCache, travelMatrix } from './matrix';
import { earliestArrival, minimumCost, minimumEnergy } from './paths';
import { speedProfile } from './speed-profile';
import { HEAVY_TRUCK_26T } from './vehicle';

/**
 * A 3 × 3 grid, 5 km blocks, one hill in the middle; the middle row is a city street slowed at
 * 07–09. `jitter` lengthens each block a little so that no two paths tie.
 */
function grid(jitter = 0) {
  const nodes = [];
  const edges: RoadEdgeInput[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) nodes.push({ id: `${r}${c}`, x: 5 * c, y: 5 * r, elevationM: r === 1 && c === 1 ? 120 : 10 * r });
  const link = (a: string, b: string, zone: string) => {
    const lengthKm = 5 + jitter * ((edges.length * 7919) % 13);
    edges.push({ from: a, to: b, lengthKm, freeFlowSpeedKmh: 50, zone }, { from: b, to: a, lengthKm, freeFlowSpeedKmh: 50, zone });
  };
  for (let r = 0; r < 3; r++) for (let c = 0; c < 2; c++) link(`${r}${c}`, `${r}${c + 1}`, r === 1 ? 'city' : 'rural');
  for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) link(`${r}${c}`, `${r + 1}${c}`, 'rural');
  nodes.push({ id: 'island', x: 20, y: 20, elevationM: 0 });
  const graph = buildRoadGraph({ crs: 'planar-km', nodes, edges });
  return compileRoadNetwork(graph, { byZone: { city: speedProfile([0, 7, 9], [1, 0.3, 1], 24) } });
}

describe('many-to-many travel matrices', () => {
  const origins = ['00', '10', '22'];
  const destinations = ['02', '12', '20', '11', 'island'];

  it('agree cell by cell with single queries, Infinity where unreachable', () => {
    const net = grid(0.01);
    for (const departureH of [6, 7.5]) {
      const m = travelMatrix(net, { origins, destinations, departureH, vehicle: HEAVY_TRUCK_26T });
      origins.forEach((from, i) =>
        destinations.forEach((to, j) => {
          const cell = i * destinations.length + j;
          const route = earliestArrival(net, { from, to, departureH, vehicle: HEAVY_TRUCK_26T });
          if (route === null) {
            expect(m.timeH[cell]).toBe(Infinity);
          } else {
            expectClose(m.timeH[cell] as number, route.travelTimeH, { rel: 1e-12 }, `time ${from}->${to}`);
            expectClose(m.distanceKm[cell] as number, route.distanceKm, { rel: 1e-12 }, `km ${from}->${to}`);
            expectClose(m.energyKWh?.[cell] as number, route.energyKWh as number, { rel: 1e-12, abs: 1e-12 }, `kWh ${from}->${to}`);
          }
        }),
      );
    }
  });

  it('the peak slows the city row: 10 -> 12 takes longer at 07:30 than at 06:00', () => {
    const net = grid();
    const early = travelMatrix(net, { origins: ['10'], destinations: ['12'], departureH: 6 });
    const peak = travelMatrix(net, { origins: ['10'], destinations: ['12'], departureH: 7.5 });
    expectClose(early.timeH[0] as number, 0.2, { rel: 1e-12 }, 'two 5 km blocks at 50 km/h');
    // At 07:30 the city street runs at 15 km/h; the detour over rural roads (20 km at 50 km/h) wins.
    expectClose(peak.timeH[0] as number, 0.4, { rel: 1e-12 }, 'detour time');
  });

  it('minimises energy or cost per cell when asked', () => {
    const net = grid(0.01);
    const rates = { wageUsdPerH: 40, energyPriceUsdPerKWh: 0.3, perKmUsd: 0.2 };
    const e = travelMatrix(net, { origins, destinations, departureH: 8, objective: 'energy', vehicle: HEAVY_TRUCK_26T });
    const c = travelMatrix(net, { origins, destinations, departureH: 8, objective: 'cost', vehicle: HEAVY_TRUCK_26T, rates });
    expect(e.costUsd).toBeNull();
    origins.forEach((from, i) =>
      destinations.slice(0, 4).forEach((to, j) => {
        const cell = i * destinations.length + j;
        expectClose(e.energyKWh?.[cell] as number, minimumEnergy(net, { from, to, departureH: 8, vehicle: HEAVY_TRUCK_26T })!.energyKWh as number, { rel: 1e-12, abs: 1e-12 }, `min kWh ${from}->${to}`);
        expectClose(c.costUsd?.[cell] as number, minimumCost(net, { from, to, departureH: 8, vehicle: HEAVY_TRUCK_26T, rates })!.costUsd as number, { rel: 1e-12, abs: 1e-12 }, `min cost ${from}->${to}`);
      }),
    );
  });

  it('caches one matrix per departure bucket, computed at the bucket start', () => {
    const net = grid();
    const cache = new TravelMatrixCache(net, [0, 7, 9]);
    const a = cache.get({ origins, destinations, departureH: 7.3 });
    const b = cache.get({ origins, destinations, departureH: 8.9 });
    expect(b).toBe(a);
    expect(a.departureH).toBe(7);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    expect(cache.get({ origins, destinations, departureH: 9 })).not.toBe(a);
    expect(cache.all({ origins, destinations })).toHaveLength(3);
    expect(cache.stats).toEqual({ hits: 3, misses: 3 }); // bucket 0 new, buckets 7 and 9 cached
    expect(() => new TravelMatrixCache(net, [0, 9, 7])).toThrowError(expect.objectContaining({ field: 'bucketStartsH[2]' }));
  });
});
