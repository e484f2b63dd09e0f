import {
  checkChargingCyclePlan,
  createChargingCycleInstance,
  parseChargingCycleJson,
  planChargingCycle,
  type ChargingCycleInstance,
  type ChargingCyclePlan,
  type ChargingCycleViolation,
} from '@gridhaul/optimizer';
import { z } from 'zod';
import { quantity } from '../../schemas/quantity';
import { defineProblem } from '../problem-type';
import { addInputIssue, fileText, finiteCosts, finiteOrNull, hasPlan, messPolicy } from './mess-common';

// Ranges are checked by createChargingCycleInstance, so each error names the instance field.
const kWh = quantity('kWh');
const kW = quantity('kW');
const hours = quantity('h');

/** The charging-cycle case: the shared data's charging-cycle.json as text, or structured JSON in the optimizer's field names. */
const chargingCycleCaseShape = z.discriminatedUnion('format', [
  z.object({ format: z.literal('files'), chargingCycleJson: fileText }),
  z.object({
    format: z.literal('json'),
    name: z.string().min(1).max(200).default('charging-cycle'),
    hubMessUnits: z.number(),
    hubMessCapacityKWh: kWh,
    hubChargers: z.number(),
    hubChargerPowerKW: kW,
    sites: z.array(z.object({ id: z.number(), distanceKm: quantity('km'), messCapacityKWh: kWh })).max(1000),
    excavators: z.array(z.object({ id: z.number(), siteId: z.number(), batteryKWh: kWh, consumptionKWhPerH: kW })).max(10_000),
    socMin: z.number(),
    excavatorSocMaxDay: z.number(),
    initialSoc: z.number(),
    chargingPowerKW: kW,
    startH: hours,
    endH: hours,
    truckSpeedKmh: quantity('km/h'),
    serviceTimeH: hours,
    dayCostPerKm: z.number(),
    nightCostPerKm: z.number(),
    dayTariffBeforeH: hours,
  }),
]);

/** The case is validated by the package's parser on its own, so its problems are listed whatever else is wrong. */
const chargingCycleCase = chargingCycleCaseShape.superRefine((c, ctx) => {
  try {
    readChargingCycleCase(c);
  } catch (error) {
    if (c.format === 'files') addInputIssue(ctx, ['chargingCycleJson'], error);
    else addInputIssue(ctx, [], error, true);
  }
});

export const chargingCycleInput = z.object({
  instance: chargingCycleCase,
  /** 'exact': the time-indexed MILP; 'heuristic': the published rule-based run (1-h steps). */
  policy: messPolicy,
  /** MILP time step (min); the plan's SOC is checked at every step. */
  stepMinutes: z.number().positive().max(240).default(15),
});

function readChargingCycleCase(c: z.output<typeof chargingCycleCaseShape>): ChargingCycleInstance {
  if (c.format === 'files') return parseChargingCycleJson(c.chargingCycleJson, 'chargingCycleJson');
  const { format: _format, ...instance } = c;
  return createChargingCycleInstance(instance);
}

interface ChargingCycleJobPlan {
  policy: 'exact' | 'heuristic';
  gap: number | null;
  /** Excavator charging power per step and the truck's swap trips, as the checker reads them. */
  cycle: ChargingCyclePlan;
  /** The published run's log lines (heuristic only). */
  log: string[];
}

const describe = (v: ChargingCycleViolation) => `${v.kind} ${v.subject}: from ${v.firstH} h, worst ${v.worst} vs limit ${v.limit} (${v.count}×)`;

export const chargingCycleProblem = defineProblem({
  name: 'charging-cycle',
  description:
    'MESS charging cycle (Skagerak case): a truck swaps site MESS units from a hub so excavators keep their SOC limits; the time-indexed MILP or the published rule-based run, with @gridhaul/optimizer (costs in NOK).',
  input: chargingCycleInput,
  async solve(input, ctx) {
    const instance = readChargingCycleCase(input.instance);
    const started = performance.now();
    ctx.onProgress({ timeSec: 0, message: input.policy === 'exact' ? `MILP on ${input.stepMinutes}-min steps` : 'published rule-based run' });
    const r = await planChargingCycle(instance, {
      policy: input.policy,
      stepH: input.stepMinutes / 60,
      ...(ctx.timeLimitSec !== undefined ? { timeLimitSec: ctx.timeLimitSec } : {}),
    });
    ctx.onProgress({ timeSec: (performance.now() - started) / 1000, message: r.status });
    const solved = hasPlan(r.status);
    const c = r.check;
    const plan: ChargingCycleJobPlan = { policy: r.policy, gap: finiteOrNull(r.gap), cycle: r.plan, log: [...(r.ruleBased?.log ?? [])] };
    return {
      status: r.status,
      objective: solved ? c.totalCostNOK : null,
      costs: solved
        ? finiteCosts({
            totalNOK: c.totalCostNOK,
            travelNOK: c.travelCostNOK,
            hubEnergyNOK: c.hubEnergyCostNOK,
            distanceDayKm: c.distanceDayKm,
            distanceNightKm: c.distanceNightKm,
            hubEnergyKWh: c.hubEnergyKWh,
            swaps: r.plan.swaps.length,
          })
        : {},
      plan,
    };
  },
  check(input, outcome) {
    if (!hasPlan(outcome.status)) return { feasible: false, objective: null, problems: [`no plan to check (status ${outcome.status})`] };
    const report = checkChargingCyclePlan(readChargingCycleCase(input.instance), (outcome.plan as ChargingCycleJobPlan).cycle);
    return { feasible: report.feasible, objective: report.totalCostNOK, problems: report.violations.map(describe) };
  },
});
