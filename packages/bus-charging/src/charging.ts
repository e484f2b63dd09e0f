import type { ChargingCurve } from '@gridhaul/battery';
import { ccCvCurve, constantPowerCurve } from '@gridhaul/battery';
import type { ChargingModel } from './schedule';

/** The @gridhaul/battery curve of a charger of `powerKW` on a battery of `batteryKWh`. */
export function chargingCurve(model: ChargingModel, powerKW: number, batteryKWh: number): ChargingCurve {
  return model.kind === 'linear' ? constantPowerCurve(batteryKWh, powerKW) : ccCvCurve(batteryKWh, powerKW, model.cvStartSoc);
}

/**
 * Energy (kWh) a battery holding `e0KWh` gains in `hours` on `curve` (rated `powerKW`). Below empty
 * — reachable only in the annealer's penalised states — it charges at rated power up to 0 first.
 */
export function energyGained(curve: ChargingCurve, powerKW: number, e0KWh: number, hours: number): number {
  if (hours <= 0 || e0KWh >= curve.capacityKWh) return 0;
  if (e0KWh < 0) {
    const toEmpty = -e0KWh / powerKW;
    if (hours <= toEmpty) return powerKW * hours;
    return -e0KWh + curve.energyAfter(0, hours - toEmpty);
  }
  return curve.energyAfter(e0KWh, hours) - e0KWh;
}
