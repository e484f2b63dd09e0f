import type { SolveResult, SolveStatus, Var } from '@gridhaul/lp';
import type { DcModel } from './btheta-model';
import type { DcConvention, DcParameters } from './parameters';
import { congestionFromDuals, type ReducedBbus } from './reduced-bbus';

/**
 * LMP sign convention (the one place it is stated): lmp = ∂(total cost, $/h)/∂(load at the bus, MW)
 * = dual of the bus balance row `generation − outflow = load`, in $/MWh; it is positive when one
 * more MW of load raises cost. (PowerModels' `lam_kcl_r` is the negative of this; MATPOWER's
 * `LAM_P` is the same.) Components: `energy` = LMP at the island's reference bus, `congestion` =
 * Σ PTDF × limit duals (`congestionFromDuals`, computed from the flow- and angle-limit duals, so
 * energy + congestion = LMP is checked, not assumed), `loss` = 0 because the DC model is lossless.
 */
export interface BusPrice {
  readonly bus: number;
  readonly lmp: number;
  readonly energy: number;
  readonly congestion: number;
  readonly loss: number;
  readonly angleDeg: number;
  /** Fixed withdrawal in the period (Pd + Gs + profile), MW. */
  readonly loadMW: number;
}

export interface GeneratorDispatch {
  /** 1-based row of the generator in the case file. */
  readonly generator: number;
  readonly bus: number;
  readonly pgMW: number;
  readonly atPmin: boolean;
  readonly atPmax: boolean;
  /** Cost of raising Pmin by 1 MW, $/h per MW (MATPOWER's MU_PMIN); ≥ 0. */
  readonly pminPrice: number;
  /** Cost saved by raising Pmax by 1 MW, $/h per MW (MATPOWER's MU_PMAX); ≥ 0. */
  readonly pmaxPrice: number;
}

export interface BranchFlow {
  /** 1-based row of the branch in the case file. */
  readonly branch: number;
  readonly from: number;
  readonly to: number;
  /** MW leaving the from bus towards the to bus. */
  readonly flowMW: number;
  /** RATE_A in MW, or null when unlimited. */
  readonly rateMW: number | null;
  readonly atLimit: boolean;
  /** Cost saved by one more MW of rating, $/h per MW (MATPOWER's MU_SF + MU_ST); ≥ 0. */
  readonly flowLimitPrice: number;
  /** MATPOWER's MU_ANGMAX − MU_ANGMIN, $/h per degree: > 0 when ANGMAX binds, < 0 when ANGMIN binds. */
  readonly angleLimitPrice: number;
  readonly angleDiffDeg: number;
}

export interface PeriodResult {
  readonly costPerHour: number;
  readonly buses: readonly BusPrice[];
  readonly generators: readonly GeneratorDispatch[];
  readonly branches: readonly BranchFlow[];
  readonly dcLines: readonly {
    readonly dcLine: number;
    readonly from: number;
    readonly to: number;
    readonly flowMW: number;
  }[];
  /** Branches at a thermal or angle limit with a non-zero price. */
  readonly bindingBranches: readonly number[];
}

export type DcFormulation = 'btheta' | 'ptdf' | 'copperplate';
export const DC_FORMULATIONS: readonly DcFormulation[] = ['btheta', 'ptdf', 'copperplate'];

export interface DcOpfResult {
  readonly status: SolveStatus;
  readonly convention: DcConvention;
  readonly formulation: DcFormulation;
  /** Total cost over all periods, $ (per hour for one period). */
  readonly objective: number;
  readonly periods: readonly PeriodResult[];
  readonly solveSec: number;
  readonly buildSec: number;
  readonly notes: readonly string[];
}

const DEG = 180 / Math.PI;
const LIMIT_TOL_MW = 1e-6;
const PRICE_TOL = 1e-7;

