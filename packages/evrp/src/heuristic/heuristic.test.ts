import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '@gridhaul/common/testing';
import { buildSolution, sequenceOf } from '../build-solution';
import { checkSolution } from '../checker';
import { parseBestKnownSolutions } from '../reference';
import { rulesFor, VARIANTS } from '../rules';
import { forwardProfiles, routeLimits } from '../schedule';
import { loadInstance, readReference } from '../testing/fixtures';
import { runAlns } from './alns';
import { buildContext } from './context';
import { FastRoutes } from './fast-route';
import { placeStations } from './station-placement';

describe('FastRoutes', () => {
  const inst = loadInstance('rc204C15');
  it.each(VARIANTS.flatMap((v) => [[v, 'distance'], [v, 'paper']] as const))('agrees with the SOC-profile pass on random sequences (variant %s, %s)', (variant, objective) => {
    const limits = routeLimits(inst, rulesFor(variant, objective));
    const fast = new FastRoutes(inst, limits);
    const inner = [...inst.stations, ...inst.customers];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...inner), { minLength: 1, maxLength: 9 }), (middle) => {
        const nodes = [0, ...middle, 0];
        const slow = forwardProfiles(inst, limits, nodes);
        const quick = fast.profiles(nodes);
        expect(quick === null).toBe(slow === null);
        if (slow !== null && quick !== null) {
          slow.departures.forEach((p, k) => {
            for (const [j, v] of [p.t0, p.s0, p.t1, p.s1].entries()) expect(quick[4 * k + j]).toBeCloseTo(v, 9);
          });
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});

describe('placeStations', () => {
  it('re-places the stations of published routes at no more distance (Erdelić et al. 2022, r101 and c103)', () => {
    const bks = parseBestKnownSolutions(readReference('bks-evrptwpr.csv'));
    for (const name of ['r101', 'c103']) {
      const inst = loadInstance(`${name}_21`);
      const rules = rulesFor('b', 'distance');
      const ctx = buildContext(inst, rules);
      const published = bks.find((b) => b.instance === name)!;
      const routes = published.routes.map((ids) => {
        const seq = sequenceOf(inst, ids);
        return placeStations(ctx, seq.filter((v) => inst.nodes[v]!.kind === 'customer'))!;
      });
      const report = checkSolution(inst, rules, buildSolution(inst, rules, routes)!);
      expect(report.violations).toEqual([]);
      expect(report.distance).toBeLessThanOrEqual(published.distance + 1e-6);
    }
  });
});

describe('ALNS', () => {
  it('c101C10, full recharge: a checked solution within 3 % of the optimum 3 / 393.76 (Schneider et al. 2014), repeatable from its seed', () => {
    const inst = loadInstance('c101C10');
    const rules = rulesFor('a', 'distance');
    const ctx = buildContext(inst, rules);
    const run = () => runAlns(ctx, { seed: 5, maxIterations: 400 });
    const a = run();
    const report = checkSolution(inst, rules, buildSolution(inst, rules, a.routes)!);
    expect(report.violations).toEqual([]);
    expect(report.vehicles).toBe(3);
    expect(report.distance).toBeLessThanOrEqual(393.76 * 1.03);
    expectClose(report.distance, a.cost, { abs: 1e-6 }, 'ALNS cost = checked distance');
    expect(a.seed).toBe(5);
  });

  it('paper objective with a fleet bound: r105C5 (c), m = 3 reaches the proven 254.63 (CATALDO-DIAZ.md)', () => {
    const inst = loadInstance('r105C5');
    const rules = rulesFor('c', 'paper');
    const run = runAlns(buildContext(inst, rules), { seed: 1, maxIterations: 200, maxVehicles: 3 });
    const report = checkSolution(inst, rules, buildSolution(inst, rules, run.routes)!, { maxVehicles: 3 });
    expect(report.violations).toEqual([]);
    expectClose(report.objective, 254.63, { abs: 0.05 }, 'r105C5 (c) paper objective');
  });
});
