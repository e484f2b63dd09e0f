import { solveEvrp, parsePublishedTable, bestKnownFor, runAlns, buildContext, rulesFor } from '../src/index';
import { listInstances, loadInstance, readReference } from '../src/testing/fixtures';
import { fmt, log, markdownTable } from './common';

interface Run {
  seed: number;
  vehicles: number;
  distance: number;
  iterations: number;
  seconds: number;
}

/**
 * 100-customer instances, partial recharge (variant b), vehicles then distance: the ALNS with a
 * time budget per run and several seeds, against Erdelić et al. (2022)'s best-known solutions.
 * Baseline measured in the same run: the regret-insertion construction the ALNS starts from.
 */
export async function benchLarge(opts: { seconds: number; seeds: number[]; names?: string[] }): Promise<string> {
  const names = opts.names ?? listInstances().filter((n) => n.endsWith('_21'));
  const routingBlocks = new Map(parsePublishedTable(readReference('routing-blocks.csv'), 'routing-blocks.csv').map((r) => [r.instance, r]));
  const rows: string[][] = [];
  const gaps: number[] = [];
  let fleetMatches = 0;
  let fleetFewer = 0;
  let runsTotal = 0;
  for (const name of names) {
    const instance = loadInstance(name);
    const bks = bestKnownFor(name)!;
    const construction = runAlns(buildContext(instance, rulesFor('b', 'distance')), { seed: opts.seeds[0]!, maxIterations: 1 });
    const runs: Run[] = [];
    for (const seed of opts.seeds) {
      log(`[large] ${name} seed ${seed}, ${opts.seconds} s`);
      const r = await solveEvrp(instance, { variant: 'b', method: 'heuristic', seed, timeLimitSec: opts.seconds });
      if (r.solution === null || !r.check?.feasible) throw new Error(`${name} seed ${seed}: no checked solution`);
      runs.push({ seed, vehicles: r.solution.vehicles, distance: r.solution.distance, iterations: r.iterations ?? 0, seconds: r.timeSec });
      log(`    → ${r.solution.vehicles} / ${r.solution.distance.toFixed(2)} (best known ${bks.vehicles} / ${bks.distance.toFixed(2)}), ${r.iterations} iterations`);
    }
    runsTotal += runs.length;
    const best = [...runs].sort((a, b) => a.vehicles - b.vehicles || a.distance - b.distance)[0]!;
    const sameFleet = runs.filter((r) => r.vehicles === bks.vehicles);
    fleetMatches += sameFleet.length;
    fleetFewer += runs.filter((r) => r.vehicles < bks.vehicles).length;
    const gap = (d: number): number => (d - bks.distance) / bks.distance;
    for (const r of sameFleet) gaps.push(gap(r.distance));
    const rb = routingBlocks.get(name.replace(/_21$/, ''));
    rows.push([
      name,
      `${bks.vehicles} / ${bks.distance.toFixed(2)}`,
      ...runs.map((r) => `${r.vehicles} / ${r.distance.toFixed(2)}`),
      best.vehicles === bks.vehicles ? `${(100 * gap(best.distance)).toFixed(2)} %` : `${best.vehicles - bks.vehicles > 0 ? '+' : ''}${best.vehicles - bks.vehicles} veh`,
      sameFleet.length > 0 ? `${((100 * sameFleet.reduce((s, r) => s + gap(r.distance), 0)) / sameFleet.length).toFixed(2)} %` : '–',
      rb ? `${rb.vehicles} / ${((100 * (rb.distance - bks.distance)) / bks.distance).toFixed(2)} %` : '–',
      `${construction.vehicles} / ${construction.cost.toFixed(2)}`,
      fmt(best.distance / construction.cost, 3),
      `${Math.round(runs.reduce((s, r) => s + r.iterations, 0) / runs.length)}`,
    ]);
  }
  const header = ['instance', 'best known (Erdelić 2022)', ...opts.seeds.map((s) => `seed ${s}`), 'best: gap', 'mean gap (same fleet)', 'RoutingBlocks veh / gap', 'construction (baseline)', 'ALNS / baseline distance', 'iterations'];
  const meanGap = gaps.length === 0 ? null : gaps.reduce((a, b) => a + b, 0) / gaps.length;
  return `### 100 customers, partial recharge (b), ${opts.seconds} s × ${opts.seeds.length} seeds\n\n${markdownTable(header, rows)}\n\nRuns with the best-known fleet: ${fleetMatches}/${runsTotal}; with fewer vehicles: ${fleetFewer}; mean distance gap over same-fleet runs: ${meanGap === null ? '–' : `${(100 * meanGap).toFixed(2)} %`}.`;
}
