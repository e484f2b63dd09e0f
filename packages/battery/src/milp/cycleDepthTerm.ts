import { InputError, requireInRange, requireInteger } from '@gridhaul/common';
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
import { depthBreakpoints } from './depthBreakpoints';
import { exactCycleDepthCost } from './exactCycleCost';

export interface CycleDepthCostOptions {
  readonly spec: BatterySpec;
  /** USD for one full cycle of depth δ (SOC fraction), e.g. δ ↦ cycleCostUsd(spec, model, { depth: δ }). */
  readonly cycleCostUsd: (depth: number) => number;
  readonly periods: number;
  /** Energy entering storage in period t, kWh (after the charge efficiency), over the model's variables. */
  readonly chargedKWh: (t: number) => Linear;
  /**
   * Energy leaving storage in period t, kWh (before the discharge efficiency). These are the flows
   * the cells see: if the model lets a period charge and discharge at once, the term prices the
   * gross discharge, which the period-end SOC (and so rainflow) does not show.
   */
  readonly dischargedKWh: (t: number) => Linear;
  readonly initialSoc: number;
  /** Depth breakpoints 0 < … ≤ socMax − socMin; default depthBreakpoints(8, socMax − socMin). */
  readonly breakpoints?: readonly number[];
  /** Family prefix of the term's variables and rows; default 'cycleDepth'. */
  readonly family?: string;
}

export interface DepthSegment {
  readonly fromDepth: number;
  readonly toDepth: number;
  readonly capacityKWh: number;
  /** Marginal cost of discharging energy held in this segment, USD/kWh. */
  readonly costUsdPerKWh: number;
}

export interface CycleDepthCostTerm {
  /** Add this to the objective (subtract it when maximising). USD. */
  readonly costUsd: LinearExpr;
  readonly segments: readonly DepthSegment[];
  /** [segment j][period t] */
  readonly segmentEnergy: readonly (readonly Var[])[];
  readonly segmentCharge: readonly (readonly Var[])[];
  readonly segmentDischarge: readonly (readonly Var[])[];
  readonly initialSegmentKWh: readonly number[];
  readonly pwl: ConvexPwl;
  /** True when the cost curve was not convex at the breakpoints and its lower convex envelope is used. */
  readonly convexified: boolean;
  /** Cost-per-cycle error of the PWL vs the exact curve over [0, socMax − socMin], USD per cycle. */
  readonly error: ApproximationError;
  readonly options: CycleDepthCostOptions;
}

/**
 * Cycle-depth degradation cost as a convex piecewise-linear term (the segment formulation of Xu,
 * Zhao, Zheng, Litvinov, Kirschen, "Factoring the cycle aging cost of batteries participating in
 * electricity markets", IEEE TPWRS 33(2) 2018; ../shared/notes/degradation.md §6(a)). The usable window
 * is split into depth segments j with capacity (δ_j − δ_{j−1})·E; discharging energy held in segment j
 * costs c_j = (Φ(δ_j) − Φ(δ_{j−1}))/((δ_j − δ_{j−1})·E). With c_j non-decreasing the LP discharges the
 * shallowest segments first and refills them first, so a cycle of depth δ costs Φ̂(δ), the
 * interpolation of Φ at the breakpoints, booked when the energy is discharged. No binaries.
 */
export function addCycleDepthCost(model: Model, o: CycleDepthCostOptions): CycleDepthCostTerm {
  const { spec } = o;
  const periods = requireInteger('periods', o.periods, 1);
  const initialSoc = requireInRange('initialSoc', o.initialSoc, spec.socMin, spec.socMax);
  const family = o.family ?? 'cycleDepth';
  const maxDepth = spec.socMax - spec.socMin;
  const bps = o.breakpoints ?? depthBreakpoints(8, maxDepth);
  if (bps[0] !== 0) throw new InputError('breakpoints[0]', bps[0], '0 (zero depth costs nothing)');
  if (Math.abs((bps[bps.length - 1] as number) - maxDepth) > 1e-12) {
    throw new InputError(
      `breakpoints[${bps.length - 1}]`,
      bps[bps.length - 1],
      `the window width socMax − socMin = ${maxDepth}`,
    );
  }
  const phi = (d: number): number => (d <= 0 ? 0 : o.cycleCostUsd(d));
  const pwl = convexPwl(phi, bps);
  const error = approximationError(pwl, phi, 0, maxDepth, bps[1] as number);
  const energy = spec.nominalEnergyKWh;

  const segments: DepthSegment[] = pwl.slopes.map((slope, j) => ({
    fromDepth: pwl.xs[j] as number,
    toDepth: pwl.xs[j + 1] as number,
    capacityKWh: ((pwl.xs[j + 1] as number) - (pwl.xs[j] as number)) * energy,
    costUsdPerKWh: slope / energy,
  }));
  const initialSegmentKWh = fillShallowFirst(segments, (initialSoc - spec.socMin) * energy);

  const costUsd = new LinearExpr();
  const segmentEnergy: Var[][] = [];
  const segmentCharge: Var[][] = [];
  const segmentDischarge: Var[][] = [];
  segments.forEach((seg, j) => {
    segmentEnergy.push([]);
    segmentCharge.push([]);
    segmentDischarge.push([]);
    for (let t = 0; t < periods; t++) {
      const e = model.addVar({ name: name(`${family}Energy`, { j, t }), ub: seg.capacityKWh });
      const ch = model.addVar({ name: name(`${family}Charge`, { j, t }) });
      const dis = model.addVar({ name: name(`${family}Discharge`, { j, t }) });
      (segmentEnergy[j] as Var[]).push(e);
      (segmentCharge[j] as Var[]).push(ch);
      (segmentDischarge[j] as Var[]).push(dis);
      costUsd.add(dis, seg.costUsdPerKWh);
    }
  });
  addSegmentBalance(
    model,
    family,
    segmentEnergy,
    segmentCharge,
    segmentDischarge,
    initialSegmentKWh,
  );
  addSegmentLinks(model, family, periods, segmentCharge, segmentDischarge, o);
  return {
    costUsd,
    segments,
    segmentEnergy,
    segmentCharge,
    segmentDischarge,
    initialSegmentKWh,
    pwl,
    convexified: pwl.convexified,
    error,
    options: o,
  };
}

