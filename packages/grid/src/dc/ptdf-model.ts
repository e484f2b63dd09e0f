import { type Constraint, Model, type SolveResult, type Var } from '@gridhaul/lp';
import {
  addDispatch,
  periodNamer,
  range,
  setGenerationCost,
  type PeriodNamer,
} from './btheta-model';
import type { DcParameters } from './parameters';
import { congestionFromDuals, type ReducedBbus } from './reduced-bbus';
import {
  angleMu,
  bindingOf,
  busPrices,
  costOfDispatch,
  generatorDispatch,
  type PeriodResult,
} from './results';

/**
 * DC OPF in PTDF (injection) form, the same optimum as B-θ without angle variables:
 *   Σ_g Pg_g@i − (dc terms) − P_i = P_d,i + G_sh,i   (bus balance, dual = LMP)
 *   Σ_{i ∈ island} P_i = 0                              (island balance)
 *   −RATE_A ≤ Σ_i PTDF_li P_i + F⁰_l ≤ RATE_A          (thermal limits; F⁰ = flow due to phase shifters)
 *   ANGMIN ≤ (Σ_i PTDF_ai P_i + F⁰_a)/(base·b_a) + shift_a ≤ ANGMAX
 * PTDF rows are dense, so with `lazy` only violated limits are added, solve by solve (as Egret's
 * lazy PTDF model does).
 */
export interface PtdfModel {
  readonly model: Model;
  readonly periods: number;
  readonly pg: Var[][];
  /** [t][bus]: net injection P_i, MW */
  readonly injection: Var[][];
  readonly dcFlow: Var[][];
  readonly balance: Constraint[][];
  /** [t] → branch index → row */
  readonly flowRows: Map<number, Constraint>[];
  readonly angleRows: Map<number, Constraint>[];
  readonly shiftFlowMW: Float64Array;
  readonly shiftInjectionMW: Float64Array;
  readonly bbus: ReducedBbus;
  readonly at: PeriodNamer;
}

export function buildPtdfModel(
  p: DcParameters,
  loadsMW: readonly (readonly number[])[],
  bbus: ReducedBbus,
  lazy: boolean,
): PtdfModel {
  const model = new Model('dcopf-ptdf');
  const periods = loadsMW.length;
  const at = periodNamer(periods);
  const pg = addDispatch(model, p, periods, at);
  const dcFlow = range(periods).map((t) =>
    p.dcLines.map((d) =>
      model.addVar({
        name: at('dcFlow', { dc: d.networkIndex + 1 }, t),
        lb: d.pminMW,
        ub: d.pmaxMW,
      }),
    ),
  );
  const injection = range(periods).map((t) =>
    p.buses.map((b) => model.addVar({ name: at('injection', { bus: b.id }, t), lb: -Infinity })),
  );
  const balance = addBusBalance(model, p, loadsMW, pg, dcFlow, injection, at);
  addIslandBalance(model, p, injection, at);
  const { shiftFlowMW, shiftInjectionMW } = phaseShifterFlows(p, bbus);
  const m: PtdfModel = {
    model,
    periods,
    pg,
    injection,
    dcFlow,
    balance,
    flowRows: range(periods).map(() => new Map()),
    angleRows: range(periods).map(() => new Map()),
    shiftFlowMW,
    shiftInjectionMW,
    bbus,
    at,
  };
  if (!lazy) {
    p.branches.forEach((br, l) => {
      for (let t = 0; t < periods; t++) {
        if (Number.isFinite(br.rateMW)) addThermalLimit(m, p, l, t);
        if (Number.isFinite(br.angMinRad) || Number.isFinite(br.angMaxRad))
          addAngleDifferenceLimit(m, p, l, t);
      }
    });
  }
  setGenerationCost(model, p, pg, at);
  return m;
}

