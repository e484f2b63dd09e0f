import { ConflictError, NotFoundError } from '../../errors';
import { Prisma, type PrismaClient } from '../generated/client';
import type { PriceSeriesInput } from './prices';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const terminalStatuses: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

/** What a solver reports while it runs; all optional but the clock. */
export interface JobProgress {
  timeSec: number;
  incumbent?: number | undefined;
  bound?: number | undefined;
  gap?: number | undefined;
  iteration?: number | undefined;
  message?: string | undefined;
  /**
   * A piece of the result the problem type stores as soon as it is reported (a co-simulation
   * iteration; see jobs/hooks.ts). Never kept in the job's progress.
   */
  record?: unknown;
}

export interface JobInput {
  problemType: string;
  scenarioId?: string | undefined;
  input: unknown;
  seed: number;
  timeLimitSec?: number | undefined;
}

export interface Job {
  id: string;
  problemType: string;
  scenarioId: string | null;
  status: JobStatus;
  seed: number;
  timeLimitSec: number | null;
  progress: JobProgress | null;
  attempts: number;
  workerId: string | null;
  cancelRequested: boolean;
  error: { tag: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface SolutionData {
  status: string;
  objective: number | null;
  costs: Record<string, number>;
  plan: unknown;
  check: { feasible: boolean; objective: number | null; problems: string[] };
  seed: number;
  solveSec: number;
}

export interface Solution extends SolutionData {
  id: string;
  jobId: string;
  createdAt: string;
}

/** Records a result brings with it, stored in the same transaction as the solution. */
export interface DerivedRecords {
  priceSeries?: Array<Omit<PriceSeriesInput, 'jobId'>>;
}

/** A claim on a job: results are accepted only from the attempt that still owns it. */
export interface JobClaim {
  id: string;
  attempt: number;
}

type JobRow = Prisma.JobGetPayload<object>;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const toJob = (r: JobRow): Job => ({
  id: r.id,
  problemType: r.problemType,
  scenarioId: r.scenarioId,
  status: r.status as JobStatus,
  seed: r.seed,
  timeLimitSec: r.timeLimitSec,
  progress: (r.progress as JobProgress | null) ?? null,
  attempts: r.attempts,
  workerId: r.workerId,
  cancelRequested: r.cancelRequested,
  error: (r.error as Job['error']) ?? null,
  createdAt: r.createdAt.toISOString(),
  startedAt: iso(r.startedAt),
  finishedAt: iso(r.finishedAt),
});

export function jobRepository(prisma: PrismaClient) {
  const get = async (id: string): Promise<Job> => {
    const row = await prisma.job.findUnique({ where: { id } });
    if (!row) throw new NotFoundError('job', id);
    return toJob(row);
  };
  const owned = (c: JobClaim) => ({ id: c.id, status: 'running', attempts: c.attempt });

  return {
    create: async (j: JobInput): Promise<Job> =>
      toJob(
        await prisma.job.create({
          data: { problemType: j.problemType, scenarioId: j.scenarioId ?? null, input: j.input as object, seed: j.seed, timeLimitSec: j.timeLimitSec ?? null, status: 'queued' },
        }),
      ),
    get,
    input: async (id: string): Promise<unknown> => {
      const row = await prisma.job.findUnique({ where: { id }, select: { input: true } });
      if (!row) throw new NotFoundError('job', id);
      return row.input;
    },
    list: async (filter: { status?: JobStatus | undefined; limit: number }): Promise<Job[]> =>
      (
        await prisma.job.findMany({
          where: filter.status ? { status: filter.status } : {},
          orderBy: { createdAt: 'desc' },
          take: filter.limit,
          omit: { input: true },
        })
      ).map((r) => toJob({ ...r, input: null })),

    /**
     * Starts (or restarts, after a worker died) a job: a new attempt owns it from now on. Returns
     * null when the job is finished or cancelled, so a redelivered queue message is a no-op.
     */
    start: async (id: string, workerId: string): Promise<JobClaim | null> => {
      const updated = await prisma.job.updateManyAndReturn({
        where: { id, status: { in: ['queued', 'running'] }, cancelRequested: false },
        data: { status: 'running', attempts: { increment: 1 }, workerId, startedAt: new Date() },
        select: { id: true, attempts: true },
      });
      const row = updated[0];
      if (row) return { id: row.id, attempt: row.attempts };
      // A cancel that arrived while it was queued for a worker: finish it as cancelled.
      await prisma.job.updateMany({ where: { id, status: { in: ['queued', 'running'] }, cancelRequested: true }, data: { status: 'cancelled', finishedAt: new Date() } });
      return null;
    },

    /** The oldest queued job of the given types, claimed atomically (safe with several processes). */
    claimNext: async (problemTypes: string[], workerId: string): Promise<JobClaim | null> => {
      const rows = await prisma.$queryRaw<Array<{ id: string; attempts: number }>>`
        UPDATE "Job" SET "status" = 'running', "attempts" = "attempts" + 1, "workerId" = ${workerId}, "startedAt" = now()
        WHERE "id" = (
          SELECT "id" FROM "Job" WHERE "status" = 'queued' AND "cancelRequested" = false AND "problemType" = ANY(${problemTypes})
          ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING "id", "attempts"`;
      const row = rows[0];
      return row ? { id: row.id, attempt: row.attempts } : null;
    },

    /** Jobs left 'running' by workers that no longer exist go back to the queue. */
    requeueOrphans: async (workerIdPrefix: string): Promise<number> =>
      (await prisma.job.updateMany({ where: { status: 'running', workerId: { startsWith: workerIdPrefix } }, data: { status: 'queued', workerId: null } })).count,

    progress: async (claim: JobClaim, progress: JobProgress): Promise<boolean> =>
      (await prisma.job.updateMany({ where: owned(claim), data: { progress: progress as object } })).count > 0,

    isCancelRequested: async (id: string): Promise<boolean> =>
      (await prisma.job.findUnique({ where: { id }, select: { cancelRequested: true } }))?.cancelRequested ?? true,

    /**
     * Stores the solution (and records derived from it) and marks the job succeeded in one transaction, only if `claim` still
     * owns the job: a stale attempt (its worker was presumed dead and the job retried) writes
     * nothing, and the unique job id on Solution rules out a second result.
     */
    succeed: (claim: JobClaim, solution: SolutionData, derived: DerivedRecords = {}): Promise<boolean> =>
      prisma.$transaction(
        async (tx) => {
          const done = await tx.job.updateMany({ where: owned(claim), data: { status: 'succeeded', finishedAt: new Date() } });
          if (done.count === 0) return false;
          await tx.solution.create({ data: { jobId: claim.id, ...solution, costs: solution.costs, plan: solution.plan as object, check: solution.check } });
          for (const series of derived.priceSeries ?? []) {
            const row = await tx.priceSeries.create({ data: { name: series.name, networkId: series.networkId ?? null, jobId: claim.id, stepH: series.stepH } });
            for (let i = 0; i < series.points.length; i += 5000) {
              await tx.pricePoint.createMany({ data: series.points.slice(i, i + 5000).map((p) => ({ seriesId: row.id, ...p })) });
            }
          }
          return true;
        },
        { timeout: 120_000, maxWait: 30_000 },
      ),

    fail: async (claim: JobClaim, error: { tag: string; message: string }): Promise<boolean> =>
      (await prisma.job.updateMany({ where: owned(claim), data: { status: 'failed', error, finishedAt: new Date() } })).count > 0,

    cancelled: async (claim: JobClaim): Promise<boolean> =>
      (await prisma.job.updateMany({ where: owned(claim), data: { status: 'cancelled', finishedAt: new Date() } })).count > 0,

    /** Queued jobs are cancelled at once; running ones are flagged for their worker to stop. */
    requestCancel: async (id: string): Promise<Job> => {
      const job = await get(id);
      if (terminalStatuses.includes(job.status)) throw new ConflictError(`job ${id} is already ${job.status}`);
      await prisma.job.updateMany({ where: { id, status: 'queued' }, data: { status: 'cancelled', cancelRequested: true, finishedAt: new Date() } });
      await prisma.job.updateMany({ where: { id, status: 'running' }, data: { cancelRequested: true } });
      return get(id);
    },

    solution: async (jobId: string): Promise<Solution | null> => {
      const s = await prisma.solution.findUnique({ where: { jobId } });
      if (!s) return null;
      return {
        id: s.id,
        jobId: s.jobId,
        status: s.status,
        objective: s.objective,
        costs: s.costs as Record<string, number>,
        plan: s.plan,
        check: s.check as Solution['check'],
        seed: s.seed,
        solveSec: s.solveSec,
        createdAt: s.createdAt.toISOString(),
      };
    },

    countSolutions: (jobId: string) => prisma.solution.count({ where: { jobId } }),
  };
}
