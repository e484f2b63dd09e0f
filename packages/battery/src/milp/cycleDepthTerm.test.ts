import { expectClose } from '@gridhaul/common/testing';
import { LinearExpr, Model, name, solve, type Var } from '@gridhaul/lp';
import { describe, expect, it } from 'vitest';
import { cycleCostUsd } from '../cost';
import { cycleLifeModel } from '../degradation/cycleLife';
import { naumannLfp } from '../degradation/naumann';
import { createBatterySpec, type BatterySpecInput } from '../spec';
import { inputErrorOf } from '../testing/inputError';
import { pwlValue } from './convexPwl';
import { addCycleDepthCost, readCycleDepthCost } from './cycleDepthTerm';
import { exactCycleDepthCost } from './exactCycleCost';

const input: BatterySpecInput = {
  chemistry: 'generic',
  nominalEnergyKWh: 100,
  socMin: 0.1,
  socMax: 0.9,
  maxChargePowerKW: 40,
  maxDischargePowerKW: 40,
  roundTripEfficiency: 0.9025,
  replacementCostUsdPerKWh: 300,
  endOfLifeCapacityFraction: 0.8,
  temperatureC: 25,
};
const spec = createBatterySpec(input);
const lifeModel = cycleLifeModel(spec.endOfLifeCapacityFraction);
const phi = (d: number): number => cycleCostUsd(spec, lifeModel, { depth: d });
const constant = (kWh: number): LinearExpr => new LinearExpr().addConstant(kWh);

describe('cycle-depth cost term: structure', () => {
  it('segment costs per 1 USD/kWh of replacement cost match notes §6(a) (uniform J = 10: 0.00002 … 0.00039 USD/kWh)', () => {
    const unit = createBatterySpec({ ...input, socMin: 0, socMax: 1, replacementCostUsdPerKWh: 1 });
    const term = addCycleDepthCost(new Model('unit'), {
      spec: unit,
      cycleCostUsd: (d) => cycleCostUsd(unit, cycleLifeModel(0.8), { depth: d }),
      periods: 1,
      chargedKWh: () => constant(0),
      dischargedKWh: () => constant(0),
      initialSoc: 1,
      breakpoints: Array.from({ length: 11 }, (_, k) => k / 10),
    });
    const published = [
      0.00002, 0.00006, 0.0001, 0.00014, 0.00018, 0.00022, 0.00026, 0.00031, 0.00035, 0.00039,
    ];
    term.segments.forEach((s, j) =>
      expectClose(s.costUsdPerKWh, published[j]!, { abs: 0.000006 }, `c_${j + 1}`),
    );
    expect(term.convexified).toBe(false);
  });

  it('adds named variables and rows in the x[j=..,t=..] grammar and allocates the initial energy shallow first', () => {
    const m = new Model('names');
    const term = addCycleDepthCost(m, {
      spec,
      cycleCostUsd: phi,
      periods: 3,
      chargedKWh: () => constant(0),
      dischargedKWh: () => constant(0),
      initialSoc: 0.5,
    });
    expect(term.segments).toHaveLength(8);
    expect(m.numCols).toBe(8 * 3 * 3);
    expect(m.numRows).toBe(8 * 3 + 2 * 3);
    expect(term.segmentEnergy[2]![1]!.name).toBe(name('cycleDepthEnergy', { j: 2, t: 1 }));
    expect(m.rowNames).toContain('cycleDepthDischargeLink[t=2]');
    const filled = term.initialSegmentKWh;
    expectClose(
      filled.reduce((a, b) => a + b, 0),
      40,
      { abs: 1e-9 },
      'initial kWh above the floor',
    );
    const firstPartial = filled.findIndex((kWh, j) => kWh < term.segments[j]!.capacityKWh - 1e-9);
    for (let j = firstPartial + 1; j < filled.length; j++) expect(filled[j]).toBe(0);
  });

  it('rejects breakpoints that do not span the window', () => {
    const o = {
      spec,
      cycleCostUsd: phi,
      periods: 1,
      chargedKWh: () => constant(0),
      dischargedKWh: () => constant(0),
      initialSoc: 0.5,
    };
    expect(
      inputErrorOf(() => addCycleDepthCost(new Model(), { ...o, breakpoints: [0, 0.5, 1] })).field,
    ).toBe('breakpoints[2]');
    expect(
      inputErrorOf(() => addCycleDepthCost(new Model(), { ...o, initialSoc: 0.95 })).field,
    ).toBe('initialSoc');
  });
});

