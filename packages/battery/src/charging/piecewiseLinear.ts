import { InputError, requireFinite } from '@gridhaul/common';
import type { ChargingCurve } from './curve';
import { requireEnergy, requireHours } from './validate';

/** A breakpoint of a charging function: stored energy reached after charging `hours` from empty. */
export interface ChargeBreakpoint {
  readonly energyKWh: number;
  readonly hours: number;
}

export interface PiecewiseLinearCurve extends ChargingCurve {
  readonly breakpoints: readonly ChargeBreakpoint[];
  /** Charging time from empty to `energyKWh`: linear interpolation of the breakpoints. */
  hoursFromEmpty(energyKWh: number): number;
  /** Inverse of hoursFromEmpty, clipped at capacity. */
  energyAtHours(hours: number): number;
}

/**
 * Montoya et al. 2017 style charging function: t(e) piecewise-linear through breakpoints that start at
 * (0 kWh, 0 h) and end at capacity; energy and time strictly increasing (concave e(t) is not
 * required). Charging from e0 for Δt gives t⁻¹(t(e0) + Δt); from e0 to e1 takes t(e1) − t(e0).
 */
export function piecewiseLinearCurve(
  breakpoints: readonly ChargeBreakpoint[],
): PiecewiseLinearCurve {
  if (breakpoints.length < 2)
    throw new InputError('breakpoints', breakpoints, 'at least two breakpoints');
  const es: number[] = [];
  const ts: number[] = [];
  breakpoints.forEach((b, i) => {
    es.push(requireFinite(`breakpoints[${i}].energyKWh`, b.energyKWh));
    ts.push(requireFinite(`breakpoints[${i}].hours`, b.hours));
    if (i === 0 && (b.energyKWh !== 0 || b.hours !== 0)) {
      throw new InputError(
        'breakpoints[0]',
        b,
        '{ energyKWh: 0, hours: 0 } (times are measured from empty)',
      );
    }
    if (i > 0 && !(b.energyKWh > (es[i - 1] as number)))
      throw new InputError(
        `breakpoints[${i}].energyKWh`,
        b.energyKWh,
        'strictly increasing energies',
      );
    if (i > 0 && !(b.hours > (ts[i - 1] as number)))
      throw new InputError(`breakpoints[${i}].hours`, b.hours, 'strictly increasing times');
  });
  const cap = es[es.length - 1] as number;
  const tFull = ts[ts.length - 1] as number;
  const frozen = Object.freeze(
    breakpoints.map((b) => Object.freeze({ energyKWh: b.energyKWh, hours: b.hours })),
  );

  const hoursFromEmpty = (e: number): number => interpolate(es, ts, e);
  const energyAtHours = (t: number): number => (t >= tFull ? cap : interpolate(ts, es, t));

  return {
    capacityKWh: cap,
    breakpoints: frozen,
    hoursFromEmpty: (e) => hoursFromEmpty(requireEnergy('energyKWh', e, cap)),
    energyAtHours: (t) => energyAtHours(requireHours('hours', t)),
    energyAfter(startKWh, hours) {
      const e0 = requireEnergy('startKWh', startKWh, cap);
      return energyAtHours(hoursFromEmpty(e0) + requireHours('hours', hours));
    },
    hoursToReach(startKWh, targetKWh) {
      const e0 = requireEnergy('startKWh', startKWh, cap);
      const e1 = requireEnergy('targetKWh', targetKWh, cap);
      return e1 <= e0 ? 0 : hoursFromEmpty(e1) - hoursFromEmpty(e0);
    },
  };
}

/** y(x) on the polyline (xs, ys), xs increasing, x within [xs[0], xs[n-1]]; exact at breakpoints. */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  let hi = 1;
  while (hi < xs.length - 1 && (xs[hi] as number) < x) hi++;
  const x0 = xs[hi - 1] as number;
  const x1 = xs[hi] as number;
  const y0 = ys[hi - 1] as number;
  const y1 = ys[hi] as number;
  if (x === x1) return y1;
  if (x === x0) return y0;
  return y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
}