/** e[j,t] = e[j,t−1] + ch[j,t] − dis[j,t], e[j,−1] = the initial allocation. */
function addSegmentBalance(
  model: Model,
  family: string,
  e: Var[][],
  ch: Var[][],
  dis: Var[][],
  initial: readonly number[],
): void {
  e.forEach((row, j) =>
    row.forEach((ejt, t) => {
      const lhs = new LinearExpr()
        .add(ejt)
        .add((ch[j] as Var[])[t] as Var, -1)
        .add((dis[j] as Var[])[t] as Var, 1);
      if (t > 0) lhs.add(row[t - 1] as Var, -1);
      model.addConstraint(
        lhs,
        '=',
        t === 0 ? (initial[j] as number) : 0,
        name(`${family}Balance`, { j, t }),
      );
    }),
  );
}

/** Σ_j ch[j,t] = charged(t) and Σ_j dis[j,t] = discharged(t). */
function addSegmentLinks(
  model: Model,
  family: string,
  periods: number,
  ch: Var[][],
  dis: Var[][],
  o: CycleDepthCostOptions,
): void {
  for (let t = 0; t < periods; t++) {
    const c = new LinearExpr().addExpr(o.chargedKWh(t), -1);
    const d = new LinearExpr().addExpr(o.dischargedKWh(t), -1);
    ch.forEach((row) => c.add(row[t] as Var));
    dis.forEach((row) => d.add(row[t] as Var));
    model.addConstraint(c, '=', 0, name(`${family}ChargeLink`, { t }));
    model.addConstraint(d, '=', 0, name(`${family}DischargeLink`, { t }));
  }
}

function fillShallowFirst(segments: readonly DepthSegment[], kWh: number): number[] {
  let left = kWh;
  return segments.map((s) => {
    const take = Math.min(s.capacityKWh, Math.max(0, left));
    left -= take;
    return take;
  });
}

export interface CycleDepthCostReport {
  /** What the LP charged: Σ c_j·dis[j,t], USD. */
  readonly pwlCostUsd: number;
  /** Rainflow + exact Φ on the solved SOC trajectory (independent of the segment model), USD. */
  readonly exactCostUsd: number;
  /** Bound on |pwl − exact| from the stated approximation error and the counted cycles, USD. */
  readonly errorBoundUsd: number;
  readonly withinStatedError: boolean;
  /** SOC at the start and at the end of every period. */
  readonly socTrajectory: readonly number[];
  readonly convexified: boolean;
}

/**
 * Extracts the term's cost from a solved model and checks it against the exact model: the SOC
 * trajectory implied by the segment energies is rainflow-counted and each cycle priced with Φ
 * (discharge halves at full price, as the segment model books them).
 */
export function readCycleDepthCost(
  term: CycleDepthCostTerm,
  result: SolveResult,
): CycleDepthCostReport {
  const { spec } = term.options;
  const periods = term.segmentEnergy[0]?.length ?? 0;
  let pwlCostUsd = 0;
  term.segmentDischarge.forEach((row, j) =>
    row.forEach(
      (v) => (pwlCostUsd += (term.segments[j] as DepthSegment).costUsdPerKWh * result.value(v)),
    ),
  );
  const socTrajectory = [term.options.initialSoc];
  for (let t = 0; t < periods; t++) {
    let stored = 0;
    for (const row of term.segmentEnergy) stored += result.value(row[t] as Var);
    socTrajectory.push(spec.socMin + stored / spec.nominalEnergyKWh);
  }
  const exact = exactCycleDepthCost(socTrajectory, term.options.cycleCostUsd);
  let errorBoundUsd = 0;
  for (const c of exact.cycles) {
    const relative =
      c.depth >= term.error.relativeFrom - 1e-9
        ? term.error.maxRelative * term.options.cycleCostUsd(c.depth)
        : Infinity;
    errorBoundUsd += c.weight * Math.min(term.error.maxAbsolute, relative);
  }
  const diff = Math.abs(pwlCostUsd - exact.costUsd);
  return {
    pwlCostUsd,
    exactCostUsd: exact.costUsd,
    errorBoundUsd,
    withinStatedError: diff <= errorBoundUsd + 1e-6 * Math.max(1, exact.costUsd),
    socTrajectory,
    convexified: term.convexified,
  };
}
