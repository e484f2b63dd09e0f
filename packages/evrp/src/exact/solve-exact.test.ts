import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { checkSolution } from '../checker';
import { rulesFor, type Variant } from '../rules';
import { loadInstance } from '../testing/fixtures';
import { solveByEnumeration } from './solve-exact';

// Schneider, Stenger & Goeke (2014), proven optimal by CPLEX; restated in test/data/evrptw/CATALDO-DIAZ.md
// (full recharge, fewest vehicles first, then distance, station → station arcs allowed).
const FULL_RECHARGE_OPTIMA: Array<[string, number, number]> = [
  ['c101C5', 2, 257.75], ['c103C5', 1, 176.05], ['c206C5', 1, 242.56], ['c208C5', 1, 158.48],
  ['r104C5', 2, 136.69], ['r105C5', 2, 156.08], ['r202C5', 1, 128.78], ['r203C5', 1, 179.06],
  ['rc105C5', 2, 241.3], ['rc108C5', 2, 253.93], ['rc204C5', 1, 176.39], ['rc208C5', 1, 167.98],
];

describe('exact: route enumeration + set partitioning, full recharge, vehicles then distance', () => {
  it.each(FULL_RECHARGE_OPTIMA)('%s: %i vehicles, distance %f', (name, vehicles, distance) => {
    const instance = loadInstance(name);
    const rules = rulesFor('a', 'distance');
    const result = solveByEnumeration(instance, rules);
    expect(result.status).toBe('optimal');
    const report = checkSolution(instance, rules, result.solution!);
    expect(report.violations).toEqual([]);
    expect(report.vehicles).toBe(vehicles);
    expectClose(report.distance, distance, { abs: 0.005 }, `${name} distance`);
  });

  it('rc204C5 needs two stations in a row (SOURCE.md)', () => {
    const instance = loadInstance('rc204C5');
    const route = solveByEnumeration(instance, rulesFor('a', 'distance')).solution!.routes[0]!;
    const kinds = route.visits.map((v) => v.kind);
    expect(kinds.some((k, i) => k === 'station' && kinds[i + 1] === 'station')).toBe(true);
  });
});

// Cataldo-Díaz, Linfati & Escobar (2022), Sustainability 14(3):1645, Table of objective values (time units)
// with fleet size m, as restated in CATALDO-DIAZ.md: the paper's objective, no station → station arcs.
const PAPER_TARGETS: Array<[string, Variant, number, number]> = [
  ['c101C5', 'a', 3, 925.6], ['c101C5', 'd', 3, 877.45],
  ['r104C5', 'a', 2, 210.54], ['r104C5', 'b', 2, 206.16], ['r104C5', 'c', 2, 206.16],
  ['rc204C5', 'a', 2, 262.9], ['rc204C5', 'b', 2, 258.9], ['rc204C5', 'c', 2, 258.9],
];

// Their values that are only upper bounds, with the optimum of the reconstructed model that CATALDO-DIAZ.md lists.
const PAPER_UPPER_BOUNDS: Array<[string, Variant, number, number, number]> = [
  ['c101C5', 'b', 3, 876.2, 864.55], ['c101C5', 'c', 3, 876.2, 864.55],
  ['r104C5', 'd', 2, 225.43, 217.0], ['rc204C5', 'd', 2, 272.2, 269.32],
  ['r105C5', 'a', 2, 245.08, 244.4], ['r105C5', 'b', 2, 238.29, 237.54], ['r105C5', 'c', 3, 255.89, 254.63], ['r105C5', 'd', 3, 279.1, 277.83],
];

function solvePaper(name: string, variant: Variant, m: number) {
  const instance = loadInstance(name);
  const rules = rulesFor(variant, 'paper');
  const result = solveByEnumeration(instance, rules, { maxVehicles: m });
  expect(result.status).toBe('optimal');
  const report = checkSolution(instance, rules, result.solution!, { maxVehicles: m });
  expect(report.violations).toEqual([]);
  return report.objective;
}

describe('exact: the paper objective of Cataldo-Díaz et al. (2022)', () => {
  it.each(PAPER_TARGETS)('%s (%s), m = %i: reproduces %f', (name, variant, m, target) => {
    expectClose(solvePaper(name, variant, m), target, { abs: 0.05 }, `${name} (${variant})`);
  });

  it.each(PAPER_UPPER_BOUNDS)('%s (%s), m = %i: proves an optimum below the published %f (%f)', (name, variant, m, published, optimum) => {
    const value = solvePaper(name, variant, m);
    expect(value).toBeLessThan(published - 0.5);
    expectClose(value, optimum, { abs: 0.05 }, `${name} (${variant})`);
  });

  it('RC204C5 (a) needs the fleet bound: with m free the fleet is minimized first and the value changes', () => {
    const instance = loadInstance('rc204C5');
    const result = solveByEnumeration(instance, rulesFor('a', 'paper'));
    expect(result.solution!.vehicles).toBe(1);
    expect(result.solution!.objective).toBeGreaterThan(262.9 + 1);
  });
});
