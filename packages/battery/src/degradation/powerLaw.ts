/**
 * Advance a power law L = k·x^z by dx under the current stress k, continuing from the fade already
 * accumulated: find the equivalent age x_eq = (L/k)^(1/z) at this stress, then L' = k·(x_eq + dx)^z
 * (the "virtual time / virtual FEC" continuation of SimSES, tum-ees/simses). Exact for constant k.
 */
export function advancePowerLaw(fade: number, k: number, z: number, dx: number): number {
  if (!(k > 0) || !(dx > 0)) return fade;
  if (z === 0.5) {
    const r = fade / k;
    return k * Math.sqrt(r * r + dx);
  }
  const xEq = fade > 0 ? Math.pow(fade / k, 1 / z) : 0;
  return k * Math.pow(xEq + dx, z);
}

/** Universal gas constant, J/(mol·K), as used by the cited model codes. */
export const R_GAS = 8.314;
export const FARADAY = 96485;
