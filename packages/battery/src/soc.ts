import { InputError, requireFinite, requireInRange, requireNonNegative } from '@gridhaul/common';
import type { SocProfile } from './profile';
import type { BatterySpec } from './spec';

/**
 * One interval of a schedule. Power is measured at the battery terminals on the grid side:
 * charging at P kW stores η_ch·P kW, discharging at P kW removes P/η_dis kW from storage.
 */
export type ScheduleInterval =
  | { readonly kind: 'charge'; readonly durationH: number; readonly powerKW: number }
  | { readonly kind: 'discharge'; readonly durationH: number; readonly powerKW: number }
  | { readonly kind: 'idle'; readonly durationH: number };

export interface SocPoint {
  readonly timeH: number;
  readonly energyKWh: number;
  readonly soc: number;
}

/** A stretch of one interval during which stored energy is outside the usable window. */
export interface WindowViolation {
  readonly intervalIndex: number;
  readonly bound: 'socMin' | 'socMax';
  /** When the energy left the window (interval start if it was already outside). */
  readonly fromH: number;
  /** When, within the interval, the exceedance is largest, and by how much (kWh beyond the bound). */
  readonly worstAtH: number;
  readonly amountKWh: number;
}

export interface PowerViolation {
  readonly intervalIndex: number;
  readonly kind: 'charge' | 'discharge';
  readonly powerKW: number;
  readonly limitKW: number;
}

export interface SocTrace {
  /** Stored energy at t = 0 and at the end of every interval. */
  readonly points: readonly SocPoint[];
  readonly windowViolations: readonly WindowViolation[];
  readonly powerViolations: readonly PowerViolation[];
  readonly gridEnergyInKWh: number;
  readonly gridEnergyOutKWh: number;
  /** Conversion losses plus self-discharge. */
  readonly lossesKWh: number;
  readonly feasible: boolean;
}

/**
 * Exact SOC bookkeeping: within an interval dE/dt = p − σ·E with constant p (η_ch·P, −P/η_dis or 0)
 * and self-discharge σ per hour, so E(t) = E∞ + (E0 − E∞)·e^(−σt), E∞ = p/σ (or E0 + p·t if σ = 0).
 * E(t) is monotone inside an interval, so window crossings are found in closed form.
 */
export function simulateSchedule(
  spec: BatterySpec,
  initialSoc: number,
  schedule: readonly ScheduleInterval[],
): SocTrace {
  requireInRange('initialSoc', initialSoc, 0, 1);
  const cap = spec.nominalEnergyKWh;
  const lo = spec.socMin * cap;
  const hi = spec.socMax * cap;
  const sigma = spec.selfDischargePerHour;
  let energy = initialSoc * cap;
  let time = 0;
  let gridIn = 0;
  let gridOut = 0;
  const points: SocPoint[] = [{ timeH: 0, energyKWh: energy, soc: energy / cap }];
  const windowViolations: WindowViolation[] = [];
  const powerViolations: PowerViolation[] = [];

  schedule.forEach((interval, i) => {
    const dt = requireNonNegative(`schedule[${i}].durationH`, interval.durationH);
    let rate = 0;
    if (interval.kind === 'charge' || interval.kind === 'discharge') {
      const p = requireNonNegative(`schedule[${i}].powerKW`, interval.powerKW);
      const limit = interval.kind === 'charge' ? spec.maxChargePowerKW : spec.maxDischargePowerKW;
      if (p > limit * (1 + 1e-12))
        powerViolations.push({ intervalIndex: i, kind: interval.kind, powerKW: p, limitKW: limit });
      if (interval.kind === 'charge') {
        rate = spec.chargeEfficiency * p;
        gridIn += p * dt;
      } else {
        rate = -p / spec.dischargeEfficiency;
        gridOut += p * dt;
      }
    } else if (interval.kind !== 'idle') {
      throw new InputError(
        `schedule[${i}].kind`,
        (interval as { kind: unknown }).kind,
        "'charge', 'discharge' or 'idle'",
      );
    }
    const start = energy;
    const end = energyAfter(start, rate, sigma, dt);
    for (const [bound, level, outside] of [
      ['socMin', lo, (e: number) => lo - e],
      ['socMax', hi, (e: number) => e - hi],
    ] as const) {
      const tol = 1e-9 * cap;
      if (outside(end) <= tol && outside(start) <= tol) continue;
      const worstAtEnd = outside(end) >= outside(start);
      const fromH = outside(start) > tol ? time : time + crossingTime(start, rate, sigma, level);
      windowViolations.push({
        intervalIndex: i,
        bound,
        fromH,
        worstAtH: worstAtEnd ? time + dt : time,
        amountKWh: Math.max(outside(start), outside(end)),
      });
    }
    energy = end;
    time += dt;
    points.push({ timeH: time, energyKWh: energy, soc: energy / cap });
  });

  requireFinite('final energy', energy);
  const lossesKWh = gridIn - gridOut - (energy - initialSoc * cap);
  return {
    points,
    windowViolations,
    powerViolations,
    gridEnergyInKWh: gridIn,
    gridEnergyOutKWh: gridOut,
    lossesKWh,
    feasible: windowViolations.length === 0 && powerViolations.length === 0,
  };
}

function energyAfter(e0: number, rate: number, sigma: number, t: number): number {
  if (sigma === 0) return e0 + rate * t;
  const eInf = rate / sigma;
  return eInf + (e0 - eInf) * Math.exp(-sigma * t);
}

/** Time from e0 until the monotone trajectory reaches `level` (the caller knows it does). */
function crossingTime(e0: number, rate: number, sigma: number, level: number): number {
  if (sigma === 0) return (level - e0) / rate;
  const eInf = rate / sigma;
  return -Math.log((level - eInf) / (e0 - eInf)) / sigma;
}

/**
 * The trace as a degradation-model profile. Energy is monotone inside each interval, so the interval
 * boundaries carry every SOC reversal; zero-length intervals are merged.
 */
export function traceToProfile(trace: SocTrace, tempC: number): SocProfile {
  const timeH: number[] = [];
  const soc: number[] = [];
  for (const p of trace.points) {
    if (timeH.length > 0 && p.timeH <= (timeH[timeH.length - 1] as number)) {
      soc[soc.length - 1] = Math.min(1, Math.max(0, p.soc));
      continue;
    }
    timeH.push(p.timeH);
    soc.push(Math.min(1, Math.max(0, p.soc)));
  }
  return { timeH, soc, tempC };
}