/** Reads a solved B-θ model into typed results (per period). */
export function extractBThetaResults(
  p: DcParameters,
  m: DcModel,
  loadsMW: readonly (readonly number[])[],
  sol: SolveResult,
  bbus: ReducedBbus,
): PeriodResult[] {
  return loadsMW.map((load, t) => {
    const lmp = m.balance[t]!.map((c) => sol.dual(c));
    const theta = m.theta[t]!.map((v) => sol.value(v));
    const flowDual = m.flow[t]!.map((v, l) =>
      Number.isFinite(p.branches[l]!.rateMW) ? sol.reducedCost(v) : 0,
    );
    const angleDual = m.angleLimit[t]!.map((c) => (c ? sol.dual(c) : 0));
    const buses = busPrices(p, lmp, theta, load, congestionFromDuals(bbus, p, flowDual, angleDual));
    const generators = generatorDispatch(p, m.pg[t]!, sol);
    const branches = p.branches.map((br, l) => {
      const flowMW = sol.value(m.flow[t]![l]!);
      const finite = Number.isFinite(br.rateMW);
      return {
        branch: br.networkIndex + 1,
        from: p.buses[br.from]!.id,
        to: p.buses[br.to]!.id,
        flowMW,
        rateMW: finite ? br.rateMW : null,
        atLimit: finite && Math.abs(flowMW) >= br.rateMW - LIMIT_TOL_MW * Math.max(1, br.rateMW),
        flowLimitPrice: Math.abs(flowDual[l] as number),
        angleLimitPrice: angleMu(angleDual[l] as number),
        angleDiffDeg: ((theta[br.from] as number) - (theta[br.to] as number)) * DEG,
      };
    });
    const costPerHour = costOfDispatch(
      p,
      generators.map((g) => g.pgMW),
    );
    const bindingBranches = bindingOf(branches);
    const dcLines = p.dcLines.map((d, k) => ({
      dcLine: d.networkIndex + 1,
      from: p.buses[d.from]!.id,
      to: p.buses[d.to]!.id,
      flowMW: sol.value(m.dcFlow[t]![k]!),
    }));
    return { costPerHour, buses, generators, branches, dcLines, bindingBranches };
  });
}

/** −∂cost/∂(binding angle limit in rad), per degree: MATPOWER's MU_ANGMAX − MU_ANGMIN. */
export function angleMu(dualPerRad: number): number {
  return -dualPerRad * (Math.PI / 180);
}

export function generatorDispatch(
  p: DcParameters,
  pg: readonly Var[],
  sol: SolveResult,
): GeneratorDispatch[] {
  return p.generators.map((g, k) => {
    const v = pg[k] as Var;
    const pgMW = sol.value(v);
    const rc = sol.reducedCost(v);
    const atPmin = pgMW <= g.pminMW + LIMIT_TOL_MW * Math.max(1, Math.abs(g.pminMW));
    const atPmax = pgMW >= g.pmaxMW - LIMIT_TOL_MW * Math.max(1, Math.abs(g.pmaxMW));
    return {
      generator: g.networkIndex + 1,
      bus: p.buses[g.bus]!.id,
      pgMW,
      atPmin,
      atPmax,
      pminPrice: atPmin ? Math.max(0, rc) : 0,
      pmaxPrice: atPmax ? Math.max(0, -rc) : 0,
    };
  });
}

/** Energy = LMP at the island's reference bus; congestion from the limit duals (PTDF-weighted). */
export function busPrices(
  p: DcParameters,
  lmp: readonly number[],
  thetaRad: readonly number[],
  loadMW: readonly number[],
  congestion: ArrayLike<number>,
): BusPrice[] {
  const energyOfIsland = p.islands.map((isl) => lmp[isl.refBus] as number);
  return p.buses.map((b, i) => ({
    bus: b.id,
    lmp: lmp[i] as number,
    energy: energyOfIsland[b.island] as number,
    congestion: congestion[i] as number,
    loss: 0,
    angleDeg: (thetaRad[i] as number) * DEG,
    loadMW: loadMW[i] as number,
  }));
}

/** Branches at a thermal or angle limit whose price is non-zero. */
export function bindingOf(branches: readonly BranchFlow[]): number[] {
  return branches
    .filter(
      (b) => (b.atLimit && b.flowLimitPrice > PRICE_TOL) || Math.abs(b.angleLimitPrice) > PRICE_TOL,
    )
    .map((b) => b.branch);
}

/** Cost of one period's dispatch, $/h, from the model's own cost representation. */
export function costOfDispatch(p: DcParameters, pgMW: readonly number[]): number {
  let total = 0;
  p.generators.forEach((g, k) => {
    const x = pgMW[k] as number;
    if (g.cost.kind === 'quadratic') total += g.cost.c2 * x * x + g.cost.c1 * x + g.cost.c0;
    else
      total += Math.max(
        ...g.cost.slopes.map(
          (s, i) =>
            s * x + (g.cost.kind === 'piecewiseLinear' ? (g.cost.intercepts[i] as number) : 0),
        ),
      );
  });
  return total;
}
