import { LinearExpr, Model, name, type Constraint, type QuadTerm, type Var } from '@gridhaul/lp';
import type { DcParameters } from './parameters';

/**
 * DC OPF in B-θ form (MATPOWER manual, "Standard DC OPF"), over one or more periods:
 *   min Σ_t Σ_g f_g(Pg_g,t)
 *   s.t. C_g Pg − B_f-flows = P_d + G_sh                      (bus balance, dual = LMP)
 *        F_l = base·b_l (θ_f − θ_t − shift_l)                  (branch flow)
 *        −RATE_A ≤ F_l ≤ RATE_A,  ANGMIN ≤ θ_f − θ_t ≤ ANGMAX,  Pmin ≤ Pg ≤ Pmax,  θ_ref fixed.
 * Power in MW, angles in rad, cost in $/h, so balance duals are $/MWh.
 */
export interface DcModel {
  readonly model: Model;
  readonly periods: number;
  /** [t][generator] */
  readonly pg: Var[][];
  /** [t][bus] */
  readonly theta: Var[][];
  /** [t][branch], MW from → to */
  readonly flow: Var[][];
  /** [t][dc line], MW withdrawn at the from bus */
  readonly dcFlow: Var[][];
  /** [t][bus]: generation − outflow = load; dual = ∂cost/∂load = LMP in $/MWh */
  readonly balance: Constraint[][];
  /** [t][branch]: the θf − θt row when the branch has a finite angle limit */
  readonly angleLimit: (Constraint | undefined)[][];
}

/** `loadsMW[t][bus]`: fixed withdrawal per period at each bus of `p.buses` (Pd + Gs + extra), MW. */
export function buildBThetaModel(
  p: DcParameters,
  loadsMW: readonly (readonly number[])[],
): DcModel {
  const model = new Model('dcopf-btheta');
  const periods = loadsMW.length;
  const at = periodNamer(periods);
  const pg = addDispatch(model, p, periods, at);
  const theta = addVoltageAngles(model, p, periods, at);
  const flow = addBranchFlowsWithThermalLimits(model, p, periods, at);
  addBranchFlowDefinitions(model, p, theta, flow, at);
  const angleLimit = addAngleDifferenceLimits(model, p, theta, at);
  const dcFlow = addDcLines(model, p, periods, at);
  const balance = addBusBalance(model, p, loadsMW, pg, flow, dcFlow, at);
  setGenerationCost(model, p, pg, at);
  return { model, periods, pg, theta, flow, dcFlow, balance, angleLimit };
}

export type PeriodNamer = (family: string, index: Record<string, number>, t: number) => string;

/** Names carry `t=` only in multi-period models: `balance[bus=4]` vs `balance[bus=4,t=13]`. */
export function periodNamer(periods: number): PeriodNamer {
  return (family, index, t) => name(family, periods > 1 ? { ...index, t } : index);
}

export function addDispatch(
  model: Model,
  p: DcParameters,
  periods: number,
  at: PeriodNamer,
): Var[][] {
  return range(periods).map((t) =>
    p.generators.map((g) =>
      model.addVar({ name: at('pg', { g: g.networkIndex + 1 }, t), lb: g.pminMW, ub: g.pmaxMW }),
    ),
  );
}

function addVoltageAngles(
  model: Model,
  p: DcParameters,
  periods: number,
  at: PeriodNamer,
): Var[][] {
  const refAngle = new Map(p.islands.map((isl) => [isl.refBus, isl.refAngleRad]));
  return range(periods).map((t) =>
    p.buses.map((b, i) => {
      const fixed = refAngle.get(i);
      return model.addVar({
        name: at('theta', { bus: b.id }, t),
        lb: fixed ?? -Infinity,
        ub: fixed ?? Infinity,
      });
    }),
  );
}

/** Flow variables, bounded by RATE_A (MATPOWER: |F_l| ≤ F_max for RATE_A > 0). */
function addBranchFlowsWithThermalLimits(
  model: Model,
  p: DcParameters,
  periods: number,
  at: PeriodNamer,
): Var[][] {
  return range(periods).map((t) =>
    p.branches.map((br) =>
      model.addVar({
        name: at('flow', { br: br.networkIndex + 1 }, t),
        lb: -br.rateMW,
        ub: br.rateMW,
      }),
    ),
  );
}

