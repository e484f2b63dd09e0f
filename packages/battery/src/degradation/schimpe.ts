import type { SocProfile } from '../profile';
import { KELVIN, temperatureAt, validateProfile } from '../profile';
import { FARADAY, R_GAS, advancePowerLaw } from './powerLaw';
import { fullCycleEquivalents, profileCycles } from './profileCycles';
import type { CycleStress, DegradationModel, FadeResult, FadeState } from './types';

/**
 * Schimpe, von Kuepach, Naumann, Hesse, Smith, Jossen (2018), "Comprehensive modeling of
 * temperature-dependent degradation mechanisms in lithium iron phosphate batteries",
 * J. Electrochem. Soc. 165(2) A181–A193, Table IV; Sony US26650FTC1, 3 Ah.
 * Values as in two public MATLAB parameter scripts found by code search (code index ids 27629306612
 * "Parameters from Michael Schimpe's ECS paper" and 55635201354; repository names not returned),
 * which agree with ../shared/data/degradation/degradation-params.json `schimpe2018_lfp`.
 */
export const SCHIMPE_2018 = Object.freeze({
  cellAh: 3.0, // C_0, cell rating
  tRefK: 298.15, // T_ref
  kCalRef: 3.694e-4, // k_cal,ref, h^-0.5
  eaCal: 20592, // E_a,cal, J/mol
  alpha: 0.384, // α, symmetry factor
  k0: 0.142, // k_0
  uaRefV: 0.123, // U_a,ref, V (anode potential at 50 % SOC)
  kHighTRef: 1.456e-4, // k_cyc,HighT,ref, Ah^-0.5
  eaHighT: 32699, // J/mol
  kLowTRef: 4.009e-4, // k_cyc,LowT,ref, Ah^-0.5
  eaLowT: 55546, // J/mol
  betaLowT: 2.64, // β_LowT, h
  kLowTHighSocRef: 2.031e-6, // k_cyc,LowT-HighSOC,ref, Ah^-1
  eaLowTHighSoc: 2.33e5, // J/mol
  betaLowTHighSoc: 7.84, // β_LowT-HighSOC, h
  socRef: 0.82, // SOC_ref of the high-SOC plating term
  iChRefA: 3.0, // I_ch,ref = 1C
  anodeX0: 0.0085, // graphite stoichiometry at SOC 0
  anodeX100: 0.78, // at SOC 1
});
const P = SCHIMPE_2018;

/** Graphite anode potential U_a (V) at a SOC fraction (fit used with Schimpe's model). */
export function schimpeAnodePotential(soc: number): number {
  const x = P.anodeX0 + soc * (P.anodeX100 - P.anodeX0);
  return (
    0.6379 +
    0.5416 * Math.exp(-305.5309 * x) +
    0.044 * Math.tanh(-(x - 0.1958) / 0.1088) -
    0.1978 * Math.tanh((x - 1.0571) / 0.0854) -
    0.6875 * Math.tanh((x + 0.0117) / 0.0529) -
    0.0175 * Math.tanh((x - 0.5692) / 0.0875)
  );
}

const arrhenius = (ea: number, tK: number): number =>
  Math.exp((-ea / R_GAS) * (1 / tK - 1 / P.tRefK));

/** k_cal(T, SOC), h^-0.5 (Schimpe 2018: Tafel-like SOC dependence through U_a). */
export function schimpeKCal(soc: number, tK: number): number {
  const tafel = Math.exp(
    ((P.alpha * FARADAY) / R_GAS) * ((P.uaRefV - schimpeAnodePotential(soc)) / P.tRefK),
  );
  return P.kCalRef * arrhenius(P.eaCal, tK) * (tafel + P.k0);
}

/** k_cyc,HighT(T), Ah^-0.5. */
export function schimpeKHighT(tK: number): number {
  return P.kHighTRef * arrhenius(P.eaHighT, tK);
}

/** k_cyc,LowT(T, I_ch), Ah^-0.5: plating, rises as temperature falls and charge current rises. */
export function schimpeKLowT(tK: number, iChA: number): number {
  return (
    P.kLowTRef * arrhenius(-P.eaLowT, tK) * Math.exp((P.betaLowT * (iChA - P.iChRefA)) / P.cellAh)
  );
}

