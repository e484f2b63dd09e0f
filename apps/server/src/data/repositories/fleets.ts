import { NotFoundError } from '../../errors';
import type { PrismaClient } from '../generated/client';
import { guard } from '../prisma-errors';

export interface VehicleInput {
  name: string;
  kind: 'truck' | 'ev' | 'bus';
  messCapacity: number;
  massKg: number;
  speedKmh: number;
  costPerKm: number;
  wagePerH: number;
  batterySpecId?: string | undefined;
}

export interface MessUnitInput {
  name: string;
  batterySpecId: string;
  initialSoc: number;
}

export interface FleetInput {
  name: string;
  vehicles: VehicleInput[];
  messUnits: MessUnitInput[];
}

export interface Fleet {
  id: string;
  name: string;
  createdAt: string;
  vehicles: Array<Omit<VehicleInput, 'batterySpecId'> & { batterySpecId: string | null }>;
  messUnits: Array<MessUnitInput & { id: string }>;
}

const include = { vehicles: { orderBy: { name: 'asc' } }, messUnits: { orderBy: { name: 'asc' } } } as const;

type Row = {
  id: string;
  name: string;
  createdAt: Date;
  vehicles: Array<{ name: string; kind: string; messCapacity: number; massKg: number; speedKmh: number; costPerKm: number; wagePerH: number; batterySpecId: string | null }>;
  messUnits: Array<{ id: string; name: string; batterySpecId: string; initialSoc: number }>;
};

function toFleet(r: Row): Fleet {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.createdAt.toISOString(),
    vehicles: r.vehicles.map((v) => ({
      name: v.name,
      kind: v.kind as VehicleInput['kind'],
      messCapacity: v.messCapacity,
      massKg: v.massKg,
      speedKmh: v.speedKmh,
      costPerKm: v.costPerKm,
      wagePerH: v.wagePerH,
      batterySpecId: v.batterySpecId,
    })),
    messUnits: r.messUnits.map((m) => ({ id: m.id, name: m.name, batterySpecId: m.batterySpecId, initialSoc: m.initialSoc })),
  };
}

const vehicleData = (v: VehicleInput) => ({ ...v, batterySpecId: v.batterySpecId ?? null });

export function fleetRepository(prisma: PrismaClient) {
  return {
    /** Creates the fleet with its vehicles and MESS units in one transaction. */
    create: (input: FleetInput) =>
      guard('fleet', input.name, async () =>
        toFleet(
          await prisma.fleet.create({
            data: {
              name: input.name,
              vehicles: { create: input.vehicles.map(vehicleData) },
              messUnits: { create: input.messUnits },
            },
            include,
          }),
        ),
      ),
    list: async () => (await prisma.fleet.findMany({ orderBy: { name: 'asc' }, include })).map(toFleet),
    get: async (id: string) => {
      const row = await prisma.fleet.findUnique({ where: { id }, include });
      if (!row) throw new NotFoundError('fleet', id);
      return toFleet(row);
    },
    /** Replaces name, vehicles and MESS units at once (all or nothing). */
    update: (id: string, input: FleetInput) =>
      guard('fleet', id, () =>
        prisma.$transaction(async (tx) => {
          await tx.vehicle.deleteMany({ where: { fleetId: id } });
          await tx.messUnit.deleteMany({ where: { fleetId: id } });
          return toFleet(
            await tx.fleet.update({
              where: { id },
              data: {
                name: input.name,
                vehicles: { create: input.vehicles.map(vehicleData) },
                messUnits: { create: input.messUnits },
              },
              include,
            }),
          );
        }),
      ),
    delete: (id: string) => guard('fleet', id, async () => void (await prisma.fleet.delete({ where: { id } }))),
  };
}
