/**
 * Open-circuit voltage of the Sanyo UR18650E (NMC/graphite) cell vs SOC, used by Schmalstieg et al.
 * 2014. 11-point resample (linear interpolation) of NREL BLAST-Lite's 58-point table
 * (NREL/BLAST-Lite@bae8c719 blast/models/nmc111_gr_Sanyo2Ah_2014.py `_soc_index`/`_ocv`), as
 * recorded in ../shared/data/degradation/degradation-params.json `schmalstieg2014_nmc.ocv_*`.
 */
export const SCHMALSTIEG_OCV_SOC: readonly number[] = [
  0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
];
export const SCHMALSTIEG_OCV_V: readonly number[] = [
  3.331, 3.491, 3.5812, 3.6267, 3.6552, 3.6974, 3.7747, 3.8688, 3.9649, 4.073, 4.162,
];

const N = SCHMALSTIEG_OCV_SOC.length - 1;
const STEP = 1 / N;

/** OCV (V) at a SOC fraction in [0, 1], linear between table points. */
export function nmcOcv(soc: number): number {
  const s = soc <= 0 ? 0 : soc >= 1 ? 1 : soc;
  const k = Math.min(N - 1, Math.floor(s * N));
  const v0 = SCHMALSTIEG_OCV_V[k] as number;
  const v1 = SCHMALSTIEG_OCV_V[k + 1] as number;
  return v0 + (v1 - v0) * ((s - k * STEP) / STEP);
}

/** Mean OCV over the SOC interval [a, b]: exact integral of the piecewise-linear table / (b − a). */
export function nmcMeanOcv(a: number, b: number): number {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(1, Math.max(a, b));
  if (hi - lo < 1e-12) return nmcOcv(lo);
  let area = 0;
  let s = lo;
  while (s < hi) {
    const k = Math.min(N - 1, Math.floor(s * N + 1e-12));
    const end = Math.min(hi, (k + 1) * STEP);
    area += ((nmcOcv(s) + nmcOcv(end)) / 2) * (end - s);
    if (end <= s) break;
    s = end;
  }
  return area / (hi - lo);
}
