import { InputError } from '@gridhaul/common';
import { z } from 'zod';
import { terminalStatuses, type CosimRun } from '../data';
import { NotFoundError } from '../errors';
import { cosimInput, type CosimInput } from '../jobs/problems/cosim';
import { parseProblemInput } from '../jobs/registry';
import { gridNetworkJson } from '../jobs/scenario-input';
import { byId, id, label, seed, timeLimitSec } from '../schemas/common';
import type { Context } from '../trpc/context';
import { readProcedure, router, writeProcedure } from '../trpc/trpc';

const tolerance = z.number().positive().max(1000).describe('$/MWh');
const iterationCap = z.number().int().min(1).max(1000);

const startInput = z
  .object({
    /** A stored scenario of problem type 'cosim'. */
    scenarioId: id.optional(),
    /** Or the co-simulation itself (the 'cosim' problem input); it is stored as a new scenario. */
    input: cosimInput.optional(),
    /** Name of the scenario stored for an inline input. */
    name: label.optional(),
    toleranceUsdPerMWh: tolerance.optional(),
    maxIterations: iterationCap.optional(),
    seed: seed.optional(),
    /** No iteration starts after this; default 3600 s. */
    timeLimitSec: timeLimitSec.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.scenarioId === undefined) === (v.input === undefined)) ctx.addIssue({ code: 'custom', path: ['scenarioId'], message: 'either scenarioId or input (not both)' });
  });

const busPrices = z.strictObject({ bus: z.number().int(), usdPerMWh: z.array(z.number()) });
const busLoads = z.strictObject({ bus: z.number().int(), mw: z.array(z.number()) });
const unitSchedule = z.strictObject({ name: z.string(), bus: z.number().int(), chargeMW: z.array(z.number()), dischargeMW: z.array(z.number()), socMWh: z.array(z.number()) });

const runOutput = z.strictObject({
  id: z.string(),
  scenarioId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  converged: z.boolean().describe('true only when the run succeeded and LMP change and gap ended within the tolerance'),
  toleranceUsdPerMWh: z.number(),
  maxIterations: z.number().int(),
  createdAt: z.string(),
  iterationsStored: z.number().int(),
  jobId: z.string().nullable(),
  attempts: z.number().int().nullable(),
  error: z.strictObject({ tag: z.string(), message: z.string() }).nullable(),
  stoppedBecause: z.enum(['converged', 'iteration cap', 'time limit']).nullable(),
});

const iterationOutput = z.strictObject({
  iteration: z.number().int(),
  maxPriceChangeUsdPerMWh: z.number().nullable().describe('largest LMP change from the previous iteration; null at iteration 0'),
  gapUsdPerMWh: z.number().nullable().describe('what re-planning against these prices would save per MWh of storage throughput; null at iteration 0'),
  maxScheduleChangeMW: z.number().nullable(),
  objective: z.number().describe('storage energy (at the LMP) and wear cost of the schedule, $'),
  generationCostUsd: z.number(),
  prices: z.array(busPrices).describe('LMPs per bus and period, $/MWh'),
  schedule: z.array(busLoads).describe('net storage load per bus and period (charging +), MW'),
  units: z.array(unitSchedule),
  createdAt: z.string(),
});

/** The problem input with its grid network in place, validated (errors name `field`'s path). */
async function completeInput(ctx: Context, raw: unknown, field: string, overrides: Record<string, unknown>, gridNetworkId: string | undefined): Promise<{ stored: CosimInput; job: CosimInput }> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(field, raw, "a 'cosim' problem (an object)");
  const stored = parseProblemInput('cosim', { ...raw, ...overrides }, field) as CosimInput;
  if (stored.network !== undefined) return { stored, job: stored };
  const gridId = stored.gridNetworkId ?? gridNetworkId;
  if (gridId === undefined) throw new InputError(`${field}.network`, undefined, 'a gridhaul.network JSON, or gridNetworkId naming a stored grid network');
  const network = await gridNetworkJson(ctx.repos, gridId).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new InputError(`${field}.gridNetworkId`, gridId, 'the id of a stored grid network');
    throw error;
  });
  return { stored, job: parseProblemInput('cosim', { ...stored, network, gridNetworkId: gridId }, field) as CosimInput };
}

