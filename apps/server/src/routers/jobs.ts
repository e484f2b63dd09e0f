import { GridHaulError } from '@gridhaul/common';
import { z } from 'zod';
import { terminalStatuses, type Job, type JobProgress } from '../data';
import { ErrorTag } from '../errors';
import { planToCsv } from '../export/csv';
import { parseProblemInput, problemTypes } from '../jobs/registry';
import { inputFromScenario } from '../jobs/scenario-input';
import { byId, csvText, id, seed, timeLimitSec } from '../schemas/common';
import { job, problemTypeInfo, solution, solutionCheck } from '../schemas/jobs';
import type { Context } from '../trpc/context';
import { readProcedure, router, writeProcedure } from '../trpc/trpc';

const enqueueInput = z.union([
  z.object({ scenarioId: id, timeLimitSec: timeLimitSec.optional(), seed: seed.optional() }),
  z.object({ problemType: z.string().min(1).max(100), input: z.unknown(), seed: seed.default(1), timeLimitSec: timeLimitSec.optional() }),
]);

async function finishedSolution(ctx: Context, jobId: string) {
  const job = await ctx.repos.jobs.get(jobId);
  const solution = await ctx.repos.jobs.solution(jobId);
  if (!solution) throw new GridHaulError(ErrorTag.jobNotFinished, `job ${jobId} has no result (status: ${job.status})`);
  return { job, solution };
}

/**
 * Waits `ms`, or less when the request is aborted or the `wake` it hands out is called; whichever
 * ends it clears the timer and the abort listener, since a stream waits here every 250 ms (issue 9).
 */
const sleep = (ms: number, signal: AbortSignal | undefined, handOut: (wake: () => void) => void) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    handOut(done);
  });

export const jobsRouter = router({
  problemTypes: readProcedure
    .meta({ summary: 'The problem types a job can solve.' })
    .output(z.array(problemTypeInfo))
    .query(() => [...problemTypes.values()].map((p) => ({ name: p.name, description: p.description }))),

  enqueue: writeProcedure
    .meta({ summary: 'Queue a solve: of a stored scenario, or of a problem type with its input. Returns at once.' })
    .input(enqueueInput)
    .output(job)
    .mutation(async ({ ctx, input }) => {
      if ('scenarioId' in input) {
        const s = await ctx.repos.scenarios.get(input.scenarioId);
        const doc = s.document as { seed?: number; timeLimitSec?: number };
        const problem = parseProblemInput(s.problemType, await inputFromScenario(ctx.repos, s), 'document.problem');
        return ctx.queue.enqueue({
          problemType: s.problemType,
          scenarioId: s.id,
          input: problem,
          seed: input.seed ?? doc.seed ?? 1,
          timeLimitSec: input.timeLimitSec ?? doc.timeLimitSec,
        });
      }
      const problem = parseProblemInput(input.problemType, input.input);
      return ctx.queue.enqueue({ problemType: input.problemType, input: problem, seed: input.seed, timeLimitSec: input.timeLimitSec });
    }),

  get: readProcedure.meta({ summary: 'A job: status, progress (incumbent, bound, gap), attempts.' }).input(byId).output(job).query(({ ctx, input }) => ctx.repos.jobs.get(input.id)),
  list: readProcedure
    .meta({ summary: 'Recent jobs, newest first.' })
    .input(z.object({ status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).optional(), limit: z.number().int().min(1).max(1000).default(100) }).default({ limit: 100 }))
    .output(z.array(job))
    .query(({ ctx, input }) => ctx.repos.jobs.list(input)),
  cancel: writeProcedure.meta({ summary: 'Cancel a queued or running job.' }).input(byId).output(job).mutation(({ ctx, input }) => ctx.queue.cancel(input.id)),

  result: readProcedure
    .meta({ summary: "A finished job's solution: status, objective, cost components, plan, seed." })
    .input(byId)
    .output(solution)
    .query(async ({ ctx, input }) => (await finishedSolution(ctx, input.id)).solution),
  check: readProcedure
    .meta({ summary: "The independent checker's verdict on a job's solution (feasibility, recomputed objective, problems)." })
    .input(byId)
    .output(solutionCheck)
    .query(async ({ ctx, input }) => (await finishedSolution(ctx, input.id)).solution.check),
  planCsv: readProcedure
    .meta({ summary: "A finished job's plan as CSV (path,value per leaf).", contentType: 'text/csv' })
    .input(byId)
    .output(csvText)
    .query(async ({ ctx, input }) => planToCsv((await finishedSolution(ctx, input.id)).solution.plan)),

  /** Server-sent events: the job as it changes, until it finishes. */
  progress: readProcedure
    .meta({ summary: 'Stream of job snapshots (status, progress) until the job ends (tRPC subscription over SSE).' })
    .input(byId)
    .subscription(async function* ({ ctx, input, signal }) {
      let job: Job = await ctx.repos.jobs.get(input.id);
      let live: JobProgress | null = null;
      let wake: (() => void) | null = null;
      const unsubscribe = ctx.queue.subscribe(input.id, (p) => {
        live = p;
        wake?.();
      });
      try {
        let last = '';
        while (!signal?.aborted) {
          const snapshot = { ...job, progress: live ?? job.progress };
          const key = JSON.stringify([snapshot.status, snapshot.progress, snapshot.attempts]);
          if (key !== last) {
            last = key;
            yield snapshot;
          }
          if (terminalStatuses.includes(job.status)) return;
          // Local progress wakes us at once; jobs run by other processes are followed through the database.
          await sleep(250, signal, (w) => (wake = w));
          wake = null;
          job = await ctx.repos.jobs.get(input.id);
          if (terminalStatuses.includes(job.status)) live = null;
        }
      } finally {
        unsubscribe();
      }
    }),
});