function addBusBalance(
  model: Model,
  p: DcParameters,
  loadsMW: readonly (readonly number[])[],
  pg: Var[][],
  dcFlow: Var[][],
  injection: Var[][],
  at: PeriodNamer,
): Constraint[][] {
  return loadsMW.map((load, t) => {
    const idx = p.buses.map((_, i) => [injection[t]![i]!.index]);
    const coef = p.buses.map(() => [-1]);
    const loss0 = new Array<number>(p.buses.length).fill(0);
    p.generators.forEach((g, k) => {
      idx[g.bus]!.push(pg[t]![k]!.index);
      coef[g.bus]!.push(1);
    });
    p.dcLines.forEach((d, k) => {
      idx[d.from]!.push(dcFlow[t]![k]!.index);
      coef[d.from]!.push(-1);
      idx[d.to]!.push(dcFlow[t]![k]!.index);
      coef[d.to]!.push(1 - d.loss1);
      loss0[d.to]! += d.loss0MW;
    });
    return p.buses.map((b, i) => {
      const rhs = (load[i] as number) + (loss0[i] as number);
      return model.addRow(idx[i]!, coef[i]!, rhs, rhs, at('balance', { bus: b.id }, t));
    });
  });
}

function addIslandBalance(
  model: Model,
  p: DcParameters,
  injection: Var[][],
  at: PeriodNamer,
): void {
  injection.forEach((inj, t) =>
    p.islands.forEach((_, k) => {
      const members = p.buses.map((b, i) => (b.island === k ? i : -1)).filter((i) => i >= 0);
      model.addRow(
        members.map((i) => inj[i]!.index),
        members.map(() => 1),
        0,
        0,
        at('islandBalance', { island: k + 1 }, t),
      );
    }),
  );
}

/**
 * Flows that phase shifters cause with zero injections: F⁰ = PTDF·(−P_bus,shift) + P_f,shift, where
 * P_f,shift,l = −base·b_l·shift_l (MATPOWER manual, B_f Θ + P_f,shift).
 */
function phaseShifterFlows(
  p: DcParameters,
  bbus: ReducedBbus,
): { shiftFlowMW: Float64Array; shiftInjectionMW: Float64Array } {
  const pf = new Float64Array(p.branches.length);
  const pbus = new Float64Array(p.buses.length);
  p.branches.forEach((br, l) => {
    pf[l] = -p.baseMVA * br.bPu * br.shiftRad;
    pbus[br.from] = (pbus[br.from] as number) + (pf[l] as number);
    pbus[br.to] = (pbus[br.to] as number) - (pf[l] as number);
  });
  const shiftFlowMW = new Float64Array(p.branches.length);
  if (pf.some((x) => x !== 0)) {
    const theta = bbus.solve(pbus.map((x) => -x / p.baseMVA));
    p.branches.forEach((br, l) => {
      shiftFlowMW[l] =
        p.baseMVA * br.bPu * ((theta[br.from] as number) - (theta[br.to] as number)) +
        (pf[l] as number);
    });
  }
  return { shiftFlowMW, shiftInjectionMW: pbus };
}

function ptdfTerms(
  m: PtdfModel,
  l: number,
  t: number,
  scale: number,
): { idx: number[]; coef: number[] } {
  const row = m.bbus.ptdfRow(l);
  const idx: number[] = [];
  const coef: number[] = [];
  row.forEach((v, i) => {
    if (Math.abs(v) > 1e-12) {
      idx.push(m.injection[t]![i]!.index);
      coef.push(v * scale);
    }
  });
  return { idx, coef };
}

function addThermalLimit(m: PtdfModel, p: DcParameters, l: number, t: number): void {
  const br = p.branches[l]!;
  const off = m.shiftFlowMW[l] as number;
  const { idx, coef } = ptdfTerms(m, l, t, 1);
  m.flowRows[t]!.set(
    l,
    m.model.addRow(
      idx,
      coef,
      -br.rateMW - off,
      br.rateMW - off,
      m.at('flowLimit', { br: br.networkIndex + 1 }, t),
    ),
  );
}

function addAngleDifferenceLimit(m: PtdfModel, p: DcParameters, l: number, t: number): void {
  const br = p.branches[l]!;
  const B = p.baseMVA * br.bPu;
  if (B === 0) return;
  const off = m.shiftFlowMW[l] as number;
  const { idx, coef } = ptdfTerms(m, l, t, 1);
  // θf − θt = (F + F⁰)/B + shift; B < 0 (series capacitor) flips the inequalities
  const a = B * (br.angMinRad - br.shiftRad) - off;
  const b = B * (br.angMaxRad - br.shiftRad) - off;
  m.angleRows[t]!.set(
    l,
    m.model.addRow(
      idx,
      coef,
      Math.min(a, b),
      Math.max(a, b),
      m.at('angleDiff', { br: br.networkIndex + 1 }, t),
    ),
  );
}

