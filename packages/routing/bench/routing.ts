import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dijkstra } from 'graphology-shortest-path';
import { Rng } from '@gridhaul/common';
import { compileRoadNetwork } from '../src/compile';
import { travelMatrix } from '../src/matrix';
import type { RoadEdgeAttributes } from '../src/model';
import { earliestArrival, minimumCost, minimumEnergy } from '../src/paths';
import { HEAVY_TRUCK_26T } from '../src/vehicle';
import { syntheticNetwork } from './synthetic-network';

const SEED = 20240611;
const QUERIES = 21;
const MATRIX_SIZE = 100;
const MATRIX_RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
function time<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const c = process.cpuUsage(c0);
  return [r, performance.now() - t0, (c.user + c.system) / 1000];
}

const [net0, buildMs] = time(() => syntheticNetwork(400, 250, 25_000, SEED));
const { graph, traffic } = net0;
const [net, compileMs] = time(() => compileRoadNetwork(graph, traffic));
const rng = new Rng(SEED + 1);
const nodes = graph.nodes();
const pairs = Array.from({ length: QUERIES }, () => [rng.pick(nodes), rng.pick(nodes)] as const);
const truck = HEAVY_TRUCK_26T;
const rates = { wageUsdPerH: 35, energyPriceUsdPerKWh: 0.25, perKmUsd: 0.3 };
const departureH = 7.5;

const hours = (_k: string, e: RoadEdgeAttributes): number => e.lengthKm / e.freeFlowSpeedKmh;
const rows: { what: string; ms: number; cpuMs: number; note: string }[] = [];
function measure(what: string, note: string, run: (from: string, to: string) => unknown): number {
  run(pairs[0]![0], pairs[0]![1]); // warm-up
  const runs = pairs.map(([from, to]) => time(() => run(from, to)));
  const ms = median(runs.map((r) => r[1]));
  rows.push({ what, ms, cpuMs: median(runs.map((r) => r[2])), note });
  return ms;
}

const baseline = measure('graphology-shortest-path `dijkstra.bidirectional`, static free-flow time', 'baseline', (from, to) => {
  const path = dijkstra.bidirectional(graph, from, to, hours);
  if (path === null) throw new Error('unreachable');
});
let lengthSum = 0;
measure('time-dependent earliest arrival (A*, CSR), incl. route check', 'departure 07:30', (from, to) => {
  const r = earliestArrival(net, { from, to, departureH });
  if (r === null) throw new Error('unreachable');
  lengthSum += r.legs.length;
});
measure('minimum energy, 26 t truck (elevation-potential Dijkstra), incl. check', 'departure 07:30', (from, to) => {
  if (minimumEnergy(net, { from, to, departureH, vehicle: truck }) === null) throw new Error('unreachable');
});
measure('minimum generalized cost (A* + potential), incl. check', 'departure 07:30', (from, to) => {
  if (minimumCost(net, { from, to, departureH, vehicle: truck, rates }) === null) throw new Error('unreachable');
});

const mrng = new Rng(SEED + 2);
const origins = Array.from({ length: MATRIX_SIZE }, () => mrng.pick(nodes));
const destinations = Array.from({ length: MATRIX_SIZE }, () => mrng.pick(nodes));
function measureMatrix(what: string, note: string, run: () => unknown): void {
  const runs = Array.from({ length: MATRIX_RUNS }, () => time(run));
  rows.push({ what, ms: median(runs.map((r) => r[1])), cpuMs: median(runs.map((r) => r[2])), note });
}
measureMatrix(`${MATRIX_SIZE}×${MATRIX_SIZE} matrix, earliest arrival, every cell route-checked`, 'departure 07:30', () =>
  travelMatrix(net, { origins, destinations, departureH }),
);
measureMatrix(`${MATRIX_SIZE}×${MATRIX_SIZE} matrix, earliest arrival, verify: false`, 'departure 07:30', () => travelMatrix(net, { origins, destinations, departureH, verify: false }));
measureMatrix(`${MATRIX_SIZE}×${MATRIX_SIZE} matrix, earliest arrival + energy along paths, checked`, 'departure 07:30', () =>
  travelMatrix(net, { origins, destinations, departureH, vehicle: truck }),
);
measureMatrix(`${MATRIX_SIZE}×${MATRIX_SIZE} matrix, minimum energy, checked`, 'departure 07:30', () =>
  travelMatrix(net, { origins, destinations, departureH, objective: 'energy', vehicle: truck }),
);

const lines = [
  `Synthetic network: ${graph.order} nodes, ${graph.size} directed edges, 3 zones, elevations; seed ${SEED}; ` +
    `build ${buildMs.toFixed(0)} ms, compile to CSR ${compileMs.toFixed(0)} ms; median of ${QUERIES} random queries (matrices: median of ${MATRIX_RUNS}); mean ${(lengthSum / (QUERIES + 1)).toFixed(0)} edges per route.`,
  '',
  '| query | median wall ms | median CPU ms | ratio to baseline (wall) | note |',
  '|---|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.what} | ${r.ms.toFixed(1)} | ${r.cpuMs.toFixed(1)} | ${(r.ms / baseline).toFixed(3)} | ${r.note} |`),
  '',
  `Load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores (CPU ms = user + system time of this process).`,
];
const text = lines.join('\n');
console.log(text);
mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench-results/routing.md', import.meta.url), text + '\n');
