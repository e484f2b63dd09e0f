import {
  checkDeliveryPlan,
  createDeliveryInstance,
  parseDeliveryFiles,
  planDelivery,
  type DeliveryInstance,
  type DeliveryPlan,
  type DeliveryViolation,
} from '@gridhaul/optimizer';
import { z } from 'zod';
import { quantity } from '../../schemas/quantity';
import { defineProblem } from '../problem-type';
import { addInputIssue, fileText, finiteCosts, finiteOrNull, hasPlan, messPolicy, mipProgress } from './mess-common';

// Ranges are checked by createDeliveryInstance, so each error names the instance field.
const kWh = quantity('kWh');
const hours = quantity('h');

/**
 * A construction-site delivery case: the shared data's three files as text
 * (Customer_demand_data_with_time_window_in_KWH*.csv, Distance_matrix_between_the_nodes*.csv,
 * vehicles.json), or the same case as structured JSON in the optimizer's field names.
 */
const deliveryCaseShape = z.discriminatedUnion('format', [
  z.object({ format: z.literal('files'), name: z.string().min(1).max(200).default('delivery'), demandCsv: fileText, distanceCsv: fileText, vehiclesJson: fileText }),
  z.object({
    format: z.literal('json'),
    name: z.string().min(1).max(200).default('delivery'),
    /** Node 0 is the depot (no SOC, no time window). */
    nodes: z
      .array(
        z.object({
          id: z.number().int().optional(),
          name: z.string().max(200),
          requirementKWh: kWh,
          presentKWh: kWh,
          socPct: z.number().optional(),
          windowStartH: hours.optional(),
          windowEndH: hours.optional(),
        }),
      )
      .max(1000),
    distanceKm: z.array(z.array(quantity('km')).max(1000)).max(1000),
    vehicles: z
      .array(
        z.object({
          id: z.number().int(),
          type: z.string().max(100).default(''),
          capacityKWh: kWh,
          speedKmh: quantity('km/h'),
          fuelCostPerKm: z.number(),
          hourlyWage: z.number(),
        }),
      )
      .max(1000),
    params: z.object({
      tollPerLeg: z.number(),
      maintenancePerKm: z.number(),
      serviceTimeH: hours,
      depotLoadingTimeH: hours.optional(),
      clusterRadiusKm: quantity('km'),
      shiftStartH: hours,
      socDecayPctPerH: z.number(),
      pickupSocThresholdPct: z.number(),
      deliveryRoundingKWh: kWh,
    }),
  }),
]);

/** The case is validated by the package's parser on its own, so its problems are listed whatever else is wrong. */
const deliveryCase = deliveryCaseShape.superRefine((c, ctx) => {
  try {
    readDeliveryCase(c);
  } catch (error) {
    if (c.format === 'files') addInputIssue(ctx, [fileField(error)], error);
    else addInputIssue(ctx, [], error, true);
  }
});

export const messDeliveryInput = z.object({
  instance: deliveryCase,
  policy: messPolicy,
  /** Exact method: the corrected MILP or the subset DP (same optimum). */
  method: z.enum(['milp', 'dp']).default('milp'),
  /**
   * What a delivery must bring: 'ceil' meets each site's shortfall (rounded up to the delivery
   * unit); 'nearest' is the published rounding to the nearest unit, which can leave a site short.
   * The exact model plans with it; the heuristic always rounds as published and is checked by it.
   */
  amounts: z.enum(['ceil', 'nearest']).default('ceil'),
  /** Heuristic: keep the notebook's quirks (false fixes them). */
  compat: z.boolean().default(true),
  /** Heuristic: clustering radius instead of vehicles.json's (SEB24 tables 9-1/9-2 use 250 and 120). */
  clusterRadiusKm: z.number().positive().max(100_000).optional(),
});

/**
 * Which of the three texts an error came from: the parser names the file (labelled with the input
 * field), the instance's own checks name nodes, distanceKm, vehicles or params.
 */
function fileField(error: unknown): 'demandCsv' | 'distanceCsv' | 'vehiclesJson' {
  const field = error instanceof Error && 'field' in error ? String(error.field) : '';
  if (/^(distanceCsv|distanceKm)/.test(field)) return 'distanceCsv';
  if (/^(demandCsv|nodes)/.test(field)) return 'demandCsv';
  return 'vehiclesJson';
}

