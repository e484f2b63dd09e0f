import type { StorageUnit } from './types';

/**
 * Whether a unit can cover its demand at all, whatever the prices: the most energy it can hold at
 * the end of period t is min(SOC max, previous + Δt·(ηc·Pc − demand/ηd)), and every schedule stays
 * below that path; so the unit is feasible exactly when this path never drops below the SOC floor
 * (the final SOC at the end). Solver-free, so bad input is refused before anything is stored.
 * Returns null, or where and why it is not.
 */
export function storageShortfall(u: StorageUnit, stepH: number): { period: number; message: string } | null {
  const ceiling = u.socMax * u.capacityMWh;
  let most = u.initialSoc * u.capacityMWh;
  const T = u.demandMW.length;
  for (let t = 0; t < T; t++) {
    most = Math.min(ceiling, most + stepH * (u.chargeEfficiency * u.maxChargeMW - (u.demandMW[t] as number) / u.dischargeEfficiency));
    const last = t === T - 1;
    const floor = (last ? Math.max(u.socMin, u.finalSoc) : u.socMin) * u.capacityMWh;
    if (most < floor - 1e-9 * Math.max(1, u.capacityMWh)) {
      const what = last && u.finalSoc > u.socMin ? `the final SOC (${floor} MWh)` : `the SOC floor (${floor} MWh)`;
      return { period: t, message: `unit "${u.name}" cannot cover its demand: charging at ${u.maxChargeMW} MW throughout, it holds at most ${round(most)} MWh at the end of period ${t}, below ${what}` };
    }
  }
  return null;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
