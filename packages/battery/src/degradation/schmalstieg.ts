import type { SocProfile } from '../profile';
import { KELVIN, temperatureAt, validateProfile } from '../profile';
import { nmcMeanOcv, nmcOcv } from './ocv';
import { advancePowerLaw } from './powerLaw';
import { fullCycleEquivalents, profileCycles } from './profileCycles';
import type { CycleStress, DegradationModel, FadeResult, FadeState } from './types';

/**
 * Schmalstieg, Käbitz, Ecker, Sauer (2014), "A holistic aging model for Li(NiMnCo)O2 based 18650
 * lithium-ion batteries", J. Power Sources 257, 325–334; Sanyo UR18650E, 2.15 Ah.
 * Coefficients as in NREL/BLAST-Lite@bae8c719b7cf24a28724debeb4e2aa5f77ba5f6e
 * blast/models/nmc111_gr_Sanyo2Ah_2014.py `_params_life` (../shared/data/degradation/).
 */
export const SCHMALSTIEG_2014 = Object.freeze({
  cellAh: 2.15, // Sanyo UR18650E rating (BLAST-Lite)
  calA: 7.543, // qcal_A_V, BLAST-Lite _params_life
  calB: -23.75, // qcal_B_V
  calScale: 1e6, // qcal_scale
  calC: -6976, // qcal_C_TdegK, K
  calP: 0.75, // qcal_p: t^0.75, t in days
  cycA: 7.348e-3, // qcyc_A_V
  cycB: 3.667, // qcyc_B_V, V
  cycC: 7.6e-4, // qcyc_C
  cycD: 4.081e-3, // qcyc_D_DOD
  cycP: 0.5, // qcyc_p: √Q, Q in Ah per cell (charge + discharge)
});
const P = SCHMALSTIEG_2014;

/** α_cap(V, T) per day^0.75, calendar capacity fade (Schmalstieg 2014). */
export function schmalstiegAlphaCap(ocvV: number, tempK: number): number {
  return (P.calA * ocvV + P.calB) * P.calScale * Math.exp(P.calC / tempK);
}

/** β_cap(V̄, DoD) per √Ah, cycle capacity fade (Schmalstieg 2014). */
export function schmalstiegBetaCap(meanV: number, dod: number): number {
  return P.cycA * (meanV - P.cycB) ** 2 + P.cycC + P.cycD * dod;
}

/**
 * C/C0 = 1 − α_cap(V,T)·t^0.75 − β_cap(V̄,DoD)·√Q. Calendar: per profile step, α at the step's mean
 * SOC and temperature, continued in equivalent time. Cycle: per rainflow cycle, V̄ the mean OCV over
 * the cycle's SOC range (BLAST-Lite uses an RMS voltage), Q = 2·count·DoD·2.15 Ah.
 * No temperature or C-rate dependence of cycle fade in the published fit.
 */
export const schmalstieg2014Nmc: DegradationModel = {
  id: 'schmalstieg2014-nmc',
  title: 'Schmalstieg et al. 2014, NMC (Sanyo UR18650E)',
  source:
    'J. Power Sources 257 (2014) 325–334; coefficients NREL/BLAST-Lite@bae8c719 nmc111_gr_Sanyo2Ah_2014.py',
  calendarModelled: true,
  fade(p: SocProfile, options: { from?: FadeState } = {}): FadeResult {
    validateProfile(p);
    let cal = options.from?.['calendar'] ?? 0;
    let cyc = options.from?.['cycle'] ?? 0;
    const n = p.timeH.length;
    for (let i = 0; i + 1 < n; i++) {
      const s = ((p.soc[i] as number) + (p.soc[i + 1] as number)) / 2;
      const tK = (temperatureAt(p, i) + temperatureAt(p, i + 1)) / 2 + KELVIN;
      const dtDays = ((p.timeH[i + 1] as number) - (p.timeH[i] as number)) / 24;
      cal = advancePowerLaw(cal, schmalstiegAlphaCap(nmcOcv(s), tK), P.calP, dtDays);
    }
    const c = profileCycles(p);
    for (let i = 0; i < c.length; i++) {
      const dod = c.range[i] as number;
      const lo = (c.mean[i] as number) - dod / 2;
      const beta = schmalstiegBetaCap(nmcMeanOcv(lo, lo + dod), dod);
      cyc = advancePowerLaw(cyc, beta, P.cycP, 2 * (c.count[i] as number) * dod * P.cellAh);
    }
    return result('schmalstieg2014-nmc', cal, cyc, fullCycleEquivalents(c));
  },
  calendarFade(soc, tempC, hours) {
    return schmalstiegAlphaCap(nmcOcv(soc), tempC + KELVIN) * (hours / 24) ** P.calP;
  },
  cycleFade(stress: CycleStress, cycles) {
    const lo = stress.meanSoc - stress.depth / 2;
    const beta = schmalstiegBetaCap(nmcMeanOcv(lo, lo + stress.depth), stress.depth);
    return beta * Math.sqrt(2 * cycles * stress.depth * P.cellAh);
  },
};

function result(
  model: string,
  calendar: number,
  cycle: number,
  rainflowCycles: number,
): FadeResult {
  return {
    model,
    calendar,
    cycle,
    total: calendar + cycle,
    calendarModelled: true,
    rainflowCycles,
    state: { calendar, cycle },
  };
}
