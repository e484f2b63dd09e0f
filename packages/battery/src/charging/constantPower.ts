import { requirePositive } from '@gridhaul/common';
import type { ChargingCurve } from './curve';
import { requireEnergy, requireHours } from './validate';

/** Charging at constant power until full: E(t) = min(cap, E0 + η·P·t). */
export function constantPowerCurve(
  capacityKWh: number,
  powerKW: number,
  efficiency = 1,
): ChargingCurve {
  const cap = requirePositive('capacityKWh', capacityKWh);
  const rate = requirePositive('powerKW', powerKW) * requirePositive('efficiency', efficiency);
  return {
    capacityKWh: cap,
    energyAfter(startKWh, hours) {
      const e0 = requireEnergy('startKWh', startKWh, cap);
      return Math.min(cap, e0 + rate * requireHours('hours', hours));
    },
    hoursToReach(startKWh, targetKWh) {
      const e0 = requireEnergy('startKWh', startKWh, cap);
      const e1 = requireEnergy('targetKWh', targetKWh, cap);
      return e1 <= e0 ? 0 : (e1 - e0) / rate;
    },
  };
}
