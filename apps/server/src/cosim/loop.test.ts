import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { CASE14_LOAD_MW, CASE14_PRICE_SLOPE, RTS79_WINTER_WEEKDAY_PCT, case14CostPerHour, case14Lmp, valleyFill } from './case14-reference';
import { checkStorageSchedule } from './check-schedule';
import { runCosim, type CosimSteps } from './loop';
import type { BusSchedule, CosimIteration, StorageUnit } from './types';

// The grid side in closed form (case14's published economics, see case14-reference.ts), so the
// loop itself is tested in milliseconds per iteration; the DC-OPF side is tested through the API.
const loads = RTS79_WINTER_WEEKDAY_PCT.map((p) => (CASE14_LOAD_MW * p) / 100);
const extra = (schedule: readonly BusSchedule[], t: number) => schedule.reduce((sum, s) => sum + (s.mw[t] ?? 0), 0);
const closedFormGrid: CosimSteps['price'] = async (schedule) => ({
  prices: [9, 14].map((bus) => ({ bus, usdPerMWh: loads.map((l, t) => case14Lmp(l + extra(schedule, t))) })),
  generationCostUsd: loads.reduce((sum, l, t) => sum + case14CostPerHour(l + extra(schedule, t)), 0),
});

/** 100 MWh of MESS at bus 9 that delivers 2.5 MW to a site 07:00–19:00 (30 MWh) and may charge 10 MW. */
const hub: StorageUnit = {
  name: 'MESS hub',
  bus: 9,
  capacityMWh: 100,
  maxChargeMW: 10,
  maxDischargeMW: 0,
  chargeEfficiency: 1,
  dischargeEfficiency: 1,
  socMin: 0.1,
  socMax: 1,
  initialSoc: 0.5,
  finalSoc: 0.5,
  demandMW: loads.map((_, h) => (h >= 7 && h < 19 ? 2.5 : 0)),
  wearUsdPerMWh: 0,
};
const setup = { units: [hub], periods: 24, stepH: 1, toleranceUsdPerMWh: 0.05, maxIterations: 50 };

describe('runCosim on case14 in closed form, 100 MWh of MESS at bus 9', () => {
  it('converges to the valley-filling schedule: generation cost within the final gap of the optimum, every iteration numbered and checked', async () => {
    const seen: CosimIteration[] = [];
    const result = await runCosim(setup, { price: closedFormGrid, onIteration: (it) => void seen.push(it) });
    expect(result).toMatchObject({ converged: true, stoppedBecause: 'converged' });
    expect(seen.map((it) => it.iteration)).toEqual(Array.from({ length: result.iterations }, (_, k) => k));
    expect(result.iterations).toBeLessThanOrEqual(setup.maxIterations);
    expect(seen[0]).toMatchObject({ maxPriceChangeUsdPerMWh: null, gapUsdPerMWh: null, units: [] });
    // 100 % load (17:00) without storage: PowerModels' 39.02 $/MWh.
    expectClose(seen[0]?.prices[0]?.usdPerMWh[17] ?? NaN, 39.02, { abs: 0.01 }, 'case14 LMP at full load (PowerModels test/output.jl)');
    for (const it of seen.slice(1)) expect(checkStorageSchedule([hub], it.units, 1, it.schedule)).toEqual([]);

    const final = result.final;
    expect(final.maxPriceChangeUsdPerMWh).toBeLessThanOrEqual(0.05);
    expect(final.gapUsdPerMWh).toBeLessThanOrEqual(0.05);
    // The valley fill never lets the SOC bind here (50 → at most 80 MWh before the day's 30 MWh), so it is the optimum.
    const best = valleyFill(loads, 30, 10);
    const optimum = loads.reduce((sum, l, t) => sum + case14CostPerHour(l + (best[t] as number)), 0);
    const schedule = final.schedule[0]?.mw ?? [];
    const movedMWh = schedule.reduce((a, b) => a + b, 0);
    expectClose(movedMWh, 30, { abs: 1e-6 }, 'energy charged = demand covered');
    // Convexity: cost(s) − cost(s*) ≤ ∇cost(s)·(s − plan) = gap × MWh moved.
    const excess = final.generationCostUsd - optimum;
    expect(excess).toBeGreaterThanOrEqual(-1e-6);
    expect(excess).toBeLessThanOrEqual((final.gapUsdPerMWh ?? NaN) * movedMWh + 1e-6);
    // Strong convexity (curvature = the price slope): ‖s − s*‖² ≤ 2·excess / slope.
    const distance = Math.hypot(...schedule.map((x, t) => x - (best[t] as number)));
    expect(distance).toBeLessThanOrEqual(Math.sqrt((2 * Math.max(excess, 0)) / CASE14_PRICE_SLOPE) + 1e-6);
    expect(result.lastPlan).toHaveLength(1);
    expect(checkStorageSchedule([hub], result.lastPlan, 1)).toEqual([]);
  });

  it('stops at an iteration cap of 1 unconverged, with only the zero-storage iteration', async () => {
    const seen: CosimIteration[] = [];
    const result = await runCosim({ ...setup, maxIterations: 1 }, { price: closedFormGrid, onIteration: (it) => void seen.push(it) });
    expect(result).toMatchObject({ converged: false, stoppedBecause: 'iteration cap', iterations: 1 });
    expect(seen).toHaveLength(1);
    expect(result.final.schedule).toEqual([{ bus: 9, mw: new Array(24).fill(0) }]);
    // The plan against the zero-storage prices charges 30 MWh in the three cheapest hours (59–60 % load).
    expect(result.lastPlan[0]?.chargeMW.filter((c) => c > 1e-9).length).toBe(3);
  });

  it('stops starting iterations after the deadline', async () => {
    const result = await runCosim(setup, { price: closedFormGrid, deadlineMs: 0, now: () => 1 });
    expect(result).toMatchObject({ converged: false, stoppedBecause: 'time limit', iterations: 1 });
  });

  it('agrees at iteration 1 when the storage has nothing to do: no demand, no discharging', async () => {
    const idle = { ...hub, demandMW: new Array<number>(24).fill(0) };
    const result = await runCosim({ ...setup, units: [idle] }, { price: closedFormGrid });
    expect(result).toMatchObject({ converged: true, iterations: 2 });
    expect(result.final).toMatchObject({ maxPriceChangeUsdPerMWh: 0, gapUsdPerMWh: 0, objective: 0 });
  });

  it('refuses a plan that breaks the storage limits (COSIM_CHECK_FAILED) before reporting the iteration', async () => {
    const seen: CosimIteration[] = [];
    const overdrawn = async () => [{ name: hub.name, bus: 9, chargeMW: new Array<number>(24).fill(11), dischargeMW: new Array<number>(24).fill(0), socMWh: new Array<number>(24).fill(50) }];
    await expect(runCosim(setup, { price: closedFormGrid, plan: overdrawn, onIteration: (it) => void seen.push(it) })).rejects.toMatchObject({ tag: 'COSIM_CHECK_FAILED' });
    expect(seen).toHaveLength(0);
  });
});
