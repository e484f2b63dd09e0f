import { InputError, requireFinite, requireInteger } from '@gridhaul/common';
import type { Network } from '../network';
import type { DcParameters } from './parameters';
import { dcParameters } from './parameters';
import { solveDcOpfPeriods, type DcOpfOptions } from './solve-dcopf';
import type { DcOpfResult } from './results';

/** Per-bus MW time series (one value per period). */
export interface BusSeries {
  readonly bus: number;
  readonly mw: readonly number[];
}

/**
 * What changes from period to period (e.g. 24 hours). Load at bus i in period t:
 *   Pd_i · scale_i,t + Gs_i + storage_i,t − renewable_i,t   (MW)
 * A MESS charging at a bus is extra load (storage > 0); discharging is negative load.
 */
export interface PeriodProfile {
  readonly periods: number;
  /** Multiplier on every bus's Pd per period; default 1. */
  readonly loadScale?: readonly number[];
  /** Per-bus multipliers (replace loadScale at that bus). */
  readonly busLoadScale?: readonly { readonly bus: number; readonly scale: readonly number[] }[];
  /** Storage (MESS) charging (+) / discharging (−) per bus, MW. */
  readonly storageMW?: readonly BusSeries[];
  /** Must-take renewable output per bus, MW (a negative load). */
  readonly renewableMW?: readonly BusSeries[];
}

/** loadsMW[t][bus] for the model, validated (InputError names the profile field). */
export function periodLoadsMW(
  network: Network,
  p: DcParameters,
  profile: PeriodProfile,
): number[][] {
  const parts = profileParts(network, p, profile);
  return parts.pdMW.map((row, t) =>
    row.map((pd, i) => pd + parts.fixedMW[t]![i]! - parts.renewableMW[t]![i]!),
  );
}

/**
 * The three parts of each bus-period withdrawal, MW: scaled Pd; fixed (Gs + storage); renewable
 * output (subtracted). Kept apart so price scenarios can perturb load and renewables separately.
 */
export function profileParts(
  network: Network,
  p: DcParameters,
  profile: PeriodProfile,
): { pdMW: number[][]; fixedMW: number[][]; renewableMW: number[][] } {
  const T = requireInteger('profile.periods', profile.periods, 1);
  const pos = new Map(p.buses.map((b, i) => [b.id, i]));
  const series = (
    field: string,
    values: readonly number[] | undefined,
  ): readonly number[] | undefined => {
    if (values === undefined) return undefined;
    if (values.length !== T)
      throw new InputError(`${field}.length`, values.length, `${T} values (profile.periods)`);
    values.forEach((v, t) => requireFinite(`${field}[${t}]`, v));
    return values;
  };
  const busOf = (field: string, id: number): number => {
    const i = pos.get(id);
    if (i === undefined) throw new InputError(field, id, 'an in-service bus of the network');
    return i;
  };
  const scale = series('profile.loadScale', profile.loadScale);
  const busScale = new Map<number, readonly number[]>();
  (profile.busLoadScale ?? []).forEach((s, k) =>
    busScale.set(
      busOf(`profile.busLoadScale[${k}].bus`, s.bus),
      series(`profile.busLoadScale[${k}].scale`, s.scale) as readonly number[],
    ),
  );
  const grid = (f: (t: number, i: number) => number) =>
    Array.from({ length: T }, (_, t) => p.buses.map((_, i) => f(t, i)));
  const pdMW = grid(
    (t, i) =>
      network.buses[p.buses[i]!.networkIndex]!.pdMW * (busScale.get(i)?.[t] ?? scale?.[t] ?? 1),
  );
  const fixedMW = grid((_, i) => network.buses[p.buses[i]!.networkIndex]!.gsMW);
  const renewableMW = grid(() => 0);
  const addSeries = (name: string, list: readonly BusSeries[] | undefined, target: number[][]) =>
    (list ?? []).forEach((s, k) => {
      const i = busOf(`profile.${name}[${k}].bus`, s.bus);
      series(`profile.${name}[${k}].mw`, s.mw)!.forEach((v, t) => {
        target[t]![i]! += v;
      });
    });
  addSeries('storageMW', profile.storageMW, fixedMW);
  addSeries('renewableMW', profile.renewableMW, renewableMW);
  return { pdMW, fixedMW, renewableMW };
}

/** DC OPF over all periods of a profile in one LP; LMP time series in `result.periods[t].buses`. */
export async function solveMultiPeriodDcOpf(
  network: Network,
  profile: PeriodProfile,
  options: DcOpfOptions = {},
): Promise<DcOpfResult> {
  const p = dcParameters(network, options.convention ?? 'matpower');
  return solveDcOpfPeriods(network, p, periodLoadsMW(network, p, profile), options);
}

/** LMP per bus as a time series, $/MWh: bus id → [period 0, period 1, ...]. */
export function lmpSeries(result: DcOpfResult): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const period of result.periods) {
    for (const b of period.buses) {
      const s = out.get(b.bus) ?? [];
      s.push(b.lmp);
      out.set(b.bus, s);
    }
  }
  return out;
}
