import { InputError } from '@gridhaul/common';
import { checkSolution, parseInstance, rulesFor, solveEvrp, VARIANTS, type EvrpSolution } from '@gridhaul/evrp';
import { z } from 'zod';
import { defineProblem } from '../problem-type';

/** An E-VRPTW instance in the Schneider et al. (2014) text format, with the variant to solve. */
export const evrpInput = z
  .object({
    instance: z.object({ text: z.string().min(1).max(5_000_000), name: z.string().min(1).max(200).default('instance') }),
    variant: z.enum(VARIANTS),
    objective: z.enum(['distance', 'paper']).default('distance'),
    method: z.enum(['auto', 'enumeration', 'milp', 'heuristic']).default('auto'),
    maxVehicles: z.number().int().min(1).max(1000).optional(),
    maxIterations: z.number().int().min(1).max(10_000_000).optional(),
  })
  .superRefine((input, ctx) => {
    try {
      parseInstance(input.instance.text, input.instance.name);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['instance', 'text'], message: error.message });
    }
  });

interface EvrpPlan {
  solution: EvrpSolution | null;
  method: string;
  gap: number | null;
  gapReference: string | null;
  bestKnown: { vehicles: number; distance: number } | null;
  iterations: number | null;
}

export const evrpProblem = defineProblem({
  name: 'evrp',
  description: 'Electric vehicle routing with time windows, recharging and SOC limits (variants a-d of Cataldo-Díaz et al. 2022) with @gridhaul/evrp.',
  input: evrpInput,
  async solve(input, ctx) {
    const instance = parseInstance(input.instance.text, input.instance.name);
    const started = performance.now();
    const r = await solveEvrp(instance, {
      variant: input.variant,
      objective: input.objective,
      method: input.method,
      seed: ctx.seed,
      ...(input.maxVehicles !== undefined ? { maxVehicles: input.maxVehicles } : {}),
      ...(input.maxIterations !== undefined ? { maxIterations: input.maxIterations } : {}),
      ...(ctx.timeLimitSec !== undefined ? { timeLimitSec: ctx.timeLimitSec } : {}),
      onProgress: (message) => ctx.onProgress({ timeSec: (performance.now() - started) / 1000, message }),
    });
    const s = r.solution;
    const plan: EvrpPlan = { solution: s, method: r.method, gap: r.gap, gapReference: r.gapReference, bestKnown: r.bestKnown, iterations: r.iterations };
    return {
      status: r.status,
      objective: s?.objective ?? null,
      costs: s ? { objective: s.objective, distance: s.distance, vehicles: s.vehicles } : {},
      plan,
    };
  },
  check(input, outcome) {
    const solution = (outcome.plan as EvrpPlan).solution;
    if (!solution) return { feasible: false, objective: null, problems: [`no solution to check (status ${outcome.status})`] };
    const instance = parseInstance(input.instance.text, input.instance.name);
    const report = checkSolution(instance, rulesFor(input.variant, input.objective), solution, input.maxVehicles !== undefined ? { maxVehicles: input.maxVehicles } : {});
    return { feasible: report.feasible, objective: report.objective, problems: report.violations.map((v) => `${v.tag}: ${v.message}`) };
  },
});