function readDeliveryCase(c: z.output<typeof deliveryCaseShape>): DeliveryInstance {
  if (c.format === 'files') {
    const files = { demand: 'demandCsv', distance: 'distanceCsv', vehicles: 'vehiclesJson' };
    return parseDeliveryFiles({ name: c.name, demandCsv: c.demandCsv, distanceCsv: c.distanceCsv, vehiclesJson: c.vehiclesJson, files });
  }
  return createDeliveryInstance({
    name: c.name,
    nodes: c.nodes.map((n, i) => ({
      id: n.id ?? i,
      name: n.name,
      requirementKWh: n.requirementKWh,
      presentKWh: n.presentKWh,
      socPct: n.socPct ?? NaN,
      windowStartH: n.windowStartH ?? NaN,
      windowEndH: n.windowEndH ?? NaN,
    })),
    distanceKm: c.distanceKm,
    vehicles: c.vehicles,
    params: { ...c.params, depotLoadingTimeH: c.params.depotLoadingTimeH ?? c.params.serviceTimeH },
  });
}

interface MessDeliveryPlan {
  policy: 'exact' | 'heuristic';
  method: string;
  gap: number | null;
  /** The routes, as the checker reads them. */
  delivery: DeliveryPlan;
  perVehicle: Array<{ vehicleId: number; distanceKm: number; totalNOK: number }>;
  /** Sites the published heuristic passed over (their SOC was above the pickup threshold). */
  skippedSites: number[];
}

const describe = (v: DeliveryViolation) => `${v.kind}${v.vehicleId === undefined ? '' : ` vehicle ${v.vehicleId}`}${v.node === undefined ? '' : ` site ${v.node}`}: ${v.value} vs limit ${v.limit}`;

export const messDeliveryProblem = defineProblem({
  name: 'mess-delivery',
  description:
    'Construction-site MESS delivery with time windows, capacities and the SOC pickup rule: the corrected MILP or subset DP, or the published heuristic, with @gridhaul/optimizer (costs in NOK, wages on route time).',
  input: messDeliveryInput,
  async solve(input, ctx) {
    const instance = readDeliveryCase(input.instance);
    const r = await planDelivery(instance, {
      policy: input.policy,
      method: input.method,
      amountRule: input.amounts === 'nearest' ? 'nearest-unit' : 'ceil-unit',
      compat: input.compat,
      ...(input.clusterRadiusKm !== undefined ? { clusterRadiusKm: input.clusterRadiusKm } : {}),
      ...(ctx.timeLimitSec !== undefined ? { timeLimitSec: ctx.timeLimitSec } : {}),
      onProgress: mipProgress(ctx.onProgress),
    });
    const solved = hasPlan(r.status);
    const c = r.check.cost;
    // The notebook's own cost rule (wage × clock time of arrival), for comparison with published totals.
    const published = checkDeliveryPlan(instance, r.plan, { costModel: 'published', requireFullDemand: input.amounts === 'ceil' }).cost.totalNOK;
    const plan: MessDeliveryPlan = {
      policy: r.policy,
      method: r.method,
      gap: finiteOrNull(r.gap),
      delivery: r.plan,
      perVehicle: r.check.perVehicle.map((v) => ({ vehicleId: v.vehicleId, distanceKm: v.distanceKm, totalNOK: v.totalNOK })),
      skippedSites: [...(r.heuristic?.skipped ?? [])],
    };
    return {
      status: r.status,
      objective: solved ? c.totalNOK : null,
      costs: solved
        ? finiteCosts({
            totalNOK: c.totalNOK,
            fuelNOK: c.fuelNOK,
            maintenanceNOK: c.maintenanceNOK,
            tollNOK: c.tollNOK,
            wagesNOK: c.wagesNOK,
            distanceKm: c.distanceKm,
            deliveredKWh: r.check.deliveredKWh,
            pickedUpKWh: r.check.pickedUpKWh,
            costPerKWhDeliveredNOK: r.costPerKWhDeliveredNOK,
            publishedRuleNOK: published,
          })
        : {},
      plan,
    };
  },
  check(input, outcome) {
    if (!hasPlan(outcome.status)) return { feasible: false, objective: null, problems: [`no plan to check (status ${outcome.status})`] };
    const plan = outcome.plan as MessDeliveryPlan;
    const report = checkDeliveryPlan(readDeliveryCase(input.instance), plan.delivery, { requireFullDemand: input.amounts === 'ceil' });
    return { feasible: report.feasible, objective: report.cost.totalNOK, problems: report.violations.map(describe) };
  },
});
