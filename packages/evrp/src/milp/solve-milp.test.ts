import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { checkSolution } from '../checker';
import { rulesFor, type Variant } from '../rules';
import { loadInstance } from '../testing/fixtures';
import { extractParams } from './params';
import { solveByMilp } from './solve-milp';
import { solveByEnumeration } from '../exact/solve-exact';

// A fast subset of the published values (the benchmark runs all of them): Schneider et al. (2014)
// full-recharge optima, and Cataldo-Díaz et al. (2022) values as listed in CATALDO-DIAZ.md.
describe('arc-flow MILP on HiGHS', { timeout: 90_000 }, () => {
  it.each([
    ['c208C5', 1, 158.48],
    ['r105C5', 2, 156.08],
    ['rc108C5', 2, 253.93],
  ] as const)('%s, full recharge, vehicles then distance: %i / %f', async (name, vehicles, distance) => {
    const instance = loadInstance(name);
    const rules = rulesFor('a', 'distance');
    const r = await solveByMilp(instance, rules, { timeLimitSec: 60 });
    expect(r.status).toBe('optimal');
    const report = checkSolution(instance, rules, r.solution!);
    expect(report.violations).toEqual([]);
    expect(report.vehicles).toBe(vehicles);
    expectClose(report.distance, distance, { abs: 0.005 }, `${name} distance`);
    expectClose(r.objective!, report.distance, { abs: 1e-4 }, 'MILP objective = checked distance');
  });

  it.each([
    ['r104C5', 'a', 2, 210.54], ['r104C5', 'b', 2, 206.16], ['r104C5', 'c', 2, 206.16], ['r104C5', 'd', 2, 217.0],
    ['r105C5', 'a', 2, 244.4], ['r105C5', 'b', 2, 237.54], ['r105C5', 'c', 3, 254.63], ['r105C5', 'd', 3, 277.83],
    ['c101C5', 'd', 3, 877.45], ['rc204C5', 'd', 2, 269.32],
  ] as Array<[string, Variant, number, number]>)('%s (%s), paper objective, m = %i: %f', async (name, variant, m, value) => {
    const instance = loadInstance(name);
    const rules = rulesFor(variant, 'paper');
    const r = await solveByMilp(instance, rules, { maxVehicles: m, timeLimitSec: 60 });
    expect(r.status).toBe('optimal');
    const report = checkSolution(instance, rules, r.solution!, { maxVehicles: m });
    expect(report.violations).toEqual([]);
    expectClose(report.objective, value, { abs: 0.05 }, `${name} (${variant})`);
    expectClose(r.objective!, report.objective, { abs: 1e-3 }, 'MILP objective = checked objective');
  });
});

describe('preprocessing', () => {
  it('keeps every arc of a known optimal route and removes arcs that break a window (c101C5)', () => {
    const instance = loadInstance('c101C5');
    const p = extractParams(instance, rulesFor('a', 'distance'));
    const arcs = new Set(p.arcs.map((a) => `${instance.nodes[p.vertices[a.from]!.node]!.id}>${instance.nodes[p.vertices[a.to]!.node]!.id}`));
    // C100 (744–798) cannot precede C12 (176–228); C12 then C100 is possible.
    expect(arcs.has('C100>C12')).toBe(false);
    expect(arcs.has('C12>C100')).toBe(true);
    expect(p.eliminated.time).toBeGreaterThan(0);
    // Every big-M is finite and non-negative.
    for (const a of p.arcs) expect(a.timeM >= 0 && Number.isFinite(a.timeM) && a.socM >= 0 && Number.isFinite(a.socM)).toBe(true);
  });

  it('station copies are ordered groups, and no arc joins two stations in the paper model', () => {
    const instance = loadInstance('rc204C5');
    const p = extractParams(instance, rulesFor('b', 'paper'), { stationCopies: 3 });
    expect(p.stationCopies).toHaveLength(instance.stations.length);
    for (const g of p.stationCopies) expect(g.map((i) => p.vertices[i]!.copy)).toEqual([0, 1, 2]);
    expect(p.arcs.some((a) => p.vertices[a.from]!.kind === 'station' && p.vertices[a.to]!.kind === 'station')).toBe(false);
    const literature = extractParams(instance, rulesFor('a', 'distance'));
    expect(literature.arcs.some((a) => p.vertices[a.from]!.kind === 'station' && p.vertices[a.to]!.kind === 'station')).toBe(true);
  });
});

describe('MILP and enumeration agree', () => {
  // Regression: the SOC bound of a station ignored returning to the same station through a customer,
  // so the MILP "proved" 241.30 on rc105C5 (b) while a checked route of 233.77 (D0 S3 C36 S3 C55 C82 D0) exists.
  it('rc105C5, partial recharge, vehicles then distance', { timeout: 90_000 }, async () => {
    const instance = loadInstance('rc105C5');
    const rules = rulesFor('b', 'distance');
    const exact = solveByEnumeration(instance, rules);
    const milp = await solveByMilp(instance, rules, { timeLimitSec: 60 });
    expect(milp.status).toBe('optimal');
    expect(checkSolution(instance, rules, milp.solution!).violations).toEqual([]);
    expect(milp.solution!.vehicles).toBe(exact.solution!.vehicles);
    expectClose(milp.solution!.distance, exact.solution!.distance, { abs: 1e-6 }, 'rc105C5 (b) distance');
    expect(exact.solution!.distance).toBeLessThan(241.3 - 1);
  });
});

describe('customers no route can serve', () => {
  // Regression: under a 25 % SOC floor customer 17 of rc108C15 cannot be reached from any charge
  // point and left with the floor kept, so its SOC bounds were empty and the model builder threw
  // "bounds: expected lb <= ub". Now that is a proof of infeasibility, as the enumeration finds.
  it('rc108C15 (d): proven infeasible before any MILP, in agreement with the route enumeration', { timeout: 90_000 }, async () => {
    const instance = loadInstance('rc108C15');
    const rules = rulesFor('d', 'distance');
    expect(extractParams(instance, rules).unservable).toEqual([17]);
    const milp = await solveByMilp(instance, rules, { timeLimitSec: 60 });
    expect(milp.status).toBe('infeasible');
    expect(solveByEnumeration(instance, rules, { timeLimitSec: 60 }).status).toBe('infeasible');
    // Full recharge keeps the floor at 0, so the same customer is served.
    expect(extractParams(instance, rulesFor('a', 'distance')).unservable).toEqual([]);
  });
});
