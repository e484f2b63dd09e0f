import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { buildRoadGraph, type RoadEdgeInput } from './build-graph';
import { compileRoadNetwork } from './compile';
import { earliestArrival, minimumCost, minimumEnergy } from './paths';
import { evaluateRoute } from './route';
import { speedProfile } from './speed-profile';
import { GRAVITY_M_S2, type LongitudinalVehicle } from './vehicle';

const both = (from: string, to: string, a: Omit<RoadEdgeInput, 'from' | 'to'>): RoadEdgeInput[] => [
  { from, to, ...a },
  { from: to, to: from, ...a, ...(a.gradePercent === undefined ? {} : { gradePercent: -a.gradePercent }) },
];

/** A city road A-B (10 km, 50 km/h) slowed to 40 % from 07:00 to 09:00, and a 20 km ring road A-C-B at 80 km/h. */
function peakNetwork() {
  const graph = buildRoadGraph({
    crs: 'planar-km',
    nodes: [
      { id: 'A', x: 0, y: 0 },
      { id: 'B', x: 10, y: 0 },
      { id: 'C', x: 5, y: 8 },
    ],
    edges: [...both('A', 'B', { lengthKm: 10, freeFlowSpeedKmh: 50, zone: 'city' }), ...both('A', 'C', { lengthKm: 10, freeFlowSpeedKmh: 80, zone: 'ring' }), ...both('C', 'B', { lengthKm: 10, freeFlowSpeedKmh: 80, zone: 'ring' })],
  });
  return compileRoadNetwork(graph, { byZone: { city: speedProfile([0, 7, 9], [1, 0.4, 1], 24) } });
}

describe('time-dependent earliest arrival on a hand-checkable network', () => {
  it('takes the short road off-peak and the ring road when the peak makes the short road slower', () => {
    const net = peakNetwork();
    const offPeak = earliestArrival(net, { from: 'A', to: 'B', departureH: 6 })!;
    expect(offPeak.nodes).toEqual(['A', 'B']);
    expectClose(offPeak.arrivalH, 6.2, { abs: 1e-12 }, '10 km at 50 km/h');
    const peak = earliestArrival(net, { from: 'A', to: 'B', departureH: 7.5 })!;
    expect(peak.nodes).toEqual(['A', 'C', 'B']);
    expectClose(peak.arrivalH, 7.75, { abs: 1e-12 }, '20 km at 80 km/h');
    // Leaving 06:54: 5 km at 50 km/h by 07:00, then 5 km at 20 km/h -> 07:15 direct vs 07:09 by the ring.
    const edge = earliestArrival(net, { from: 'A', to: 'B', departureH: 6.9 })!;
    expect(edge.nodes).toEqual(['A', 'C', 'B']);
    expectClose(evaluateRoute(net, ['A', 'B'], 6.9).arrivalH, 7.25, { abs: 1e-12 }, 'direct road across the peak start');
    expect(edge.method).toBe('astar');
  });

  it('stays FIFO over the whole day: a later departure never arrives earlier', () => {
    const net = peakNetwork();
    let previous = -Infinity;
    for (let t = 0; t <= 30; t += 1 / 60) {
      const arrival = earliestArrival(net, { from: 'A', to: 'B', departureH: t })!.arrivalH;
      expect(arrival).toBeGreaterThanOrEqual(previous - 1e-12);
      previous = arrival;
    }
  });

  it('returns null when the destination cannot be reached', () => {
    const graph = buildRoadGraph({ crs: 'none', nodes: [{ id: 'A' }, { id: 'B' }], edges: [{ from: 'B', to: 'A', lengthKm: 1, freeFlowSpeedKmh: 10 }] });
    expect(earliestArrival(compileRoadNetwork(graph), { from: 'A', to: 'B', departureH: 0 })).toBeNull();
  });
});

/** Gravity and losses only, so the climb and descent energies are exact multiples of m·g·h. */
const ideal: LongitudinalVehicle = {
  model: 'longitudinal',
  massKg: 20000,
  rollingResistance: 0,
  dragAreaM2: 0,
  airDensityKgM3: 1.2,
  drivetrainEfficiency: 0.9,
  regenEfficiency: 0.7,
  auxPowerKw: 0,
};

