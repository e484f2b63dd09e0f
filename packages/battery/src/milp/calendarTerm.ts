import { InputError, requireInteger, requirePositive } from '@gridhaul/common';
import {
  LinearExpr,
  name,
  type Linear,
  type Model,
  type SolveResult,
  type Var,
} from '@gridhaul/lp';
import type { BatterySpec } from '../spec';
import {
  approximationError,
  convexPwl,
  type ApproximationError,
  type ConvexPwl,
} from './convexPwl';

export interface CalendarCostOptions {
  readonly spec: BatterySpec;
  /** USD per hour of storage at a SOC, e.g. s ↦ calendarCostUsdPerHour(spec, model, s, ageHours). */
  readonly costUsdPerHour: (soc: number) => number;
  readonly periods: number;
  readonly periodH: number;
  /** Stored energy at the end of period t, kWh, over the model's variables; it is held for periodH. */
  readonly storedKWh: (t: number) => Linear;
  /** SOC breakpoints from socMin to socMax; default 8 equal segments. */
  readonly breakpoints?: readonly number[];
  readonly family?: string;
}

export interface CalendarCostTerm {
  /** Add this to the objective (subtract it when maximising). USD. */
  readonly costUsd: LinearExpr;
  /** Epigraph variable per period: USD/h of holding cost. */
  readonly holdingUsdPerHour: readonly Var[];
  readonly pwl: ConvexPwl;
  /** True when the curve is not convex on the breakpoints and its lower convex envelope is used. */
  readonly convexified: boolean;
  /** Error of the PWL vs the exact curve over [socMin, socMax], USD/h. */
  readonly error: ApproximationError;
  readonly options: CalendarCostOptions;
}

/**
 * SOC-dependent calendar (holding) cost, ../shared/notes/degradation.md §6(c): per period an epigraph
 * variable z_t ≥ a_k + b_k·SOC_t for every segment k of the convex PWL of cost-per-hour vs SOC,
 * cost Σ_t periodH·z_t. Calendar curves are often concave (Schimpe) or S-shaped (Schmalstieg
 * follows the OCV); those are replaced by their lower convex envelope, `convexified` is true and
 * `error` states how far below the curve the envelope lies. Exact handling would need SOS2/binaries.
 */
export function addCalendarCost(model: Model, o: CalendarCostOptions): CalendarCostTerm {
  const { spec } = o;
  const periods = requireInteger('periods', o.periods, 1);
  const periodH = requirePositive('periodH', o.periodH);
  const family = o.family ?? 'calendarCost';
  const bps =
    o.breakpoints ??
    Array.from({ length: 9 }, (_, k) =>
      k === 8 ? spec.socMax : spec.socMin + ((spec.socMax - spec.socMin) * k) / 8,
    );
  if (
    Math.abs((bps[0] as number) - spec.socMin) > 1e-12 ||
    Math.abs((bps[bps.length - 1] as number) - spec.socMax) > 1e-12
  ) {
    throw new InputError(
      'breakpoints',
      bps,
      `breakpoints from socMin (${spec.socMin}) to socMax (${spec.socMax})`,
    );
  }
  const pwl = convexPwl(o.costUsdPerHour, bps);
  const error = approximationError(pwl, o.costUsdPerHour, spec.socMin, spec.socMax);
  const costUsd = new LinearExpr();
  const holdingUsdPerHour: Var[] = [];
  for (let t = 0; t < periods; t++) {
    const z = model.addVar({ name: name(`${family}Holding`, { t }) });
    holdingUsdPerHour.push(z);
    costUsd.add(z, periodH);
    addHoldingEpigraph(model, family, t, z, pwl, o.storedKWh(t), spec.nominalEnergyKWh);
  }
  return { costUsd, holdingUsdPerHour, pwl, convexified: pwl.convexified, error, options: o };
}

/** z_t ≥ y_k + b_k·(stored_t/E − x_k) for each PWL segment k. */
function addHoldingEpigraph(
  model: Model,
  family: string,
  t: number,
  z: Var,
  pwl: ConvexPwl,
  stored: Linear,
  energyKWh: number,
): void {
  pwl.slopes.forEach((b, k) => {
    const lhs = new LinearExpr().add(z).addExpr(stored, -b / energyKWh);
    model.addConstraint(
      lhs,
      '>=',
      (pwl.ys[k] as number) - b * (pwl.xs[k] as number),
      name(`${family}Epigraph`, { t, k }),
    );
  });
}

export interface CalendarCostReport {
  readonly pwlCostUsd: number;
  /** Σ_t periodH·costUsdPerHour(SOC_t) on the solved SOCs. */
  readonly exactCostUsd: number;
  /** periodH·Σ_t (max error of the PWL), USD. */
  readonly errorBoundUsd: number;
  readonly withinStatedError: boolean;
  readonly convexified: boolean;
}

/** Reads the holding cost from a solved model and checks it against the exact curve at the solved SOCs. */
export function readCalendarCost(
  term: CalendarCostTerm,
  result: SolveResult,
  storedKWh: (t: number) => number,
): CalendarCostReport {
  const { spec, periodH, costUsdPerHour } = term.options;
  let pwlCostUsd = 0;
  let exactCostUsd = 0;
  term.holdingUsdPerHour.forEach((z, t) => {
    pwlCostUsd += periodH * result.value(z);
    exactCostUsd +=
      periodH *
      costUsdPerHour(
        Math.min(spec.socMax, Math.max(spec.socMin, storedKWh(t) / spec.nominalEnergyKWh)),
      );
  });
  const errorBoundUsd = periodH * term.holdingUsdPerHour.length * term.error.maxAbsolute;
  return {
    pwlCostUsd,
    exactCostUsd,
    errorBoundUsd,
    withinStatedError:
      Math.abs(pwlCostUsd - exactCostUsd) <= errorBoundUsd + 1e-6 * Math.max(1, exactCostUsd),
    convexified: term.convexified,
  };
}
