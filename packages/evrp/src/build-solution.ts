import type { EvrpInstance } from './instance';
import type { EvrpRules } from './rules';
import { routeLimits, scheduleRoute } from './schedule';
import type { EvrpRoute, EvrpSolution } from './solution';

/**
 * Schedules each node sequence (depot first and last; empty routes dropped) and assembles the
 * solution, or returns null if some sequence has no feasible charging plan.
 */
export function buildSolution(instance: EvrpInstance, rules: EvrpRules, sequences: ReadonlyArray<readonly number[]>): EvrpSolution | null {
  const limits = routeLimits(instance, rules);
  const routes: EvrpRoute[] = [];
  for (const nodes of sequences) {
    if (nodes.length <= 2) continue;
    const route = scheduleRoute(instance, limits, nodes);
    if (route === null) return null;
    routes.push(route);
  }
  return {
    instance: instance.name,
    variant: rules.variant,
    objectiveKind: rules.objective,
    objective: routes.reduce((s, r) => s + r.cost, 0),
    vehicles: routes.length,
    distance: routes.reduce((s, r) => s + r.distance, 0),
    routes,
  };
}

/** Node ids → indices, for sequences written by hand or read from published solutions. */
export function sequenceOf(instance: EvrpInstance, ids: readonly string[]): number[] {
  return ids.map((id) => instance.indexOf(id));
}