describe('terrain energy', () => {
  const hill = () =>
    compileRoadNetwork(
      buildRoadGraph({
        crs: 'planar-km',
        nodes: [
          { id: 'low', x: 0, y: 0, elevationM: 0 },
          { id: 'high', x: 2, y: 0, elevationM: 100 },
        ],
        edges: both('low', 'high', { lengthKm: 2, freeFlowSpeedKmh: 60 }),
      }),
    );

  it('recovers η_dt·η_regen of the climbing energy on the way down', () => {
    const net = hill();
    const mgh = (ideal.massKg * GRAVITY_M_S2 * 100) / 3.6e6;
    const up = evaluateRoute(net, ['low', 'high'], 0, { vehicle: ideal }).energyKWh as number;
    const down = evaluateRoute(net, ['high', 'low'], 0, { vehicle: ideal }).energyKWh as number;
    expectClose(up, mgh / 0.9, { rel: 1e-12 }, 'climb: m·g·h / η_dt');
    expectClose(down, -0.7 * mgh, { rel: 1e-12 }, 'descent: −η_regen·m·g·h');
    expectClose(-down / up, 0.9 * 0.7, { rel: 1e-12 }, 'round-trip recovery ratio');
  });

  it('adds rolling, drag and auxiliary terms on both legs with a real truck', () => {
    const truck: LongitudinalVehicle = { ...ideal, rollingResistance: 0.0065, dragAreaM2: 6, auxPowerKw: 3 };
    const net = hill();
    const sin = 100 / 2000;
    const cos = Math.sqrt(1 - sin * sin);
    const v = 60 / 3.6;
    const resist = (truck.massKg * GRAVITY_M_S2 * 0.0065 * cos + 0.5 * 1.2 * 6 * v * v) / 3600; // kWh/km
    const grade = (truck.massKg * GRAVITY_M_S2 * sin) / 3600;
    const aux = 3 / 60;
    const up = evaluateRoute(net, ['low', 'high'], 0, { vehicle: truck }).energyKWh as number;
    const down = evaluateRoute(net, ['high', 'low'], 0, { vehicle: truck }).energyKWh as number;
    expectClose(up, 2 * ((resist + grade) / 0.9 + aux), { rel: 1e-12 }, 'climb');
    expectClose(down, 2 * (0.7 * (resist - grade) + aux), { rel: 1e-12 }, 'descent');
  });

  it('goes around a hill for minimum energy and over it for minimum time', () => {
    // Over the hill: S -> H (5 km, +300 m) -> T (5 km, -300 m) at 60 km/h; around: S -> F -> T, 14 km flat at 60 km/h.
    const graph = buildRoadGraph({
      crs: 'planar-km',
      nodes: [
        { id: 'S', x: 0, y: 0, elevationM: 0 },
        { id: 'H', x: 5, y: 0, elevationM: 300 },
        { id: 'T', x: 10, y: 0, elevationM: 0 },
        { id: 'F', x: 5, y: 4, elevationM: 0 },
      ],
      edges: [...both('S', 'H', { lengthKm: 5, freeFlowSpeedKmh: 60 }), ...both('H', 'T', { lengthKm: 5, freeFlowSpeedKmh: 60 }), ...both('S', 'F', { lengthKm: 7, freeFlowSpeedKmh: 60 }), ...both('F', 'T', { lengthKm: 7, freeFlowSpeedKmh: 60 })],
    });
    const net = compileRoadNetwork(graph);
    const truck: LongitudinalVehicle = { ...ideal, massKg: 26000, rollingResistance: 0.0065, dragAreaM2: 6, auxPowerKw: 3, drivetrainEfficiency: 0.88, regenEfficiency: 0.65 };
    const fast = earliestArrival(net, { from: 'S', to: 'T', departureH: 8, vehicle: truck })!;
    const frugal = minimumEnergy(net, { from: 'S', to: 'T', departureH: 8, vehicle: truck })!;
    expect(fast.nodes).toEqual(['S', 'H', 'T']);
    expect(frugal.nodes).toEqual(['S', 'F', 'T']);
    expect(frugal.method).toBe('dijkstra'); // elevation potential keeps reduced weights non-negative
    expect(frugal.energyKWh as number).toBeLessThan(fast.energyKWh as number);
    // Generalized cost: a high wage buys the shorter hill road, cheap labour and dear energy go around.
    const rates = (wageUsdPerH: number, energyPriceUsdPerKWh: number) => ({ wageUsdPerH, energyPriceUsdPerKWh, perKmUsd: 0 });
    expect(minimumCost(net, { from: 'S', to: 'T', departureH: 8, vehicle: truck, rates: rates(500, 0.1) })!.nodes).toEqual(['S', 'H', 'T']);
    const cheap = minimumCost(net, { from: 'S', to: 'T', departureH: 8, vehicle: truck, rates: rates(0, 1) })!;
    expect(cheap.nodes).toEqual(['S', 'F', 'T']);
    expectClose(cheap.costUsd as number, cheap.energyKWh as number, { rel: 1e-12 }, 'cost at 1 USD/kWh and no wage');
  });

  it('falls back to label-correcting when grades are given without elevations, with the same answer', () => {
    const edges = [...both('S', 'H', { lengthKm: 5, freeFlowSpeedKmh: 60, gradePercent: 3 }), ...both('H', 'T', { lengthKm: 5, freeFlowSpeedKmh: 60, gradePercent: -3 }), ...both('S', 'T', { lengthKm: 12, freeFlowSpeedKmh: 60, gradePercent: 0 })];
    const net = compileRoadNetwork(buildRoadGraph({ crs: 'none', nodes: ['S', 'H', 'T'].map((id) => ({ id })), edges }));
    const route = minimumEnergy(net, { from: 'S', to: 'T', departureH: 0, vehicle: ideal })!;
    expect(route.method).toBe('label-correcting');
    const over = evaluateRoute(net, ['S', 'H', 'T'], 0, { vehicle: ideal }).energyKWh as number;
    const flat = evaluateRoute(net, ['S', 'T'], 0, { vehicle: ideal }).energyKWh as number;
    expectClose(route.energyKWh as number, Math.min(over, flat), { rel: 1e-12 }, 'minimum energy');
  });
});

