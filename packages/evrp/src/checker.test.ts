import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { buildSolution, sequenceOf } from './build-solution';
import { checkSolution, type CheckedSolution, type ViolationTag } from './checker';
import { buildInstance } from './instance';
import { rulesFor } from './rules';
import { loadInstance } from './testing/fixtures';

const c101 = loadInstance('c101C5');
const full = rulesFor('a', 'distance');
const d = (a: string, b: string): number => c101.distance(c101.indexOf(a), c101.indexOf(b));

/** Routes written by hand: node ids and, at stations, the energy charged. */
function plan(...routes: Array<Array<string | [string, number]>>): CheckedSolution {
  return { routes: routes.map((r) => ({ visits: r.map((v) => (typeof v === 'string' ? { id: v } : { id: v[0], charge: v[1] })) })) };
}

function tags(solution: CheckedSolution, rules = full, maxVehicles?: number): ViolationTag[] {
  const report = checkSolution(c101, rules, solution, maxVehicles === undefined ? {} : { maxVehicles });
  return [...new Set(report.violations.map((v) => v.tag))];
}

// Five one-customer round trips: each is short enough for the battery (Q = 77.75) and meets its window.
const singles = ['C30', 'C12', 'C100', 'C85', 'C64'].map((c) => ['D0', c, 'D0']);

describe('checkSolution (hand-made routes on c101C5)', () => {
  it('accepts five direct round trips and recomputes their distance', () => {
    const report = checkSolution(c101, full, plan(...singles));
    expect(report.violations).toEqual([]);
    expect(report.vehicles).toBe(5);
    expectClose(report.distance, ['C30', 'C12', 'C100', 'C85', 'C64'].reduce((s, c) => s + 2 * d('D0', c), 0), { abs: 1e-9 }, 'distance');
  });

  it('rejects a missing and a repeated customer', () => {
    expect(tags(plan(...singles.slice(1)))).toEqual(['CUSTOMER_MISSING']);
    expect(tags(plan(...singles, ['D0', 'C30', 'D0']))).toEqual(['CUSTOMER_REPEATED']);
  });

  it('rejects a late arrival: C100 (window 744–798) served before C12 (176–228)', () => {
    expect(tags(plan(['D0', 'C100', 'C12', 'D0'], ...singles.filter((r) => r[1] !== 'C100' && r[1] !== 'C12')))).toContain('TIME_WINDOW');
  });

  it('rejects a route that runs the battery flat: D0–C12–C100–D0 uses more than Q = 77.75', () => {
    expect(d('D0', 'C12') + d('C12', 'C100') + d('C100', 'D0')).toBeGreaterThan(77.75);
    expect(tags(plan(['D0', 'C12', 'C100', 'D0'], ...singles.filter((r) => r[1] !== 'C100' && r[1] !== 'C12')))).toEqual(['SOC_BELOW_MIN']);
  });

  it('rejects a full-recharge visit that does not charge to Q, and a negative charge', () => {
    const used = d('D0', 'C12') + d('C12', 'S5');
    const partial = plan(['D0', 'C12', ['S5', used / 2], 'C100', 'D0'], ...singles.filter((r) => r[1] !== 'C100' && r[1] !== 'C12'));
    expect(tags(partial)).toContain('CHARGE_NOT_FULL');
    const negative = plan(['D0', 'C12', ['S5', -1], 'D0'], ...singles.filter((r) => r[1] !== 'C12'));
    expect(tags(negative, rulesFor('b', 'distance'))).toContain('CHARGE_INVALID');
  });

  it('rejects charging above 85 % in variant (d) and arriving below 25 % in variant (c)', () => {
    const used = d('D0', 'C12') + d('C12', 'S5');
    const toFull = plan(['D0', 'C12', ['S5', used], 'C100', 'D0'], ...singles.filter((r) => r[1] !== 'C100' && r[1] !== 'C12'));
    expect(tags(toFull, rulesFor('b', 'distance'))).toEqual([]);
    expect(tags(toFull, rulesFor('d', 'distance'))).toEqual(['SOC_ABOVE_MAX']);
  });

  it('applies the 25 % floor of variant (c) at customers and stations but not on the return to the depot (CATALDO-DIAZ.md)', () => {
    // Q = 100 on a line: A at 40, B at 80, station S1 at 85 from the depot; wide windows.
    const node = (id: string, kind: 'depot' | 'station' | 'customer', y: number) => ({ id, kind, x: 0, y, demand: kind === 'customer' ? 1 : 0, readyTime: 0, dueDate: 1000, serviceTime: 0 });
    const line = buildInstance('line', [node('D0', 'depot', 0), node('S0', 'station', 0), node('S1', 'station', 85), node('A', 'customer', 40), node('B', 'customer', 80)], { batteryCapacity: 100, loadCapacity: 10, consumptionRate: 1, inverseRechargeRate: 1, velocity: 1 });
    const viaB = { routes: [{ visits: [{ id: 'D0' }, { id: 'A' }, { id: 'B' }, { id: 'S1', charge: 70 }, { id: 'D0' }] }] };
    expect(checkSolution(line, rulesFor('b', 'distance'), viaB).violations).toEqual([]);
    expect(checkSolution(line, rulesFor('c', 'distance'), viaB).violations.map((v) => [v.tag, v.position])).toEqual([['SOC_BELOW_MIN', 2], ['SOC_BELOW_MIN', 3]]);
    // D0 → A → D0 comes home with 20 < 25: allowed (B is left out on purpose).
    const home = { routes: [{ visits: [{ id: 'D0' }, { id: 'A' }, { id: 'D0' }] }] };
    expect(checkSolution(line, rulesFor('c', 'distance'), home).violations.map((v) => v.tag)).toEqual(['CUSTOMER_MISSING']);
  });

  it('rejects station → station arcs in the paper model only, and charges at customers', () => {
    const chain = plan(['D0', 'C12', ['S5', 10], ['S0', 0], 'D0'], ...singles.filter((r) => r[1] !== 'C12'));
    expect(tags(chain, rulesFor('b', 'distance'))).toEqual([]);
    expect(tags(chain, rulesFor('b', 'paper'))).toEqual(['STATION_TO_STATION']);
    expect(tags(plan(['D0', ['C12', 5], 'D0'], ...singles.filter((r) => r[1] !== 'C12')))).toEqual(['CHARGE_INVALID']);
  });

  it('rejects an overloaded route, a depot inside a route, a broken route and too many vehicles', () => {
    const small = buildInstance('c101C5-cap40', c101.nodes, { batteryCapacity: 77.75, loadCapacity: 40, consumptionRate: 1, inverseRechargeRate: 3.47, velocity: 1 });
    const rep = checkSolution(small, full, plan(['D0', 'C30', 'C64', 'C85', 'D0'], ...singles.filter((r) => !['C30', 'C64', 'C85'].includes(r[1]!))));
    expect(rep.violations.map((v) => v.tag)).toContain('CAPACITY');
    expect(tags(plan(['D0', 'C64', 'D0', 'C30', 'D0'], ...singles.filter((r) => r[1] !== 'C30' && r[1] !== 'C64')))).toContain('DEPOT_INSIDE_ROUTE');
    expect(tags(plan(['C30', 'D0'], ...singles.filter((r) => r[1] !== 'C30')))).toContain('ROUTE_ENDS');
    expect(tags(plan(...singles), full, 4)).toEqual(['FLEET_SIZE']);
  });

  it('rejects reported numbers that do not match its own (a tampered arrival time and objective)', () => {
    const sol = buildSolution(c101, full, singles.map((r) => sequenceOf(c101, r)))!;
    expect(checkSolution(c101, full, sol).violations).toEqual([]);
    const route = sol.routes[0]!;
    const tampered = { ...sol, routes: [{ ...route, visits: route.visits.map((v, k) => (k === 1 ? { ...v, arrival: v.arrival - 1 } : v)) }, ...sol.routes.slice(1)] };
    expect(checkSolution(c101, full, tampered).violations.map((v) => v.tag)).toEqual(['REPORTED_MISMATCH']);
    expect(checkSolution(c101, full, { ...sol, objective: sol.objective - 0.5 }).violations.map((v) => v.tag)).toEqual(['REPORTED_MISMATCH']);
  });
});

