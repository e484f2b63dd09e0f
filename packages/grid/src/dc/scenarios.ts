import { requireInRange, requireInteger, requireNonNegative, Rng } from '@gridhaul/common';
import type { Network } from '../network';
import { dcParameters } from './parameters';
import { profileParts, type PeriodProfile } from './profiles';
import { solveDcOpfPeriods, type DcOpfOptions } from './solve-dcopf';

export interface PriceScenarioOptions extends DcOpfOptions {
  /** Number of sampled scenarios. */
  scenarios: number;
  /** Seed of the one Rng all perturbations draw from; reported with the result. */
  seed: number;
  /** Relative standard deviation of each bus-period load (independent normal factor); default 0.05. */
  loadSigma?: number;
  /** Relative standard deviation of a factor common to all loads in a period; default 0. */
  systemLoadSigma?: number;
  /** Relative standard deviation of each renewable output value; default 0.2. */
  renewableSigma?: number;
  /** Quantile levels to report, each in [0, 1]; default [0.05, 0.5, 0.95]. */
  quantiles?: readonly number[];
}

export interface PriceDistribution {
  readonly mean: number;
  /** One value per requested quantile level. */
  readonly quantiles: readonly number[];
}

export interface PriceScenarioResult {
  readonly seed: number;
  readonly scenarios: number;
  /** Scenarios whose LP was not optimal (e.g. load beyond capacity); excluded from the statistics. */
  readonly failed: readonly { readonly scenario: number; readonly status: string }[];
  readonly quantileLevels: readonly number[];
  /** LMP distribution, $/MWh: buses[k].periods[t]. */
  readonly buses: readonly {
    readonly bus: number;
    readonly periods: readonly PriceDistribution[];
  }[];
  /** Total cost over the horizon, $ (sum of $/h over periods). */
  readonly cost: PriceDistribution;
}

/**
 * Samples load (and renewable) perturbations from one seeded Rng — scenario s uses the s-th fork, so
 * adding scenarios leaves earlier ones unchanged — solves the multi-period DC OPF of each, and
 * reports the LMP distribution per bus and period. Same seed, same numbers.
 */
export async function priceScenarios(
  network: Network,
  profile: PeriodProfile,
  options: PriceScenarioOptions,
): Promise<PriceScenarioResult> {
  const n = requireInteger('scenarios', options.scenarios, 1);
  const seed = requireInteger('seed', options.seed, 0);
  const loadSigma = requireNonNegative('loadSigma', options.loadSigma ?? 0.05);
  const systemSigma = requireNonNegative('systemLoadSigma', options.systemLoadSigma ?? 0);
  const renewableSigma = requireNonNegative('renewableSigma', options.renewableSigma ?? 0.2);
  const levels = options.quantiles ?? [0.05, 0.5, 0.95];
  levels.forEach((q, k) => requireInRange(`quantiles[${k}]`, q, 0, 1));
  const p = dcParameters(network, options.convention ?? 'matpower');
  const parts = profileParts(network, p, profile);

  const rng = new Rng(seed);
  const streams = Array.from({ length: n }, () => rng.fork());
  const lmps: number[][][] = []; // [scenario][t][bus]
  const costs: number[] = [];
  const failed: { scenario: number; status: string }[] = [];
  for (let s = 0; s < n; s++) {
    const r = streams[s] as Rng;
    const factor = (sigma: number) => Math.max(0, 1 + (sigma > 0 ? r.normal(0, sigma) : 0));
    const loads = parts.pdMW.map((row, t) => {
      const common = systemSigma > 0 ? r.normal(0, systemSigma) : 0;
      return row.map((pd, i) => {
        const load =
          pd === 0
            ? 0
            : pd * Math.max(0, 1 + common + (loadSigma > 0 ? r.normal(0, loadSigma) : 0));
        const ren = parts.renewableMW[t]![i]!;
        return load + parts.fixedMW[t]![i]! - (ren === 0 ? 0 : ren * factor(renewableSigma));
      });
    });
    const result = await solveDcOpfPeriods(network, p, loads, options);
    if (result.status !== 'optimal') {
      failed.push({ scenario: s, status: result.status });
      continue;
    }
    lmps.push(result.periods.map((period) => period.buses.map((b) => b.lmp)));
    costs.push(result.objective);
  }
  const dist = (values: number[]): PriceDistribution => {
    if (values.length === 0) return { mean: NaN, quantiles: levels.map(() => NaN) };
    const sorted = [...values].sort((a, b) => a - b);
    return {
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      quantiles: levels.map((q) => quantile(sorted, q)),
    };
  };
  return {
    seed,
    scenarios: n,
    failed,
    quantileLevels: [...levels],
    buses: p.buses.map((b, i) => ({
      bus: b.id,
      periods: parts.pdMW.map((_, t) => dist(lmps.map((sc) => sc[t]![i]!))),
    })),
    cost: dist(costs),
  };
}

/** Linear interpolation between order statistics (Hyndman & Fan 1996, type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}
