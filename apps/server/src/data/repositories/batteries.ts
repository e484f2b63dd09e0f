import { NotFoundError } from '../../errors';
import type { PrismaClient } from '../generated/client';
import { guard } from '../prisma-errors';

export interface BatterySpecInput {
  name: string;
  chemistry: 'NMC' | 'LFP' | 'generic';
  capacityKWh: number;
  maxChargeKW: number;
  maxDischargeKW: number;
  chargeEfficiency: number;
  dischargeEfficiency: number;
  socMin: number;
  socMax: number;
  replacementCostUsd: number;
  endOfLifeFraction: number;
}

export interface BatterySpec extends BatterySpecInput {
  id: string;
  createdAt: string;
}

type Row = Omit<BatterySpec, 'createdAt' | 'chemistry'> & { chemistry: string; createdAt: Date };
const toSpec = (r: Row): BatterySpec => ({ ...r, chemistry: r.chemistry as BatterySpec['chemistry'], createdAt: r.createdAt.toISOString() });

export function batteryRepository(prisma: PrismaClient) {
  return {
    create: (input: BatterySpecInput) => guard('battery', input.name, async () => toSpec(await prisma.batterySpec.create({ data: input }))),
    list: async () => (await prisma.batterySpec.findMany({ orderBy: { name: 'asc' } })).map(toSpec),
    get: async (id: string) => {
      const row = await prisma.batterySpec.findUnique({ where: { id } });
      if (!row) throw new NotFoundError('battery', id);
      return toSpec(row);
    },
    update: (id: string, input: BatterySpecInput) =>
      guard('battery', id, async () => toSpec(await prisma.batterySpec.update({ where: { id }, data: input }))),
    delete: (id: string) => guard('battery', id, async () => void (await prisma.batterySpec.delete({ where: { id } }))),
  };
}
