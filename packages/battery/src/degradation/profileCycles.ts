import { rainflow, type RainflowCycles } from '../rainflow';
import { temperatureAt, type SocProfile } from '../profile';

export interface ProfileCycles extends RainflowCycles {
  /** Mean of the temperatures at the two reversal points, °C. */
  readonly tempC: Float64Array;
  /** range / time between the reversal points: mean C-rate of the traverse, 1/h. */
  readonly cRate: Float64Array;
}

/** Rainflow cycles of a profile's SOC, with the temperature and C-rate each cycle saw. */
export function profileCycles(p: SocProfile): ProfileCycles {
  const c = rainflow(p.soc);
  const tempC = new Float64Array(c.length);
  const cRate = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const a = c.from[i] as number;
    const b = c.to[i] as number;
    tempC[i] = (temperatureAt(p, a) + temperatureAt(p, b)) / 2;
    cRate[i] = (c.range[i] as number) / Math.abs((p.timeH[b] as number) - (p.timeH[a] as number));
  }
  return { ...c, length: c.length, tempC, cRate };
}

export function fullCycleEquivalents(c: RainflowCycles): number {
  let s = 0;
  for (let i = 0; i < c.length; i++) s += c.count[i] as number;
  return s;
}
