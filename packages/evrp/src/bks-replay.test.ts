import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { buildSolution, sequenceOf } from './build-solution';
import { checkSolution } from './checker';
import { parseBestKnownSolutions } from './reference';
import { rulesFor } from './rules';
import { loadInstance, readReference } from './testing/fixtures';

// Erdelić et al. (2022), Energies 15(1):285: the 56 EVRPTW-PR best-known solutions, as published in
// INFORMSJoC/2023.0104 results/bks-evrptwpr.csv (copied byte for byte into test/data).
const bks = parseBestKnownSolutions(readReference('bks-evrptwpr.csv'));

describe('published partial-recharge best-known routes (Erdelić et al. 2022)', () => {
  it('lists all 56 instances', () => {
    expect(bks).toHaveLength(56);
  });

  it.each(bks.map((b) => [b.instance, b] as const))('%s: every route gets a checked charging plan and the published distance', (_name, b) => {
    const instance = loadInstance(`${b.instance}_21`);
    const rules = rulesFor('b', 'distance');
    const solution = buildSolution(instance, rules, b.routes.map((r) => sequenceOf(instance, r)));
    expect(solution, 'every published route is feasible').not.toBeNull();
    const report = checkSolution(instance, rules, solution!);
    expect(report.violations).toEqual([]);
    expect(report.vehicles).toBe(b.vehicles);
    expectClose(report.distance, b.distance, { abs: 1e-5 }, `${b.instance} total distance`);
  });
});
