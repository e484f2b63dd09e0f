import { InputError } from '@gridhaul/common';
import { z } from 'zod';
import type { FleetInput, Repositories } from '../data';
import { byId, deletedResult, id } from '../schemas/common';
import { fleet, fleetInput } from '../schemas/fleets';
import { readProcedure, router, writeProcedure } from '../trpc/trpc';

/** Battery ids must name stored batteries; said per field rather than as a foreign-key failure. */
async function requireBatteries(repos: Repositories, fleet: FleetInput): Promise<void> {
  const known = new Set((await repos.batteries.list()).map((b) => b.id));
  fleet.messUnits.forEach((m, i) => {
    if (!known.has(m.batterySpecId)) throw new InputError(`messUnits.${i}.batterySpecId`, m.batterySpecId, 'the id of a stored battery');
  });
  fleet.vehicles.forEach((v, i) => {
    if (v.batterySpecId !== undefined && !known.has(v.batterySpecId)) throw new InputError(`vehicles.${i}.batterySpecId`, v.batterySpecId, 'the id of a stored battery');
  });
}

export const fleetsRouter = router({
  create: writeProcedure
    .meta({ summary: 'Store a fleet with its vehicles and MESS units.' })
    .input(fleetInput)
    .output(fleet)
    .mutation(async ({ ctx, input }) => {
      await requireBatteries(ctx.repos, input);
      return ctx.repos.fleets.create(input);
    }),
  list: readProcedure.meta({ summary: 'All fleets.' }).output(z.array(fleet)).query(({ ctx }) => ctx.repos.fleets.list()),
  get: readProcedure.meta({ summary: 'One fleet with its vehicles and MESS units.' }).input(byId).output(fleet).query(({ ctx, input }) => ctx.repos.fleets.get(input.id)),
  update: writeProcedure
    .meta({ summary: 'Replace a fleet (name, vehicles, MESS units) at once.' })
    .input(z.object({ id, fleet: fleetInput }))
    .output(fleet)
    .mutation(async ({ ctx, input }) => {
      await requireBatteries(ctx.repos, input.fleet);
      return ctx.repos.fleets.update(input.id, input.fleet);
    }),
  delete: writeProcedure
    .meta({ summary: 'Delete a fleet.' })
    .input(byId)
    .output(deletedResult)
    .mutation(async ({ ctx, input }) => {
      await ctx.repos.fleets.delete(input.id);
      return { id: input.id, deleted: true };
    }),
});
