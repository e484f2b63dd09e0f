import { requireInRange, requirePositive } from '@gridhaul/common';
import type { ChargingCurve } from './curve';
import { requireEnergy, requireHours } from './validate';

/**
 * First-order constant-voltage tail: charge(t) = cap − (cap − start)·e^(−c·t) (Whitaker et al. 2023,
 * IEEE T-ITS 24(9), exact discretisation of dE/dt = c·(cap − E)). c in 1/h. Capacity is approached,
 * never reached: hoursToReach(cap) is Infinity.
 */
export function cvTailCurve(capacityKWh: number, ratePerHour: number): ChargingCurve {
  const cap = requirePositive('capacityKWh', capacityKWh);
  const c = requirePositive('ratePerHour', ratePerHour);
  return {
    capacityKWh: cap,
    energyAfter(startKWh, hours) {
      const e0 = requireEnergy('startKWh', startKWh, cap);
      return cap - (cap - e0) * Math.exp(-c * requireHours('hours', hours));
    },
    hoursToReach(startKWh, targetKWh) {
      const e0 = requireEnergy('startKWh', startKWh, cap);
      const e1 = requireEnergy('targetKWh', targetKWh, cap);
      if (e1 <= e0) return 0;
      if (e1 >= cap) return Infinity;
      return Math.log((cap - e0) / (cap - e1)) / c;
    },
  };
}

/**
 * CC-CV: constant power P up to SOC s_cv, then the exponential tail whose initial power equals P,
 * c = P / (cap·(1 − s_cv)) (../shared/notes/beb-charging.md §5.4).
 */
export function ccCvCurve(capacityKWh: number, powerKW: number, cvStartSoc: number): ChargingCurve {
  const cap = requirePositive('capacityKWh', capacityKWh);
  const p = requirePositive('powerKW', powerKW);
  const sCv = requireInRange('cvStartSoc', cvStartSoc, 0, 1);
  const eCv = sCv * cap;
  const tail = sCv < 1 ? cvTailCurve(cap, p / (cap - eCv)) : undefined;
  return {
    capacityKWh: cap,
    energyAfter(startKWh, hours) {
      const e0 = requireEnergy('startKWh', startKWh, cap);
      const t = requireHours('hours', hours);
      if (e0 < eCv) {
        const tCc = (eCv - e0) / p;
        if (t <= tCc) return e0 + p * t;
        return tail ? tail.energyAfter(eCv, t - tCc) : cap;
      }
      return tail ? tail.energyAfter(e0, t) : cap;
    },
    hoursToReach(startKWh, targetKWh) {
      const e0 = requireEnergy('startKWh', startKWh, cap);
      const e1 = requireEnergy('targetKWh', targetKWh, cap);
      if (e1 <= e0) return 0;
      if (e1 <= eCv) return (e1 - e0) / p;
      const tCc = e0 < eCv ? (eCv - e0) / p : 0;
      return tCc + (tail ? tail.hoursToReach(Math.max(e0, eCv), e1) : 0);
    },
  };
}
