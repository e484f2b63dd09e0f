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
