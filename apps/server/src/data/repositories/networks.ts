import type { CostCurve, NetworkInput } from '@gridhaul/grid';
import type { RoadNetworkInput, RoadSegment } from '@gridhaul/routing';
import { InputError } from '@gridhaul/common';
import { NotFoundError } from '../../errors';
import type { PrismaClient } from '../generated/client';
import { guard } from '../prisma-errors';

export interface TrafficProfileData {
  zone: string;
  startsH: number[];
  factors: number[];
  periodH?: number | undefined;
}

/** A road network as @gridhaul/routing builds it, plus per-zone speed profiles and node names. */
export interface RoadNetworkData {
  format: string;
  network: RoadNetworkInput & { name: string };
  nodeNames?: Record<string, string> | undefined;
  traffic: TrafficProfileData[];
}

export interface LoadProfileData {
  name: string;
  bus?: number | undefined;
  stepH: number;
  factors: number[];
}

/** A grid network as @gridhaul/grid models it, plus the load profiles that go with it. */
export interface GridNetworkData {
  format: string;
  network: NetworkInput;
  loads: LoadProfileData[];
}

export interface NetworkSummary {
  id: string;
  kind: 'road' | 'grid';
  name: string;
  format: string;
  createdAt: string;
  /** Nodes and edges of a road network; buses and branches of a grid. */
  nodes: number;
  edges: number;
}

