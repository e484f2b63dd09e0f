import { expectClose } from '@gridhaul/common/testing';
import { LinearExpr, Model, name, solve, type Var } from '@gridhaul/lp';
import { describe, expect, it } from 'vitest';
import { calendarCostUsdPerHour } from '../cost';
import { schmalstieg2014Nmc } from '../degradation/schmalstieg';
import { createBatterySpec } from '../spec';
import { inputErrorOf } from '../testing/inputError';
import { addCalendarCost, readCalendarCost } from './calendarTerm';
import { pwlValue } from './convexPwl';

// The §6(c) battery of ../shared/notes/degradation.md: 550 kWh, 150 USD/kWh, L_EOL 0.2, one year old, 25 °C.
const spec = createBatterySpec({
  chemistry: 'nmc',
  nominalEnergyKWh: 550,
  socMin: 0.1,
  socMax: 0.9,
  maxChargePowerKW: 275,
  maxDischargePowerKW: 275,
  roundTripEfficiency: 0.9025,
  replacementCostUsdPerKWh: 150,
  endOfLifeCapacityFraction: 0.8,
  temperatureC: 25,
});
const perHour = (soc: number): number =>
  calendarCostUsdPerHour(spec, schmalstieg2014Nmc, soc, 8760);

describe('calendar holding-cost term', () => {
  it('Schmalstieg follows the S-shaped OCV, so the term convexifies it and says so; forced SOCs are priced by the envelope', async () => {
    const socs = [0.15, 0.35, 0.55, 0.75, 0.88];
    const m = new Model('hold');
    const stored: Var[] = socs.map((s, t) =>
      m.addVar({ name: name('stored', { t }), lb: s * 550, ub: s * 550 }),
    );
    const term = addCalendarCost(m, {
      spec,
      costUsdPerHour: perHour,
      periods: socs.length,
      periodH: 2,
      storedKWh: (t) => stored[t]!,
    });
    expect(term.convexified).toBe(true);
    m.minimize(term.costUsd);
    const r = await solve(m);
    expect(r.status).toBe('optimal');
    const expected = socs.reduce((a, s) => a + 2 * pwlValue(term.pwl, s), 0);
    expectClose(r.objective!, expected, { rel: 1e-7 }, 'LP holding cost');
    const report = readCalendarCost(term, r, (t) => r.value(stored[t]!));
    expectClose(
      report.exactCostUsd,
      socs.reduce((a, s) => a + 2 * perHour(s), 0),
      { rel: 1e-12 },
      'exact',
    );
    expect(report.withinStatedError).toBe(true);
    expect(report.pwlCostUsd).toBeLessThanOrEqual(report.exactCostUsd + 1e-9); // an envelope never overcharges
    // the stated error is a real one (the OCV shape is visible) and stays under 10 % of the curve
    expect(term.error.maxAbsolute).toBeGreaterThan(0.005);
    expect(term.error.maxRelative).toBeLessThan(0.1);
  });

  it('an LP that must hold 300 kWh by hour 6 charges as late as the holding cost makes worthwhile', async () => {
    // flat price, so only the holding cost decides when to charge: as late as the power limit allows
    const m = new Model('late');
    const charge: Var[] = [];
    const stored: Var[] = [];
    for (let t = 0; t < 6; t++) {
      charge.push(m.addVar({ name: name('charge', { t }), ub: 100 }));
      stored.push(m.addVar({ name: name('stored', { t }), lb: 55, ub: 495 }));
      const bal = new LinearExpr().add(stored[t]!).add(charge[t]!, -1);
      if (t > 0) bal.add(stored[t - 1]!, -1);
      m.addConstraint(bal, '=', t === 0 ? 55 : 0, name('storage', { t }));
    }
    m.addConstraint(stored[5]!, '>=', 355, 'ready');
    const term = addCalendarCost(m, {
      spec,
      costUsdPerHour: perHour,
      periods: 6,
      periodH: 1,
      storedKWh: (t) => stored[t]!,
    });
    const energy = new LinearExpr();
    charge.forEach((c) => energy.add(c, 0.05));
    m.minimize(energy.addExpr(term.costUsd));
    const r = await solve(m);
    expect(r.values(charge).map((x) => Math.round(x * 1e6) / 1e6 + 0)).toEqual([
      0, 0, 0, 100, 100, 100,
    ]);
    expect(readCalendarCost(term, r, (t) => r.value(stored[t]!)).withinStatedError).toBe(true);
  });

  it('rejects breakpoints that do not span the SOC window', () => {
    expect(
      inputErrorOf(() =>
        addCalendarCost(new Model(), {
          spec,
          costUsdPerHour: perHour,
          periods: 1,
          periodH: 1,
          storedKWh: () => new LinearExpr(),
          breakpoints: [0.2, 0.9],
        }),
      ).field,
    ).toBe('breakpoints');
  });
});
