import type { SocProfile } from '../profile';
import { KELVIN, temperatureAt, validateProfile } from '../profile';
import { R_GAS, advancePowerLaw } from './powerLaw';
import type { CycleStress, DegradationModel, FadeResult, FadeState } from './types';

/**
 * Wang et al. (2011), "Cycle-life model for graphite-LiFePO4 cells", J. Power Sources 196, 3942–3948;
 * A123 ANR26650 (2.2 Ah measured). Q_loss[%] = B(C)·exp((−31 700 + 370.3·C)/(R·T))·Ah^0.55.
 * Values as in dan-kuc/openSimSES@698a6114 20_coreFunctions/agingModel/CLFP_Goebel_CycAging.m and
 * janis09/Energy-Storage-dim-tool Empirical_model_cycling.py (../shared/data/degradation/ `wang2011_lfp`).
 */
export const WANG_2011 = Object.freeze({
  cellAh: 2.2, // the 4 400 Ah ↔ 1000 full cycles convention of ../shared/notes/degradation.md §3
  ea: 31700, // J/mol
  cRateCoeff: 370.3, // J/mol per C
  z: 0.55, // power-law exponent on Ah throughput
  /** Pre-exponential factor B by C-rate (the paper's four fits). */
  bByCRate: Object.freeze([
    [0.5, 31630],
    [2, 21681],
    [6, 12934],
    [10, 15512],
  ] as ReadonlyArray<readonly [number, number]>),
});
const P = WANG_2011;

/** B(C): linear between the published C-rates (as openSimSES does between C/2 and 2C), clamped outside. */
export function wangB(cRate: number): number {
  const t = P.bByCRate;
  const first = t[0] as readonly [number, number];
  const last = t[t.length - 1] as readonly [number, number];
  if (cRate <= first[0]) return first[1];
  if (cRate >= last[0]) return last[1];
  let k = 1;
  while ((t[k] as readonly [number, number])[0] < cRate) k++;
  const [c0, b0] = t[k - 1] as readonly [number, number];
  const [c1, b1] = t[k] as readonly [number, number];
  return b0 + ((b1 - b0) * (cRate - c0)) / (c1 - c0);
}

/** Fade (fraction) per Ah^0.55 at a C-rate and temperature. */
export function wangK(cRate: number, tK: number): number {
  return (wangB(cRate) * Math.exp((-P.ea + P.cRateCoeff * cRate) / (R_GAS * tK))) / 100;
}

/**
 * Throughput model, no rainflow: every profile step adds |ΔSOC|·2.2 Ah (charge and discharge) at its
 * own C-rate |ΔSOC|/Δt and temperature, continued in equivalent Ah. Wang et al. fitted total loss
 * during cycling (storage time between cycles is inside the fit), so there is no separate calendar
 * term: idle time causes no fade in this model and `calendarModelled` is false.
 */
export const wang2011Lfp: DegradationModel = {
  id: 'wang2011-lfp',
  title: 'Wang et al. 2011 power law / Arrhenius, LFP (A123 ANR26650)',
  source: 'J. Power Sources 196 (2011) 3942–3948; values openSimSES CLFP_Goebel_CycAging.m',
  calendarModelled: false,
  fade(p: SocProfile, options: { from?: FadeState } = {}): FadeResult {
    validateProfile(p);
    let cyc = options.from?.['cycle'] ?? 0;
    const n = p.timeH.length;
    for (let i = 0; i + 1 < n; i++) {
      const ds = Math.abs((p.soc[i + 1] as number) - (p.soc[i] as number));
      if (ds === 0) continue;
      const tK = (temperatureAt(p, i) + temperatureAt(p, i + 1)) / 2 + KELVIN;
      const cRate = ds / ((p.timeH[i + 1] as number) - (p.timeH[i] as number));
      cyc = advancePowerLaw(cyc, wangK(cRate, tK), P.z, ds * P.cellAh);
    }
    return {
      model: 'wang2011-lfp',
      calendar: 0,
      cycle: cyc,
      total: cyc,
      calendarModelled: false,
      rainflowCycles: 0,
      state: { cycle: cyc },
    };
  },
  calendarFade() {
    return 0;
  },
  cycleFade(stress: CycleStress, cycles) {
    return (
      wangK(stress.cRate, stress.tempC + KELVIN) * (2 * cycles * stress.depth * P.cellAh) ** P.z
    );
  },
};