/** Angles (rad, per bus) and flows (MW, per branch) that the injections of period t imply. */
export function anglesAndFlows(
  m: PtdfModel,
  p: DcParameters,
  injectionMW: readonly number[],
): { theta: Float64Array; flowMW: Float64Array } {
  const theta = m.bbus.solve(
    injectionMW.map((x, i) => (x - (m.shiftInjectionMW[i] as number)) / p.baseMVA),
  );
  for (let i = 0; i < theta.length; i++)
    theta[i] = (theta[i] as number) + p.islands[p.buses[i]!.island]!.refAngleRad;
  const flowMW = new Float64Array(p.branches.length);
  p.branches.forEach((br, l) => {
    flowMW[l] =
      p.baseMVA * br.bPu * ((theta[br.from] as number) - (theta[br.to] as number) - br.shiftRad);
  });
  return { theta, flowMW };
}

/** Adds the thermal and angle rows the solution violates; returns how many were added. */
export function addViolatedLimits(m: PtdfModel, p: DcParameters, sol: SolveResult): number {
  let added = 0;
  for (let t = 0; t < m.periods; t++) {
    const { theta, flowMW } = anglesAndFlows(m, p, sol.values(m.injection[t]!));
    p.branches.forEach((br, l) => {
      const f = flowMW[l] as number;
      if (!m.flowRows[t]!.has(l) && Math.abs(f) > br.rateMW + 1e-7 * Math.max(1, br.rateMW)) {
        addThermalLimit(m, p, l, t);
        added++;
      }
      const d = (theta[br.from] as number) - (theta[br.to] as number);
      if (!m.angleRows[t]!.has(l) && (d < br.angMinRad - 1e-9 || d > br.angMaxRad + 1e-9)) {
        addAngleDifferenceLimit(m, p, l, t);
        added++;
      }
    });
  }
  return added;
}

export function extractPtdfResults(
  p: DcParameters,
  m: PtdfModel,
  loadsMW: readonly (readonly number[])[],
  sol: SolveResult,
): PeriodResult[] {
  const DEG = 180 / Math.PI;
  return loadsMW.map((load, t) => {
    const lmp = m.balance[t]!.map((c) => sol.dual(c));
    const { theta, flowMW } = anglesAndFlows(m, p, sol.values(m.injection[t]!));
    const flowDual = p.branches.map((_, l) => {
      const row = m.flowRows[t]!.get(l);
      return row ? sol.dual(row) : 0;
    });
    const angleDualMW = p.branches.map((_, l) => {
      const row = m.angleRows[t]!.get(l);
      return row ? sol.dual(row) : 0;
    });
    // the angle row is scaled by base·b (MW per rad): its dual per rad is dual·base·b
    const angleDual = angleDualMW.map((d, l) => d * p.baseMVA * p.branches[l]!.bPu);
    const buses = busPrices(
      p,
      lmp,
      Array.from(theta),
      load,
      congestionFromDuals(m.bbus, p, flowDual, angleDual),
    );
    const generators = generatorDispatch(p, m.pg[t]!, sol);
    const branches = p.branches.map((br, l) => {
      const f = flowMW[l] as number;
      const finite = Number.isFinite(br.rateMW);
      return {
        branch: br.networkIndex + 1,
        from: p.buses[br.from]!.id,
        to: p.buses[br.to]!.id,
        flowMW: f,
        rateMW: finite ? br.rateMW : null,
        atLimit: finite && Math.abs(f) >= br.rateMW - 1e-6 * Math.max(1, br.rateMW),
        flowLimitPrice: Math.abs(flowDual[l] as number),
        angleLimitPrice: angleMu(angleDual[l] as number),
        angleDiffDeg: ((theta[br.from] as number) - (theta[br.to] as number)) * DEG,
      };
    });
    const dcLines = p.dcLines.map((d, k) => ({
      dcLine: d.networkIndex + 1,
      from: p.buses[d.from]!.id,
      to: p.buses[d.to]!.id,
      flowMW: sol.value(m.dcFlow[t]![k]!),
    }));
    const bindingBranches = bindingOf(branches);
    return {
      costPerHour: costOfDispatch(
        p,
        generators.map((g) => g.pgMW),
      ),
      buses,
      generators,
      branches,
      dcLines,
      bindingBranches,
    };
  });
}
