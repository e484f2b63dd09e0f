import { InputError, maxSeconds } from '@gridhaul/common';
import {
  anneal,
  CCCV_CHARGING,
  checkSchedule,
  LINEAR_CHARGING,
  parseInstanceJson,
  parseVisitsCsv,
  reportSchedule,
  solvePositionAllocation,
  type Instance,
  type Schedule,
  type ScheduleReport,
} from '@gridhaul/bus-charging';
import { z } from 'zod';
import { defineProblem } from '../problem-type';

/** A depot's charging problem: an instance JSON, or a visits CSV with the fleet's SOC rules. */
export const busChargingInput = z
  .object({
    instance: z.union([
      z.object({ format: z.literal('json'), text: z.string().min(1).max(10_000_000), name: z.string().max(200).default('instance.json') }),
      z.object({
        format: z.literal('csv'),
        text: z.string().min(1).max(10_000_000),
        name: z.string().max(200).default('visits.csv'),
        minSocFraction: z.number().min(0).max(1).optional(),
        finalSocFraction: z.number().min(0).max(1).optional(),
      }),
    ]),
    method: z.enum(['sa', 'milp']).default('sa'),
    /** CC-CV charging (SA only); otherwise linear. */
    nonlinear: z.boolean().default(false),
    /** Search time when the job has no time limit, s. */
    seconds: z.number().positive().max(86_400).default(10),
  })
  .superRefine((input, ctx) => {
    if (input.nonlinear && input.method === 'milp') ctx.addIssue({ code: 'custom', path: ['nonlinear'], message: 'CC-CV charging needs method "sa": the MILP has linear battery dynamics' });
    try {
      readInstance(input);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['instance', 'text'], message: error.message });
    }
  });

type BusChargingInput = z.output<typeof busChargingInput>;

function readInstance(input: Pick<BusChargingInput, 'instance'>): Instance {
  const i = input.instance;
  if (i.format === 'json') return parseInstanceJson(i.text, i.name);
  return parseVisitsCsv(i.text, {
    source: i.name,
    ...(i.minSocFraction !== undefined ? { minSocFraction: i.minSocFraction } : {}),
    ...(i.finalSocFraction !== undefined ? { finalSocFraction: i.finalSocFraction } : {}),
  });
}

interface BusChargingPlan {
  method: 'sa' | 'milp';
  schedule: Schedule | null;
  report: ScheduleReport | null;
  bound: number | null;
  gap: number | null;
}

export const busChargingProblem = defineProblem({
  name: 'bus-charging',
  description: 'Battery-electric bus charger schedules (position allocation): simulated annealing or the MILP, with @gridhaul/bus-charging.',
  input: busChargingInput,
  async solve(input, ctx) {
    const instance = readInstance(input);
    const seconds = ctx.timeLimitSec ?? input.seconds;
    if (input.method === 'sa') {
      const charging = input.nonlinear ? CCCV_CHARGING : LINEAR_CHARGING;
      const r = anneal(instance, {
        seed: ctx.seed,
        stop: maxSeconds(seconds),
        cooling: { seconds },
        charging,
        onProgress: (p) => ctx.onProgress({ timeSec: p.seconds, incumbent: p.bestCost, iteration: p.iterations }),
      });
      const report = reportSchedule(instance, r.schedule, r.check);
      const plan: BusChargingPlan = { method: 'sa', schedule: r.schedule, report, bound: null, gap: null };
      return { status: r.check.feasible ? 'feasible' : 'infeasible', objective: r.check.cost.total, costs: { ...r.check.cost }, plan };
    }
    const r = await solvePositionAllocation(instance, { timeLimitSec: seconds, seed: ctx.seed });
    const report = r.schedule && r.check ? reportSchedule(instance, r.schedule, r.check) : null;
    const plan: BusChargingPlan = { method: 'milp', schedule: r.schedule ?? null, report, bound: r.bound ?? null, gap: r.gap ?? null };
    return { status: r.status, objective: r.check ? r.check.cost.total : null, costs: r.check ? { ...r.check.cost } : {}, plan };
  },
  check(input, outcome) {
    const plan = outcome.plan as BusChargingPlan;
    if (!plan.schedule) return { feasible: false, objective: null, problems: [`no schedule to check (status ${outcome.status})`] };
    const report = checkSchedule(readInstance(input), plan.schedule, { charging: input.nonlinear ? CCCV_CHARGING : LINEAR_CHARGING });
    return { feasible: report.feasible, objective: report.cost.total, problems: report.violations.map((v) => JSON.stringify(v)) };
  },
});
