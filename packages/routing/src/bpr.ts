import { requireNonNegative, requirePositive } from '@gridhaul/common';
import { speedProfile, type SpeedProfile } from './speed-profile';

/** BPR coefficients: t = t0 · (1 + alpha · (V/C)^beta). */
export interface BprParameters {
  alpha: number;
  beta: number;
}

/** US Bureau of Public Roads (1964) defaults, as in FHWA practice. */
export const BPR_DEFAULT: BprParameters = Object.freeze({ alpha: 0.15, beta: 4 });

/** Congested/free-flow travel-time ratio 1 + alpha·(V/C)^beta. */
export function bprMultiplier(volumeCapacityRatio: number, params: BprParameters = BPR_DEFAULT): number {
  requireNonNegative('volumeCapacityRatio', volumeCapacityRatio);
  requireNonNegative('alpha', params.alpha);
  requirePositive('beta', params.beta);
  return 1 + params.alpha * volumeCapacityRatio ** params.beta;
}

/** BPR link travel time (h) for a free-flow time t0 (h), volume and capacity (vehicles/h). */
export function bprTravelTimeH(freeFlowTimeH: number, volumeVehPerH: number, capacityVehPerH: number, params: BprParameters = BPR_DEFAULT): number {
  requireNonNegative('freeFlowTimeH', freeFlowTimeH);
  requireNonNegative('volumeVehPerH', volumeVehPerH);
  requirePositive('capacityVehPerH', capacityVehPerH);
  return freeFlowTimeH * bprMultiplier(volumeVehPerH / capacityVehPerH, params);
}

/**
 * Speed profile from a piecewise-constant V/C profile: in each piece the speed is
 * v_free / (1 + alpha·(V/C)^beta). Traversals integrate it, so the result stays FIFO.
 */
export function bprSpeedProfile(
  startsH: readonly number[],
  volumeCapacityRatios: readonly number[],
  periodH?: number,
  params: BprParameters = BPR_DEFAULT,
): SpeedProfile {
  return speedProfile(
    startsH,
    volumeCapacityRatios.map((x) => 1 / bprMultiplier(x, params)),
    periodH,
  );
}

/** Same from a volume profile (vehicles/h) and a capacity (vehicles/h). */
export function bprSpeedProfileFromVolumes(
  startsH: readonly number[],
  volumesVehPerH: readonly number[],
  capacityVehPerH: number,
  periodH?: number,
  params: BprParameters = BPR_DEFAULT,
): SpeedProfile {
  requirePositive('capacityVehPerH', capacityVehPerH);
  return bprSpeedProfile(
    startsH,
    volumesVehPerH.map((v, i) => requireNonNegative(`volumesVehPerH[${i}]`, v) / capacityVehPerH),
    periodH,
    params,
  );
}

/**
 * Suggested weekday urban/suburban hourly V/C profile (shared/notes/vehicle-energy.md §2.2):
 * 00–05 0.2, 06 0.6, 07–08 1.0, 09 0.8, 10–14 0.65, 15–17 1.0, 18 0.8, 19–21 0.5, 22–23 0.3.
 */
export const WEEKDAY_VC_PROFILE: { startsH: readonly number[]; ratios: readonly number[] } = Object.freeze({
  startsH: [0, 6, 7, 9, 10, 15, 18, 19, 22],
  ratios: [0.2, 0.6, 1.0, 0.8, 0.65, 1.0, 0.8, 0.5, 0.3],
});
