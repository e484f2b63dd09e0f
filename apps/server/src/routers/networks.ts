import { InputError } from '@gridhaul/common';
import { readMatpower } from '@gridhaul/grid';
import { buildRoadGraph, importGeoJsonRoads, parseCoOptDistanceCsv, type GeoJsonFeatureCollection, type RoadNetworkInput } from '@gridhaul/routing';
import { z } from 'zod';
import { byId, fileText, label, positive } from '../schemas/common';
import { gridNetwork, networkDeleted, networkSummary, roadNetwork } from '../schemas/networks';
import { readProcedure, router, writeProcedure } from '../trpc/trpc';

const fileName = z.string().trim().min(1).max(200);

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(file, text.slice(0, 40), `JSON text (${(error as Error).message})`);
  }
}

export const networksRouter = router({
  importMatpower: writeProcedure
    .meta({ summary: 'Import a grid network from a MATPOWER case file (text). All or nothing.' })
    .input(z.object({ text: fileText, fileName: fileName.default('case.m'), name: label.optional() }))
    .output(networkSummary)
    .mutation(({ ctx, input }) => {
      const network = readMatpower(input.text, input.fileName);
      return ctx.repos.networks.importGrid({ format: 'matpower', network: { ...network, name: input.name ?? network.name }, loads: [] });
    }),

  importGeoJson: writeProcedure
    .meta({ summary: 'Import a road network from GeoJSON LineStrings (lon/lat). All or nothing.' })
    .input(
      z.object({
        text: fileText,
        fileName: fileName.default('roads.geojson'),
        name: label,
        snapToleranceM: positive.max(1000).optional(),
        defaultSpeedKmh: positive.max(300).optional(),
      }),
    )
    .output(networkSummary)
    .mutation(({ ctx, input }) => {
      const collection = parseJson(input.text, input.fileName) as GeoJsonFeatureCollection;
      if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
        throw new InputError(`${input.fileName}:type`, (collection as { type?: unknown })?.type, 'a GeoJSON FeatureCollection');
      }
      const { graph } = importGeoJsonRoads(collection, {
        ...(input.snapToleranceM !== undefined ? { snapToleranceM: input.snapToleranceM } : {}),
        ...(input.defaultSpeedKmh !== undefined ? { defaultSpeedKmh: input.defaultSpeedKmh } : {}),
      });
      const network: RoadNetworkInput & { name: string } = {
        name: input.name,
        crs: graph.getAttribute('crs'),
        nodes: graph.mapNodes((nodeId, a) => ({ id: nodeId, ...a })),
        edges: graph.mapEdges((key, a, from, to) => ({ key, from, to, ...a })),
      };
      return ctx.repos.networks.importRoad({ format: 'geojson', network, traffic: [] });
    }),

  importCsvMatrix: writeProcedure
    .meta({ summary: 'Import a road network from a CSV distance matrix ("Node,<names>" header, km, -1 = no road).' })
    .input(z.object({ text: fileText, fileName: fileName.default('distances.csv'), name: label, speedKmh: positive.max(300).default(50) }))
    .output(networkSummary)
    .mutation(({ ctx, input }) => {
      const m = parseCoOptDistanceCsv(input.text, input.fileName);
      const ids = m.nodeIds.map(String);
      const edges = m.distanceKm.flatMap((row, i) =>
        row.flatMap((km, j) => (km === null || i === j ? [] : [{ from: ids[i] as string, to: ids[j] as string, lengthKm: km, freeFlowSpeedKmh: input.speedKmh }])),
      );
      const network = { name: input.name, crs: 'none' as const, nodes: ids.map((v) => ({ id: v })), edges };
      buildRoadGraph(network); // validates lengths, ends and duplicates before anything is stored
      return ctx.repos.networks.importRoad({
        format: 'csv-matrix',
        network,
        nodeNames: Object.fromEntries(ids.map((v, i) => [v, m.names[i] ?? v])),
        traffic: [],
      });
    }),

  list: readProcedure.meta({ summary: 'All road and grid networks with their sizes.' }).output(z.array(networkSummary)).query(({ ctx }) => ctx.repos.networks.list()),
  getRoad: readProcedure
    .meta({ summary: 'A road network: nodes, edges, traffic profiles.' })
    .input(byId)
    .output(roadNetwork)
    .query(({ ctx, input }) => ctx.repos.networks.getRoad(input.id)),
  getGrid: readProcedure
    .meta({ summary: 'A grid network: buses, branches, generators, DC lines, load profiles.' })
    .input(byId)
    .output(gridNetwork)
    .query(async ({ ctx, input }) => {
      const g = await ctx.repos.networks.getGrid(input.id);
      // JSON has no Infinity: unlimited reactive limits are sent as null.
      return { ...g, network: { ...g.network, generators: g.network.generators.map((x) => ({ ...x, qmaxMVAr: finiteOrNull(x.qmaxMVAr), qminMVAr: finiteOrNull(x.qminMVAr) })) } };
    }),
  delete: writeProcedure
    .meta({ summary: 'Delete a network and everything stored under it.' })
    .input(byId)
    .output(networkDeleted)
    .mutation(async ({ ctx, input }) => ({ id: input.id, kind: await ctx.repos.networks.delete(input.id), deleted: true })),
});

const finiteOrNull = (n: number) => (Number.isFinite(n) ? n : null);
