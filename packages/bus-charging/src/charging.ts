import type { ChargingModel } from './schedule';

// The constant-voltage tail lives here until @gridhaul/battery exports its CC-CV curve; the
// functions are closed forms of dE/dt = P (E < s·κ), dE/dt = c(κ − E) (E >= s·κ).

/** Battery energy (kWh) after charging `hours` from `e0KWh` at a charger of `powerKW`. */
export function energyAfter(model: ChargingModel, powerKW: number, batteryKWh: number, e0KWh: number, hours: number): number {
  if (hours <= 0 || e0KWh >= batteryKWh) return e0KWh;
  if (model.kind === 'linear' || model.cvStartSoc >= 1) return Math.min(batteryKWh, e0KWh + powerKW * hours);
  const eCv = model.cvStartSoc * batteryKWh;
  let e = e0KWh;
  let t = hours;
  if (e < eCv) {
    const tCc = (eCv - e) / powerKW;
    if (t <= tCc) return e + powerKW * t;
    e = eCv;
    t -= tCc;
  }
  const c = powerKW / (batteryKWh - eCv);
  return batteryKWh - (batteryKWh - e) * Math.exp(-c * t);
}

/** Hours to charge from `e0KWh` to `e1KWh`; Infinity when the curve never gets there. */
export function hoursToReach(model: ChargingModel, powerKW: number, batteryKWh: number, e0KWh: number, e1KWh: number): number {
  if (e1KWh <= e0KWh) return 0;
  if (model.kind === 'linear' || model.cvStartSoc >= 1) return e1KWh > batteryKWh ? Infinity : (e1KWh - e0KWh) / powerKW;
  if (e1KWh >= batteryKWh) return Infinity;
  const eCv = model.cvStartSoc * batteryKWh;
  if (e1KWh <= eCv) return (e1KWh - e0KWh) / powerKW;
  const tCc = e0KWh < eCv ? (eCv - e0KWh) / powerKW : 0;
  const from = Math.max(e0KWh, eCv);
  const c = powerKW / (batteryKWh - eCv);
  return tCc + Math.log((batteryKWh - from) / (batteryKWh - e1KWh)) / c;
}