/** The run with its job's state; a run whose job ended without telling it takes the job's status. */
async function runView(ctx: Context, run: CosimRun) {
  const jobId = await ctx.repos.cosim.jobId(run.id);
  const job = jobId ? await ctx.repos.jobs.get(jobId) : null;
  const solution = job?.status === 'succeeded' ? await ctx.repos.jobs.solution(job.id) : null;
  const stale = job !== null && terminalStatuses.includes(job.status) && !terminalStatuses.includes(run.status);
  return {
    ...run,
    status: stale && job ? job.status : run.status,
    converged: stale ? false : run.converged,
    iterationsStored: await ctx.repos.cosim.countIterations(run.id),
    jobId,
    attempts: job?.attempts ?? null,
    error: job?.error ?? null,
    stoppedBecause: (solution?.plan as { stoppedBecause?: 'converged' | 'iteration cap' | 'time limit' } | undefined)?.stoppedBecause ?? null,
  };
}

export const cosimRouter = router({
  start: writeProcedure
    .meta({ summary: 'Start a co-simulation (storage schedules ↔ grid LMPs) of a stored cosim scenario or an inline input, as a job; returns the queued run at once.' })
    .input(startInput)
    .output(runOutput)
    .mutation(async ({ ctx, input }) => {
      const overrides = {
        ...(input.toleranceUsdPerMWh !== undefined ? { toleranceUsdPerMWh: input.toleranceUsdPerMWh } : {}),
        ...(input.maxIterations !== undefined ? { maxIterations: input.maxIterations } : {}),
      };
      let source: { scenarioId: string } | { scenario: { name: string; problemType: string; document: Record<string, unknown> } };
      let problem: CosimInput;
      let seedValue = input.seed ?? 1;
      let limit = input.timeLimitSec;
      if (input.scenarioId !== undefined) {
        const scenario = await ctx.repos.scenarios.get(input.scenarioId);
        if (scenario.problemType !== 'cosim') throw new InputError('scenarioId', input.scenarioId, `a scenario of problem type "cosim" (this one is "${scenario.problemType}")`);
        const doc = scenario.document as { problem?: unknown; gridNetworkId?: string; seed?: number; timeLimitSec?: number };
        problem = (await completeInput(ctx, doc.problem, 'document.problem', overrides, doc.gridNetworkId)).job;
        source = { scenarioId: scenario.id };
        seedValue = input.seed ?? doc.seed ?? 1;
        limit ??= doc.timeLimitSec;
      } else {
        const { stored, job } = await completeInput(ctx, input.input, 'input', overrides, undefined);
        problem = job;
        const name = input.name ?? `co-simulation ${new Date().toISOString()}`;
        source = { scenario: { name, problemType: 'cosim', document: { name, problemType: 'cosim', seed: seedValue, problem: stored } } };
      }
      const run = await ctx.repos.cosim.createRun(source, { toleranceUsdPerMWh: problem.toleranceUsdPerMWh, maxIterations: problem.maxIterations });
      try {
        await ctx.queue.enqueue({ problemType: 'cosim', scenarioId: run.scenarioId, input: { ...problem, runId: run.id }, seed: seedValue, timeLimitSec: limit ?? 3600 });
      } catch (error) {
        await ctx.repos.cosim.finish(run.id, 'failed', false);
        throw error;
      }
      return runView(ctx, run);
    }),

  get: readProcedure
    .meta({ summary: 'A co-simulation run: status, converged, tolerance, iteration cap, iterations stored, its job.' })
    .input(byId)
    .output(runOutput)
    .query(async ({ ctx, input }) => runView(ctx, await ctx.repos.cosim.get(input.id))),

  iterations: readProcedure
    .meta({ summary: "A run's stored iterations in order: LMPs and storage schedule per bus and period, objective, LMP change, gap." })
    .input(z.object({ id, fromIteration: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }))
    .output(z.array(iterationOutput))
    .query(({ ctx, input }) => ctx.repos.cosim.iterations(input.id, input)),
});
