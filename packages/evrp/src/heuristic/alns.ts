import { anyOf, maxIterations, maxSeconds, Rng, type StoppingCriterion } from '@gridhaul/common';
import type { RouteState, SearchContext } from './context';
import { evaluateRoute } from './context';
import { repair, type RepairKind } from './insertion';
import { removeCustomers, REMOVALS, type RemovalKind } from './removal';
import { placeStations } from './station-placement';
import { localSearch, nearestCustomers } from './local-search';

/**
 * Adaptive large neighbourhood search (Ropke & Pisinger 2006) for the E-VRPTW: destroy (random,
 * worst, related, whole routes) and repair (greedy, regret-2, with station insertion), adaptive
 * operator weights, simulated-annealing acceptance. Every route it keeps is feasible under the
 * exact SOC-profile test, so the search never holds an infeasible solution.
 */
export interface AlnsOptions {
  readonly seed: number;
  /**
   * Budget: stops at whichever comes first. The phases and the cooling follow the share of the
   * budget used, so with `maxIterations` alone a run repeats exactly from its seed; with a time
   * limit it depends on the machine's speed.
   */
  readonly timeLimitSec?: number;
  readonly maxIterations?: number;
  /** At most this many vehicles (penalized above); without it fewer vehicles always win. */
  readonly maxVehicles?: number;
  readonly onImprovement?: (best: AlnsSnapshot) => void;
}

export interface AlnsSnapshot {
  readonly vehicles: number;
  readonly cost: number;
  readonly iteration: number;
  readonly timeSec: number;
}

export interface AlnsResult extends AlnsSnapshot {
  readonly routes: number[][];
  readonly iterations: number;
  readonly seed: number;
}

const VEHICLE_WEIGHT = 1e6;
const REPAIRS: readonly RepairKind[] = ['greedy', 'regret'];
// Scores: new best, better than current, accepted worse (Ropke & Pisinger 2006).
const SCORES = [33, 9, 13] as const;
const SEGMENT = 50;
/** Relocation targets: routes serving one of a customer's nearest customers. */
const NEIGHBOURS = 10;
const REACTION = 0.1;
/** Share of the time spent reducing the fleet before minimizing distance only. */
const REDUCTION_SHARE = 0.5;
/** The fleet-reduction phase also ends after this share of the budget without removing a vehicle. */
const REDUCTION_STALL = 0.2;