describe('charging ahead (SOURCE.md, r101)', () => {
  const r101 = loadInstance('r101_21');
  const partial = rulesFor('b', 'distance');
  const ids = ['D0', 'C21', 'C39', 'C56', 'S17', 'C23', 'C67', 'S17', 'C41', 'D0'];
  const e = (k: number): number => r101.distance(r101.indexOf(ids[k]!), r101.indexOf(ids[k + 1]!));

  it('"charge just enough to reach the next station" misses C41’s window; the schedule charges ahead and passes', () => {
    const arrive1 = r101.batteryCapacity - (e(0) + e(1) + e(2) + e(3));
    const justEnough1 = e(4) + e(5) + e(6) - arrive1;
    const justEnough2 = e(7) + e(8);
    const naive = { routes: [{ visits: ids.map((id, k) => ({ id, charge: k === 4 ? justEnough1 : k === 7 ? justEnough2 : 0 })) }] };
    expect(checkSolution(r101, partial, naive).violations.map((v) => v.tag)).toContain('TIME_WINDOW');
    const sol = buildSolution(r101, partial, [sequenceOf(r101, ids)])!;
    const report = checkSolution(r101, partial, sol);
    expect(report.violations.filter((v) => v.tag !== 'CUSTOMER_MISSING')).toEqual([]);
    expect(sol.routes[0]!.visits[4]!.charge).toBeGreaterThan(justEnough1 + 1);
  });
});
