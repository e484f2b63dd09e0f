import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { bundledCoOptCase } from '../bundled';
import { checkCoOptPlan } from './checker';
import { solveCoOptDp } from './dp';
import { buildCoOptGraph, truckClasses } from './network';
import type { CoOptPlan } from './plan';
import { exchangeRequests } from './requests';
import { coOptSettings } from './settings';
import { planCoOpt } from './solve';
import { solveCoOptFleetMilp } from './tsn-milp';

// The published co-optimization has no reproducible numbers (random prices, noise; notes
// co-opt-mess.md §3), so these tests check the models against each other and against the checker,
// on the stored Model-3 small-scale LMP realisation.
const c = bundledCoOptCase('small');
const s = coOptSettings({ socGridPct: 5, endH: 17 });
const requests = exchangeRequests(c, s);
const firstWave = requests.filter((r) => r.ordinal === 1);
const small = truckClasses(c.trucks)[0]!;

describe('exchange requests from the site simulation', () => {
  it('each small-network site needs its first exchange between 13:15 and 14:15 (notebooks: replacement at 14:00)', () => {
    expect(firstWave.map((r) => [r.site, r.earliestH, r.latestH])).toEqual([
      [2, 13.25, 14.25],
      [4, 13.25, 14.25],
      [5, 13.25, 14.25],
      [6, 13.25, 14.25],
    ]);
  });
});

describe('one truck: DP over (time, location, SOC) = time-space-network MILP', () => {
  for (const chemistry of ['generalized', 'nmc', 'lfp'] as const) {
    it(`site 2, then site 2 again (${chemistry})`, async () => {
      const st = coOptSettings({ socGridPct: 5, endH: 17, chemistry });
      const rs = exchangeRequests(c, st)
        .filter((r) => r.site === 2 && r.ordinal <= 2)
        .map((r, id) => ({ ...r, id }));
      const g = buildCoOptGraph(c, st, rs, small);
      const dp = solveCoOptDp(g);
      const milp = await solveCoOptFleetMilp([g], { trucksPerClass: [1] });
      expect(dp.feasible).toBe(true);
      expect(milp.status).toBe('optimal');
      expectClose(milp.objective, dp.objective, { abs: 1e-6 }, 'MILP vs DP');
      const check = checkCoOptPlan(c, st, rs, dp.plan);
      expect(check.violations).toEqual([]);
      expectClose(check.totalUsd, dp.objective, { abs: 1e-6 }, 'checker vs DP');
      const parts = Object.values(milp.components).reduce((a, b) => a + b, 0);
      expectClose(parts, milp.objective, { abs: 1e-6 }, 'components add up');
    }, 60_000);
  }
});

describe('fleet MILP vs the published greedy policies', () => {
  it('first wave of exchanges: the exact plan passes the checker and costs less than both greedy plans', async () => {
    const settings = { socGridPct: 5, endH: 17 };
    const truckIds = c.trucks.filter((t) => t.speedKmh >= 45).map((t) => t.id);
    const exact = await planCoOpt(c, { settings, requests: firstWave, truckIds });
    expect(exact.status).toBe('optimal');
    expect(exact.check.feasible).toBe(true);
    for (const greedy of ['cost-optimised', 'distance-minimised'] as const) {
      const h = await planCoOpt(c, { policy: 'heuristic', greedy, settings, requests: firstWave, truckIds });
      expect(h.check.totalUsd).toBeGreaterThan(exact.check.totalUsd);
    }
    const dm = await planCoOpt(c, { policy: 'heuristic', greedy: 'distance-minimised', settings, requests: firstWave, truckIds });
    // The direct roads up to sites 2, 4, 5 climb 7–10 % for 40–60 km: a 50 t truck empties its unit.
    expect(dm.check.violations.some((v) => v.kind === 'soc-below-floor')).toBe(true);
  }, 90_000);
});

