import { InputError, Rng, requireInteger } from '@gridhaul/common';
import type { CoOptNetwork, CoOptTruck } from '@gridhaul/routing';
import { createCoOptCase, type CoOptCase, type PriceTable } from './data';

export interface SyntheticOptions {
  /** Nodes including the depot (≥ 4). */
  nodes: number;
  seed: number;
  /** Share of non-depot nodes that are charging sites (default 1/3, at least one). */
  chargerShare?: number;
  /** Side of the square the nodes are placed in (km, default 30); road km = 1.2 × straight line. */
  areaKm?: number;
  /** Largest road grade (%, default 2: steeper long roads make sites unreachable for a MESS-powered 50 t truck). */
  maxGradePct?: number;
  trucks: readonly CoOptTruck[];
  prices: PriceTable;
  trafficIndex: CoOptNetwork['trafficIndex'];
}

/**
 * A seeded Co-OPT-like network for scaling runs: depot at the centre, charging sites and
 * construction sites placed uniformly; roads from the depot to every node, from each site to its two
 * nearest charging sites, and between each charging site and its nearest other charging site (both
 * ways, same length, opposite grades). Sites get a 350 kWh MESS at 80–100 % and two excavators of
 * 30–60 kWh/h; charging sites buy at the price table's buses in turn. The seed is part of the name.
 */
export function syntheticCoOptCase(o: SyntheticOptions): CoOptCase {
  const n = requireInteger('nodes', o.nodes, 4);
  const rng = new Rng(requireInteger('seed', o.seed, 0));
  const area = o.areaKm ?? 30;
  const maxGrade = o.maxGradePct ?? 2;
  const chargers = Math.max(1, Math.round((n - 1) * (o.chargerShare ?? 1 / 3)));
  if (chargers >= n - 1) throw new InputError('chargerShare', o.chargerShare, 'a share that leaves at least one construction site');
  const xy = Array.from({ length: n }, (_, i) => (i === 0 ? [area / 2, area / 2] : [rng.uniform(0, area), rng.uniform(0, area)]) as [number, number]);
  const isCharger = (i: number): boolean => i >= 1 && i <= chargers;
  const dist = (a: number, b: number): number => Math.max(1, Math.round(1.2 * Math.hypot(xy[a]![0] - xy[b]![0], xy[a]![1] - xy[b]![1])));
  const distanceKm: (number | null)[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : null)));
  const gradePercent: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const road = (a: number, b: number): void => {
    if (a === b || distanceKm[a]![b] !== null) return;
    const d = dist(a, b);
    const g = Math.round(rng.uniform(-maxGrade, maxGrade));
    distanceKm[a]![b] = d;
    distanceKm[b]![a] = d;
    gradePercent[a]![b] = g;
    gradePercent[b]![a] = -g;
  };
  const chargerIds = Array.from({ length: chargers }, (_, k) => k + 1);
  for (let i = 1; i < n; i++) road(0, i);
  for (let i = chargers + 1; i < n; i++) {
    const near = [...chargerIds].sort((a, b) => dist(i, a) - dist(i, b)).slice(0, 2);
    for (const c of near) road(i, c);
  }
  for (const c of chargerIds) {
    const other = chargerIds.filter((x) => x !== c).sort((a, b) => dist(c, a) - dist(c, b))[0];
    if (other !== undefined) road(c, other);
  }
  const names = Array.from({ length: n }, (_, i) => (i === 0 ? 'Depot' : isCharger(i) ? `Charging site ${i}` : `construction site ${i}`));
  const network: CoOptNetwork = { nodeIds: names.map((_, i) => i), names, distanceKm, gradePercent, trafficIndex: o.trafficIndex };
  const sites = Array.from({ length: n - 1 - chargers }, (_, k) => {
    const node = chargers + 1 + k;
    return {
      node,
      name: names[node]!,
      messCapacityKWh: 350,
      initialSocPct: Math.round(rng.uniform(80, 100)),
      windowStartH: 7,
      windowEndH: 19,
      excavators: [0, 1].map(() => ({ batteryKWh: 250, consumptionKWhPerH: Math.round(rng.uniform(30, 60)) })),
    };
  });
  const chargingSites = chargerIds.map((node, k) => ({ node, bus: o.prices.buses[k % o.prices.buses.length]! }));
  return createCoOptCase({ name: `synthetic-${n}-seed${o.seed}`, network, trucks: o.trucks, chargingSites, sites, prices: o.prices });
}
