import type { SocProfile } from '../profile';

/** Stress of one full cycle: depth (SOC fraction), mean SOC, temperature °C, C-rate (1/h). */
export interface CycleStress {
  readonly depth: number;
  readonly meanSoc: number;
  readonly tempC: number;
  readonly cRate: number;
}

/**
 * Fade by mechanism, fractions of nominal capacity. Chaining: pass `state` of one result as `from`
 * of the next profile to continue the same battery's life (√t and √Q laws depend on age).
 */
export type FadeState = Readonly<Record<string, number>>;

export interface FadeResult {
  readonly model: string;
  /** Capacity fade (fraction of nominal) attributed to storage time. */
  readonly calendar: number;
  /** Capacity fade attributed to cycling / throughput. */
  readonly cycle: number;
  readonly total: number;
  /** False when the published model has no calendar component (calendar is then 0). */
  readonly calendarModelled: boolean;
  /** Full-cycle equivalents counted by rainflow (half cycles count 0.5), 0 for throughput models. */
  readonly rainflowCycles: number;
  readonly state: FadeState;
}

export interface DegradationModel {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly calendarModelled: boolean;
  /** Fade of a SOC/temperature profile (calendar + cycle), optionally continuing from an earlier state. */
  fade(profile: SocProfile, options?: { from?: FadeState }): FadeResult;
  /** Calendar fade of a new cell stored `hours` at constant SOC and temperature. */
  calendarFade(soc: number, tempC: number, hours: number): number;
  /** Cycle fade of a new cell after `cycles` identical full cycles. */
  cycleFade(stress: CycleStress, cycles: number): number;
}
