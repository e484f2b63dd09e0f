import { InputError, requireInRange, requirePositive } from '@gridhaul/common';

/**
 * Piecewise-constant time-of-day speed multiplier (any resolution): piece i covers
 * [startsH[i], startsH[i+1]) and multiplies the free-flow speed by factors[i].
 */
export interface SpeedProfile {
  /** Start of each piece (h); the first is 0, strictly increasing. */
  readonly startsH: readonly number[];
  /** Speed multiplier of each piece (> 0). */
  readonly factors: readonly number[];
  /** Repeat period (h), e.g. 24 for a daily profile; without it the last piece lasts for ever. */
  readonly periodH?: number;
}

export const FREE_FLOW: SpeedProfile = Object.freeze({ startsH: [0], factors: [1] });

/** Builds a validated profile. */
export function speedProfile(startsH: readonly number[], factors: readonly number[], periodH?: number): SpeedProfile {
  const profile: SpeedProfile = periodH === undefined ? { startsH: [...startsH], factors: [...factors] } : { startsH: [...startsH], factors: [...factors], periodH };
  validateSpeedProfile('profile', profile);
  return Object.freeze(profile);
}

/** A daily profile from 24 hourly multipliers (hour 0 = 00:00–01:00), repeating every 24 h. */
export function hourlySpeedProfile(factors: readonly number[]): SpeedProfile {
  if (factors.length !== 24) throw new InputError('factors.length', factors.length, '24 hourly factors');
  return speedProfile(
    factors.map((_, h) => h),
    factors,
    24,
  );
}

export function validateSpeedProfile(field: string, p: SpeedProfile): void {
  if (!Array.isArray(p.startsH) || p.startsH.length === 0) throw new InputError(`${field}.startsH`, p.startsH, 'a non-empty array');
  if (!Array.isArray(p.factors) || p.factors.length !== p.startsH.length) {
    throw new InputError(`${field}.factors`, p.factors, `an array of ${p.startsH.length} factors, one per piece`);
  }
  if (p.startsH[0] !== 0) throw new InputError(`${field}.startsH[0]`, p.startsH[0], '0');
  for (let i = 1; i < p.startsH.length; i++) {
    const s = p.startsH[i];
    if (typeof s !== 'number' || !Number.isFinite(s) || s <= (p.startsH[i - 1] as number)) {
      throw new InputError(`${field}.startsH[${i}]`, s, 'a finite number above the previous start');
    }
  }
  p.factors.forEach((f, i) => requirePositive(`${field}.factors[${i}]`, f));
  if (p.periodH !== undefined) {
    requirePositive(`${field}.periodH`, p.periodH);
    requireInRange(`${field}.startsH[${p.startsH.length - 1}]`, p.startsH[p.startsH.length - 1], 0, p.periodH * (1 - 1e-12));
  }
}

/** Multiplier in force at time tH. */
export function factorAt(p: SpeedProfile, tH: number): number {
  const period = p.periodH ?? Infinity;
  let tau = Number.isFinite(period) ? tH - Math.floor(tH / period) * period : tH;
  if (tau >= period) tau -= period;
  let i = 0;
  while (i + 1 < p.startsH.length && (p.startsH[i + 1] as number) <= tau) i++;
  return p.factors[i] as number;
}

/** Piece index at the start of each 1/perH-hour bucket, so finding the piece at t skips the scan. */
export interface PieceLookup {
  readonly perH: number;
  readonly piece: Int32Array;
}

export function pieceLookup(startsH: ArrayLike<number>, periodH: number, perH = 4): PieceLookup {
  const horizon = Math.max(startsH[startsH.length - 1] as number, Number.isFinite(periodH) ? periodH : 0);
  const piece = new Int32Array(Math.ceil(horizon * perH) + 1);
  let i = 0;
  for (let b = 0; b < piece.length; b++) {
    while (i + 1 < startsH.length && (startsH[i + 1] as number) <= b / perH) i++;
    piece[b] = i;
  }
  return { perH, piece };
}

/** Receives each constant-speed stretch of a traversal: speed (km/h) and distance covered (km). */
export type PieceVisitor = (speedKmh: number, distanceKm: number) => void;

/**
 * Exit time (h) from a stretch of `lengthKm` entered at `entryH`, driving at baseSpeed × factor(t)
 * and integrating speed over time (Ichoua, Gendreau & Potvin 2003), so a later entry never
 * leaves earlier (FIFO). `visit` sees every constant-speed piece, e.g. to add up energy.
 */
export function traverseProfile(
  startsH: ArrayLike<number>,
  factors: ArrayLike<number>,
  periodH: number,
  lengthKm: number,
  baseSpeedKmh: number,
  entryH: number,
  visit?: PieceVisitor,
  lookup?: PieceLookup,
): number {
  const n = startsH.length;
  const periodic = Number.isFinite(periodH);
  let base = 0;
  let tau = entryH;
  if (periodic) {
    base = Math.floor(entryH / periodH) * periodH;
    tau = entryH - base;
    if (tau >= periodH) {
      base += periodH;
      tau -= periodH;
    }
  }
  let i = lookup === undefined ? 0 : (lookup.piece[Math.min(lookup.piece.length - 1, Math.floor(tau * lookup.perH))] as number);
  while (i + 1 < n && (startsH[i + 1] as number) <= tau) i++;
  let t = entryH;
  let remaining = lengthKm;
  for (;;) {
    const speed = baseSpeedKmh * (factors[i] as number);
    const end = i + 1 < n ? base + (startsH[i + 1] as number) : periodic ? base + periodH : Infinity;
    const reach = speed * (end - t);
    if (reach >= remaining) {
      visit?.(speed, remaining);
      return t + remaining / speed;
    }
    if (reach > 0) {
      visit?.(speed, reach);
      remaining -= reach;
    }
    t = end;
    i++;
    if (i === n) {
      i = 0;
      base += periodH;
    }
  }
}

/** Exit time (h) for a validated profile; see traverseProfile. */
export function traverseH(p: SpeedProfile, lengthKm: number, baseSpeedKmh: number, entryH: number, visit?: PieceVisitor): number {
  return traverseProfile(p.startsH, p.factors, p.periodH ?? Infinity, lengthKm, baseSpeedKmh, entryH, visit);
}
