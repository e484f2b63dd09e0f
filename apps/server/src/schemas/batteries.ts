import { z } from 'zod';
import { efficiency, fraction, label, nonNegative, positive, timestamp } from './common';
import { positiveQuantity } from './quantity';

const socOrder = <T extends { socMin: number; socMax: number }>(b: T, ctx: z.RefinementCtx) => {
  if (b.socMin >= b.socMax) ctx.addIssue({ code: 'custom', path: ['socMin'], message: `socMin (${b.socMin}) must be below socMax (${b.socMax})` });
};

export const batteryInput = z
  .object({
    name: label,
    chemistry: z.enum(['NMC', 'LFP', 'generic']),
    capacityKWh: positive,
    maxChargeKW: positive,
    maxDischargeKW: positive,
    chargeEfficiency: efficiency,
    dischargeEfficiency: efficiency,
    socMin: fraction,
    socMax: fraction,
    replacementCostUsd: nonNegative,
    endOfLifeFraction: z.number().gt(0).lt(1),
  })
  .superRefine(socOrder);

/** The same battery in a scenario document: quantities with units accepted. */
export const batteryDocument = z
  .object({
    name: label,
    chemistry: z.enum(['NMC', 'LFP', 'generic']),
    capacityKWh: positiveQuantity('kWh'),
    maxChargeKW: positiveQuantity('kW'),
    maxDischargeKW: positiveQuantity('kW'),
    chargeEfficiency: efficiency.default(0.95),
    dischargeEfficiency: efficiency.default(0.95),
    socMin: fraction.default(0),
    socMax: fraction.default(1),
    replacementCostUsd: nonNegative.default(0),
    endOfLifeFraction: z.number().gt(0).lt(1).default(0.8),
  })
  .superRefine(socOrder);

/** A stored battery specification (response). */
export const batterySpec = z.strictObject({
  id: z.string(),
  name: z.string(),
  chemistry: z.enum(['NMC', 'LFP', 'generic']),
  capacityKWh: z.number(),
  maxChargeKW: z.number(),
  maxDischargeKW: z.number(),
  chargeEfficiency: z.number(),
  dischargeEfficiency: z.number(),
  socMin: z.number(),
  socMax: z.number(),
  replacementCostUsd: z.number(),
  endOfLifeFraction: z.number(),
  createdAt: timestamp,
});
