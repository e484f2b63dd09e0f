import { z } from 'zod';
import { timestamp } from './common';

/** A stored road or grid network with its size (response). */
export const networkSummary = z.strictObject({
  id: z.string(),
  kind: z.enum(['road', 'grid']),
  name: z.string(),
  format: z.string(),
  createdAt: timestamp,
  nodes: z.number().int().describe('nodes of a road network; buses of a grid'),
  edges: z.number().int().describe('edges of a road network; branches of a grid'),
});

const roadSegment = z.strictObject({ lengthKm: z.number(), zone: z.string().optional(), gradePercent: z.number().optional() });

/** A road network as @gridhaul/routing builds it, with traffic profiles and node names (response). */
export const roadNetwork = z.strictObject({
  id: z.string(),
  format: z.string(),
  network: z.strictObject({
    name: z.string(),
    crs: z.enum(['lonlat', 'planar-km', 'none']),
    nodes: z
      .array(z.strictObject({ id: z.string(), x: z.number().optional(), y: z.number().optional(), elevationM: z.number().optional() }))
      .readonly(),
    edges: z
      .array(
        z.strictObject({
          key: z.string().optional(),
          from: z.string(),
          to: z.string(),
          lengthKm: z.number(),
          freeFlowSpeedKmh: z.number(),
          capacityVehPerH: z.number().optional(),
          zone: z.string().optional(),
          roadClass: z.string().optional(),
          gradePercent: z.number().optional(),
          tollUsd: z.number().optional(),
          segments: z.array(roadSegment).optional(),
          geometry: z.array(z.tuple([z.number(), z.number()])).optional(),
        }),
      )
      .readonly(),
  }),
  nodeNames: z.record(z.string(), z.string()).optional(),
  traffic: z.array(z.strictObject({ zone: z.string(), startsH: z.array(z.number()), factors: z.array(z.number()), periodH: z.number().optional() })),
});

const bus = z.strictObject({
  id: z.number().int(),
  type: z.literal([1, 2, 3, 4]).describe('1 PQ, 2 PV, 3 reference, 4 isolated'),
  pdMW: z.number(),
  qdMVAr: z.number(),
  gsMW: z.number(),
  bsMVAr: z.number(),
  area: z.number(),
  vmPu: z.number(),
  vaDeg: z.number(),
  baseKV: z.number(),
  zone: z.number(),
  vmaxPu: z.number(),
  vminPu: z.number(),
  name: z.string().optional(),
});

const costCurve = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('polynomial'), coefficients: z.array(z.number()).readonly().describe('$/h, highest order first') }),
  z.strictObject({ kind: z.literal('piecewiseLinear'), pointsMW: z.array(z.number()).readonly(), costsPerHour: z.array(z.number()).readonly() }),
]);

const generator = z.strictObject({
  bus: z.number().int(),
  pgMW: z.number(),
  qgMVAr: z.number(),
  qmaxMVAr: z.number().nullable().describe('null: no upper limit'),
  qminMVAr: z.number().nullable().describe('null: no lower limit'),
  vgPu: z.number(),
  mBaseMVA: z.number(),
  inService: z.boolean(),
  pmaxMW: z.number(),
  pminMW: z.number(),
  cost: costCurve,
  startupCost: z.number(),
  shutdownCost: z.number(),
});

const branch = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  rPu: z.number(),
  xPu: z.number(),
  bPu: z.number(),
  rateAMVA: z.number().describe('0 means unlimited'),
  rateBMVA: z.number(),
  rateCMVA: z.number(),
  tapRatio: z.number(),
  shiftDeg: z.number(),
  inService: z.boolean(),
  angMinDeg: z.number(),
  angMaxDeg: z.number(),
});

const dcLine = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  inService: z.boolean(),
  pminMW: z.number(),
  pmaxMW: z.number(),
  loss0MW: z.number(),
  loss1: z.number(),
});

/** A grid network in MATPOWER's data model (units in the field names) with its load profiles (response). */
export const gridNetwork = z.strictObject({
  id: z.string(),
  format: z.string(),
  network: z.strictObject({
    name: z.string(),
    baseMVA: z.number(),
    buses: z.array(bus).readonly(),
    generators: z.array(generator),
    branches: z.array(branch).readonly(),
    dcLines: z.array(dcLine).readonly().optional(),
    notes: z.array(z.string()).readonly().optional(),
  }),
  loads: z.array(z.strictObject({ name: z.string(), bus: z.number().int().optional(), stepH: z.number(), factors: z.array(z.number()) })),
});

export const networkDeleted = z.strictObject({ id: z.string(), kind: z.enum(['road', 'grid']), deleted: z.literal(true) });
