import { GridHaulError, InputError } from '@gridhaul/common';
import { solve, type SolveOptions, type SolveResult } from '@gridhaul/lp';
import type { Network } from '../network';
import { buildBThetaModel } from './btheta-model';
import { checkDcOpf } from './check-dcopf';
import { dcParameters, type DcConvention, type DcParameters } from './parameters';
import { addViolatedLimits, buildPtdfModel, extractPtdfResults } from './ptdf-model';
import { ReducedBbus } from './reduced-bbus';
import { buildCopperplateModel, extractCopperplateResults } from './copperplate-model';
import {
  DC_FORMULATIONS,
  extractBThetaResults,
  type DcFormulation,
  type DcOpfResult,
  type PeriodResult,
} from './results';

const MAX_LAZY_ROUNDS = 50;

export interface DcOpfOptions {
  /** Network model; default 'matpower'. */
  convention?: DcConvention;
  /**
   * 'btheta' (angles as variables, default), 'ptdf' (injections and PTDF-weighted flow rows), or
   * 'copperplate' (economic dispatch without the network, one balance per island).
   */
  formulation?: DcFormulation;
  /** PTDF only: add thermal/angle rows only when violated (default: more than 300 buses). */
  lazyPtdf?: boolean;
  /** Passed to @gridhaul/lp's solve (time limit, backend...). */
  solver?: SolveOptions;
}

/** Single-period DC OPF: dispatch, flows, angles, binding limits and LMPs (see results.ts for the sign). */
export async function solveDcOpf(
  network: Network,
  options: DcOpfOptions = {},
): Promise<DcOpfResult> {
  const p = dcParameters(network, options.convention ?? 'matpower');
  return solveDcOpfPeriods(network, p, [baseLoadsMW(network, p)], options);
}

/** Pd + Gs per in-service bus, MW. */
export function baseLoadsMW(network: Network, p: DcParameters): number[] {
  return p.buses.map((b) => b.loadMW);
}

/**
 * Solves a DC OPF over periods with the given withdrawals `loadsMW[t][bus]` (bus = index into
 * `p.buses`), then checks the result independently; a failed check throws CHECK_FAILED.
 */