export function runAlns(ctx: SearchContext, options: AlnsOptions): AlnsResult {
  const rng = new Rng(options.seed);
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  if (options.timeLimitSec === undefined && options.maxIterations === undefined) throw new RangeError('runAlns needs timeLimitSec or maxIterations');
  const criteria: StoppingCriterion[] = [];
  if (options.timeLimitSec !== undefined) criteria.push(maxSeconds(options.timeLimitSec));
  if (options.maxIterations !== undefined) criteria.push(maxIterations(options.maxIterations));
  const stop = anyOf(...criteria);
  /** Share of the budget used, in [0, 1]. */
  const progress = (): number =>
    Math.min(1, Math.max(options.timeLimitSec === undefined ? 0 : elapsed() / options.timeLimitSec, options.maxIterations === undefined ? 0 : iteration / options.maxIterations));
  const costOf = (routes: readonly RouteState[]): number => routes.reduce((s, r) => s + r.cost, 0);
  const value = (routes: readonly RouteState[]): number => {
    const excess = options.maxVehicles === undefined ? routes.length : Math.max(0, routes.length - options.maxVehicles);
    return VEHICLE_WEIGHT * excess + costOf(routes);
  };
  const vehicleCost = options.maxVehicles === undefined ? VEHICLE_WEIGHT : 0;
  const n = ctx.instance.customers.length;
  const neighbours = nearestCustomers(ctx, NEIGHBOURS);

  const initial: RouteState[] = [];
  repair(ctx, initial, [...ctx.instance.customers], 'regret', vehicleCost, rng);
  let best = initial;
  let bestValue = value(initial);
  let bestAt = { iteration: 0, timeSec: elapsed() };
  // Unserved customers cost this much each while the fleet is being reduced (the request bank).
  const bankPenalty = (10 * costOf(initial)) / n;
  const qMin = Math.min(n, Math.max(2, Math.round(0.05 * n)));
  const qMax = Math.min(n, Math.max(qMin, Math.round(0.3 * n), 4));
  const startTemp = (0.05 * costOf(initial)) / Math.LN2 + 1e-9;
  const endTemp = startTemp * 1e-3;
  const totalDemand = ctx.instance.customers.reduce((s, c) => s + ctx.instance.nodes[c]!.demand, 0);
  const fewestPossible = Math.max(1, Math.ceil(totalDemand / ctx.instance.loadCapacity - 1e-9), options.maxVehicles === undefined ? 1 : Infinity);

  const destroyWeights = REMOVALS.map(() => 1);
  const repairWeights = REPAIRS.map(() => 1);
  const destroyScores = REMOVALS.map(() => 0);
  const repairScores = REPAIRS.map(() => 0);
  const destroyUses = REMOVALS.map(() => 0);
  const repairUses = REPAIRS.map(() => 0);
  let iteration = 0;
  let improved = false;
  options.onImprovement?.(snapshot(best, 0, elapsed()));

  // Phase 1 (first part of the time): fleet reduction. The fleet is capped one below the best
  // complete solution; customers that fit nowhere wait in a bank. An empty bank is a solution with
  // one vehicle fewer, and the cap drops again. Phase 2: the best fleet, distance (or time) only.
  let reducing = best.length > fewestPossible;
  let cap = reducing ? best.length - 1 : Infinity;
  let current: RouteState[] = [...best];
  let bank: number[] = reducing ? startReduction(ctx, current, rng) : [];
  const stateValue = (routes: readonly RouteState[], banked: number): number => (reducing ? costOf(routes) + bankPenalty * banked : value(routes));
  let currentValue = stateValue(current, bank.length);
  let phaseStart = 0;
  let lastReduction = 0;

  for (;;) {
    iteration++;
    improved = false;
    if (reducing && (progress() > REDUCTION_SHARE || progress() - lastReduction > REDUCTION_STALL)) {
      reducing = false;
      phaseStart = progress();
      cap = Infinity;
      current = [...best];
      bank = [];
      currentValue = stateValue(current, 0);
    }
    const d = rng.weightedIndex(destroyWeights);
    const r = rng.weightedIndex(repairWeights);
    const candidate = [...current];
    const pool = removeCustomers(ctx, candidate, rng.int(qMin, qMax), REMOVALS[d] as RemovalKind, rng);
    const banked = repair(ctx, candidate, [...bank, ...pool], REPAIRS[r] as RepairKind, vehicleCost, rng, cap);
    const unchanged = new Set(current);
    for (let i = 0; i < candidate.length; i++) if (!unchanged.has(candidate[i]!)) candidate[i] = withBestStations(ctx, candidate[i]!);
    if (!ctx.paperObjective) localSearch(ctx, candidate, neighbours);
    const candidateValue = stateValue(candidate, banked.length);
    // The distance phase cools over what is left of the budget, from the start temperature.
    const temperature = startTemp * (endTemp / startTemp) ** ((progress() - phaseStart) / Math.max(1e-9, 1 - phaseStart));
    let score = -1;
    if (banked.length === 0 && value(candidate) < bestValue - 1e-9) {
      best = candidate;
      bestValue = value(candidate);
      bestAt = { iteration, timeSec: elapsed() };
      improved = true;
      score = 0;
      options.onImprovement?.(snapshot(best, iteration, bestAt.timeSec));
    } else if (candidateValue < currentValue - 1e-9) score = 1;
    else if (rng.next() < Math.exp(-(candidateValue - currentValue) / temperature)) score = 2;
    if (score >= 0) {
      current = candidate;
      bank = banked;
      currentValue = candidateValue;
      destroyScores[d]! += SCORES[score as 0 | 1 | 2];
      repairScores[r]! += SCORES[score as 0 | 1 | 2];
    }
    if (reducing && score === 0 && best.length < cap + 1) {
      // Reached the cap: aim one lower, if that can exist.
      if (best.length <= fewestPossible) {
        reducing = false;
        phaseStart = progress();
        cap = Infinity;
      } else {
        cap = best.length - 1;
        current = [...best];
        bank = startReduction(ctx, current, rng);
        lastReduction = progress();
      }
      currentValue = stateValue(current, bank.length);
    }
    destroyUses[d]!++;
    repairUses[r]!++;
    if (iteration % SEGMENT === 0) {
      updateWeights(destroyWeights, destroyScores, destroyUses);
      updateWeights(repairWeights, repairScores, repairUses);
    }
    if (stop.shouldStop(improved)) break;
  }
  const routes = best.map((r) => [...r.nodes]);
  for (const nodes of routes) if (evaluateRoute(ctx, nodes) === null) throw new Error('ALNS kept an infeasible route');
  return { routes, iterations: iteration, seed: options.seed, ...snapshot(best, bestAt.iteration, bestAt.timeSec) };
}

/** Empties the route with the fewest customers into the bank (routes mutated). */
function startReduction(ctx: SearchContext, routes: RouteState[], rng: Rng): number[] {
  const sizes = routes.map((r) => r.nodes.filter((v) => ctx.instance.nodes[v]!.kind === 'customer').length);
  const fewest = Math.min(...sizes);
  const pick = rng.pick(sizes.flatMap((s, i) => (s === fewest ? [i] : [])));
  const [route] = routes.splice(pick, 1);
  return route!.nodes.filter((v) => ctx.instance.nodes[v]!.kind === 'customer');
}

function snapshot(routes: readonly RouteState[], iteration: number, timeSec: number): AlnsSnapshot {
  return { vehicles: routes.length, cost: routes.reduce((s, r) => s + r.cost, 0), iteration, timeSec };
}

function updateWeights(weights: number[], scores: number[], uses: number[]): void {
  for (let i = 0; i < weights.length; i++) {
    if (uses[i]! > 0) weights[i] = weights[i]! * (1 - REACTION) + (REACTION * scores[i]!) / uses[i]!;
    weights[i] = Math.max(weights[i]!, 0.05);
    scores[i] = 0;
    uses[i] = 0;
  }
}

/** The route with its stations re-placed optimally for its customer order, if that is cheaper. */
function withBestStations(ctx: SearchContext, route: RouteState): RouteState {
  const customers = route.nodes.filter((v) => ctx.instance.nodes[v]!.kind === 'customer');
  const nodes = placeStations(ctx, customers, route.distance - 1e-9);
  if (nodes === null) return route;
  const better = evaluateRoute(ctx, nodes);
  return better !== null && better.cost < route.cost - 1e-9 ? better : route;
}
