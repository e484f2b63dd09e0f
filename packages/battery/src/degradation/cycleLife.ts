import { InputError } from '@gridhaul/common';
import type { SocProfile } from '../profile';
import { validateProfile } from '../profile';
import { fullCycleEquivalents, profileCycles } from './profileCycles';
import type { CycleStress, DegradationModel, FadeResult, FadeState } from './types';

/**
 * Cycle life vs depth of discharge N(DoD) = β0·DoD^−β1·e^(β2·(1−DoD)), the form of Lee & Kim,
 * Int. J. Electr. Power Energy Syst. 137 (2022) 107795, with the parameters of the Co-OPT MESS
 * notebooks (sambeets/Co-OPT_MESS@a3b7d9f1 Model1/Model3) and an independent public Julia script
 * (../shared/data/degradation/ `generalized_leekim_style`).
 */
export const CYCLE_LIFE_DOD = Object.freeze({
  beta0: 4901, // cycles at DoD 1
  beta1: 1.98,
  beta2: 0.016,
});
const P = CYCLE_LIFE_DOD;

/** Cycles to end of life at a depth of discharge in (0, 1]. */
export function cyclesToEndOfLife(dod: number): number {
  return P.beta0 * dod ** -P.beta1 * Math.exp(P.beta2 * (1 - dod));
}

/** Life fraction used by one full cycle of depth dod: Φ̂(δ) = 1/N(δ), 0 at δ = 0. */
export function lifePerCycle(dod: number): number {
  return dod <= 0 ? 0 : (dod ** P.beta1 * Math.exp(-P.beta2 * (1 - dod))) / P.beta0;
}

/**
 * Miner's rule over rainflow cycles: life used = Σ count/N(DoD); capacity fade = life used ×
 * (1 − end-of-life capacity fraction), i.e. fade reaches the end-of-life threshold after N cycles.
 * The curve has no calendar and no temperature dependence (`calendarModelled` false).
 */
export function cycleLifeModel(endOfLifeCapacityFraction = 0.8): DegradationModel {
  const eol = endOfLifeCapacityFraction;
  if (!(eol > 0 && eol < 1))
    throw new InputError('endOfLifeCapacityFraction', eol, 'a number in (0, 1)');
  const fadeAtEol = 1 - eol;
  return {
    id: 'cycle-life-dod',
    title: 'Cycle life vs DoD, N = 4901·DoD^−1.98·e^(0.016(1−DoD))',
    source: 'Lee & Kim 2022 form; parameters Co-OPT MESS notebooks',
    calendarModelled: false,
    fade(p: SocProfile, options: { from?: FadeState } = {}): FadeResult {
      validateProfile(p);
      let life = options.from?.['lifeUsed'] ?? 0;
      const c = profileCycles(p);
      for (let i = 0; i < c.length; i++)
        life += (c.count[i] as number) * lifePerCycle(c.range[i] as number);
      const cycle = life * fadeAtEol;
      return {
        model: 'cycle-life-dod',
        calendar: 0,
        cycle,
        total: cycle,
        calendarModelled: false,
        rainflowCycles: fullCycleEquivalents(c),
        state: { lifeUsed: life },
      };
    },
    calendarFade() {
      return 0;
    },
    cycleFade(stress: CycleStress, cycles) {
      return cycles * lifePerCycle(stress.depth) * fadeAtEol;
    },
  };
}
