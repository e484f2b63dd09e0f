import { InputError, maxIterations, Rng } from '@gridhaul/common';
import type { StoppingCriterion } from '@gridhaul/common';
import type { CheckReport } from '../checker';
import { checkSchedule } from '../checker';
import type { Instance } from '../instance';
import type { ChargingModel, ChargingSession, Schedule } from '../schedule';
import { LINEAR_CHARGING } from '../schedule';
import type { MoveKind, MoveWeights } from './moves';
import { DEFAULT_MOVE_WEIGHTS, MOVE_KINDS, MoveMaker } from './moves';
import { buildSaProblem } from './problem';
import type { CostParts } from './state';
import { SaState, WAIT } from './state';

export interface AnnealOptions {
  readonly seed: number;
  /** When to stop (@gridhaul/common criteria); default 200 000 iterations. */
  readonly stop?: StoppingCriterion;
  /**
   * Length of one geometric cooling from the initial to the final temperature, in seconds or
   * iterations; when the stop criterion runs longer the search reheats from its best schedule.
   * Default: 200 000 iterations.
   */
  readonly cooling?: { readonly seconds: number } | { readonly iterations: number };
  readonly charging?: ChargingModel;
  /** Demand measured on any window (default, the true maximum) or on billing periods. */
  readonly demand?: 'sliding' | 'aligned';
  /** Bins per demand window in the incremental power profile; default 90 (10-s bins for 15 min). */
  readonly binsPerWindow?: number;
  /** Initial temperature; default: from the uphill cost changes of 1000 sampled moves. */
  readonly initialTemperature?: number;
  /** Which quantile of the sampled uphill changes T0 accepts with probability 1/2; default 0.9. */
  readonly temperatureQuantile?: number;
  /** Final temperature as a fraction of the initial one; default 1e-6. */
  readonly finalTemperatureRatio?: number;
  readonly moveWeights?: Partial<MoveWeights>;
  /** New-visit probability of each charger type; default 3:1 for the lowest-power type (Brown's 75/25 slow/fast). */
  readonly typeWeights?: Readonly<Record<string, number>>;
  readonly fitProbability?: number;
  /** Visit-selection weight per kWh its bus falls short after it (the paper's priority weighting). */
  readonly priorityPerKWh?: number;
  readonly penaltyPerKWh?: number;
  /** Called about every 2 s of search with the incumbent. */
  readonly onProgress?: (p: { iterations: number; seconds: number; bestCost: number; temperature: number }) => void;
}

export interface AnnealResult {
  readonly method: 'sa';
  readonly seed: number;
  readonly charging: ChargingModel;
  readonly schedule: Schedule;
  /** The independent checker's verdict and numbers for `schedule`. */
  readonly check: CheckReport;
  /** The annealer's own cost split of the returned schedule (penalty 0 when feasible). */
  readonly searchCost: CostParts;
  readonly iterations: number;
  readonly seconds: number;
  readonly reheats: number;
  readonly moves: Readonly<Record<MoveKind, { tried: number; accepted: number }>>;
}

