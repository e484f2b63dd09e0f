import type { CosimIteration } from '../../cosim/types';
import { NotFoundError } from '../../errors';
import type { PrismaClient } from '../generated/client';
import type { JobClaim } from './jobs';
import type { ScenarioInput } from './scenarios';

export type CosimRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface CosimRun {
  id: string;
  scenarioId: string;
  status: CosimRunStatus;
  toleranceUsdPerMWh: number;
  maxIterations: number;
  converged: boolean;
  createdAt: string;
}

type BusPrices = { bus: number; usdPerMWh: number[] };
type BusSchedule = { bus: number; mw: number[] };
type UnitSchedule = { name: string; bus: number; chargeMW: number[]; dischargeMW: number[]; socMWh: number[] };

/** A stored iteration, as the API returns it (see CosimIteration for the fields). */
export interface StoredCosimIteration {
  iteration: number;
  maxPriceChangeUsdPerMWh: number | null;
  gapUsdPerMWh: number | null;
  maxScheduleChangeMW: number | null;
  objective: number;
  generationCostUsd: number;
  prices: BusPrices[];
  schedule: BusSchedule[];
  units: UnitSchedule[];
  createdAt: string;
}

/** What the JSON columns hold besides the series: the grid's cost, and the schedule's agreement measures. */
interface PricesJson {
  buses: BusPrices[];
  generationCostUsd: number;
}
interface ScheduleJson {
  buses: BusSchedule[];
  units: UnitSchedule[];
  maxScheduleChangeMW: number | null;
  gapUsdPerMWh: number | null;
}

type RunRow = { id: string; scenarioId: string; status: string; toleranceUsdPerMWh: number; maxIterations: number; converged: boolean; createdAt: Date };
const toRun = (r: RunRow): CosimRun => ({ ...r, status: r.status as CosimRunStatus, createdAt: r.createdAt.toISOString() });

export function cosimRepository(prisma: PrismaClient) {
  const get = async (id: string): Promise<CosimRun> => {
    const row = await prisma.cosimRun.findUnique({ where: { id } });
    if (!row) throw new NotFoundError('co-simulation run', id);
    return toRun(row);
  };

  return {
    /** A queued run, of a stored scenario or of a new one stored with it (one transaction). */
    createRun: (input: { scenarioId: string } | { scenario: ScenarioInput }, settings: { toleranceUsdPerMWh: number; maxIterations: number }): Promise<CosimRun> =>
      prisma.$transaction(async (tx) => {
        const scenarioId =
          'scenarioId' in input
            ? input.scenarioId
            : (await tx.scenario.create({ data: { name: input.scenario.name, problemType: input.scenario.problemType, document: input.scenario.document as object } })).id;
        return toRun(await tx.cosimRun.create({ data: { scenarioId, status: 'queued', ...settings } }));
      }),

    get,

    /** The job that runs it: its input names the run (newest first, should there be several). */
    jobId: async (runId: string): Promise<string | null> =>
      (await prisma.job.findFirst({ where: { problemType: 'cosim', input: { path: ['runId'], equals: runId } }, orderBy: { createdAt: 'desc' }, select: { id: true } }))?.id ?? null,

    /**
     * Stores an iteration as it completes, only while `claim` owns the job (a stale attempt writes
     * nothing); a retried attempt recomputes the same iterations and overwrites them.
     */
    storeIteration: (claim: JobClaim, runId: string, it: CosimIteration): Promise<boolean> =>
      prisma.$transaction(async (tx) => {
        const owns = await tx.job.count({ where: { id: claim.id, status: 'running', attempts: claim.attempt } });
        if (owns === 0) return false;
        const prices = { buses: it.prices, generationCostUsd: it.generationCostUsd };
        const schedule = { buses: it.schedule, units: it.units, maxScheduleChangeMW: it.maxScheduleChangeMW, gapUsdPerMWh: it.gapUsdPerMWh };
        // No previous iteration: stored as +Infinity (the column is required), read back as null.
        const data = { maxPriceChangeUsdPerMWh: it.maxPriceChangeUsdPerMWh ?? Infinity, objective: it.objective, prices: prices as object, schedule: schedule as object };
        await tx.cosimIteration.upsert({ where: { runId_iteration: { runId, iteration: it.iteration } }, create: { runId, iteration: it.iteration, ...data }, update: data });
        await tx.cosimRun.updateMany({ where: { id: runId, status: { in: ['queued', 'running'] } }, data: { status: 'running' } });
        return true;
      }),

    /** The run ends as its job did; converged only when the job succeeded with a converged, checked result. */
    finish: async (runId: string, status: Exclude<CosimRunStatus, 'queued' | 'running'>, converged: boolean): Promise<void> => {
      await prisma.cosimRun.updateMany({ where: { id: runId }, data: { status, converged } });
    },

    countIterations: (runId: string): Promise<number> => prisma.cosimIteration.count({ where: { runId } }),

    iterations: async (runId: string, page: { fromIteration: number; limit: number }): Promise<StoredCosimIteration[]> => {
      await get(runId);
      const rows = await prisma.cosimIteration.findMany({ where: { runId, iteration: { gte: page.fromIteration } }, orderBy: { iteration: 'asc' }, take: page.limit });
      return rows.map((r) => {
        const prices = r.prices as unknown as PricesJson;
        const schedule = r.schedule as unknown as ScheduleJson;
        return {
          iteration: r.iteration,
          prices: prices.buses,
          generationCostUsd: prices.generationCostUsd,
          schedule: schedule.buses,
          units: schedule.units,
          objective: r.objective,
          maxPriceChangeUsdPerMWh: Number.isFinite(r.maxPriceChangeUsdPerMWh) ? r.maxPriceChangeUsdPerMWh : null,
          maxScheduleChangeMW: schedule.maxScheduleChangeMW,
          gapUsdPerMWh: schedule.gapUsdPerMWh,
          createdAt: r.createdAt.toISOString(),
        };
      });
    },
  };
}
