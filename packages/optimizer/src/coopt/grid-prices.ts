import { InputError, Rng, requireInteger, requireNonNegative } from '@gridhaul/common';
import { matpowerCaseText } from '@gridhaul/datasets';
import { lmpSeries, readMatpower, solveMultiPeriodDcOpf, type Network } from '@gridhaul/grid';
import type { PriceTable } from './data';

/**
 * The notebooks' 24-h load shape (shared/notes/co-opt-mess.md §2.5): 1 + 0.2 sin(2π(h−6)/24) +
 * 0.3 e^{−½((h−8)/1.5)²} + 0.6 e^{−½((h−19)/2)²}, normalised to a peak of 1.
 */
export const CO_OPT_LOAD_SHAPE: readonly number[] = (() => {
  const raw = Array.from({ length: 24 }, (_, h) => 1 + 0.2 * Math.sin(((h - 6) / 24) * 2 * Math.PI) + 0.3 * Math.exp(-0.5 * ((h - 8) / 1.5) ** 2) + 0.6 * Math.exp(-0.5 * ((h - 19) / 2) ** 2));
  const peak = Math.max(...raw);
  return Object.freeze(raw.map((x) => x / peak));
})();

/** The notebooks' network tariff on top of the energy price: 15 cents/kWh 06–09 and 17–21, else 8 (USD/kWh). */
export function coOptTariffUsdPerKWh(hour: number): number {
  return (hour >= 6 && hour < 9) || (hour >= 17 && hour < 21) ? 0.15 : 0.08;
}

export const BUNDLED_GRIDS = ['case14', 'case30'] as const;
export type BundledGrid = (typeof BUNDLED_GRIDS)[number];

/** A MATPOWER case bundled with @gridhaul/datasets. */
export function bundledGrid(name: BundledGrid): Network {
  if (!BUNDLED_GRIDS.includes(name)) throw new InputError('grid', name, BUNDLED_GRIDS.join(' | '));
  return readMatpower(matpowerCaseText(name), `${name}.m`);
}

export interface DcOpfPriceOptions {
  /** Buses the charging sites buy at (the case's bus numbers). */
  buses: readonly number[];
  /** Load scale per hour (default CO_OPT_LOAD_SHAPE). */
  loadScale?: readonly number[];
  /** Add the notebooks' tariff to the LMP (default true, so the prices compare with the stored realisations). */
  tariff?: boolean;
}

function toTable(lmp: Map<number, number[]>, buses: readonly number[], tariff: boolean, source: string): PriceTable {
  return {
    source,
    buses: [...buses],
    usdPerKWh: buses.map((b) => {
      const series = lmp.get(b);
      if (series === undefined) throw new InputError('buses', b, 'a bus of the network');
      return series.map((p, h) => p / 1000 + (tariff ? coOptTariffUsdPerKWh(h) : 0));
    }),
  };
}

/** Hourly prices from a 24-period DC OPF run (@gridhaul/grid): LMP ($/MWh → USD/kWh) [+ tariff]. */
export async function dcOpfPriceTable(network: Network, options: DcOpfPriceOptions): Promise<PriceTable> {
  const loadScale = options.loadScale ?? CO_OPT_LOAD_SHAPE;
  const result = await solveMultiPeriodDcOpf(network, { periods: 24, loadScale: [...loadScale] });
  return toTable(lmpSeries(result), options.buses, options.tariff ?? true, `DC-OPF LMP (${network.name}, 24 h)${options.tariff === false ? '' : ' + tariff'}`);
}

export interface PriceScenarioOptions extends DcOpfPriceOptions {
  scenarios: number;
  seed: number;
  /** Relative standard deviation of each bus-hour load factor (default 0.05) and of a system-wide factor per hour (default 0.1). */
  busLoadSigma?: number;
  systemLoadSigma?: number;
}

/**
 * Seeded price scenarios: each scenario scales every bus load per hour by
 * shape·(1 + common_h + ε_b,h) with normal draws from one Rng (scenario k uses the k-th fork), and
 * solves the 24-period DC OPF. Same seed, same tables; the seed is returned.
 */
export async function dcOpfPriceScenarios(network: Network, options: PriceScenarioOptions): Promise<{ seed: number; tables: PriceTable[] }> {
  const n = requireInteger('scenarios', options.scenarios, 1);
  const seed = requireInteger('seed', options.seed, 0);
  const busSigma = requireNonNegative('busLoadSigma', options.busLoadSigma ?? 0.05);
  const sysSigma = requireNonNegative('systemLoadSigma', options.systemLoadSigma ?? 0.1);
  const shape = options.loadScale ?? CO_OPT_LOAD_SHAPE;
  const rng = new Rng(seed);
  const streams = Array.from({ length: n }, () => rng.fork());
  const loadBuses = network.buses.filter((b) => b.pdMW !== 0).map((b) => b.id);
  const tables: PriceTable[] = [];
  for (let k = 0; k < n; k++) {
    const r = streams[k]!;
    const common = shape.map(() => r.normal(0, sysSigma));
    const busLoadScale = loadBuses.map((bus) => ({ bus, scale: shape.map((x, h) => x * Math.max(0, 1 + common[h]! + r.normal(0, busSigma))) }));
    const result = await solveMultiPeriodDcOpf(network, { periods: 24, busLoadScale });
    tables.push(toTable(lmpSeries(result), options.buses, options.tariff ?? true, `DC-OPF scenario ${k} (seed ${seed})`));
  }
  return { seed, tables };
}

/** Seeded multiplicative noise on a stored table: price·max(0, 1 + common_h + ε_b,h). */
export function perturbedPriceScenarios(base: PriceTable, options: { scenarios: number; seed: number; sigma?: number; commonSigma?: number }): { seed: number; tables: PriceTable[] } {
  const n = requireInteger('scenarios', options.scenarios, 1);
  const seed = requireInteger('seed', options.seed, 0);
  const sigma = requireNonNegative('sigma', options.sigma ?? 0.1);
  const commonSigma = requireNonNegative('commonSigma', options.commonSigma ?? 0.15);
  const rng = new Rng(seed);
  const tables = Array.from({ length: n }, (_, k) => {
    const r = rng.fork();
    const common = Array.from({ length: 24 }, () => r.normal(0, commonSigma));
    return { source: `${base.source}, scenario ${k} (seed ${seed})`, buses: base.buses, usdPerKWh: base.usdPerKWh.map((row) => row.map((p, h) => p * Math.max(0, 1 + common[h]! + r.normal(0, sigma)))) };
  });
  return { seed, tables };
}

/** Hour-by-hour mean of several tables over the same buses. */
export function meanPriceTable(tables: readonly PriceTable[]): PriceTable {
  if (tables.length === 0) throw new InputError('tables', tables, 'at least one price table');
  const first = tables[0]!;
  return {
    source: `mean of ${tables.length} scenarios`,
    buses: first.buses,
    usdPerKWh: first.usdPerKWh.map((row, b) => row.map((_, h) => tables.reduce((s, t) => s + t.usdPerKWh[b]![h]!, 0) / tables.length)),
  };
}
