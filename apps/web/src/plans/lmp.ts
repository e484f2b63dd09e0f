/** One price point as the server's price query returns it ($/MWh). */
export interface PricePoint {
  bus: number;
  period: number;
  scenario: number;
  lmpPerMWh: number;
  energyPerMWh: number;
  congestionPerMWh: number;
  lossPerMWh: number;
}

export interface LmpGrid {
  buses: number[];
  periods: number[];
  /** cell(bus index, period index) for one scenario; undefined where the series has no point. */
  cell(busIndex: number, periodIndex: number): PricePoint | undefined;
  min: number;
  max: number;
}

/** Arranges one scenario's points as a bus × period matrix. */
export function lmpGrid(points: readonly PricePoint[], scenario = 0): LmpGrid {
  const mine = points.filter((p) => p.scenario === scenario);
  const buses = [...new Set(mine.map((p) => p.bus))].sort((a, b) => a - b);
  const periods = [...new Set(mine.map((p) => p.period))].sort((a, b) => a - b);
  const bi = new Map(buses.map((b, i) => [b, i]));
  const pi = new Map(periods.map((p, i) => [p, i]));
  const cells: Array<PricePoint | undefined> = new Array(buses.length * periods.length);
  let min = Infinity;
  let max = -Infinity;
  for (const p of mine) {
    cells[bi.get(p.bus)! * periods.length + pi.get(p.period)!] = p;
    min = Math.min(min, p.lmpPerMWh);
    max = Math.max(max, p.lmpPerMWh);
  }
  return { buses, periods, cell: (b, t) => cells[b * periods.length + t], min: mine.length ? min : 0, max: mine.length ? max : 0 };
}

export function scenariosOf(points: readonly PricePoint[]): number[] {
  return [...new Set(points.map((p) => p.scenario))].sort((a, b) => a - b);
}

export interface SpreadBand {
  period: number;
  min: number;
  /** Mean over scenarios. */
  mean: number;
  max: number;
}

/** For one bus: the min, mean and max LMP over all scenarios in each period. */
export function scenarioSpread(points: readonly PricePoint[], bus: number): SpreadBand[] {
  const byPeriod = new Map<number, number[]>();
  for (const p of points) if (p.bus === bus) byPeriod.set(p.period, [...(byPeriod.get(p.period) ?? []), p.lmpPerMWh]);
  return [...byPeriod.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([period, v]) => ({ period, min: Math.min(...v), max: Math.max(...v), mean: v.reduce((s, x) => s + x, 0) / v.length }));
}

/**
 * The price points of an 'lmp' job's plan (@gridhaul/grid's DcOpfResult: periods[].buses[] with
 * lmp, energy, congestion, loss in $/MWh), as scenario 0 of a series.
 */
export function readLmpPlan(plan: unknown): PricePoint[] {
  const periods = (plan as { periods?: unknown }).periods;
  if (!Array.isArray(periods)) return [];
  return periods.flatMap((p: { buses?: unknown }, period) =>
    (Array.isArray(p?.buses) ? (p.buses as Array<Record<string, unknown>>) : [])
      .filter((b) => typeof b['bus'] === 'number' && typeof b['lmp'] === 'number')
      .map((b) => ({
        bus: b['bus'] as number,
        period,
        scenario: 0,
        lmpPerMWh: b['lmp'] as number,
        energyPerMWh: typeof b['energy'] === 'number' ? b['energy'] : (b['lmp'] as number),
        congestionPerMWh: typeof b['congestion'] === 'number' ? b['congestion'] : 0,
        lossPerMWh: typeof b['loss'] === 'number' ? b['loss'] : 0,
      })),
  );
}

/**
 * An illustrative weekday load shape for LMP profiles, multiples of the case's base load by hour
 * from 00:00: night valley at 0.6, morning shoulder, evening peak of 1.0 at 18:00 (so that hour
 * prices the case exactly as published).
 */
export const DAILY_LOAD_SHAPE: readonly number[] = [
  0.64, 0.61, 0.6, 0.6, 0.62, 0.68, 0.76, 0.84, 0.88, 0.9, 0.9, 0.89, 0.88, 0.87, 0.87, 0.88, 0.92, 0.97, 1.0, 0.98, 0.93, 0.85, 0.76, 0.69,
];
