import { z } from 'zod';
import { createCallerFactory, readProcedure, router } from '../trpc/trpc';
import { apiKeysRouter } from './api-keys';
import { batteriesRouter } from './batteries';
import { cosimRouter } from './cosim';
import { fleetsRouter } from './fleets';
import { jobsRouter } from './jobs';
import { networksRouter } from './networks';
import { pricesRouter } from './prices';
import { scenariosRouter } from './scenarios';

export const appRouter = router({
  health: readProcedure
    .meta({ summary: 'Service status: database backend and job queue.' })
    .output(z.strictObject({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']), queue: z.enum(['inprocess', 'pgboss']), migrations: z.number().int() }))
    .query(({ ctx }) => ({ ok: true, database: ctx.db.backend, queue: ctx.queue.kind, migrations: ctx.db.migrations.applied.length + ctx.db.migrations.alreadyApplied.length })),
  apiKeys: apiKeysRouter,
  batteries: batteriesRouter,
  fleets: fleetsRouter,
  networks: networksRouter,
  prices: pricesRouter,
  scenarios: scenariosRouter,
  jobs: jobsRouter,
  cosim: cosimRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
