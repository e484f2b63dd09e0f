import { z } from 'zod';
import { ScenarioInvalidError, validateScenarioDocument } from '../scenarios/document';
import { byId, deletedResult, id, label, seed, timeLimitSec } from '../schemas/common';
import { scenario, scenarioSummary, scenarioValidation } from '../schemas/scenarios';
import { readProcedure, router, writeProcedure } from '../trpc/trpc';

const documentInput = z.object({ document: z.record(z.string(), z.unknown()) });

export const scenariosRouter = router({
  validate: readProcedure
    .meta({ summary: 'Check a scenario document and list every problem at once (empty list: valid).' })
    .input(documentInput)
    .output(scenarioValidation)
    .query(async ({ ctx, input }) => {
      const { problems } = await validateScenarioDocument(input.document, ctx.repos);
      return { valid: problems.length === 0, problems };
    }),

  createFromDocument: writeProcedure
    .meta({ summary: 'Store a scenario from one JSON document (quantities such as "550 kWh" accepted).' })
    .input(documentInput)
    .output(scenario)
    .mutation(async ({ ctx, input }) => {
      const { problems, document } = await validateScenarioDocument(input.document, ctx.repos);
      if (!document) throw new ScenarioInvalidError(problems);
      return ctx.repos.scenarios.create({ name: document.name, problemType: document.problemType, document: document as Record<string, unknown> });
    }),

  create: writeProcedure
    .meta({ summary: 'Store a scenario from stored parts: batteries and a fleet by id, networks, and the problem input.' })
    .input(
      z.object({
        name: label,
        problemType: z.string().min(1).max(100),
        batteryIds: z.array(id).max(1000).default([]),
        fleetId: id.optional(),
        roadNetworkId: id.optional(),
        gridNetworkId: id.optional(),
        seed: seed.default(1),
        timeLimitSec: timeLimitSec.optional(),
        problem: z.unknown(),
      }),
    )
    .output(scenario)
    .mutation(async ({ ctx, input }) => {
      const batteries = await Promise.all(input.batteryIds.map((b) => ctx.repos.batteries.get(b)));
      const fleet = input.fleetId ? await ctx.repos.fleets.get(input.fleetId) : null;
      const byBatteryId = new Map(batteries.map((b) => [b.id, b.name]));
      if (fleet) for (const m of fleet.messUnits) if (!byBatteryId.has(m.batterySpecId)) byBatteryId.set(m.batterySpecId, (await ctx.repos.batteries.get(m.batterySpecId)).name);
      const allBatteries = await Promise.all([...byBatteryId.keys()].map((b) => ctx.repos.batteries.get(b)));
      const raw = {
        name: input.name,
        problemType: input.problemType,
        seed: input.seed,
        ...(input.timeLimitSec !== undefined ? { timeLimitSec: input.timeLimitSec } : {}),
        batteries: allBatteries.map(({ id: _id, createdAt: _c, ...b }) => b),
        fleet: {
          vehicles: (fleet?.vehicles ?? []).map(({ batterySpecId, ...v }) => ({ ...v, ...(batterySpecId ? { battery: byBatteryId.get(batterySpecId) } : {}) })),
          mess: (fleet?.messUnits ?? []).map((m) => ({ name: m.name, battery: byBatteryId.get(m.batterySpecId), initialSoc: m.initialSoc })),
        },
        ...(input.roadNetworkId ? { roadNetworkId: input.roadNetworkId } : {}),
        ...(input.gridNetworkId ? { gridNetworkId: input.gridNetworkId } : {}),
        problem: input.problem,
      };
      const { problems, document } = await validateScenarioDocument(raw, ctx.repos);
      if (!document) throw new ScenarioInvalidError(problems);
      return ctx.repos.scenarios.create({ name: document.name, problemType: document.problemType, document: document as Record<string, unknown> });
    }),

  list: readProcedure.meta({ summary: 'All scenarios (without their documents).' }).output(z.array(scenarioSummary)).query(({ ctx }) => ctx.repos.scenarios.list()),
  get: readProcedure.meta({ summary: 'One scenario with its normalised document.' }).input(byId).output(scenario).query(({ ctx, input }) => ctx.repos.scenarios.get(input.id)),
  clone: writeProcedure
    .meta({ summary: 'Copy a scenario, optionally renamed and with top-level document fields replaced; the copy is validated.' })
    .input(z.object({ id, name: label.optional(), changes: z.record(z.string(), z.unknown()).default({}) }))
    .output(scenario)
    .mutation(async ({ ctx, input }) => {
      const source = await ctx.repos.scenarios.get(input.id);
      const raw = { ...source.document, ...input.changes, name: input.name ?? `${source.name} (copy)` };
      const { problems, document } = await validateScenarioDocument(raw, ctx.repos);
      if (!document) throw new ScenarioInvalidError(problems);
      return ctx.repos.scenarios.create({ name: document.name, problemType: document.problemType, document: document as Record<string, unknown> }, source.id);
    }),
  delete: writeProcedure
    .meta({ summary: 'Delete a scenario (its jobs stay, unlinked).' })
    .input(byId)
    .output(deletedResult)
    .mutation(async ({ ctx, input }) => {
      await ctx.repos.scenarios.delete(input.id);
      return { id: input.id, deleted: true };
    }),
});
