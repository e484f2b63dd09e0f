import { requirePositive } from '@gridhaul/common';
import {
  piecewiseLinearCurve,
  type ChargeBreakpoint,
  type PiecewiseLinearCurve,
} from './piecewiseLinear';

export type MontoyaCharger = 'fast' | 'normal' | 'slow';

/**
 * Montoya, Guéret, Mendoza, Villegas (2017), "The electric vehicle routing problem with nonlinear
 * charging function", Transportation Research Part B. Breakpoints (kWh reached, hours from empty) for
 * a 16 kWh battery as stored in the authors' VRP-REP dataset 2016-0020, instance tc0c40s8cf0 (copy
 * read from e-VRO/frvcpy@7788f2e frvcpy/test/data/vrprep-instance.xml; via
 * ../shared/data/beb/charging-curves.json). First-segment slopes are the 44 / 22 / 11 kW stations.
 */
export const MONTOYA_2017_BATTERY_KWH = 16;
export const MONTOYA_2017: Readonly<
  Record<
    MontoyaCharger,
    { readonly nominalKW: number; readonly breakpoints: readonly ChargeBreakpoint[] }
  >
> = {
  fast: {
    nominalKW: 44,
    breakpoints: bp([
      [0, 0],
      [13.6, 0.31],
      [15.2, 0.39],
      [16, 0.51],
    ]),
  },
  normal: {
    nominalKW: 22,
    breakpoints: bp([
      [0, 0],
      [13.6, 0.62],
      [15.2, 0.77],
      [16, 1.01],
    ]),
  },
  slow: {
    nominalKW: 11,
    breakpoints: bp([
      [0, 0],
      [13.6, 1.26],
      [15.2, 1.54],
      [16, 2.04],
    ]),
  },
};

/**
 * Montoya's charging function for a charger type. Without options it is the published 16 kWh curve,
 * breakpoint for breakpoint. For another battery the breakpoints keep their SOC fractions
 * (0, 0.85, 0.95, 1) and their time per kWh of capacity; for another charger power the times scale
 * by nominalKW / powerKW, which keeps the CC/CV shape.
 */
export function montoyaCurve(
  charger: MontoyaCharger,
  options: { capacityKWh?: number; powerKW?: number } = {},
): PiecewiseLinearCurve {
  const ref = MONTOYA_2017[charger];
  const energyScale =
    requirePositive('capacityKWh', options.capacityKWh ?? MONTOYA_2017_BATTERY_KWH) /
    MONTOYA_2017_BATTERY_KWH;
  const timeScale =
    energyScale * (ref.nominalKW / requirePositive('powerKW', options.powerKW ?? ref.nominalKW));
  if (energyScale === 1 && timeScale === 1) return piecewiseLinearCurve(ref.breakpoints);
  return piecewiseLinearCurve(
    ref.breakpoints.map((b) => ({
      energyKWh: b.energyKWh * energyScale,
      hours: b.hours * timeScale,
    })),
  );
}

function bp(pairs: ReadonlyArray<readonly [number, number]>): readonly ChargeBreakpoint[] {
  return Object.freeze(pairs.map(([energyKWh, hours]) => Object.freeze({ energyKWh, hours })));
}
