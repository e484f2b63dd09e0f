import { NotFoundError } from '../../errors';
import type { PrismaClient } from '../generated/client';
import { guard } from '../prisma-errors';

export interface PricePointData {
  bus: number;
  period: number;
  scenario: number;
  lmpPerMWh: number;
  energyPerMWh: number;
  congestionPerMWh: number;
  lossPerMWh: number;
}

export interface PriceSeriesInput {
  name: string;
  networkId?: string | undefined;
  jobId?: string | undefined;
  stepH: number;
  points: PricePointData[];
}

export interface PriceSeriesSummary {
  id: string;
  name: string;
  networkId: string | null;
  jobId: string | null;
  stepH: number;
  createdAt: string;
  points: number;
}

export interface PriceQuery {
  seriesId: string;
  buses?: number[] | undefined;
  fromPeriod?: number | undefined;
  toPeriod?: number | undefined;
  scenario?: number | undefined;
}

export function priceRepository(prisma: PrismaClient) {
  return {
    /** Stores a series and all its points in one transaction. */
    create: (input: PriceSeriesInput): Promise<PriceSeriesSummary> =>
      guard('price series', input.name, () =>
        prisma.$transaction(
          async (tx) => {
            const s = await tx.priceSeries.create({
              data: { name: input.name, networkId: input.networkId ?? null, jobId: input.jobId ?? null, stepH: input.stepH },
            });
            for (let i = 0; i < input.points.length; i += 5000) {
              await tx.pricePoint.createMany({ data: input.points.slice(i, i + 5000).map((p) => ({ seriesId: s.id, ...p })) });
            }
            return { id: s.id, name: s.name, networkId: s.networkId, jobId: s.jobId, stepH: s.stepH, createdAt: s.createdAt.toISOString(), points: input.points.length };
          },
          { timeout: 120_000, maxWait: 30_000 },
        ),
      ),

    list: async (networkId?: string): Promise<PriceSeriesSummary[]> => {
      const rows = await prisma.priceSeries.findMany({
        where: networkId ? { networkId } : {},
        include: { _count: { select: { points: true } } },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((s) => ({ id: s.id, name: s.name, networkId: s.networkId, jobId: s.jobId, stepH: s.stepH, createdAt: s.createdAt.toISOString(), points: s._count.points }));
    },

    /** Points of a series, ordered by scenario, bus, period. */
    query: async (q: PriceQuery): Promise<{ series: PriceSeriesSummary; points: PricePointData[] }> => {
      const s = await prisma.priceSeries.findUnique({ where: { id: q.seriesId }, include: { _count: { select: { points: true } } } });
      if (!s) throw new NotFoundError('price series', q.seriesId);
      const points = await prisma.pricePoint.findMany({
        where: {
          seriesId: q.seriesId,
          ...(q.buses ? { bus: { in: q.buses } } : {}),
          ...(q.scenario !== undefined ? { scenario: q.scenario } : {}),
          period: { ...(q.fromPeriod !== undefined ? { gte: q.fromPeriod } : {}), ...(q.toPeriod !== undefined ? { lte: q.toPeriod } : {}) },
        },
        orderBy: [{ scenario: 'asc' }, { bus: 'asc' }, { period: 'asc' }],
      });
      return {
        series: { id: s.id, name: s.name, networkId: s.networkId, jobId: s.jobId, stepH: s.stepH, createdAt: s.createdAt.toISOString(), points: s._count.points },
        points: points.map(({ id: _i, seriesId: _s, ...p }) => p),
      };
    },

    delete: (id: string) => guard('price series', id, async () => void (await prisma.priceSeries.delete({ where: { id } }))),
  };
}
