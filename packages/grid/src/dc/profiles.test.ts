import { InputError } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../test-cases';
import { lmpSeries, solveMultiPeriodDcOpf } from './profiles';
import { priceScenarios, quantile } from './scenarios';
import { solveDcOpf } from './solve-dcopf';

describe('multi-period DC OPF', () => {
  it('each period of a profile equals the single-period OPF at that load (no inter-period coupling)', async () => {
    const network = loadCase('matpower/case5.m');
    const scale = [0.6, 0.8, 1.0];
    const r = await solveMultiPeriodDcOpf(network, { periods: 3, loadScale: scale });
    expect(r.status).toBe('optimal');
    let sum = 0;
    for (let t = 0; t < 3; t++) {
      const buses = network.buses.map((b) => ({ ...b, pdMW: b.pdMW * (scale[t] as number) }));
      const single = await solveDcOpf({ ...network, buses });
      sum += single.objective;
      r.periods[t]!.buses.forEach((b, i) =>
        expectClose(
          b.lmp,
          single.periods[0]!.buses[i]!.lmp,
          { abs: 1e-6 },
          `LMP t=${t} bus ${b.bus}`,
        ),
      );
    }
    expectClose(r.objective, sum, { rel: 1e-9 }, 'objective = sum of periods');
  });

  it('quadratic costs over 8 periods (case118; a joint QP this size fails in HiGHS-wasm) equal 8 single runs', async () => {
    const network = loadCase('matpower/case118.m');
    const single = await solveDcOpf(network);
    const r = await solveMultiPeriodDcOpf(network, { periods: 8 });
    expect(r.status).toBe('optimal');
    expect(r.periods).toHaveLength(8);
    expectClose(r.objective, 8 * single.objective, { rel: 1e-9 }, 'objective');
    for (const period of r.periods)
      period.buses.forEach((b, i) =>
        expectClose(b.lmp, single.periods[0]!.buses[i]!.lmp, { abs: 1e-6 }, `LMP bus ${b.bus}`),
      );
  });

  it('regression (issue 5 bench): case118 QP at 93 % load, where HiGHS-wasm stops on the B-θ QP, still solves', async () => {
    const network = loadCase('matpower/case118.m');
    const r = await solveMultiPeriodDcOpf(network, { periods: 1, loadScale: [0.93] });
    const ptdf = await solveMultiPeriodDcOpf(
      network,
      { periods: 1, loadScale: [0.93] },
      { formulation: 'ptdf' },
    );
    expect([r.status, ptdf.status]).toEqual(['optimal', 'optimal']);
    expectClose(r.objective, ptdf.objective, { rel: 1e-8 }, 'B-θ (or its fallback) = PTDF');
  });

  it('a MESS charging at a bus is extra load there; discharging is negative load', async () => {
    const network = loadCase('matpower/case5.m');
    const r = await solveMultiPeriodDcOpf(network, {
      periods: 2,
      storageMW: [{ bus: 2, mw: [20, -20] }],
    });
    expect(r.periods[0]!.buses[1]!.loadMW).toBe(320);
    expect(r.periods[1]!.buses[1]!.loadMW).toBe(280);
    const base = (await solveDcOpf(network)).objective;
    // within the same congestion pattern, ±20 MW at bus 2 costs ±20 × LMP2 (26.38 $/MWh)
    expectClose(r.periods[0]!.costPerHour - base, 20 * 26.3845, { abs: 0.1 }, 'charging cost');
    expectClose(base - r.periods[1]!.costPerHour, 20 * 26.3845, { abs: 0.1 }, 'discharging saving');
    expect(lmpSeries(r).get(2)).toHaveLength(2);
  });

  it('rejects a profile of the wrong length or at an unknown bus', async () => {
    const network = loadCase('matpower/case5.m');
    await expect(solveMultiPeriodDcOpf(network, { periods: 2, loadScale: [1] })).rejects.toThrow(
      expect.objectContaining({ field: 'profile.loadScale.length' }),
    );
    await expect(
      solveMultiPeriodDcOpf(network, { periods: 1, storageMW: [{ bus: 99, mw: [1] }] }),
    ).rejects.toBeInstanceOf(InputError);
  });
});

describe('price scenarios', () => {
  const network = loadCase('matpower/case5.m');
  const profile = { periods: 2, loadScale: [0.7, 1.0] };

  it('are reproducible from the seed, and differ for another seed', async () => {
    const a = await priceScenarios(network, profile, { scenarios: 8, seed: 42, loadSigma: 0.05 });
    const b = await priceScenarios(network, profile, { scenarios: 8, seed: 42, loadSigma: 0.05 });
    const c = await priceScenarios(network, profile, { scenarios: 8, seed: 43, loadSigma: 0.05 });
    expect(a.seed).toBe(42);
    expect(b).toEqual(a);
    expect(c.cost.mean).not.toBe(a.cost.mean);
  });

  it('with zero spread every scenario is the deterministic run: mean = quantiles = LMP', async () => {
    const det = await solveMultiPeriodDcOpf(network, profile);
    const s = await priceScenarios(network, profile, {
      scenarios: 3,
      seed: 1,
      loadSigma: 0,
      renewableSigma: 0,
    });
    s.buses.forEach((b, i) =>
      b.periods.forEach((d, t) => {
        const lmp = det.periods[t]!.buses[i]!.lmp;
        expectClose(d.mean, lmp, { abs: 1e-9 }, `mean bus ${b.bus} t=${t}`);
        d.quantiles.forEach((q) =>
          expectClose(q, lmp, { abs: 1e-9 }, `quantile bus ${b.bus} t=${t}`),
        );
      }),
    );
  });

  it('spread load gives ordered quantiles and a mean inside them', async () => {
    const s = await priceScenarios(network, profile, { scenarios: 20, seed: 7, loadSigma: 0.1 });
    expect(s.failed).toEqual([]);
    for (const b of s.buses) {
      for (const d of b.periods) {
        expect(d.quantiles[0]! <= d.quantiles[1]! && d.quantiles[1]! <= d.quantiles[2]!).toBe(true);
      }
    }
    const q = s.cost.quantiles;
    expect(q[0]! < s.cost.mean && s.cost.mean < q[2]!).toBe(true);
  });

  it('renewable output is perturbed on its own: with load fixed, only renewableSigma spreads prices', async () => {
    const withWind = { ...profile, renewableMW: [{ bus: 4, mw: [100, 150] }] };
    const fixed = await priceScenarios(network, withWind, {
      scenarios: 6,
      seed: 3,
      loadSigma: 0,
      renewableSigma: 0,
    });
    const spread = await priceScenarios(network, withWind, {
      scenarios: 6,
      seed: 3,
      loadSigma: 0,
      renewableSigma: 0.3,
    });
    expect(fixed.cost.quantiles[0]).toBe(fixed.cost.quantiles[2]);
    expect(spread.cost.quantiles[2]! - spread.cost.quantiles[0]!).toBeGreaterThan(1);
    // wind at bus 4 displaces load there: less cost than without it
    const none = await priceScenarios(network, profile, { scenarios: 1, seed: 3, loadSigma: 0 });
    expect(fixed.cost.mean).toBeLessThan(none.cost.mean);
  });

  it('quantile interpolates between order statistics (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expectClose(quantile([10, 20, 30], 0.25), 15, { abs: 1e-12 }, 'q25');
  });
});
