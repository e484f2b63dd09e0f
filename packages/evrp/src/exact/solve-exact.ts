import type { EvrpInstance } from '../instance';
import type { EvrpRules } from '../rules';
import { routeLimits } from '../schedule';
import { buildSolution } from '../build-solution';
import type { EvrpSolution } from '../solution';
import { enumerateRoutes, EnumerationTimeout } from './route-enumeration';
import { partitionCustomers, PartitionTimeout } from './set-partition';

export interface ExactOptions {
  /** At most this many vehicles; without it the fleet is minimized first. */
  readonly maxVehicles?: number;
  readonly timeLimitSec?: number;
  readonly onProgress?: (message: string) => void;
}

export interface ExactResult {
  readonly status: 'optimal' | 'infeasible' | 'timeLimit';
  readonly solution: EvrpSolution | null;
  /** Non-dominated labels created by the route enumeration. */
  readonly labels: number;
  readonly timeSec: number;
}

/**
 * Exact solve by route enumeration (labelling over customer subsets) and set partitioning: proves
 * optimality for the small instances (up to about 15 customers). The solution is unchecked here;
 * `solveEvrp` checks it.
 */
export function solveByEnumeration(instance: EvrpInstance, rules: EvrpRules, options: ExactOptions = {}): ExactResult {
  const t0 = performance.now();
  const deadline = options.timeLimitSec === undefined ? undefined : t0 + options.timeLimitSec * 1000;
  const limits = routeLimits(instance, rules);
  const elapsed = (): number => (performance.now() - t0) / 1000;
  try {
    const routes = enumerateRoutes(instance, limits, {
      ...(deadline === undefined ? {} : { deadline }),
      onLevel: (level, labels) => options.onProgress?.(`enumeration: ${labels} labels with ${level} customers (${elapsed().toFixed(1)} s)`),
    });
    const n = instance.customers.length;
    const partition = partitionCustomers(routes.cost, n, options.maxVehicles, deadline);
    if (partition === null) return { status: 'infeasible', solution: null, labels: routes.labels, timeSec: elapsed() };
    const solution = buildSolution(instance, rules, partition.routes.map((mask) => routes.route(mask)));
    return { status: 'optimal', solution, labels: routes.labels, timeSec: elapsed() };
  } catch (e) {
    if (e instanceof EnumerationTimeout || e instanceof PartitionTimeout) return { status: 'timeLimit', solution: null, labels: 0, timeSec: elapsed() };
    throw e;
  }
}
