import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from './testing/inputError';
import { costPerUnitFadeUsd, createBatterySpec, type BatterySpecInput } from './spec';

const base: BatterySpecInput = {
  chemistry: 'nmc',
  nominalEnergyKWh: 550,
  socMin: 0.15,
  socMax: 0.9,
  maxChargePowerKW: 250,
  maxDischargePowerKW: 300,
  roundTripEfficiency: 0.9025,
  replacementCostUsdPerKWh: 150,
  endOfLifeCapacityFraction: 0.8,
  temperatureC: 25,
};

describe('createBatterySpec', () => {
  it('splits a round-trip efficiency evenly and freezes the result', () => {
    const s = createBatterySpec(base);
    expectClose(s.chargeEfficiency, 0.95, { abs: 1e-12 }, 'η_ch');
    expectClose(s.dischargeEfficiency, 0.95, { abs: 1e-12 }, 'η_dis');
    expectClose(s.roundTripEfficiency, 0.9025, { abs: 1e-12 }, 'η_rt');
    expect(Object.isFrozen(s)).toBe(true);
    expect(s.selfDischargePerHour).toBe(0);
  });

  it('keeps separately given efficiencies', () => {
    const { roundTripEfficiency: _, ...rest } = base;
    const s = createBatterySpec({ ...rest, chargeEfficiency: 0.97, dischargeEfficiency: 0.93 });
    expectClose(s.roundTripEfficiency, 0.97 * 0.93, { abs: 1e-12 }, 'η_rt');
  });

  it('prices fade as replacement cost over the fade to end of life (notes §6: K = C_rep·E/L_EOL)', () => {
    expectClose(
      costPerUnitFadeUsd(createBatterySpec(base)),
      (150 * 550) / 0.2,
      { rel: 1e-12 },
      'K',
    );
  });

  it.each([
    ['chemistry', { chemistry: 'lead' }, 'lead'],
    ['nominalEnergyKWh', { nominalEnergyKWh: 0 }, 0],
    ['nominalEnergyKWh', { nominalEnergyKWh: Number.NaN }, Number.NaN],
    ['socMin', { socMin: -0.1 }, -0.1],
    ['socMax', { socMax: 0.1 }, 0.1],
    ['maxChargePowerKW', { maxChargePowerKW: -5 }, -5],
    ['maxDischargePowerKW', { maxDischargePowerKW: Infinity }, Infinity],
    ['roundTripEfficiency', { roundTripEfficiency: 1.2 }, 1.2],
    ['selfDischargePerHour', { selfDischargePerHour: 2 }, 2],
    ['replacementCostUsdPerKWh', { replacementCostUsdPerKWh: -1 }, -1],
    ['endOfLifeCapacityFraction', { endOfLifeCapacityFraction: 1 }, 1],
    ['temperatureC', { temperatureC: 200 }, 200],
  ] as const)('rejects a bad %s, naming field and value', (field, patch, value) => {
    const e = inputErrorOf(() =>
      createBatterySpec({ ...base, ...(patch as Partial<BatterySpecInput>) }),
    );
    expect(e.tag).toBe('INVALID_INPUT');
    expect(e.field).toBe(field);
    expect(e.value).toEqual(value);
  });

  it('rejects a round-trip value given together with split efficiencies', () => {
    const e = inputErrorOf(() => createBatterySpec({ ...base, chargeEfficiency: 0.9 }));
    expect(e.field).toBe('roundTripEfficiency');
  });
});
