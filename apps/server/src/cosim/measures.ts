import type { BusPrices, BusSchedule, StorageUnit, UnitSchedule } from './types';

/** Net storage load per bus (charging +, discharging −), MW; every unit's bus appears, zero without schedules. */
export function busSchedule(units: readonly StorageUnit[], schedules: readonly UnitSchedule[] | null, periods: number): BusSchedule[] {
  const rows = new Map<number, number[]>();
  units.forEach((u, k) => {
    const row = rows.get(u.bus) ?? new Array<number>(periods).fill(0);
    const s = schedules?.[k];
    if (s) s.chargeMW.forEach((c, t) => (row[t] = (row[t] as number) + c - (s.dischargeMW[t] as number)));
    rows.set(u.bus, row);
  });
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([bus, mw]) => ({ bus, mw }));
}

/** What schedules cost at given prices: Δt·Σ (LMP·(charge − discharge) + wear·(charge + discharge)), $. */
export function scheduleCostUsd(units: readonly StorageUnit[], schedules: readonly UnitSchedule[], prices: readonly BusPrices[], stepH: number): number {
  const lmp = new Map(prices.map((p) => [p.bus, p.usdPerMWh]));
  let cost = 0;
  units.forEach((u, k) => {
    const s = schedules[k] as UnitSchedule;
    const p = lmp.get(u.bus) ?? [];
    s.chargeMW.forEach((c, t) => {
      const d = s.dischargeMW[t] as number;
      cost += stepH * ((p[t] ?? NaN) * (c - d) + u.wearUsdPerMWh * (c + d));
    });
  });
  return cost;
}

/** Energy moved through storage (charged plus discharged), MWh. */
export function throughputMWh(schedules: readonly UnitSchedule[], stepH: number): number {
  return schedules.reduce((sum, s) => sum + stepH * (s.chargeMW.reduce((a, c) => a + c, 0) + s.dischargeMW.reduce((a, d) => a + d, 0)), 0);
}

/** Largest absolute difference between two per-bus series tables (same buses, same periods). */
export function maxDifference(a: ReadonlyArray<{ bus: number; values: readonly number[] }>, b: ReadonlyArray<{ bus: number; values: readonly number[] }>): number {
  const other = new Map(b.map((r) => [r.bus, r.values]));
  let max = 0;
  for (const row of a) {
    const o = other.get(row.bus);
    row.values.forEach((v, t) => (max = Math.max(max, Math.abs(v - (o?.[t] ?? NaN)))));
  }
  return max;
}

/**
 * How far a schedule is from being the best answer to its prices: (its cost − the plan's cost) per
 * MWh it moves through storage (the plan's, when the schedule moves none), $/MWh.
 */
export function gapUsdPerMWh(scheduleCost: number, planCost: number, scheduleMWh: number, planMWh: number): number {
  const per = scheduleMWh > 1e-9 ? scheduleMWh : planMWh;
  return per > 1e-9 ? (scheduleCost - planCost) / per : 0;
}
