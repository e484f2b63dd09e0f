import type { GridNetwork, RoadNetwork } from '../api/types';
import { categorical, viridis } from '../charts/colors';
import { formatNumber } from '../charts/scale';
import { forceLayout, projectLonLat, type Point } from './layout';

export interface DrawnNode extends Point {
  id: string;
  label: string;
  color: string;
  radius: number;
  shape: 'circle' | 'square';
  title: string;
}

export interface DrawnEdge {
  from: string;
  to: string;
  color: string;
  width: number;
  dashed: boolean;
  title: string;
}

export interface Drawing {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  legend: Array<{ label: string; color: string; shape?: 'line' | 'circle' | 'square' }>;
}

/** Grade of a road from its end elevations, percent (rise / run). */
export function gradePercent(fromElevationM: number | undefined, toElevationM: number | undefined, lengthKm: number): number | undefined {
  if (fromElevationM === undefined || toElevationM === undefined || !(lengthKm > 0)) return undefined;
  return ((toElevationM - fromElevationM) / (lengthKm * 1000)) * 100;
}

function planar(nodes: ReadonlyArray<{ id: string; x?: number | undefined; y?: number | undefined }>): Map<string, Point> {
  const located = nodes.filter((n): n is { id: string; x: number; y: number } => n.x !== undefined && n.y !== undefined);
  if (located.length < 2) return new Map();
  const xs = located.map((n) => n.x);
  const ys = located.map((n) => -n.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const span = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY) || 1;
  return new Map(located.map((n, i) => [n.id, { x: (xs[i]! - minX) / span, y: (ys[i]! - minY) / span }]));
}

/** The traffic zone a road belongs to: its own, else that of its segments (several: "mixed"). */
export function edgeZone(e: { zone?: string | undefined; roadClass?: string | undefined; segments?: ReadonlyArray<{ zone?: string | undefined }> | undefined }): string {
  if (e.zone !== undefined) return e.zone;
  const zones = [...new Set((e.segments ?? []).map((s) => s.zone).filter((z): z is string => z !== undefined))];
  if (zones.length === 1) return zones[0]!;
  if (zones.length > 1) return 'mixed';
  return e.roadClass ?? 'road';
}

/** Road graph: nodes at their coordinates (or laid out), coloured by elevation; roads by traffic zone. */
export function roadDrawing(road: RoadNetwork): Drawing {
  const { nodes: rawNodes, edges: rawEdges, crs } = road.network;
  const names = road.nodeNames ?? {};
  const located =
    crs === 'lonlat' ? projectLonLat(rawNodes.map((n) => ({ key: n.id, lon: n.x, lat: n.y }))) : crs === 'planar-km' ? planar(rawNodes) : new Map<string, Point>();
  const pos =
    located.size === rawNodes.length && rawNodes.length > 1
      ? located
      : forceLayout(
          rawNodes.map((n) => n.id),
          rawEdges.map((e) => ({ from: e.from, to: e.to, length: e.lengthKm })),
        );
  const elevations = rawNodes.map((n) => n.elevationM).filter((e): e is number => e !== undefined);
  const [eMin, eMax] = elevations.length ? [Math.min(...elevations), Math.max(...elevations)] : [0, 0];
  const zones = [...new Set(rawEdges.map(edgeZone))].sort();
  const byId = new Map(rawNodes.map((n) => [n.id, n]));
  const nodes = rawNodes.map((n) => {
    const p = pos.get(n.id) ?? { x: 0.5, y: 0.5 };
    const color = n.elevationM !== undefined && eMax > eMin ? viridis((n.elevationM - eMin) / (eMax - eMin)) : '#666';
    const elev = n.elevationM !== undefined ? `, elevation ${formatNumber(n.elevationM, 0)} m` : '';
    const name = names[n.id];
    return { id: n.id, label: name ?? n.id, x: p.x, y: p.y, color, radius: 7, shape: 'circle' as const, title: `node ${n.id}${name ? ` (${name})` : ''}${elev}` };
  });
  const edges = rawEdges.map((e) => {
    const zone = edgeZone(e);
    const grade = e.gradePercent ?? gradePercent(byId.get(e.from)?.elevationM, byId.get(e.to)?.elevationM, e.lengthKm);
    const parts = [
      `${e.from} → ${e.to}`,
      `${formatNumber(e.lengthKm)} km`,
      `${formatNumber(e.freeFlowSpeedKmh, 0)} km/h`,
      `zone ${zone}`,
      grade !== undefined ? `grade ${formatNumber(grade, 1)} %` : '',
      e.tollUsd ? `toll $${formatNumber(e.tollUsd)}` : '',
    ];
    const steep = grade !== undefined && Math.abs(grade) >= 4;
    return { from: e.from, to: e.to, color: categorical(zones.indexOf(zone)), width: steep ? 4 : 2.5, dashed: false, title: parts.filter(Boolean).join(', ') };
  });
  const legend: Drawing['legend'] = zones.map((z, i) => ({ label: `traffic zone ${z}`, color: categorical(i), shape: 'line' as const }));
  if (eMax > eMin) legend.push({ label: `low ${formatNumber(eMin, 0)} m`, color: viridis(0), shape: 'circle' }, { label: `high ${formatNumber(eMax, 0)} m`, color: viridis(1), shape: 'circle' });
  return { nodes, edges, legend };
}

