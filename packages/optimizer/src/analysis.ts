import type { SolveOptions } from '@gridhaul/lp';
import type { CoOptTruck } from '@gridhaul/routing';
import type { CoOptCase } from './coopt/data';
import type { GreedyPolicy } from './coopt/greedy';
import { exchangeRequests } from './coopt/requests';
import { coOptSettings, type Chemistry, type CoOptSettings } from './coopt/settings';
import { planCoOpt, type CoOptResult } from './coopt/solve';
import { syntheticCoOptCase } from './coopt/synthetic';

export interface ComparisonRow {
  readonly network: string;
  readonly chemistry: Chemistry;
  readonly policy: 'exact' | GreedyPolicy;
  readonly status: string;
  readonly gap: number;
  readonly feasible: boolean;
  readonly violations: number;
  /** Wages + tolls + maintenance (USD). */
  readonly operationalUsd: number;
  readonly degradationUsd: number;
  /** Energy bought en route at the LMP plus the depot refill (USD). */
  readonly chargingUsd: number;
  readonly totalUsd: number;
  readonly distanceKm: number;
  readonly deliveredKWh: number;
  readonly usdPerKm: number;
  readonly usdPerKWhDelivered: number;
  readonly trucks: number;
  readonly timeSec: number;
}

function row(network: string, chemistry: Chemistry, policy: ComparisonRow['policy'], r: CoOptResult): ComparisonRow {
  const k = r.check.components;
  return {
    network,
    chemistry,
    policy,
    status: r.status,
    gap: r.gap,
    feasible: r.check.feasible,
    violations: r.check.violations.length,
    operationalUsd: k.wages + k.tolls + k.maintenance,
    degradationUsd: k.degradation,
    chargingUsd: k.energyLmp + k.energyDepot,
    totalUsd: r.check.totalUsd,
    distanceKm: r.check.distanceKm,
    deliveredKWh: r.check.deliveredKWh,
    usdPerKm: r.check.totalUsd / r.check.distanceKm,
    usdPerKWhDelivered: r.check.totalUsd / r.check.deliveredKWh,
    trucks: r.check.trucksUsed,
    timeSec: r.timeSec,
  };
}

/**
 * The comparative analysis of the issue: chemistry × network × policy, same data, prices and
 * rules; exact = fleet MILP, the greedy policies as published (compat). Costs come from the checker.
 */
export async function chemistryNetworkPolicyTable(cases: readonly CoOptCase[], options: { chemistries?: readonly Chemistry[]; settings?: Partial<CoOptSettings>; timeLimitSec?: number; mipRelGap?: number; backend?: SolveOptions['backend'] } = {}): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  for (const c of cases) {
    for (const chemistry of options.chemistries ?? (['nmc', 'lfp', 'generalized'] as const)) {
      const settings = { ...options.settings, chemistry };
      const exact = await planCoOpt(c, { settings, ...solverOptions(options) });
      rows.push(row(c.name, chemistry, 'exact', exact));
      for (const greedy of ['cost-optimised', 'distance-minimised'] as const) rows.push(row(c.name, chemistry, greedy, await planCoOpt(c, { policy: 'heuristic', greedy, settings, requests: exact.requests })));
    }
  }
  return rows;
}

export interface ScalingPoint {
  readonly nodes: number;
  readonly seed: number;
  readonly requests: number;
  readonly variables: number;
  readonly status: string;
  /** Best bound of the MILP (USD; NaN when it has none) and the gap of the returned plan to it. */
  readonly bound: number;
  readonly gap: number;
  /** Whole exact run: greedy start, model build, MILP, check (s). */
  readonly timeSec: number;
  readonly exactUsd: number;
  /** Which method produced the returned plan (see planSource). */
  readonly planFrom: string;
  /** The cheapest greedy plan the checker accepts (both policies, published rule and SOC-aware fix): the MIP start. */
  readonly bestGreedyUsd: number;
  readonly bestGreedyMethod: string;
  readonly bestGreedySec: number;
  /** The published cost-optimised policy on its own. */
  readonly greedyUsd: number;
  readonly greedyFeasible: boolean;
}

/**
 * Which method produced an exact result's plan: 'MILP' (better than its greedy start, or no start),
 * 'MILP = greedy start' (the MILP's incumbent costs what the start does), or the greedy method whose
 * plan was returned because the MILP had no incumbent by its limit.
 */
function planSource(r: CoOptResult): string {
  if (r.plan.method !== 'tsn-milp') return r.plan.method;
  const start = r.warmStart?.usd;
  return start !== undefined && Math.abs(r.objective - start) <= 1e-6 * Math.max(1, start) ? 'MILP = greedy start' : 'MILP';
}

/**
 * Scaling on seeded synthetic networks: one exchange per construction site, a fleet of identical
 * trucks (one per site), fleet MILP started from the best checked greedy plan, with a time limit;
 * the bound and gap at the limit are reported, with the greedy baselines of the same run.
 */
export async function scalingCurve(options: { sizes: readonly number[]; seed: number; truck: CoOptTruck; base: CoOptCase; settings?: Partial<CoOptSettings>; timeLimitSec?: number; mipRelGap?: number; backend?: SolveOptions['backend'] }): Promise<ScalingPoint[]> {
  const points: ScalingPoint[] = [];
  for (const n of options.sizes) {
    const probe = syntheticCoOptCase({ nodes: n, seed: options.seed, trucks: [options.truck], prices: options.base.prices, trafficIndex: options.base.network.trafficIndex });
    const trucks = probe.sites.map((_, k) => ({ ...options.truck, id: k + 1 }));
    const c: CoOptCase = { ...probe, trucks };
    const settings = coOptSettings(options.settings ?? {});
    const requests = exchangeRequests(c, settings)
      .filter((r) => r.ordinal === 1)
      .map((r, id) => ({ ...r, id }));
    const exact = await planCoOpt(c, { settings, requests, ...solverOptions(options) });
    const greedy = await planCoOpt(c, { policy: 'heuristic', greedy: 'cost-optimised', settings, requests });
    points.push({
      nodes: n,
      seed: options.seed,
      requests: requests.length,
      variables: exact.size?.variables ?? 0,
      status: exact.status,
      bound: exact.bound,
      gap: exact.gap,
      timeSec: exact.timeSec,
      exactUsd: Number.isFinite(exact.objective) ? exact.check.totalUsd : NaN,
      planFrom: planSource(exact),
      bestGreedyUsd: exact.warmStart?.usd ?? NaN,
      bestGreedyMethod: exact.warmStart?.method ?? 'none checked',
      bestGreedySec: exact.warmStart?.timeSec ?? NaN,
      greedyUsd: greedy.check.totalUsd,
      greedyFeasible: greedy.check.feasible,
    });
  }
  return points;
}

function solverOptions(o: { timeLimitSec?: number; mipRelGap?: number; backend?: SolveOptions['backend'] }): { timeLimitSec?: number; mipRelGap?: number; backend?: SolveOptions['backend'] } {
  return { ...(o.timeLimitSec === undefined ? {} : { timeLimitSec: o.timeLimitSec }), ...(o.mipRelGap === undefined ? {} : { mipRelGap: o.mipRelGap }), ...(o.backend === undefined ? {} : { backend: o.backend }) };
}

/** A markdown table from rows of plain values. */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const fmt = (v: string | number): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : Number.isFinite(v) ? v.toFixed(2) : String(v)) : v);
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(fmt).join(' | ')} |`)].join('\n');
}
