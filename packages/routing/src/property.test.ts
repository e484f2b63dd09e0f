import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dijkstra } from 'graphology-shortest-path';
import { expectClose } from '@gridhaul/common/testing';
import { buildRoadGraph, type RoadEdgeInput, type RoadNodeInput } from './build-graph';
import { compileRoadNetwork } from './compile';
import type { RoadEdgeAttributes, RoadGraph } from './model';
import { earliestArrival, minimumEnergy } from './paths';
import { batteryEnergyPerKmKWh, HEAVY_TRUCK_26T } from './vehicle';

interface RandomNetwork {
  nodes: RoadNodeInput[];
  edges: RoadEdgeInput[];
}

/** Random directed graphs on planar points (about 4 arcs per node); lengths are at least the straight distance (roads wind). */
const randomNetwork = fc
  .integer({ min: 4, max: 30 })
  .chain((n) =>
    fc.record({
      points: fc.array(fc.tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true })), { minLength: n, maxLength: n }),
      arcs: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.double({ min: 1, max: 2, noNaN: true }), fc.integer({ min: 10, max: 120 })), { minLength: 2 * n, maxLength: 5 * n }),
    }),
  )
  .map(({ points, arcs }): RandomNetwork => {
    const nodes = points.map(([x, y, z], i) => ({ id: `v${i}`, x, y, elevationM: z }));
    const seen = new Set<string>();
    const edges: RoadEdgeInput[] = [];
    for (const [i, j, winding, speed] of arcs) {
      if (i === j || seen.has(`${i},${j}`)) continue;
      seen.add(`${i},${j}`);
      const p = nodes[i] as RoadNodeInput;
      const q = nodes[j] as RoadNodeInput;
      const straight = Math.hypot((q.x as number) - (p.x as number), (q.y as number) - (p.y as number));
      // Long enough for the climb too (grade below 100 %), never zero.
      const lengthKm = Math.max(straight * winding, (Math.abs((q.elevationM as number) - (p.elevationM as number)) / 1000) * 1.5, 0.05);
      edges.push({ from: p.id, to: q.id, lengthKm, freeFlowSpeedKmh: speed });
    }
    return { nodes, edges };
  });

/** Two distinct node positions (taken modulo the node count). */
const pairs = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 999 })).map(([a, d]) => [a, a + d] as const);

function pathWeight(graph: RoadGraph, path: string[], weight: (a: RoadEdgeAttributes) => number): number {
  let total = 0;
  for (let k = 0; k + 1 < path.length; k++) total += weight(graph.getEdgeAttributes(graph.edge(path[k], path[k + 1]) as string));
  return total;
}

describe('static shortest paths agree with graphology-shortest-path (property)', () => {
  it('earliest arrival without traffic = Dijkstra on length / speed, with A* and without coordinates', () => {
    fc.assert(
      fc.property(randomNetwork, pairs, (rn, [a, b]) => {
        const from = `v${a % rn.nodes.length}`;
        const to = `v${b % rn.nodes.length}`;
        const planar = buildRoadGraph({ crs: 'planar-km', nodes: rn.nodes, edges: rn.edges });
        const bare = buildRoadGraph({ crs: 'none', nodes: rn.nodes.map(({ id }) => ({ id })), edges: rn.edges });
        const hours = (e: RoadEdgeAttributes): number => e.lengthKm / e.freeFlowSpeedKmh;
        const reference = dijkstra.bidirectional(planar, from, to, (_k: string, e: RoadEdgeAttributes) => hours(e));
        for (const graph of [planar, bare]) {
          const route = earliestArrival(compileRoadNetwork(graph), { from, to, departureH: 3 });
          if (reference === null || reference === undefined) {
            expect(route).toBeNull();
          } else {
            expect(route).not.toBeNull();
            expectClose(route!.travelTimeH, pathWeight(planar, reference, hours), { rel: 1e-9 }, 'shortest travel time');
          }
        }
      }),
      { seed: 4, numRuns: 150 },
    );
  });

  it('minimum energy on flat roads = Dijkstra on per-edge energy', () => {
    fc.assert(
      fc.property(randomNetwork, pairs, (rn, [a, b]) => {
        const from = `v${a % rn.nodes.length}`;
        const to = `v${b % rn.nodes.length}`;
        const graph = buildRoadGraph({ crs: 'planar-km', nodes: rn.nodes.map((n) => ({ ...n, elevationM: 0 })), edges: rn.edges });
        const kWh = (e: RoadEdgeAttributes): number => batteryEnergyPerKmKWh(HEAVY_TRUCK_26T, e.freeFlowSpeedKmh, 0) * e.lengthKm;
        const reference = dijkstra.bidirectional(graph, from, to, (_k: string, e: RoadEdgeAttributes) => kWh(e));
        const route = minimumEnergy(compileRoadNetwork(graph), { from, to, departureH: 0, vehicle: HEAVY_TRUCK_26T });
        if (reference === null || reference === undefined) expect(route).toBeNull();
        else expectClose(route!.energyKWh as number, pathWeight(graph, reference, kWh), { rel: 1e-9 }, 'minimum energy');
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it('on hilly roads the elevation-potential Dijkstra equals label-correcting on the same grades', () => {
    fc.assert(
      fc.property(randomNetwork, pairs, (rn, [a, b]) => {
        const from = `v${a % rn.nodes.length}`;
        const to = `v${b % rn.nodes.length}`;
        const hilly = compileRoadNetwork(buildRoadGraph({ crs: 'planar-km', nodes: rn.nodes, edges: rn.edges }));
        // Same grades written on the edges, elevations dropped: no potential, so label-correcting.
        const byNode = new Map(rn.nodes.map((n) => [n.id, n.elevationM as number]));
        const graded = rn.edges.map((e) => {
          const sin = ((byNode.get(e.to) as number) - (byNode.get(e.from) as number)) / (e.lengthKm * 1000);
          return { ...e, gradePercent: (100 * sin) / Math.sqrt(1 - sin * sin) };
        });
        const bare = compileRoadNetwork(buildRoadGraph({ crs: 'none', nodes: rn.nodes.map(({ id }) => ({ id })), edges: graded }));
        const x = minimumEnergy(hilly, { from, to, departureH: 0, vehicle: HEAVY_TRUCK_26T });
        const y = minimumEnergy(bare, { from, to, departureH: 0, vehicle: HEAVY_TRUCK_26T });
        expect(x === null).toBe(y === null);
        if (x !== null && y !== null) {
          expect(x.method).toBe('dijkstra');
          expect(y.method).toBe('label-correcting');
          expectClose(x.energyKWh as number, y.energyKWh as number, { rel: 1e-9, abs: 1e-9 }, 'minimum energy');
        }
      }),
      { seed: 6, numRuns: 150 },
    );
  });
});