export async function solveDcOpfPeriods(
  network: Network,
  p: DcParameters,
  loadsMW: readonly (readonly number[])[],
  options: DcOpfOptions = {},
): Promise<DcOpfResult> {
  const formulation = options.formulation ?? 'btheta';
  if (!DC_FORMULATIONS.includes(formulation))
    throw new InputError('formulation', formulation, DC_FORMULATIONS.join(', '));
  loadsMW.forEach((row, t) => {
    if (row.length !== p.buses.length)
      throw new InputError(
        `loadsMW[${t}]`,
        row.length,
        `${p.buses.length} values (one per in-service bus)`,
      );
  });
  if (
    loadsMW.length > 1 &&
    p.generators.some((g) => g.cost.kind === 'quadratic' && g.cost.c2 > 0)
  ) {
    return solvePeriodByPeriod(network, p, loadsMW, options);
  }
  const built = performance.now();
  const bbus = new ReducedBbus(p);
  let buildSec = (performance.now() - built) / 1000;
  let solveSec = 0;
  let sol: SolveResult;
  let periods: PeriodResult[] = [];
  const notes = [...p.notes];
  if (formulation === 'copperplate') {
    const t0 = performance.now();
    const dc = buildCopperplateModel(p, loadsMW);
    buildSec += (performance.now() - t0) / 1000;
    sol = await solve(dc.model, options.solver ?? {});
    solveSec = sol.timeSec;
    if (sol.status === 'optimal') periods = extractCopperplateResults(p, dc, loadsMW, sol);
  } else if (formulation === 'btheta') {
    const t0 = performance.now();
    const dc = buildBThetaModel(p, loadsMW);
    buildSec += (performance.now() - t0) / 1000;
    sol = await solve(dc.model, options.solver ?? {});
    solveSec = sol.timeSec;
    if (sol.status === 'error' && dc.model.quadratic.length > 0) {
      // HiGHS' QP solver (wasm) sometimes stops with status −1 on B-θ QPs with many free angle
      // columns (case118 at 93 % load); the PTDF form of the same problem solves
      const retry = await solveDcOpfPeriods(network, p, loadsMW, {
        ...options,
        formulation: 'ptdf',
      });
      return {
        ...retry,
        notes: [
          ...retry.notes,
          `B-θ QP failed in HiGHS (${sol.message ?? 'error'}); solved in PTDF form`,
        ],
      };
    }
    if (sol.status === 'optimal') periods = extractBThetaResults(p, dc, loadsMW, sol, bbus);
  } else {
    const lazy = options.lazyPtdf ?? p.buses.length > 300;
    const t0 = performance.now();
    const dc = buildPtdfModel(p, loadsMW, bbus, lazy);
    buildSec += (performance.now() - t0) / 1000;
    let rounds = 0;
    for (;;) {
      sol = await solve(dc.model, options.solver ?? {});
      solveSec += sol.timeSec;
      rounds++;
      if (sol.status !== 'optimal' || !lazy) break;
      const t1 = performance.now();
      const added = addViolatedLimits(dc, p, sol);
      buildSec += (performance.now() - t1) / 1000;
      if (added === 0) break;
      if (rounds >= MAX_LAZY_ROUNDS)
        throw new GridHaulError(
          'LAZY_PTDF_STALLED',
          `lazy PTDF still adds limits after ${rounds} solves`,
        );
    }
    if (lazy)
      notes.push(
        `lazy PTDF: ${rounds} solves, ${dc.flowRows.reduce((s, r) => s + r.size, 0)} thermal and ${dc.angleRows.reduce((s, r) => s + r.size, 0)} angle rows`,
      );
    if (sol.status === 'optimal') periods = extractPtdfResults(p, dc, loadsMW, sol);
  }
  const result: DcOpfResult = {
    status: sol.status,
    convention: p.convention,
    formulation,
    objective: sol.objective ?? NaN,
    periods,
    solveSec,
    buildSec,
    notes,
  };
  if (result.status === 'optimal') {
    const report = checkDcOpf(network, result);
    if (!report.ok)
      throw new GridHaulError(
        'CHECK_FAILED',
        `DC OPF result failed the independent check:\n${report.violations.slice(0, 20).join('\n')}`,
      );
  }
  return result;
}

/**
 * Periods share no constraint (loads and storage injections are given), so a multi-period QP splits
 * exactly into one QP per period. Done for quadratic costs because HiGHS' QP solver (wasm build)
 * fails with status −1 once a QP has about a thousand free angle columns (case118 × 8 periods).
 */
async function solvePeriodByPeriod(
  network: Network,
  p: DcParameters,
  loadsMW: readonly (readonly number[])[],
  options: DcOpfOptions,
): Promise<DcOpfResult> {
  const parts: DcOpfResult[] = [];
  for (const load of loadsMW) {
    const r = await solveDcOpfPeriods(network, p, [load], options);
    parts.push(r);
    if (r.status !== 'optimal') break;
  }
  const failed = parts.find((r) => r.status !== 'optimal');
  const first = parts[0] as DcOpfResult;
  return {
    ...first,
    status: failed?.status ?? 'optimal',
    objective: failed ? NaN : parts.reduce((s, r) => s + r.objective, 0),
    periods: failed ? [] : parts.flatMap((r) => r.periods),
    solveSec: parts.reduce((s, r) => s + r.solveSec, 0),
    buildSec: parts.reduce((s, r) => s + r.buildSec, 0),
    notes: [
      ...first.notes,
      `quadratic costs: ${loadsMW.length} periods solved one by one (they share no constraint)`,
    ],
  };
}
