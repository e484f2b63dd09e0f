import {
  InputError,
  requireFinite,
  requireInRange,
  requireNonNegative,
  requirePositive,
} from '@gridhaul/common';

export type Chemistry = 'nmc' | 'lfp' | 'generic';
const CHEMISTRIES: readonly Chemistry[] = ['nmc', 'lfp', 'generic'];

/**
 * What a user states about a battery pack. Efficiencies are either given separately or as one
 * round-trip value, which is split evenly (η_ch = η_dis = √η_rt).
 */
export interface BatterySpecInput {
  chemistry: Chemistry;
  nominalEnergyKWh: number;
  /** Usable SOC window, fractions of nominal energy. */
  socMin: number;
  socMax: number;
  maxChargePowerKW: number;
  maxDischargePowerKW: number;
  roundTripEfficiency?: number;
  chargeEfficiency?: number;
  dischargeEfficiency?: number;
  /** Fraction of the stored energy lost per hour; default 0. */
  selfDischargePerHour?: number;
  replacementCostUsdPerKWh: number;
  /** Remaining capacity fraction at which the pack is replaced, e.g. 0.8. */
  endOfLifeCapacityFraction: number;
  temperatureC: number;
}

/** A validated, immutable battery pack description. */
export interface BatterySpec {
  readonly chemistry: Chemistry;
  readonly nominalEnergyKWh: number;
  readonly socMin: number;
  readonly socMax: number;
  readonly maxChargePowerKW: number;
  readonly maxDischargePowerKW: number;
  readonly chargeEfficiency: number;
  readonly dischargeEfficiency: number;
  readonly roundTripEfficiency: number;
  readonly selfDischargePerHour: number;
  readonly replacementCostUsdPerKWh: number;
  readonly endOfLifeCapacityFraction: number;
  readonly temperatureC: number;
}

/** Validates every field (InputError naming field and value) and returns a frozen spec. */
export function createBatterySpec(input: BatterySpecInput): BatterySpec {
  if (!CHEMISTRIES.includes(input.chemistry)) {
    throw new InputError('chemistry', input.chemistry, `one of ${CHEMISTRIES.join(', ')}`);
  }
  const nominalEnergyKWh = requirePositive('nominalEnergyKWh', input.nominalEnergyKWh);
  const socMin = requireInRange('socMin', input.socMin, 0, 1);
  const socMax = requireInRange('socMax', input.socMax, 0, 1);
  if (socMax <= socMin) throw new InputError('socMax', socMax, `a number > socMin (${socMin})`);
  const maxChargePowerKW = requirePositive('maxChargePowerKW', input.maxChargePowerKW);
  const maxDischargePowerKW = requirePositive('maxDischargePowerKW', input.maxDischargePowerKW);
  const { chargeEfficiency, dischargeEfficiency } = efficiencies(input);
  const selfDischargePerHour = requireInRange(
    'selfDischargePerHour',
    input.selfDischargePerHour ?? 0,
    0,
    1,
  );
  const replacementCostUsdPerKWh = requireNonNegative(
    'replacementCostUsdPerKWh',
    input.replacementCostUsdPerKWh,
  );
  const eol = requireFinite('endOfLifeCapacityFraction', input.endOfLifeCapacityFraction);
  if (!(eol > 0 && eol < 1))
    throw new InputError('endOfLifeCapacityFraction', eol, 'a number in (0, 1)');
  const temperatureC = requireInRange('temperatureC', input.temperatureC, -40, 80);
  return Object.freeze({
    chemistry: input.chemistry,
    nominalEnergyKWh,
    socMin,
    socMax,
    maxChargePowerKW,
    maxDischargePowerKW,
    chargeEfficiency,
    dischargeEfficiency,
    roundTripEfficiency: chargeEfficiency * dischargeEfficiency,
    selfDischargePerHour,
    replacementCostUsdPerKWh,
    endOfLifeCapacityFraction: eol,
    temperatureC,
  });
}

function efficiencies(input: BatterySpecInput): {
  chargeEfficiency: number;
  dischargeEfficiency: number;
} {
  const split = input.chargeEfficiency !== undefined || input.dischargeEfficiency !== undefined;
  if (split && input.roundTripEfficiency !== undefined) {
    throw new InputError(
      'roundTripEfficiency',
      input.roundTripEfficiency,
      'absent when chargeEfficiency/dischargeEfficiency are given',
    );
  }
  if (split) {
    return {
      chargeEfficiency: efficiency('chargeEfficiency', input.chargeEfficiency),
      dischargeEfficiency: efficiency('dischargeEfficiency', input.dischargeEfficiency),
    };
  }
  const rt = efficiency('roundTripEfficiency', input.roundTripEfficiency);
  return { chargeEfficiency: Math.sqrt(rt), dischargeEfficiency: Math.sqrt(rt) };
}

function efficiency(field: string, value: unknown): number {
  const v = requireFinite(field, value);
  if (!(v > 0 && v <= 1)) throw new InputError(field, value, 'a number in (0, 1]');
  return v;
}

/** USD per unit of fractional capacity loss: replacement cost spread over the fade to end of life. */
export function costPerUnitFadeUsd(spec: BatterySpec): number {
  return (
    (spec.replacementCostUsdPerKWh * spec.nominalEnergyKWh) / (1 - spec.endOfLifeCapacityFraction)
  );
}
