import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import {
  calendarCostUsdPerHour,
  cycleCostUsd,
  fadeCostUsd,
  profileCost,
  throughputCostUsdPerKWh,
} from './cost';
import { cycleLifeModel } from './degradation/cycleLife';
import { naumannLfp } from './degradation/naumann';
import { schimpe2018Lfp, schimpeKHighT } from './degradation/schimpe';
import { schmalstieg2014Nmc } from './degradation/schmalstieg';
import { wang2011Lfp } from './degradation/wang';
import { uniformProfile } from './profile';
import { createBatterySpec } from './spec';
import { inputErrorOf } from './testing/inputError';

// The worked example of ../shared/notes/degradation.md §6(b)/(c): E = 550 kWh, C_rep = 150 USD/kWh,
// L_EOL = 0.2, 25 °C; throughput costs at an age of 300 EFC, calendar costs at an age of one year.
const messInput = {
  chemistry: 'nmc' as const,
  nominalEnergyKWh: 550,
  socMin: 0.1,
  socMax: 0.9,
  maxChargePowerKW: 275,
  maxDischargePowerKW: 275,
  roundTripEfficiency: 0.9,
  replacementCostUsdPerKWh: 150,
  endOfLifeCapacityFraction: 0.8,
  temperatureC: 25,
};
const mess = createBatterySpec(messInput);

describe('degradation cost = fade / (1 − EOL fraction) × replacement cost', () => {
  it('prices a fade', () => {
    expectClose(fadeCostUsd(mess, 0.01), (0.01 * (150 * 550)) / 0.2, { rel: 1e-12 }, 'USD');
  });

  it('Co-OPT generalized model: one cycle of depth δ costs C_bat / N(δ) (notes §5: C_bat 60 000 USD, N(0.8) = 7648)', () => {
    const coopt = createBatterySpec({
      ...messInput,
      nominalEnergyKWh: 350,
      replacementCostUsdPerKWh: 60000 / 350,
    });
    expectClose(
      cycleCostUsd(coopt, cycleLifeModel(0.8), { depth: 0.8 }),
      60000 / 7648,
      { rel: 1e-4 },
      'USD per cycle',
    );
  });
});

describe('per kWh of throughput at 300 EFC, notes §6(b)', () => {
  it('Schmalstieg, DoD 0.8, V̄ ≈ 3.7 V: ≈ 0.091 USD/kWh', () => {
    // mean SOC 0.53 puts the mean OCV of the 0.13…0.93 range at ≈ 3.70 V
    expectClose(
      throughputCostUsdPerKWh(mess, schmalstieg2014Nmc, { depth: 0.8, meanSoc: 0.53, ageEfc: 300 }),
      0.091,
      { abs: 0.0015 },
      'Schmalstieg',
    );
  });

  it('Wang 2011 at C/2: ≈ 0.034 USD/kWh', () => {
    expectClose(
      throughputCostUsdPerKWh(mess, wang2011Lfp, { depth: 0.8, cRate: 0.5, ageEfc: 300 }),
      0.034,
      { abs: 0.0006 },
      'Wang',
    );
  });

  it('Naumann at C/2, DoD 0.8: ≈ 0.016 USD/kWh', () => {
    expectClose(
      throughputCostUsdPerKWh(mess, naumannLfp, { depth: 0.8, cRate: 0.5, ageEfc: 300 }),
      0.016,
      { abs: 0.0006 },
      'Naumann',
    );
  });

  it('Schimpe: the high-temperature term alone is ≈ 0.004 USD/kWh; the model adds the low-T plating terms', () => {
    const qAh = 300 * 2 * 3; // 300 EFC of a 3 Ah cell, charge + discharge
    const highOnly =
      ((0.5 * schimpeKHighT(298.15)) / Math.sqrt(qAh)) * (3 / 550) * ((150 * 550) / 0.2);
    expectClose(highOnly, 0.004, { abs: 0.0002 }, 'high-T term');
    const all = throughputCostUsdPerKWh(mess, schimpe2018Lfp, {
      depth: 0.8,
      cRate: 1,
      ageEfc: 300,
    });
    expect(all).toBeGreaterThan(highOnly);
  });

  it('an older battery cycles more cheaply under a √Q law', () => {
    const young = throughputCostUsdPerKWh(mess, schmalstieg2014Nmc, { depth: 0.8, ageEfc: 10 });
    const old = throughputCostUsdPerKWh(mess, schmalstieg2014Nmc, { depth: 0.8, ageEfc: 1000 });
    // the next cycle adds 0.8 EFC: (√10.8 − √10) / (√1000.8 − √1000)
    expectClose(
      young / old,
      (Math.sqrt(10.8) - Math.sqrt(10)) / (Math.sqrt(1000.8) - Math.sqrt(1000)),
      { rel: 1e-9 },
      '√ ratio',
    );
  });
});

describe('calendar cost per hour at an age of one year, notes §6(c)', () => {
  it.each([
    ['Schmalstieg', schmalstieg2014Nmc, 0.5, 0.84],
    ['Schmalstieg', schmalstieg2014Nmc, 0.8, 1.25],
    ['Schimpe', schimpe2018Lfp, 0.1, 0.27],
    ['Schimpe', schimpe2018Lfp, 0.5, 0.93],
    ['Schimpe', schimpe2018Lfp, 0.9, 1.49],
  ] as const)('%s at SOC %s: ≈ %s USD/h', (_, model, soc, usd) => {
    expectClose(
      calendarCostUsdPerHour(mess, model, soc, 8760),
      usd,
      { abs: 0.006 },
      `${model.id} SOC ${soc}`,
    );
  });
});

describe('profile cost', () => {
  it('charges only the fade the profile adds to an aged battery', () => {
    const day = new Float64Array(97);
    for (let i = 0; i <= 96; i++) day[i] = 0.5 + 0.3 * Math.sin((2 * Math.PI * i) / 96);
    const p = uniformProfile(0.25, day, 25);
    const fresh = profileCost(mess, schmalstieg2014Nmc, p);
    const aged = profileCost(
      mess,
      schmalstieg2014Nmc,
      p,
      schmalstieg2014Nmc.fade(uniformProfile(24, new Float64Array(366).fill(0.5), 25)),
    );
    expectClose(fresh.costUsd, fadeCostUsd(mess, fresh.fade.total), { rel: 1e-12 }, 'fresh');
    expect(aged.costUsd).toBeGreaterThan(0);
    expect(aged.costUsd).toBeLessThan(fresh.costUsd);
  });

  it('rejects bad queries naming the field', () => {
    expect(inputErrorOf(() => cycleCostUsd(mess, naumannLfp, { depth: 1.5 })).field).toBe('depth');
    expect(inputErrorOf(() => throughputCostUsdPerKWh(mess, naumannLfp, { depth: 0 })).field).toBe(
      'depth',
    );
    expect(inputErrorOf(() => calendarCostUsdPerHour(mess, naumannLfp, 0.5, -1)).field).toBe(
      'ageHours',
    );
    expect(
      inputErrorOf(() =>
        profileCost(mess, naumannLfp, { timeH: [0, 0], soc: [0.5, 0.5], tempC: 25 }),
      ).field,
    ).toBe('profile.timeH[1]');
  });
});