/** k_cyc,LowT-HighSOC(T, I_ch), Ah^-1, applied only when the cycle's maximum SOC exceeds SOC_ref. */
export function schimpeKLowTHighSoc(tK: number, iChA: number): number {
  return (
    P.kLowTHighSocRef *
    arrhenius(-P.eaLowTHighSoc, tK) *
    Math.exp((P.betaLowTHighSoc * (iChA - P.iChRefA)) / P.cellAh)
  );
}

/**
 * Q_loss = k_cal·√t + k_HighT·√Q_tot + k_LowT·√Q_ch + k_LowT-HighSOC·Q_ch (Schimpe 2018, superposition of the four mechanisms).
 * The √ terms are throughput-based: each profile step adds |ΔSOC|·C_0 to Q_tot and, when charging,
 * ΔSOC·C_0 to Q_ch at current I_ch = ΔSOC·C_0/Δt, continued in equivalent age under changing
 * stress. The high-SOC plating term is per cycle: every rainflow (half) cycle whose upper SOC exceeds
 * SOC_ref adds its charge throughput count·range·C_0 at its mean charge current and temperature.
 */
export const schimpe2018Lfp: DegradationModel = {
  id: 'schimpe2018-lfp',
  title: 'Schimpe et al. 2018, LFP (Sony US26650FTC1)',
  source: 'J. Electrochem. Soc. 165(2) A181–A193 (2018), Table IV',
  calendarModelled: true,
  fade(p: SocProfile, options: { from?: FadeState } = {}): FadeResult {
    validateProfile(p);
    const from = options.from ?? {};
    let cal = from['calendar'] ?? 0;
    let high = from['cycleHighT'] ?? 0;
    let low = from['cycleLowT'] ?? 0;
    let lowHigh = from['cycleLowTHighSoc'] ?? 0;
    const n = p.timeH.length;
    for (let i = 0; i + 1 < n; i++) {
      const s0 = p.soc[i] as number;
      const s1 = p.soc[i + 1] as number;
      const tK = (temperatureAt(p, i) + temperatureAt(p, i + 1)) / 2 + KELVIN;
      const dtH = (p.timeH[i + 1] as number) - (p.timeH[i] as number);
      cal = advancePowerLaw(cal, schimpeKCal((s0 + s1) / 2, tK), 0.5, dtH);
      const dq = (s1 - s0) * P.cellAh;
      if (dq === 0) continue;
      high = advancePowerLaw(high, schimpeKHighT(tK), 0.5, Math.abs(dq));
      if (dq > 0) low = advancePowerLaw(low, schimpeKLowT(tK, dq / dtH), 0.5, dq);
    }
    const c = profileCycles(p);
    for (let i = 0; i < c.length; i++) {
      const top = Math.max(
        p.soc[c.from[i] as number] as number,
        p.soc[c.to[i] as number] as number,
      );
      if (!(top > P.socRef)) continue;
      const qCh = (c.count[i] as number) * (c.range[i] as number) * P.cellAh;
      lowHigh +=
        schimpeKLowTHighSoc((c.tempC[i] as number) + KELVIN, (c.cRate[i] as number) * P.cellAh) *
        qCh;
    }
    const cycle = high + low + lowHigh;
    return {
      model: 'schimpe2018-lfp',
      calendar: cal,
      cycle,
      total: cal + cycle,
      calendarModelled: true,
      rainflowCycles: fullCycleEquivalents(c),
      state: { calendar: cal, cycleHighT: high, cycleLowT: low, cycleLowTHighSoc: lowHigh },
    };
  },
  calendarFade(soc, tempC, hours) {
    return schimpeKCal(soc, tempC + KELVIN) * Math.sqrt(hours);
  },
  cycleFade(stress: CycleStress, cycles) {
    const tK = stress.tempC + KELVIN;
    const qCh = cycles * stress.depth * P.cellAh;
    const iCh = stress.cRate * P.cellAh;
    const highSoc =
      stress.meanSoc + stress.depth / 2 > P.socRef ? schimpeKLowTHighSoc(tK, iCh) * qCh : 0;
    return (
      schimpeKHighT(tK) * Math.sqrt(2 * qCh) + schimpeKLowT(tK, iCh) * Math.sqrt(qCh) + highSoc
    );
  },
};