describe('input validation', () => {
  const node = (id: string) => ({ id, x: 0, y: 0 });
  it('names the field and value of a bad edge', () => {
    expect(() => buildRoadGraph({ crs: 'planar-km', nodes: [node('a'), node('b')], edges: [{ from: 'a', to: 'b', lengthKm: -3, freeFlowSpeedKmh: 50 }] })).toThrowError(
      expect.objectContaining({ tag: 'INVALID_INPUT', field: 'edges[a->b].lengthKm', value: -3 }),
    );
    expect(() => buildRoadGraph({ crs: 'planar-km', nodes: [node('a')], edges: [{ from: 'a', to: 'zz', lengthKm: 3, freeFlowSpeedKmh: 50 }] })).toThrowError(
      expect.objectContaining({ field: 'edges[0].to', value: 'zz' }),
    );
    expect(() => buildRoadGraph({ crs: 'lonlat', nodes: [{ id: 'a', x: 200, y: 0 }], edges: [] })).toThrowError(expect.objectContaining({ field: 'nodes[a].x' }));
  });

  it('asks for the missing elevation when an energy query needs a grade', () => {
    const graph = buildRoadGraph({
      crs: 'planar-km',
      nodes: [{ ...node('a'), elevationM: 10 }, node('b')],
      edges: [{ from: 'a', to: 'b', lengthKm: 3, freeFlowSpeedKmh: 50 }],
    });
    const net = compileRoadNetwork(graph);
    expect(earliestArrival(net, { from: 'a', to: 'b', departureH: 0 })).not.toBeNull();
    expect(() => minimumEnergy(net, { from: 'a', to: 'b', departureH: 0, vehicle: ideal })).toThrowError(expect.objectContaining({ field: 'nodes[b].elevationM' }));
    expect(() => earliestArrival(net, { from: 'a', to: 'nowhere', departureH: 0 })).toThrowError(expect.objectContaining({ field: 'to', value: 'nowhere' }));
    expect(() => earliestArrival(net, { from: 'a', to: 'b', departureH: -1 })).toThrowError(expect.objectContaining({ field: 'departureH' }));
  });

  it('rejects an elevation change larger than the road length', () => {
    const graph = buildRoadGraph({
      crs: 'none',
      nodes: [
        { id: 'a', elevationM: 0 },
        { id: 'b', elevationM: 5000 },
      ],
      edges: [{ from: 'a', to: 'b', lengthKm: 3, freeFlowSpeedKmh: 50 }],
    });
    expect(() => compileRoadNetwork(graph)).toThrowError(expect.objectContaining({ field: 'edges[a->b]', value: 5000 }));
  });
});
