import type { SocProfile } from '../profile';
import { KELVIN, temperatureAt, validateProfile } from '../profile';
import { fullCycleEquivalents, profileCycles } from './profileCycles';
import type { CycleStress, DegradationModel, FadeResult, FadeState } from './types';

/**
 * Xu, Oudalov, Ulbig, Andersson, Kirschen (2018), "Modeling of lithium-ion battery degradation for
 * cell life assessment", IEEE Trans. Smart Grid 9(2) 1131–1140 (LMO cells). Coefficients as in
 * pierlozi/BESS_optim Tests/TestRainflow/test_rnflow.m (../shared/data/degradation/ `xu2018`).
 */
export const XU_2018 = Object.freeze({
  kDelta1: 1.4e5, // S_δ = (k_δ1·δ^k_δ2 + k_δ3)^-1
  kDelta2: -0.501,
  kDelta3: -1.23e5,
  kSigma: 1.04, // S_σ = e^(k_σ(σ − σ_ref))
  sigmaRef: 0.5,
  kT: 6.93e-2, // S_T = e^(k_T(T − T_ref)·T_ref/T)
  tRefK: 298.15,
  kTime: 4.14e-10, // S_t = k_t·t, t in s
  alphaSei: 5.75e-2, // SEI film share of the fade
  betaSei: 121,
});
const P = XU_2018;

export const xuDepthStress = (depth: number): number =>
  depth <= 0 ? 0 : 1 / (P.kDelta1 * depth ** P.kDelta2 + P.kDelta3);
export const xuSocStress = (soc: number): number => Math.exp(P.kSigma * (soc - P.sigmaRef));
export const xuTempStress = (tK: number): number =>
  Math.exp((P.kT * (tK - P.tRefK) * P.tRefK) / tK);

/** L = 1 − α_sei·e^(−β_sei·f_d) − (1 − α_sei)·e^(−f_d): capacity loss from the linear damage f_d. */
export function xuLoss(fd: number): number {
  return 1 - P.alphaSei * Math.exp(-P.betaSei * fd) - (1 - P.alphaSei) * Math.exp(-fd);
}

/**
 * f_d = Σ_i n_i·S_δ(δ_i)·S_σ(σ̄_i)·S_T(T_i) over rainflow cycles + S_t(t)·S_σ(σ̄)·S_T(T̄) with σ̄, T̄
 * the time-weighted means of the profile (Xu 2018), then L(f_d). Calendar/cycle shares of L are
 * split in proportion to their parts of f_d (L itself is not additive).
 */
export const xu2018: DegradationModel = {
  id: 'xu2018',
  title: 'Xu et al. 2018 stress-factor model with SEI film (LMO)',
  source:
    'IEEE Trans. Smart Grid 9(2) (2018) 1131–1140; coefficients pierlozi/BESS_optim test_rnflow.m',
  calendarModelled: true,
  fade(p: SocProfile, options: { from?: FadeState } = {}): FadeResult {
    validateProfile(p);
    let fdCal = options.from?.['fdCalendar'] ?? 0;
    let fdCyc = options.from?.['fdCycle'] ?? 0;
    const n = p.timeH.length;
    let socArea = 0;
    let tempArea = 0;
    for (let i = 0; i + 1 < n; i++) {
      const dt = (p.timeH[i + 1] as number) - (p.timeH[i] as number);
      socArea += (((p.soc[i] as number) + (p.soc[i + 1] as number)) / 2) * dt;
      tempArea += ((temperatureAt(p, i) + temperatureAt(p, i + 1)) / 2) * dt;
    }
    const spanH = (p.timeH[n - 1] as number) - (p.timeH[0] as number);
    if (spanH > 0) {
      fdCal +=
        P.kTime *
        spanH *
        3600 *
        xuSocStress(socArea / spanH) *
        xuTempStress(tempArea / spanH + KELVIN);
    }
    const c = profileCycles(p);
    for (let i = 0; i < c.length; i++) {
      fdCyc +=
        (c.count[i] as number) *
        xuDepthStress(c.range[i] as number) *
        xuSocStress(c.mean[i] as number) *
        xuTempStress((c.tempC[i] as number) + KELVIN);
    }
    const fd = fdCal + fdCyc;
    const total = xuLoss(fd);
    const calendar = fd > 0 ? (total * fdCal) / fd : 0;
    return {
      model: 'xu2018',
      calendar,
      cycle: total - calendar,
      total,
      calendarModelled: true,
      rainflowCycles: fullCycleEquivalents(c),
      state: { fdCalendar: fdCal, fdCycle: fdCyc },
    };
  },
  calendarFade(soc, tempC, hours) {
    return xuLoss(P.kTime * hours * 3600 * xuSocStress(soc) * xuTempStress(tempC + KELVIN));
  },
  cycleFade(stress: CycleStress, cycles) {
    return xuLoss(
      cycles *
        xuDepthStress(stress.depth) *
        xuSocStress(stress.meanSoc) *
        xuTempStress(stress.tempC + KELVIN),
    );
  },
};