describe('cycle-depth cost term: solved LPs against the exact rainflow model', () => {
  it('a forced nested path 0.9 → 0.5 → 0.6 → 0.2 → 0.9 costs Φ̂(0.7) + Φ̂(0.1), the rainflow cycles', async () => {
    const m = new Model('nested');
    const moves = [-40, 10, -40, 70]; // kWh in storage per period
    const term = addCycleDepthCost(m, {
      spec,
      cycleCostUsd: phi,
      periods: 4,
      chargedKWh: (t) => constant(Math.max(0, moves[t]!)),
      dischargedKWh: (t) => constant(Math.max(0, -moves[t]!)),
      initialSoc: 0.9,
    });
    m.minimize(term.costUsd);
    const r = await solve(m);
    expect(r.status).toBe('optimal');
    expectClose(
      r.objective!,
      pwlValue(term.pwl, 0.7) + pwlValue(term.pwl, 0.1),
      { rel: 1e-7 },
      'LP cost',
    );
    const report = readCycleDepthCost(term, r);
    expect(report.socTrajectory.map((s) => Math.round(s * 1e9) / 1e9)).toEqual([
      0.9, 0.5, 0.6, 0.2, 0.9,
    ]);
    expectClose(report.exactCostUsd, phi(0.7) + phi(0.1), { rel: 1e-12 }, 'exact cost');
    expect(report.withinStatedError).toBe(true);
  });

  it('a MESS serving a site: the LP cost equals the exact rainflow cost within the stated error (< 2 % with 8 segments)', async () => {
    // delivered kW by hour; charging price USD/MWh by hour (cheap night, cheap midday, dear otherwise)
    const demandKW = Array.from({ length: 24 }, (_, h) =>
      h >= 8 && h < 10 ? 17 : h >= 17 && h < 20 ? 19 : 0,
    );
    const price = Array.from({ length: 24 }, (_, h) => (h < 7 ? 30 : h >= 12 && h < 15 ? 38 : 160));
    const m = new Model('mess-site');
    const charge: Var[] = [];
    const stored: Var[] = [];
    const eta = spec.chargeEfficiency;
    for (let t = 0; t < 24; t++) {
      // the MESS is away at the site while it delivers, so it cannot charge then
      charge.push(
        m.addVar({ name: name('charge', { t }), ub: demandKW[t]! > 0 ? 0 : spec.maxChargePowerKW }),
      );
      stored.push(
        m.addVar({ name: name('stored', { t }), lb: spec.socMin * 100, ub: spec.socMax * 100 }),
      );
      // e_t = e_{t−1} + η_ch·p_t − d_t/η_dis (1 h periods)
      const balance = new LinearExpr().add(stored[t]!).add(charge[t]!, -eta);
      if (t > 0) balance.add(stored[t - 1]!, -1);
      m.addConstraint(
        balance,
        '=',
        (t === 0 ? 90 : 0) - demandKW[t]! / spec.dischargeEfficiency,
        name('storage', { t }),
      );
    }
    m.addConstraint(stored[23]!, '>=', 90, 'endFull');
    const term = addCycleDepthCost(m, {
      spec,
      cycleCostUsd: phi,
      periods: 24,
      chargedKWh: (t) => new LinearExpr().add(charge[t]!, eta),
      dischargedKWh: (t) => constant(demandKW[t]! / spec.dischargeEfficiency),
      initialSoc: 0.9,
    });
    const energyCost = new LinearExpr();
    charge.forEach((v, t) => energyCost.add(v, price[t]! / 1000));
    m.minimize(energyCost.addExpr(term.costUsd));
    const r = await solve(m);
    expect(r.status).toBe('optimal');

    const report = readCycleDepthCost(term, r);
    // the segment SOC and the model's own storage variable agree
    report.socTrajectory
      .slice(1)
      .forEach((s, t) => expectClose(s * 100, r.value(stored[t]!), { abs: 1e-6 }, `SOC at ${t}`));
    const exact = exactCycleDepthCost(report.socTrajectory, phi);
    expect(exact.cycles.length).toBeGreaterThanOrEqual(2); // morning and evening use: a real multi-cycle day
    expect(exact.cycles.every((c) => c.depth >= term.error.relativeFrom - 1e-9)).toBe(true);
    expect(term.error.maxRelative).toBeLessThan(0.02);
    expect(Math.abs(report.pwlCostUsd - report.exactCostUsd)).toBeLessThanOrEqual(
      term.error.maxRelative * report.exactCostUsd + 1e-7,
    );
    expect(report.withinStatedError).toBe(true);
    expect(report.pwlCostUsd).toBeGreaterThan(0);
  });

  it('a non-convex curve (Naumann at 300 EFC) is convexified, flagged, and its LP cost still checked against the exact model', async () => {
    const lfp = createBatterySpec({ ...input, chemistry: 'lfp' });
    const naumannPhi = (d: number): number =>
      cycleCostUsd(lfp, naumannLfp, { depth: d, ageEfc: 300 });
    const m = new Model('naumann');
    const moves = [-55, 55];
    const term = addCycleDepthCost(m, {
      spec: lfp,
      cycleCostUsd: naumannPhi,
      periods: 2,
      chargedKWh: (t) => constant(Math.max(0, moves[t]!)),
      dischargedKWh: (t) => constant(Math.max(0, -moves[t]!)),
      initialSoc: 0.9,
    });
    expect(term.convexified).toBe(true);
    m.minimize(term.costUsd);
    const r = await solve(m);
    const report = readCycleDepthCost(term, r);
    expect(report.convexified).toBe(true);
    expectClose(
      report.pwlCostUsd,
      pwlValue(term.pwl, 0.55),
      { rel: 1e-7 },
      'LP cost = envelope at 0.55',
    );
    expect(report.withinStatedError).toBe(true);
  });
});
