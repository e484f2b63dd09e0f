import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { bundledCoOptCase } from '../bundled';
import { bundledGrid, coOptTariffUsdPerKWh, dcOpfPriceScenarios, dcOpfPriceTable, meanPriceTable, perturbedPriceScenarios } from './grid-prices';
import { exchangeRequests } from './requests';
import { coOptSettings } from './settings';
import { cvar, planUnderPriceUncertainty } from './stochastic';

describe('price tables', () => {
  it('DC-OPF prices on MATPOWER case14 (no binding limits: one price for all buses) plus the notebooks tariff', async () => {
    const t = await dcOpfPriceTable(bundledGrid('case14'), { buses: [6, 10, 11] });
    const bare = await dcOpfPriceTable(bundledGrid('case14'), { buses: [6, 10, 11], tariff: false });
    for (let h = 0; h < 24; h++) {
      expectClose(t.usdPerKWh[0]![h]!, bare.usdPerKWh[0]![h]! + coOptTariffUsdPerKWh(h), { abs: 1e-12 }, `tariff at ${h}`);
      expectClose(bare.usdPerKWh[2]![h]!, bare.usdPerKWh[0]![h]!, { abs: 1e-7 }, `bus 11 = bus 6 at ${h}`);
    }
    // case14's cheapest units run at 20–40 $/MWh: the LMP stays in that band over the day.
    expect(Math.min(...bare.usdPerKWh[0]!)).toBeGreaterThan(0.02);
    expect(Math.max(...bare.usdPerKWh[0]!)).toBeLessThan(0.045);
  });

  it('seeded scenarios repeat with the same seed and differ with another', async () => {
    const a = perturbedPriceScenarios(bundledCoOptCase('small').prices, { scenarios: 3, seed: 5 });
    const b = perturbedPriceScenarios(bundledCoOptCase('small').prices, { scenarios: 3, seed: 5 });
    const d = perturbedPriceScenarios(bundledCoOptCase('small').prices, { scenarios: 3, seed: 6 });
    expect(a.tables).toEqual(b.tables);
    expect(a.tables[0]!.usdPerKWh).not.toEqual(d.tables[0]!.usdPerKWh);
    const g1 = await dcOpfPriceScenarios(bundledGrid('case14'), { buses: [6], scenarios: 2, seed: 3 });
    const g2 = await dcOpfPriceScenarios(bundledGrid('case14'), { buses: [6], scenarios: 2, seed: 3 });
    expect(g1.tables.map((t) => t.usdPerKWh)).toEqual(g2.tables.map((t) => t.usdPerKWh));
    expect(meanPriceTable(a.tables).usdPerKWh[0]![0]).toBeCloseTo((a.tables[0]!.usdPerKWh[0]![0]! + a.tables[1]!.usdPerKWh[0]![0]! + a.tables[2]!.usdPerKWh[0]![0]!) / 3, 12);
  });

  it('CVaR of equiprobable outcomes', () => {
    expect(cvar([1, 2, 3, 4], 0.5)).toBe(3.5);
    expect(cvar([1, 2, 3, 4], 0.75)).toBe(4);
    expectClose(cvar([10, 0, 0, 0, 0], 0.9), 10, { abs: 1e-12 }, 'worst 10 %');
  });
});

describe('planning under price uncertainty', () => {
  it('the expected-cost plan costs exactly what the mean-price plan costs (VSS = 0); knowing prices saves ≥ 0', async () => {
    const c = bundledCoOptCase('small');
    const settings = { socGridPct: 5, endH: 17 };
    const requests = exchangeRequests(c, coOptSettings(settings)).filter((r) => r.ordinal === 1);
    const truckIds = c.trucks.filter((t) => t.speedKmh === 50).map((t) => t.id);
    const sc = perturbedPriceScenarios(c.prices, { scenarios: 4, seed: 11, sigma: 0.2, commonSigma: 0.3 });
    const r = await planUnderPriceUncertainty(c, { scenarios: sc.tables, seed: sc.seed, settings, requests, truckIds, waitAndSee: true });
    expect(r.seed).toBe(11);
    expectClose(r.vssUsd, 0, { abs: 1e-6 }, 'VSS');
    expect(r.evpiUsd!).toBeGreaterThanOrEqual(-1e-6);
    expect(r.riskAverse.cvarUsd).toBeLessThanOrEqual(r.meanPrice.cvarUsd + 1e-6);
    expect(r.meanPrice.costPerScenario).toHaveLength(4);
  }, 120_000);
});
