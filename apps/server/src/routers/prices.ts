import { z } from 'zod';
import { toCsv } from '../export/csv';
import { gridNetworkJson } from '../jobs/scenario-input';
import { parseProblemInput } from '../jobs/registry';
import { byId, csvText, deletedResult, id, label, positive, seed, timeLimitSec } from '../schemas/common';
import { job } from '../schemas/jobs';
import { priceQueryResult, priceSeriesSummary } from '../schemas/prices';
import { readProcedure, router, writeProcedure } from '../trpc/trpc';

const money = z.number();
const pricePoint = z.object({
  bus: z.number().int().positive(),
  period: z.number().int().min(0),
  scenario: z.number().int().min(0).default(0),
  lmpPerMWh: money,
  energyPerMWh: money,
  congestionPerMWh: money,
  lossPerMWh: money.default(0),
});

const priceQuery = z.object({
  seriesId: id,
  buses: z.array(z.number().int().positive()).max(100_000).optional(),
  fromPeriod: z.number().int().min(0).optional(),
  toPeriod: z.number().int().min(0).optional(),
  scenario: z.number().int().min(0).optional(),
});

export const pricesRouter = router({
  compute: writeProcedure
    .meta({ summary: 'Queue a DC-OPF LMP computation for a stored grid network (one period or a profile); the finished job stores a price series.' })
    .input(
      z.object({
        gridNetworkId: id,
        name: label.optional(),
        convention: z.enum(['matpower', 'powermodels-dcp']).default('matpower'),
        stepH: positive.max(24).default(1),
        profile: z
          .object({
            periods: z.number().int().min(1).max(8760),
            loadScale: z.array(z.number().nonnegative()).max(8760).optional(),
            storageMW: z.array(z.object({ bus: z.number().int().positive(), mw: z.array(z.number()).max(8760) })).max(10_000).optional(),
          })
          .optional(),
        seed: seed.default(1),
        timeLimitSec: timeLimitSec.optional(),
      }),
    )
    .output(job)
    .mutation(async ({ ctx, input }) => {
      const network = await gridNetworkJson(ctx.repos, input.gridNetworkId);
      const problem = parseProblemInput('lmp', {
        network,
        convention: input.convention,
        stepH: input.stepH,
        gridNetworkId: input.gridNetworkId,
        seriesName: input.name ?? `LMPs of ${String(network['name'])}`,
        ...(input.profile ? { profile: input.profile } : {}),
      });
      return ctx.queue.enqueue({ problemType: 'lmp', input: problem, seed: input.seed, timeLimitSec: input.timeLimitSec });
    }),

  importSeries: writeProcedure
    .meta({ summary: 'Store an LMP series (per bus, period and scenario, $/MWh, with its components).' })
    .input(
      z
        .object({ name: label, networkId: id.optional(), stepH: positive.max(24), points: z.array(pricePoint).min(1).max(2_000_000) })
        .superRefine((s, ctx) => {
          const seen = new Set<string>();
          s.points.forEach((p, i) => {
            const k = `${p.scenario}/${p.bus}/${p.period}`;
            if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['points', i], message: `duplicate point for scenario ${p.scenario}, bus ${p.bus}, period ${p.period}` });
            seen.add(k);
            const sum = p.energyPerMWh + p.congestionPerMWh + p.lossPerMWh;
            if (Math.abs(sum - p.lmpPerMWh) > 1e-6 * Math.max(1, Math.abs(p.lmpPerMWh))) {
              ctx.addIssue({ code: 'custom', path: ['points', i, 'lmpPerMWh'], message: `LMP ${p.lmpPerMWh} is not energy + congestion + loss (${sum})` });
            }
          });
        }),
    )
    .output(priceSeriesSummary)
    .mutation(async ({ ctx, input }) => {
      if (input.networkId) await ctx.repos.networks.getGrid(input.networkId);
      return ctx.repos.prices.create(input);
    }),
  list: readProcedure
    .meta({ summary: 'Stored LMP series, optionally of one grid network.' })
    .input(z.object({ networkId: id.optional(), jobId: id.optional() }).default({}))
    .output(z.array(priceSeriesSummary))
    .query(async ({ ctx, input }) => (await ctx.repos.prices.list(input.networkId)).filter((s) => !input.jobId || s.jobId === input.jobId)),
  query: readProcedure
    .meta({ summary: 'LMPs of a series by bus, period range and scenario.' })
    .input(priceQuery)
    .output(priceQueryResult)
    .query(({ ctx, input }) => ctx.repos.prices.query(input)),
  exportCsv: readProcedure
    .meta({ summary: 'LMPs of a series as CSV ($/MWh; start_h = period × step).', contentType: 'text/csv' })
    .input(priceQuery)
    .output(csvText)
    .query(async ({ ctx, input }) => {
      const { series, points } = await ctx.repos.prices.query(input);
      return toCsv(
        ['scenario', 'bus', 'period', 'start_h', 'lmp_usd_per_mwh', 'energy_usd_per_mwh', 'congestion_usd_per_mwh', 'loss_usd_per_mwh'],
        points.map((p) => [p.scenario, p.bus, p.period, p.period * series.stepH, p.lmpPerMWh, p.energyPerMWh, p.congestionPerMWh, p.lossPerMWh]),
      );
    }),
  delete: writeProcedure
    .meta({ summary: 'Delete an LMP series.' })
    .input(byId)
    .output(deletedResult)
    .mutation(async ({ ctx, input }) => {
      await ctx.repos.prices.delete(input.id);
      return { id: input.id, deleted: true };
    }),
});
