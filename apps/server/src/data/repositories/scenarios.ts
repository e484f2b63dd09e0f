import { NotFoundError } from '../../errors';
import type { PrismaClient } from '../generated/client';
import { guard } from '../prisma-errors';

export interface ScenarioInput {
  name: string;
  problemType: string;
  /** Validated, unit-normalised document (JSON). */
  document: Record<string, unknown>;
}

export interface Scenario extends ScenarioInput {
  id: string;
  clonedFromId: string | null;
  createdAt: string;
}

type Row = { id: string; name: string; problemType: string; document: unknown; clonedFromId: string | null; createdAt: Date };
const toScenario = (r: Row): Scenario => ({
  id: r.id,
  name: r.name,
  problemType: r.problemType,
  document: r.document as Record<string, unknown>,
  clonedFromId: r.clonedFromId,
  createdAt: r.createdAt.toISOString(),
});

export function scenarioRepository(prisma: PrismaClient) {
  const get = async (id: string): Promise<Scenario> => {
    const row = await prisma.scenario.findUnique({ where: { id } });
    if (!row) throw new NotFoundError('scenario', id);
    return toScenario(row);
  };
  return {
    create: async (input: ScenarioInput, clonedFromId?: string): Promise<Scenario> =>
      toScenario(await prisma.scenario.create({ data: { ...input, document: input.document as object, clonedFromId: clonedFromId ?? null } })),
    get,
    list: async (): Promise<Array<Omit<Scenario, 'document'>>> =>
      (await prisma.scenario.findMany({ orderBy: { createdAt: 'asc' }, omit: { document: true } })).map((r) => ({
        id: r.id,
        name: r.name,
        problemType: r.problemType,
        clonedFromId: r.clonedFromId,
        createdAt: r.createdAt.toISOString(),
      })),
    delete: (id: string) => guard('scenario', id, async () => void (await prisma.scenario.delete({ where: { id } }))),
  };
}