/** Grid: buses laid out by their branches; generator buses as squares, sized by load. */
export function gridDrawing(grid: GridNetwork): Drawing {
  const n = grid.network;
  const pos = forceLayout(
    n.buses.map((b) => String(b.id)),
    n.branches.map((br) => ({ from: String(br.from), to: String(br.to) })),
    n.buses.length > 100 ? 200 : 300,
  );
  const genMW = new Map<number, number>();
  for (const g of n.generators) if (g.inService) genMW.set(g.bus, (genMW.get(g.bus) ?? 0) + g.pmaxMW);
  const maxLoad = Math.max(1, ...n.buses.map((b) => b.pdMW));
  const typeName: Record<number, string> = { 1: 'load bus', 2: 'generator bus', 3: 'reference bus', 4: 'isolated' };
  const nodes = n.buses.map((b) => {
    const p = pos.get(String(b.id))!;
    const gen = genMW.get(b.id);
    const title = `bus ${b.id}${b.name ? ` (${b.name})` : ''}: ${typeName[b.type] ?? 'bus'}, load ${formatNumber(b.pdMW)} MW${gen ? `, generation up to ${formatNumber(gen)} MW` : ''}`;
    return {
      id: String(b.id),
      label: String(b.id),
      x: p.x,
      y: p.y,
      color: b.type === 3 ? categorical(5) : gen ? categorical(1) : categorical(0),
      radius: 4 + 6 * Math.sqrt(Math.max(0, b.pdMW) / maxLoad),
      shape: gen ? ('square' as const) : ('circle' as const),
      title,
    };
  });
  const edges = n.branches.map((br) => ({
    from: String(br.from),
    to: String(br.to),
    color: '#8a8a8a',
    width: br.rateAMVA > 0 ? 1 + Math.min(3, br.rateAMVA / 100) : 1.5,
    dashed: !br.inService,
    title: `branch ${br.from}–${br.to}${br.rateAMVA > 0 ? `, rating ${formatNumber(br.rateAMVA)} MVA` : ', unlimited'}${br.inService ? '' : ', out of service'}`,
  }));
  return {
    nodes,
    edges,
    legend: [
      { label: 'load bus', color: categorical(0), shape: 'circle' },
      { label: 'generator bus', color: categorical(1), shape: 'square' },
      { label: 'reference bus', color: categorical(5), shape: 'circle' },
    ],
  };
}

/** A zone's speed factors as a step curve over one profile period (default 24 h). */
export function trafficSeries(t: RoadNetwork['traffic'][number]): Array<{ tH: number; value: number }> {
  const period = t.periodH ?? 24;
  const pts = t.startsH.map((s, i) => ({ tH: s, value: t.factors[i] ?? 1 }));
  const last = pts[pts.length - 1];
  if (last && last.tH < period) pts.push({ tH: period, value: last.value });
  return pts;
}