const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** Inserts in slices so a large network never becomes one giant statement. */
async function inChunks<T>(rows: T[], size: number, insert: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const IMPORT_TX = { timeout: 120_000, maxWait: 30_000 };

export function networkRepository(prisma: PrismaClient) {
  return {
    /** Stores a road network in one transaction: on any error nothing of it remains. */
    importRoad: ({ format, network: n, nodeNames, traffic }: RoadNetworkData) =>
      guard('road network', n.name, () =>
        prisma.$transaction(async (tx) => {
          const net = await tx.roadNetwork.create({ data: { name: n.name, format, crs: n.crs } });
          const networkId = net.id;
          await inChunks([...n.nodes], 2000, (s) =>
            tx.roadNode.createMany({
              data: s.map((v) => ({ networkId, key: v.id, name: nodeNames?.[v.id] ?? null, x: nul(v.x), y: nul(v.y), elevationM: nul(v.elevationM) })),
            }),
          );
          await inChunks([...n.edges], 2000, (s) =>
            tx.roadEdge.createMany({
              data: s.map((e) => ({
                networkId,
                key: e.key ?? `${e.from}->${e.to}`,
                fromKey: e.from,
                toKey: e.to,
                lengthKm: e.lengthKm,
                freeFlowSpeedKmh: e.freeFlowSpeedKmh,
                capacityVehPerH: nul(e.capacityVehPerH),
                zone: nul(e.zone),
                roadClass: nul(e.roadClass),
                gradePercent: nul(e.gradePercent),
                tollUsd: nul(e.tollUsd),
                ...(e.segments ? { segments: e.segments as object[] } : {}),
                ...(e.geometry ? { geometry: e.geometry } : {}),
              })),
            }),
          );
          if (traffic.length > 0) {
            await tx.trafficProfile.createMany({ data: traffic.map((t) => ({ networkId, zone: t.zone, startsH: t.startsH, factors: t.factors, periodH: nul(t.periodH) })) });
          }
          return { id: networkId, kind: 'road' as const, name: net.name, format: net.format, createdAt: net.createdAt.toISOString(), nodes: n.nodes.length, edges: n.edges.length };
        }, IMPORT_TX),
      ),

    /** Stores a grid network in one transaction: on any error nothing of it remains. */
    importGrid: ({ format, network: n, loads }: GridNetworkData) =>
      guard('grid network', n.name, () =>
        prisma.$transaction(async (tx) => {
          const net = await tx.gridNetwork.create({ data: { name: n.name, format, baseMVA: n.baseMVA, notes: [...(n.notes ?? [])] } });
          const networkId = net.id;
          await inChunks([...n.buses], 2000, (s) =>
            tx.bus.createMany({ data: s.map(({ id, name, ...b }) => ({ networkId, number: id, name: nul(name), ...b })) }),
          );
          await inChunks([...n.branches], 2000, (s) =>
            tx.branch.createMany({ data: s.map(({ from, to, ...b }, i) => ({ networkId, position: i, fromBus: from, toBus: to, ...b })) }),
          );
          await inChunks(n.generators.map((g, position) => ({ g, position })), 2000, (s) =>
            tx.generator.createMany({
              data: s.map(({ g: { cost, qmaxMVAr, qminMVAr, ...g }, position }) => ({
                networkId,
                position,
                ...g,
                qmaxMVAr: limit(qmaxMVAr, Infinity, `generators[${position}].qmaxMVAr`),
                qminMVAr: limit(qminMVAr, -Infinity, `generators[${position}].qminMVAr`),
                ...costColumns(cost),
              })),
            }),
          );
          const dcLines = (n.dcLines ?? []).map(({ from, to, ...d }, position) => ({ networkId, position, fromBus: from, toBus: to, ...d }));
          if (dcLines.length > 0) await tx.dcLine.createMany({ data: dcLines });
          if (loads.length > 0) {
            await tx.loadProfile.createMany({ data: loads.map((l) => ({ networkId, name: l.name, bus: nul(l.bus), stepH: l.stepH, factors: l.factors })) });
          }
          return { id: networkId, kind: 'grid' as const, name: net.name, format: net.format, createdAt: net.createdAt.toISOString(), nodes: n.buses.length, edges: n.branches.length };
        }, IMPORT_TX),
      ),

    list: async (): Promise<NetworkSummary[]> => {
      const roads = await prisma.roadNetwork.findMany({ include: { _count: { select: { nodes: true, edges: true } } }, orderBy: { createdAt: 'asc' } });
      const grids = await prisma.gridNetwork.findMany({ include: { _count: { select: { buses: true, branches: true } } }, orderBy: { createdAt: 'asc' } });
      return [
        ...roads.map((r) => ({ id: r.id, kind: 'road' as const, name: r.name, format: r.format, createdAt: r.createdAt.toISOString(), nodes: r._count.nodes, edges: r._count.edges })),
        ...grids.map((g) => ({ id: g.id, kind: 'grid' as const, name: g.name, format: g.format, createdAt: g.createdAt.toISOString(), nodes: g._count.buses, edges: g._count.branches })),
      ];
    },

    getRoad: async (id: string): Promise<RoadNetworkData & { id: string }> => {
      const r = await prisma.roadNetwork.findUnique({
        where: { id },
        include: { nodes: { orderBy: { id: 'asc' } }, edges: { orderBy: { id: 'asc' } }, traffic: { orderBy: { zone: 'asc' } } },
      });
      if (!r) throw new NotFoundError('road network', id);
      const present = <K extends string, V>(k: K, v: V | null) => (v === null ? {} : ({ [k]: v } as Record<K, V>));
      return {
        id: r.id,
        format: r.format,
        network: {
          name: r.name,
          crs: r.crs as RoadNetworkInput['crs'],
          nodes: r.nodes.map((n) => ({ id: n.key, ...present('x', n.x), ...present('y', n.y), ...present('elevationM', n.elevationM) })),
          edges: r.edges.map((e) => ({
            key: e.key,
            from: e.fromKey,
            to: e.toKey,
            lengthKm: e.lengthKm,
            freeFlowSpeedKmh: e.freeFlowSpeedKmh,
            ...present('capacityVehPerH', e.capacityVehPerH),
            ...present('zone', e.zone),
            ...present('roadClass', e.roadClass),
            ...present('gradePercent', e.gradePercent),
            ...present('tollUsd', e.tollUsd),
            ...present('segments', e.segments as RoadSegment[] | null),
            ...present('geometry', e.geometry as [number, number][] | null),
          })),
        },
        nodeNames: Object.fromEntries(r.nodes.filter((n) => n.name !== null).map((n) => [n.key, n.name as string])),
        traffic: r.traffic.map((t) => ({ zone: t.zone, startsH: t.startsH, factors: t.factors, ...present('periodH', t.periodH) })),
      };
    },

    getGrid: async (id: string): Promise<GridNetworkData & { id: string }> => {
      const g = await prisma.gridNetwork.findUnique({
        where: { id },
        include: {
          buses: { orderBy: { number: 'asc' } },
          branches: { orderBy: { position: 'asc' } },
          generators: { orderBy: { position: 'asc' } },
          dcLines: { orderBy: { position: 'asc' } },
          loads: { orderBy: { name: 'asc' } },
        },
      });
      if (!g) throw new NotFoundError('grid network', id);
      return {
        id: g.id,
        format: g.format,
        network: {
          name: g.name,
          baseMVA: g.baseMVA,
          notes: g.notes,
          buses: g.buses.map(({ id: _i, networkId: _n, number, name, type, ...b }) => ({
            id: number,
            type: type as 1 | 2 | 3 | 4,
            ...b,
            ...(name === null ? {} : { name }),
          })),
          branches: g.branches.map(({ id: _i, networkId: _n, position: _p, fromBus, toBus, ...b }) => ({ from: fromBus, to: toBus, ...b })),
          generators: g.generators.map(({ id: _i, networkId: _n, position: _p, costKind, costCoefficients, costPointsMW, costPointsPerH, qmaxMVAr, qminMVAr, ...x }) => ({
            ...x,
            qmaxMVAr: qmaxMVAr ?? Infinity,
            qminMVAr: qminMVAr ?? -Infinity,
            cost: (costKind === 'polynomial'
              ? { kind: 'polynomial', coefficients: costCoefficients }
              : { kind: 'piecewiseLinear', pointsMW: costPointsMW, costsPerHour: costPointsPerH }) as CostCurve,
          })),
          dcLines: g.dcLines.map(({ id: _i, networkId: _n, position: _p, fromBus, toBus, ...d }) => ({ from: fromBus, to: toBus, ...d })),
        },
        loads: g.loads.map((l) => ({ name: l.name, ...(l.bus === null ? {} : { bus: l.bus }), stepH: l.stepH, factors: l.factors })),
      };
    },

    /** Deletes a road or grid network (and everything stored under it). */
    delete: async (id: string): Promise<'road' | 'grid'> => {
      const road = await prisma.roadNetwork.deleteMany({ where: { id } });
      if (road.count > 0) return 'road';
      const grid = await prisma.gridNetwork.deleteMany({ where: { id } });
      if (grid.count > 0) return 'grid';
      throw new NotFoundError('network', id);
    },
  };
}

function costColumns(cost: CostCurve) {
  return cost.kind === 'polynomial'
    ? { costKind: cost.kind, costCoefficients: [...cost.coefficients], costPointsMW: [], costPointsPerH: [] }
    : { costKind: cost.kind, costCoefficients: [], costPointsMW: [...cost.pointsMW], costPointsPerH: [...cost.costsPerHour] };
}

/** An infinite reactive limit in its own direction is stored as null ("no limit"). */
function limit(value: number, unlimited: number, field: string): number | null {
  if (value === unlimited) return null;
  if (!Number.isFinite(value)) throw new InputError(field, value, `a finite number or ${unlimited}`);
  return value;
}
