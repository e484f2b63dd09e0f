import { InputError, requirePositive } from '@gridhaul/common';

/**
 * A SOC/temperature history sampled at increasing times; values between samples are linear. This
 * is what every degradation model consumes.
 */
export interface SocProfile {
  readonly timeH: ArrayLike<number>;
  /** SOC as a fraction of nominal capacity, in [0, 1]. */
  readonly soc: ArrayLike<number>;
  /** Cell temperature, °C: one value for the whole profile or one per sample. */
  readonly tempC: number | ArrayLike<number>;
}

/** Checks lengths, finiteness, strictly increasing time, SOC in [0, 1] and temperature in [−50, 100] °C. */
export function validateProfile(p: SocProfile, field = 'profile'): void {
  const n = p.timeH.length;
  if (n < 1) throw new InputError(`${field}.timeH`, n, 'at least one sample');
  if (p.soc.length !== n)
    throw new InputError(`${field}.soc`, p.soc.length, `length ${n} (as timeH)`);
  const tArr = typeof p.tempC === 'number' ? undefined : p.tempC;
  if (tArr && tArr.length !== n)
    throw new InputError(`${field}.tempC`, tArr.length, `length ${n} (as timeH)`);
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = p.timeH[i] as number;
    if (!Number.isFinite(t) || t <= prev)
      throw new InputError(`${field}.timeH[${i}]`, t, `a finite time > ${prev} h`);
    prev = t;
    const s = p.soc[i] as number;
    if (!(s >= 0 && s <= 1))
      throw new InputError(`${field}.soc[${i}]`, s, 'a SOC fraction in [0, 1]');
    const temp = tArr ? (tArr[i] as number) : (p.tempC as number);
    if (!(temp >= -50 && temp <= 100))
      throw new InputError(
        tArr ? `${field}.tempC[${i}]` : `${field}.tempC`,
        temp,
        'a temperature in [-50, 100] °C',
      );
  }
}

/** A profile sampled every `stepH` hours from t = 0. */
export function uniformProfile(
  stepH: number,
  soc: ArrayLike<number>,
  tempC: number | ArrayLike<number>,
): SocProfile {
  const dt = requirePositive('stepH', stepH);
  const timeH = new Float64Array(soc.length);
  for (let i = 0; i < timeH.length; i++) timeH[i] = i * dt;
  return { timeH, soc, tempC };
}

export function temperatureAt(p: SocProfile, i: number): number {
  return typeof p.tempC === 'number' ? p.tempC : (p.tempC[i] as number);
}

export const KELVIN = 273.15;
