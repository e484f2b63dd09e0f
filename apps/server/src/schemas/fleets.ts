import { z } from 'zod';
import { fraction, id, label, nonNegative, positive, timestamp } from './common';
import { nonNegativeQuantity, positiveQuantity } from './quantity';

const uniqueNames = (items: Array<{ name: string }>, ctx: z.RefinementCtx, field: string) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.name)) ctx.addIssue({ code: 'custom', path: [field, i, 'name'], message: `duplicate name "${item.name}"` });
    seen.add(item.name);
  });
};

export const vehicleInput = z.object({
  name: label,
  kind: z.enum(['truck', 'ev', 'bus']),
  messCapacity: z.number().int().min(0).max(100),
  massKg: positive,
  speedKmh: positive,
  costPerKm: nonNegative,
  wagePerH: nonNegative,
  batterySpecId: id.optional(),
});

export const messUnitInput = z.object({ name: label, batterySpecId: id, initialSoc: fraction });

export const fleetInput = z
  .object({
    name: label,
    vehicles: z.array(vehicleInput).max(10_000),
    messUnits: z.array(messUnitInput).max(10_000),
  })
  .superRefine((f, ctx) => {
    uniqueNames(f.vehicles, ctx, 'vehicles');
    uniqueNames(f.messUnits, ctx, 'messUnits');
  });

/** Vehicles and MESS units in a scenario document: quantities with units; batteries by name. */
export const fleetDocument = z
  .object({
    vehicles: z
      .array(
        z.object({
          name: label,
          kind: z.enum(['truck', 'ev', 'bus']),
          messCapacity: z.number().int().min(0).max(100).default(1),
          massKg: positiveQuantity('kg'),
          speedKmh: positiveQuantity('km/h'),
          costPerKm: nonNegative.default(0),
          wagePerH: nonNegative.default(0),
          battery: label.optional(),
        }),
      )
      .max(10_000)
      .default([]),
    mess: z.array(z.object({ name: label, battery: label, initialSoc: fraction.default(1) })).max(10_000).default([]),
  })
  .superRefine((f, ctx) => {
    uniqueNames(f.vehicles, ctx, 'vehicles');
    uniqueNames(f.mess, ctx, 'mess');
  });

export const siteDocument = z
  .object({
    name: label,
    kind: z.enum(['depot', 'hub', 'charger', 'site']),
    roadNode: z.string().max(200).optional(),
    gridBus: z.number().int().positive().optional(),
    demand: z
      .array(z.object({ startH: nonNegativeQuantity('h'), endH: nonNegativeQuantity('h'), energyKWh: nonNegativeQuantity('kWh'), powerKW: nonNegativeQuantity('kW').default(0) }))
      .max(10_000)
      .default([]),
  })
  .superRefine((s, ctx) =>
    s.demand.forEach((d, i) => {
      if (d.endH <= d.startH) ctx.addIssue({ code: 'custom', path: ['demand', i, 'endH'], message: `endH (${d.endH}) must be after startH (${d.startH})` });
    }),
  );

/** A stored fleet with its vehicles and MESS units (response). */
export const fleet = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: timestamp,
  vehicles: z.array(
    z.strictObject({
      name: z.string(),
      kind: z.enum(['truck', 'ev', 'bus']),
      messCapacity: z.number().int(),
      massKg: z.number(),
      speedKmh: z.number(),
      costPerKm: z.number(),
      wagePerH: z.number(),
      batterySpecId: z.string().nullable(),
    }),
  ),
  messUnits: z.array(z.strictObject({ id: z.string(), name: z.string(), batterySpecId: z.string(), initialSoc: z.number() })),
});
