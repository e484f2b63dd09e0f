import { successiveAverage } from './averaging';
import { checkStorageSchedule } from './check-schedule';
import { CosimError, CosimErrorTag } from './errors';
import { busSchedule, gapUsdPerMWh, maxDifference, scheduleCostUsd, throughputMWh } from './measures';
import { planStorage } from './storage-plan';
import type { BusPrices, BusSchedule, CosimIteration, CosimResult, PricedGrid, StorageUnit, UnitSchedule } from './types';

export interface CosimSetup {
  readonly units: readonly StorageUnit[];
  readonly periods: number;
  readonly stepH: number;
  /** Converged when the largest LMP change and the schedule's gap are both at most this, $/MWh. */
  readonly toleranceUsdPerMWh: number;
  /** Iterations at most, the zero-storage iteration 0 included. */
  readonly maxIterations: number;
}

export interface CosimSteps {
  /** The grid's LMPs with the storage load added to the bus loads (checked by the pricer). */
  price(schedule: readonly BusSchedule[]): Promise<PricedGrid>;
  /** The units' plan against prices; default: the storage LP. */
  plan?(prices: readonly BusPrices[]): Promise<UnitSchedule[]>;
  /** Each iteration as it completes (awaited before the next starts). */
  onIteration?(iteration: CosimIteration): void | Promise<void>;
  signal?: AbortSignal | undefined;
  /** No new iteration starts after this time (`now()` ms). */
  deadlineMs?: number | undefined;
  now?: () => number;
}

/**
 * The co-simulation loop. Iteration k prices the grid with the current storage schedule s(k) added
 * to the bus loads (s(0) = no storage), plans the units against those LMPs, and measures how far
 * schedule and prices agree: the largest LMP change since iteration k−1, and the gap — what the
 * units would save per MWh by switching from s(k) to the plan. Both at most the tolerance: converged,
 * and s(k) with its prices is the answer. Otherwise s(k+1) is the running average of the plans
 * (successiveAverage). Every plan and every averaged schedule passes checkStorageSchedule first.
 */
export async function runCosim(setup: CosimSetup, steps: CosimSteps): Promise<CosimResult> {
  const { units, periods, stepH, toleranceUsdPerMWh: tol } = setup;
  const plan = steps.plan ?? ((prices) => planStorage(units, prices, stepH, { signal: steps.signal }));
  const now = steps.now ?? (() => performance.now());
  let current: UnitSchedule[] | null = null;
  let previous: CosimIteration | null = null;

  for (let k = 0; ; k++) {
    steps.signal?.throwIfAborted();
    const schedule = busSchedule(units, current, periods);
    const grid = await steps.price(schedule);
    const best = await plan(grid.prices);
    accept(units, best, stepH, `the plan of iteration ${k}`);

    const planCost = scheduleCostUsd(units, best, grid.prices, stepH);
    const cost = current ? scheduleCostUsd(units, current, grid.prices, stepH) : 0;
    const iteration: CosimIteration = {
      iteration: k,
      prices: grid.prices,
      generationCostUsd: grid.generationCostUsd,
      schedule,
      units: current ?? [],
      objective: cost,
      maxPriceChangeUsdPerMWh: previous ? maxDifference(rows(grid.prices), rows(previous.prices)) : null,
      maxScheduleChangeMW: previous ? maxDifference(loads(schedule), loads(previous.schedule)) : null,
      gapUsdPerMWh: current ? gapUsdPerMWh(cost, planCost, throughputMWh(current, stepH), throughputMWh(best, stepH)) : null,
    };
    await steps.onIteration?.(iteration);

    const agreed = iteration.maxPriceChangeUsdPerMWh !== null && iteration.maxPriceChangeUsdPerMWh <= tol && iteration.gapUsdPerMWh !== null && iteration.gapUsdPerMWh <= tol;
    const stop = agreed ? 'converged' : k + 1 >= setup.maxIterations ? 'iteration cap' : steps.deadlineMs !== undefined && now() >= steps.deadlineMs ? 'time limit' : null;
    if (stop) {
      return { converged: agreed, stoppedBecause: stop, toleranceUsdPerMWh: tol, maxIterations: setup.maxIterations, iterations: k + 1, final: iteration, lastPlan: best };
    }
    current = successiveAverage(current, best, k);
    accept(units, current, stepH, `the averaged schedule for iteration ${k + 1}`, busSchedule(units, current, periods));
    previous = iteration;
  }
}

function accept(units: readonly StorageUnit[], schedules: readonly UnitSchedule[], stepH: number, what: string, buses?: readonly BusSchedule[]): void {
  const problems = checkStorageSchedule(units, schedules, stepH, buses);
  if (problems.length > 0) throw new CosimError(CosimErrorTag.checkFailed, `${what} failed the storage check: ${problems.slice(0, 5).join('; ')}`);
}

const rows = (prices: readonly BusPrices[]) => prices.map((p) => ({ bus: p.bus, values: p.usdPerMWh }));
const loads = (schedule: readonly BusSchedule[]) => schedule.map((s) => ({ bus: s.bus, values: s.mw }));
