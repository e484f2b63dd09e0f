import { InputError, requireInRange, requireNonNegative, requirePositive } from '@gridhaul/common';
import type { DegradationModel, FadeResult } from './degradation/types';
import type { SocProfile } from './profile';
import { validateProfile } from './profile';
import { costPerUnitFadeUsd, type BatterySpec } from './spec';

/** Degradation cost of a fade: fade / (1 − end-of-life fraction) × replacement cost (USD). */
export function fadeCostUsd(spec: BatterySpec, fade: number): number {
  return fade * costPerUnitFadeUsd(spec);
}

export interface ProfileCost {
  readonly fade: FadeResult;
  /** Fade added by this profile (total minus the starting state's total). */
  readonly addedFade: number;
  readonly costUsd: number;
}

/**
 * Cost of operating the battery along a SOC/temperature profile. `from` is the battery's state
 * before the profile (a FadeResult.state); √t and √Q laws make a young battery's first hours
 * dearer, so give it when the battery is not new.
 */
export function profileCost(
  spec: BatterySpec,
  model: DegradationModel,
  profile: SocProfile,
  from?: FadeResult,
): ProfileCost {
  validateProfile(profile);
  const fade = model.fade(profile, from ? { from: from.state } : {});
  const addedFade = fade.total - (from?.total ?? 0);
  return { fade, addedFade, costUsd: fadeCostUsd(spec, addedFade) };
}

export interface CycleQuery {
  /** Depth of discharge, SOC fraction in (0, 1]. */
  readonly depth: number;
  /** Mean SOC of the cycle; default the middle of the spec's window. */
  readonly meanSoc?: number;
  /** Default the spec's temperature. */
  readonly tempC?: number;
  /** Mean C-rate of the cycle, 1/h; default 0.5. */
  readonly cRate?: number;
  /**
   * The battery's age in full equivalent cycles (throughput / 2·capacity) done at this stress;
   * default 0. Matters for √Q and power laws, whose next cycle is cheaper on an older battery.
   */
  readonly ageEfc?: number;
}

/**
 * USD for one more full cycle of the given depth at the given age: with n = ageEfc / depth earlier
 * cycles of the same kind, (fade(n + 1) − fade(n)) × cost per unit fade.
 */
export function cycleCostUsd(spec: BatterySpec, model: DegradationModel, q: CycleQuery): number {
  const stress = {
    depth: requireInRange('depth', q.depth, 0, 1),
    meanSoc: requireInRange('meanSoc', q.meanSoc ?? (spec.socMin + spec.socMax) / 2, 0, 1),
    tempC: requireInRange('tempC', q.tempC ?? spec.temperatureC, -50, 100),
    cRate: requirePositive('cRate', q.cRate ?? 0.5),
  };
  const ageEfc = requireNonNegative('ageEfc', q.ageEfc ?? 0);
  if (stress.depth === 0) return 0;
  const n = ageEfc / stress.depth;
  return fadeCostUsd(spec, model.cycleFade(stress, n + 1) - model.cycleFade(stress, n));
}

/** USD per kWh of throughput (charge and discharge both counted) when cycling at the given depth. */
export function throughputCostUsdPerKWh(
  spec: BatterySpec,
  model: DegradationModel,
  q: CycleQuery,
): number {
  if (!(q.depth > 0)) throw new InputError('depth', q.depth, 'a depth in (0, 1]');
  return cycleCostUsd(spec, model, q) / (2 * q.depth * spec.nominalEnergyKWh);
}

/** USD for the next hour of storage at a SOC and temperature for a battery already `ageHours` old. */
export function calendarCostUsdPerHour(
  spec: BatterySpec,
  model: DegradationModel,
  soc: number,
  ageHours: number,
  tempC = spec.temperatureC,
): number {
  requireInRange('soc', soc, 0, 1);
  requireNonNegative('ageHours', ageHours);
  return fadeCostUsd(
    spec,
    model.calendarFade(soc, tempC, ageHours + 1) - model.calendarFade(soc, tempC, ageHours),
  );
}
