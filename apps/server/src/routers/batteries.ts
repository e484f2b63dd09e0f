import { z } from 'zod';
import { batteryInput, batterySpec } from '../schemas/batteries';
import { byId, deletedResult, id } from '../schemas/common';
import { readProcedure, router, writeProcedure } from '../trpc/trpc';

export const batteriesRouter = router({
  create: writeProcedure.meta({ summary: 'Store a battery specification.' }).input(batteryInput).output(batterySpec).mutation(({ ctx, input }) => ctx.repos.batteries.create(input)),
  list: readProcedure.meta({ summary: 'All battery specifications.' }).output(z.array(batterySpec)).query(({ ctx }) => ctx.repos.batteries.list()),
  get: readProcedure.meta({ summary: 'One battery specification.' }).input(byId).output(batterySpec).query(({ ctx, input }) => ctx.repos.batteries.get(input.id)),
  update: writeProcedure
    .meta({ summary: 'Replace a battery specification.' })
    .input(z.object({ id, battery: batteryInput }))
    .output(batterySpec)
    .mutation(({ ctx, input }) => ctx.repos.batteries.update(input.id, input.battery)),
  delete: writeProcedure
    .meta({ summary: 'Delete a battery specification (refused while MESS units use it).' })
    .input(byId)
    .output(deletedResult)
    .mutation(async ({ ctx, input }) => {
      await ctx.repos.batteries.delete(input.id);
      return { id: input.id, deleted: true };
    }),
});