describe('co-optimization checker rejects hand-made plans', () => {
  const r0 = firstWave[0]!; // site 2, window [13.25, 14.25]
  const good: CoOptPlan = {
    method: 'hand-made',
    trucks: [
      {
        truckId: 1,
        actions: [
          { kind: 'start', atH: 11.25, untilH: 11.75 },
          { kind: 'drive', from: 0, to: 1, atH: 11.75, untilH: 13 },
          { kind: 'charge', node: 1, atH: 13, untilH: 13.25, kWh: 52.5 }, // 75 % → 90 % on the 5 % grid
          { kind: 'drive', from: 1, to: 2, atH: 13.25, untilH: 13.5 },
          { kind: 'swap', node: 2, request: r0.id, atH: 13.5, untilH: 14 },
          { kind: 'drive', from: 2, to: 0, atH: 14, untilH: 15.25 },
          { kind: 'end', atH: 15.25 },
        ],
      },
    ],
  };
  const kinds = (p: CoOptPlan) => checkCoOptPlan(c, s, [r0], p).violations.map((v) => v.kind);
  const edit = (i: number, a: object): CoOptPlan => ({ ...good, trucks: [{ truckId: 1, actions: good.trucks[0]!.actions.map((x, k) => (k === i ? ({ ...x, ...a } as typeof x) : x)) }] });

  it('accepts the DP route for site 2 and prices it (wages 4 h, 85 km)', () => {
    const check = checkCoOptPlan(c, s, [r0], good);
    expect(check.violations).toEqual([]);
    expect(check.distanceKm).toBe(85);
    expectClose(check.components.wages, 18 * 4, { abs: 1e-9 }, 'wages');
  });
  it('rejects skipping the charge (unit arrives below 70 %)', () => expect(kinds(edit(2, { kWh: 0 }))).toContain('swap-soc-too-low'));
  it('rejects charging beyond the charger power', () => expect(kinds(edit(2, { kWh: 200 }))).toEqual(expect.arrayContaining(['charge-too-fast', 'charge-above-full'])));
  it('rejects a drive faster than the traffic allows', () => expect(kinds(edit(1, { untilH: 12.25 }))).toContain('drive-too-fast'));
  it('rejects an exchange outside the window and a missing road', () => {
    expect(kinds(edit(4, { atH: 13.0 }))).toContain('swap-outside-window');
    expect(kinds(edit(3, { from: 1, to: 5 }))).toEqual(expect.arrayContaining(['no-road']));
  });
  it('rejects driving straight up to site 2 (unit below the floor) and an unserved request', () => {
    const direct: CoOptPlan = { method: 'hand-made', trucks: [{ truckId: 1, actions: [{ kind: 'start', atH: 12, untilH: 12.5 }, { kind: 'drive', from: 0, to: 2, atH: 12.5, untilH: 13.75 }, { kind: 'drive', from: 2, to: 0, atH: 13.75, untilH: 15 }, { kind: 'end', atH: 15 }] }] };
    expect(kinds(direct)).toEqual(expect.arrayContaining(['soc-below-floor', 'request-unserved']));
  });
  it('an overdrawn unit counts as empty, not negative (regression: greedy rows showed negative kWh delivered)', () => {
    const overdrawn: CoOptPlan = {
      method: 'hand-made',
      trucks: [{ truckId: 1, actions: [{ kind: 'start', atH: 12, untilH: 12.5 }, { kind: 'drive', from: 0, to: 2, atH: 12.5, untilH: 13.75 }, { kind: 'swap', node: 2, request: r0.id, atH: 13.75, untilH: 14.25 }, { kind: 'drive', from: 2, to: 0, atH: 14.25, untilH: 15.5 }, { kind: 'end', atH: 15.5 }] }],
    };
    const check = checkCoOptPlan(c, s, [r0], overdrawn);
    expect(check.deliveredKWh).toBe(0);
    expect(check.violations.map((v) => v.kind)).toEqual(expect.arrayContaining(['soc-below-floor', 'swap-soc-too-low']));
  });
  it('rejects a truck still on duty at the end and an unknown truck', () => {
    expect(kinds({ ...good, trucks: [{ truckId: 1, actions: good.trucks[0]!.actions.slice(0, -1) }] })).toContain('not-back-at-end');
    expect(kinds({ ...good, trucks: [{ ...good.trucks[0]!, truckId: 99 }] })).toContain('unknown-truck');
  });
});
