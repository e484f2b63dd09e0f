import { Rng } from '@gridhaul/common';
import { buildRoadGraph, type RoadEdgeInput, type RoadNodeInput } from '../src/build-graph';
import { bprSpeedProfile, WEEKDAY_VC_PROFILE } from '../src/bpr';
import type { TrafficModel } from '../src/compile';
import type { RoadGraph } from '../src/model';

export interface SyntheticNetwork {
  graph: RoadGraph;
  traffic: TrafficModel;
  seed: number;
}

/**
 * Seeded synthetic road network: a cols × rows jittered grid (0.5 km spacing, planar km), a random
 * spanning tree of grid links plus `extraLinks` more, each link in both directions; hilly terrain
 * (smooth waves plus noise, grades a few %), three traffic zones by distance from the centre
 * (urban 40 km/h, suburban 60, rural 80; every 10th row/column an arterial +20 km/h) with BPR
 * speed profiles from the weekday V/C profile (alpha 1.0 / 0.5 / 0.15).
 */
export function syntheticNetwork(cols: number, rows: number, extraLinks: number, seed: number): SyntheticNetwork {
  const rng = new Rng(seed);
  const spacing = 0.5;
  const phase = [rng.uniform(0, 6.3), rng.uniform(0, 6.3), rng.uniform(0, 6.3)];
  const nodes: RoadNodeInput[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = c * spacing + rng.uniform(-0.15, 0.15);
      const y = r * spacing + rng.uniform(-0.15, 0.15);
      const elevationM = 200 + 150 * Math.sin(x / 7 + (phase[0] as number)) * Math.cos(y / 9 + (phase[1] as number)) + 60 * Math.sin(x / 3 + y / 5 + (phase[2] as number)) + rng.uniform(-5, 5);
      nodes.push({ id: `${r}:${c}`, x, y, elevationM });
    }
  }
  const candidates: [number, number][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (c + 1 < cols) candidates.push([i, i + 1]);
      if (r + 1 < rows) candidates.push([i, i + cols]);
    }
  }
  rng.shuffle(candidates);
  const parent = Int32Array.from({ length: nodes.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const chosen: [number, number][] = [];
  const rest: [number, number][] = [];
  for (const [a, b] of candidates) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      parent[ra] = rb;
      chosen.push([a, b]);
    } else rest.push([a, b]);
  }
  chosen.push(...rest.slice(0, extraLinks));

  const cx = (cols * spacing) / 2;
  const cy = (rows * spacing) / 2;
  const edges: RoadEdgeInput[] = [];
  for (const [a, b] of chosen) {
    const p = nodes[a] as RoadNodeInput;
    const q = nodes[b] as RoadNodeInput;
    const straight = Math.hypot((q.x as number) - (p.x as number), (q.y as number) - (p.y as number));
    const lengthKm = straight * rng.uniform(1, 1.3);
    const mid = Math.hypot(((p.x as number) + (q.x as number)) / 2 - cx, ((p.y as number) + (q.y as number)) / 2 - cy);
    const zone = mid < 15 ? 'urban' : mid < 35 ? 'suburban' : 'rural';
    const ra = Math.floor(a / cols);
    const ca = a % cols;
    const arterial = (ra % 10 === 0 && Math.floor(b / cols) === ra) || (ca % 10 === 0 && b % cols === ca);
    const freeFlowSpeedKmh = (zone === 'urban' ? 40 : zone === 'suburban' ? 60 : 80) + (arterial ? 20 : 0);
    edges.push({ from: p.id, to: q.id, lengthKm, freeFlowSpeedKmh, zone }, { from: q.id, to: p.id, lengthKm, freeFlowSpeedKmh, zone });
  }
  const graph = buildRoadGraph({ crs: 'planar-km', name: `synthetic ${cols}x${rows} seed ${seed}`, nodes, edges });
  const profile = (alpha: number) => bprSpeedProfile(WEEKDAY_VC_PROFILE.startsH, WEEKDAY_VC_PROFILE.ratios, 24, { alpha, beta: 4 });
  return { graph, traffic: { byZone: { urban: profile(1.0), suburban: profile(0.5), rural: profile(0.15) } }, seed };
}