/** F_l − base·b_l(θ_f − θ_t) = −base·b_l·shift_l  (MATPOWER manual: B_f Θ + P_f,shift). */
function addBranchFlowDefinitions(
  model: Model,
  p: DcParameters,
  theta: Var[][],
  flow: Var[][],
  at: PeriodNamer,
): void {
  theta.forEach((th, t) =>
    p.branches.forEach((br, l) => {
      const B = p.baseMVA * br.bPu;
      const rhs = -B * br.shiftRad;
      model.addRow(
        [(flow[t] as Var[])[l]!.index, th[br.from]!.index, th[br.to]!.index],
        [1, -B, B],
        rhs,
        rhs,
        at('flowDef', { br: br.networkIndex + 1 }, t),
      );
    }),
  );
}

/** ANGMIN ≤ θ_f − θ_t ≤ ANGMAX where finite (MATPOWER makeAang). */
function addAngleDifferenceLimits(
  model: Model,
  p: DcParameters,
  theta: Var[][],
  at: PeriodNamer,
): (Constraint | undefined)[][] {
  return theta.map((th, t) =>
    p.branches.map((br) => {
      if (br.angMinRad === -Infinity && br.angMaxRad === Infinity) return undefined;
      return model.addRow(
        [th[br.from]!.index, th[br.to]!.index],
        [1, -1],
        br.angMinRad,
        br.angMaxRad,
        at('angleDiff', { br: br.networkIndex + 1 }, t),
      );
    }),
  );
}

function addDcLines(model: Model, p: DcParameters, periods: number, at: PeriodNamer): Var[][] {
  return range(periods).map((t) =>
    p.dcLines.map((d) =>
      model.addVar({
        name: at('dcFlow', { dc: d.networkIndex + 1 }, t),
        lb: d.pminMW,
        ub: d.pmaxMW,
      }),
    ),
  );
}

/**
 * Σ_g Pg − Σ_out F + Σ_in F − Σ_dc,out P + Σ_dc,in (1 − loss1)P = P_d + G_sh + Σ_dc,in loss0
 * (MATPOWER manual: B_bus Θ + P_bus,shift + P_d + G_sh − C_g P_g = 0, with the flows substituted).
 */
function addBusBalance(
  model: Model,
  p: DcParameters,
  loadsMW: readonly (readonly number[])[],
  pg: Var[][],
  flow: Var[][],
  dcFlow: Var[][],
  at: PeriodNamer,
): Constraint[][] {
  const terms = p.buses.map(() => ({ idx: [] as number[], coef: [] as number[], loss0: 0 }));
  const push = (bus: number, col: number, coef: number) => {
    terms[bus]!.idx.push(col);
    terms[bus]!.coef.push(coef);
  };
  return loadsMW.map((load, t) => {
    for (const term of terms) {
      term.idx.length = 0;
      term.coef.length = 0;
      term.loss0 = 0;
    }
    p.generators.forEach((g, k) => push(g.bus, pg[t]![k]!.index, 1));
    p.branches.forEach((br, l) => {
      push(br.from, flow[t]![l]!.index, -1);
      push(br.to, flow[t]![l]!.index, 1);
    });
    p.dcLines.forEach((d, k) => {
      push(d.from, dcFlow[t]![k]!.index, -1);
      push(d.to, dcFlow[t]![k]!.index, 1 - d.loss1);
      terms[d.to]!.loss0 += d.loss0MW;
    });
    return p.buses.map((b, i) => {
      const rhs = (load[i] as number) + terms[i]!.loss0;
      return model.addRow(terms[i]!.idx, terms[i]!.coef, rhs, rhs, at('balance', { bus: b.id }, t));
    });
  });
}

/** Σ f_g: quadratic c2·P² + c1·P + c0, or a PWL epigraph y_g ≥ slope_k·P + intercept_k (MATPOWER's CCV). */
export function setGenerationCost(
  model: Model,
  p: DcParameters,
  pg: Var[][],
  at: PeriodNamer,
): void {
  const objective = new LinearExpr();
  const quadratic: QuadTerm[] = [];
  pg.forEach((vars, t) =>
    p.generators.forEach((g, k) => {
      const v = vars[k] as Var;
      if (g.cost.kind === 'quadratic') {
        objective.add(v, g.cost.c1).addConstant(g.cost.c0);
        if (g.cost.c2 !== 0) quadratic.push([v, v, g.cost.c2]);
        return;
      }
      const y = model.addVar({ name: at('pwlCost', { g: g.networkIndex + 1 }, t), lb: -Infinity });
      g.cost.slopes.forEach((m, s) => {
        model.addRow(
          [y.index, v.index],
          [1, -m],
          g.cost.kind === 'piecewiseLinear' ? (g.cost.intercepts[s] as number) : 0,
          Infinity,
          at('pwl', { g: g.networkIndex + 1, k: s + 1 }, t),
        );
      });
      objective.add(y, 1);
    }),
  );
  model.minimize(objective, quadratic);
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
