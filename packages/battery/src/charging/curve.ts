/**
 * A charging curve: how stored energy grows while plugged in. Both directions are exact (closed
 * form or piecewise-linear inversion), so `hoursToReach(e0, energyAfter(e0, t)) = t` whenever the
 * curve has not yet reached its end.
 */
export interface ChargingCurve {
  readonly capacityKWh: number;
  /** Stored energy (kWh) after charging `hours` from `startKWh`; never above capacity. */
  energyAfter(startKWh: number, hours: number): number;
  /** Hours to go from `startKWh` to `targetKWh` (0 if already there; Infinity if never reached). */
  hoursToReach(startKWh: number, targetKWh: number): number;
}

/** SOC-fraction convenience over any curve. */
export function hoursToSoc(curve: ChargingCurve, startSoc: number, targetSoc: number): number {
  return curve.hoursToReach(startSoc * curve.capacityKWh, targetSoc * curve.capacityKWh);
}

export function socAfter(curve: ChargingCurve, startSoc: number, hours: number): number {
  return curve.energyAfter(startSoc * curve.capacityKWh, hours) / curve.capacityKWh;
}
