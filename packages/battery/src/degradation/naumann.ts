import type { SocProfile } from '../profile';
import { KELVIN, temperatureAt, validateProfile } from '../profile';
import { advancePowerLaw } from './powerLaw';
import { fullCycleEquivalents, profileCycles } from './profileCycles';
import type { CycleStress, DegradationModel, FadeResult, FadeState } from './types';

/**
 * Naumann et al., Sony/Murata US26650FTC1 LFP: calendar, J. Energy Storage 17 (2018) 153–169;
 * cycle, J. Power Sources 451 (2020) 227666. Coefficients as in
 * tum-ees/simses@2769f809ca4fc56cb7cdfe1953bd7eb682ec9f8e src/simses/model/degradation/
 * sony_lfp_calendar.py and sony_lfp_cyclic.py (../shared/data/degradation/ `naumann_sony_lfp`).
 */
export const NAUMANN_LFP = Object.freeze({
  rGas: 8.3144598, // R as used by SimSES
  tRefK: 298.15, // 25 °C
  calKRef: 1.2571e-5, // k_T reference, s^-0.5
  calEa: 17126, // J/mol
  calC: 2.8575, // k_SOC = C·(SOC − 0.5)³ + D
  calD: 0.60225,
  cycA: 0.063, // (A·C_rate + B): percent per √FEC
  cycB: 0.0971,
  cycC: 4.0253, // (C·(DoD − 0.6)³ + D)
  cycD: 1.0923,
  cycDodCenter: 0.6,
});
const P = NAUMANN_LFP;

export function naumannKCal(soc: number, tK: number): number {
  const kT = P.calKRef * Math.exp((-P.calEa / P.rGas) * (1 / tK - 1 / P.tRefK));
  return kT * (P.calC * (soc - 0.5) ** 3 + P.calD);
}

/** Cycle fade per √FEC (fraction, not percent) at a C-rate and depth. */
export function naumannKCyc(cRate: number, dod: number): number {
  return ((P.cycA * cRate + P.cycB) * (P.cycC * (dod - P.cycDodCenter) ** 3 + P.cycD)) / 100;
}

/**
 * Calendar: Q_loss = k_T(T)·k_SOC(SOC)·√t, t in seconds, per profile step. Cycle: Q_loss =
 * (A·C + B)·(C·(DoD − 0.6)³ + D)·√FEC per rainflow cycle, FEC = count·DoD, C-rate the mean of
 * the cycle's traverse. Both continue in equivalent age (SimSES "virtual time / virtual FEC").
 * The cycle fit has no temperature dependence (cycling tests at 25 °C).
 */
export const naumannLfp: DegradationModel = {
  id: 'naumann-lfp',
  title: 'Naumann et al. 2018/2020, LFP (Sony/Murata US26650FTC1)',
  source:
    'J. Energy Storage 17 (2018) 153; J. Power Sources 451 (2020) 227666; coefficients tum-ees/simses@2769f809',
  calendarModelled: true,
  fade(p: SocProfile, options: { from?: FadeState } = {}): FadeResult {
    validateProfile(p);
    let cal = options.from?.['calendar'] ?? 0;
    let cyc = options.from?.['cycle'] ?? 0;
    const n = p.timeH.length;
    for (let i = 0; i + 1 < n; i++) {
      const s = ((p.soc[i] as number) + (p.soc[i + 1] as number)) / 2;
      const tK = (temperatureAt(p, i) + temperatureAt(p, i + 1)) / 2 + KELVIN;
      const dtS = ((p.timeH[i + 1] as number) - (p.timeH[i] as number)) * 3600;
      cal = advancePowerLaw(cal, naumannKCal(s, tK), 0.5, dtS);
    }
    const c = profileCycles(p);
    for (let i = 0; i < c.length; i++) {
      const dod = c.range[i] as number;
      cyc = advancePowerLaw(
        cyc,
        naumannKCyc(c.cRate[i] as number, dod),
        0.5,
        (c.count[i] as number) * dod,
      );
    }
    return {
      model: 'naumann-lfp',
      calendar: cal,
      cycle: cyc,
      total: cal + cyc,
      calendarModelled: true,
      rainflowCycles: fullCycleEquivalents(c),
      state: { calendar: cal, cycle: cyc },
    };
  },
  calendarFade(soc, tempC, hours) {
    return naumannKCal(soc, tempC + KELVIN) * Math.sqrt(hours * 3600);
  },
  cycleFade(stress: CycleStress, cycles) {
    return naumannKCyc(stress.cRate, stress.depth) * Math.sqrt(cycles * stress.depth);
  },
};