export function anneal(instance: Instance, options: AnnealOptions): AnnealResult {
  const t0 = performance.now();
  const charging = options.charging ?? LINEAR_CHARGING;
  const demand = options.demand ?? 'sliding';
  const p = buildSaProblem(instance, {
    model: charging,
    demand,
    binsPerWindow: options.binsPerWindow ?? 90,
    ...(options.penaltyPerKWh !== undefined ? { penaltyPerKWh: options.penaltyPerKWh } : {}),
  });
  const rng = new Rng(options.seed);
  const state = new SaState(p);
  const moves = new MoveMaker(p, state, rng, {
    weights: { ...DEFAULT_MOVE_WEIGHTS, ...options.moveWeights },
    typeProbability: typeProbabilities(instance, options.typeWeights),
    fitProbability: options.fitProbability ?? 0.5,
    orderedProbability: 0.5,
  });
  const priority = options.priorityPerKWh ?? 1;
  const weights = new Float64Array(p.nV);
  const refreshWeights = (b: number): void => {
    const first = p.chainStart[b] as number;
    const end = p.chainStart[b + 1] as number;
    // Visits before the bus's last shortfall get the bus's shortfall as extra weight: charging
    // earlier is what fixes a later breach ("fix the past to save the future").
    let breach = -1;
    const short = state.busPenaltyKWh[b] as number;
    if (short > 0) {
      breach = end;
      const lastVisit = p.chain[end - 1] as number;
      const endSoc = (state.eta[lastVisit] as number) + (state.recv[lastVisit] as number) - (p.discharge[lastVisit] as number);
      if (endSoc >= (p.socFinal[b] as number) && endSoc >= (p.socMin[b] as number)) {
        for (let k = end - 1; k >= first; k--) {
          if ((state.eta[p.chain[k] as number] as number) < (p.socMin[b] as number)) {
            breach = k;
            break;
          }
        }
      }
    }
    for (let k = first; k < end; k++) {
      const j = p.chain[k] as number;
      if (p.isChargeable[j]) weights[j] = k < breach ? 1 + priority * short : 1;
    }
  };
  const pickVisit = (): number => {
    let total = 0;
    const list = p.chargeable;
    for (let k = 0; k < list.length; k++) total += weights[list[k] as number] as number;
    let r = rng.next() * total;
    for (let k = 0; k < list.length; k++) {
      const i = list[k] as number;
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return list[list.length - 1] as number;
  };
  if (p.chargeable.length === 0) throw new InputError('visits', 0, 'at least one visit long enough to charge in');

  // Initial schedule: every visit waits, then one new-visit (fitted) wherever a bus falls short.
  for (let b = 0; b < p.nB; b++) refreshWeights(b);
  for (const i of p.chargeable) {
    if ((state.busPenaltyKWh[p.busOf[i] as number] as number) <= 0) continue;
    const cand = moves.newVisit(i);
    if (cand && state.evaluate(cand) < 0) {
      state.apply(cand);
      refreshWeights(p.busOf[i] as number);
    }
  }

  const T0 = options.initialTemperature ?? calibrateTemperature(state, moves, pickVisit, p.penaltyPerKWh, options.temperatureQuantile ?? 0.9);
  const Tend = T0 * (options.finalTemperatureRatio ?? 1e-6);
  const stop = options.stop ?? maxIterations(200_000);
  const cooling = options.cooling ?? { iterations: 200_000 };
  const stats = Object.fromEntries(MOVE_KINDS.map((k) => [k, { tried: 0, accepted: 0 }])) as Record<MoveKind, { tried: number; accepted: number }>;

  let bestCost = state.cost;
  let cost = bestCost;
  const best = { q: Int32Array.from(state.q), u: Float64Array.from(state.u), d: Float64Array.from(state.d) };
  let iterations = 0;
  let reheats = 0;
  let cycleStartIt = 0;
  let cycleStartT = performance.now();
  let lastReport = cycleStartT;
  let temperature = T0;
  let improved = false;
  while (!stop.shouldStop(improved)) {
    improved = false;
    iterations++;
    if ((iterations & 63) === 0) {
      const now = performance.now();
      const progress = 'seconds' in cooling ? (now - cycleStartT) / 1000 / cooling.seconds : (iterations - cycleStartIt) / cooling.iterations;
      if (progress >= 1) {
        // Reheat from the best schedule.
        state.load(best.q, best.u, best.d);
        for (let b = 0; b < p.nB; b++) refreshWeights(b);
        cost = state.cost;
        cycleStartIt = iterations;
        cycleStartT = now;
        reheats++;
        temperature = T0;
      } else temperature = T0 * Math.pow(Tend / T0, progress);
      if (options.onProgress && now - lastReport > 2000) {
        lastReport = now;
        options.onProgress({ iterations, seconds: (now - t0) / 1000, bestCost, temperature });
      }
    }
    const i = pickVisit();
    const cand = moves.propose(i);
    if (!cand) continue;
    const kind = moves.lastKind;
    stats[kind].tried++;
    const delta = state.evaluate(cand);
    if (delta <= 0 || rng.next() < Math.exp(-delta / temperature)) {
      state.apply(cand);
      refreshWeights(p.busOf[i] as number);
      stats[kind].accepted++;
      cost = state.cost;
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best.q.set(state.q);
        best.u.set(state.u);
        best.d.set(state.d);
        improved = true;
      }
    }
  }

  state.load(best.q, best.u, best.d);
  polish(state, moves);
  const schedule = toSchedule(state);
  const check = checkSchedule(instance, schedule, { charging, demand });
  return {
    method: 'sa',
    seed: options.seed,
    charging,
    schedule,
    check,
    searchCost: state.costParts(),
    iterations,
    seconds: (performance.now() - t0) / 1000,
    reheats,
    moves: stats,
  };
}

/** Greedy descent over resize and wait for every session, until nothing improves. */
function polish(state: SaState, moves: MoveMaker): void {
  for (let pass = 0; pass < 5; pass++) {
    let changed = false;
    for (let i = 0; i < state.q.length; i++) {
      if ((state.q[i] as number) < 0) continue;
      for (const cand of [moves.resize(i), { visit: i, charger: WAIT, startH: 0, endH: 0 }]) {
        if (cand && state.evaluate(cand) < -1e-9) {
          state.apply(cand);
          changed = true;
          break;
        }
      }
    }
    if (!changed) break;
  }
  state.rebuild();
}

function toSchedule(state: SaState): Schedule {
  const sessions: ChargingSession[] = [];
  for (let i = 0; i < state.q.length; i++) {
    const c = state.q[i] as number;
    if (c >= 0 && (state.d[i] as number) > (state.u[i] as number)) sessions.push({ visit: i, charger: c, startH: state.u[i] as number, endH: state.d[i] as number });
  }
  return { sessions };
}

/**
 * T0 such that an uphill change at the given quantile of 1000 sampled moves (penalties left out)
 * is accepted with probability 1/2: hot enough to climb over a charger's cost, not only over noise.
 */
function calibrateTemperature(state: SaState, moves: MoveMaker, pickVisit: () => number, penaltyPerKWh: number, quantile: number): number {
  const uphill: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const cand = moves.propose(pickVisit());
    if (!cand) continue;
    const delta = state.evaluate(cand) - penaltyPerKWh * state.lastPenaltyDeltaKWh;
    if (delta > 1e-9) uphill.push(delta);
  }
  if (uphill.length === 0) return 1;
  uphill.sort((a, b) => a - b);
  return (uphill[Math.floor(quantile * (uphill.length - 1))] as number) / Math.LN2;
}

function typeProbabilities(instance: Instance, given: Readonly<Record<string, number>> | undefined): Float64Array {
  const types = instance.chargerTypes;
  const power = types.map((t) => Math.min(...instance.chargers.filter((c) => c.type === t).map((c) => c.powerKW)));
  const slowest = power.indexOf(Math.min(...power));
  const raw = types.map((t, k) => {
    const w = given?.[t] ?? (types.length > 1 && k === slowest ? 3 : 1);
    if (!(w >= 0) || !Number.isFinite(w)) throw new InputError(`typeWeights.${t}`, w, 'a finite weight >= 0');
    return w;
  });
  const total = raw.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new InputError('typeWeights', given, 'at least one positive weight');
  return Float64Array.from(raw, (w) => w / total);
}
