import { LinearExpr, Model, name, type Constraint, type QuadTerm, type Var } from '@gridhaul/lp';
import type { Feeder } from './feeder';

/**
 * LinDistFlow OPF on a radial feeder: Baran & Wu's DistFlow branch equations ("Network
 * reconfiguration in distribution systems...", IEEE TPWRD 1989, eqs. (3a)–(3c)) with the loss terms
 * dropped, in MW/MVAr and squared voltage v = |V|² (p.u.):
 *   P_in,j − Σ_children P_jk + Σ p_g@j = p_d,j           (active balance, dual = DLMP $/MWh)
 *   Q_in,j − Σ_children Q_jk + Σ q_g@j = q_d,j           (reactive balance, dual $/MVArh)
 *   v_j = v_i − 2 (r_ij P_ij + x_ij Q_ij) / S_base        (voltage drop along branch i→j)
 *   Vmin_j² ≤ v_j ≤ Vmax_j²,  v_root = V_root²,  and, where a limit S is given, the octagon
 *   |P|, |Q| ≤ S and |P ± Q| ≤ √2·S (an outer polygon of P² + Q² ≤ S²).
 */
export interface LinDistFlowModel {
  readonly model: Model;
  readonly p: Var[];
  readonly q: Var[];
  readonly vsq: Var[];
  readonly pg: Var[];
  readonly qg: Var[];
  readonly balanceP: Constraint[];
  readonly balanceQ: Constraint[];
  readonly voltageLimit: (Constraint | undefined)[];
  /** Per branch: the octagon rows with their coefficients on (P, Q). */
  readonly lineLimit: { readonly row: Constraint; readonly a: readonly [number, number] }[][];
}

export function buildLinDistFlowModel(f: Feeder): LinDistFlowModel {
  const model = new Model('lindistflow');
  const brName = (k: number) => ({ br: f.branches[k]!.networkIndex + 1 });
  const p = f.branches.map((_, k) =>
    model.addVar({ name: name('pFlow', brName(k)), lb: -Infinity }),
  );
  const q = f.branches.map((_, k) =>
    model.addVar({ name: name('qFlow', brName(k)), lb: -Infinity }),
  );
  const v0 = f.rootVoltagePu ** 2;
  const vsq = f.buses.map((b, i) =>
    model.addVar({
      name: name('vsq', { bus: b.id }),
      lb: i === f.root ? v0 : -Infinity,
      ub: i === f.root ? v0 : Infinity,
    }),
  );
  const pg = f.sources.map((s, k) =>
    model.addVar({ name: name('pg', { src: k + 1 }), lb: s.pminMW, ub: s.pmaxMW }),
  );
  const qg = f.sources.map((s, k) =>
    model.addVar({ name: name('qg', { src: k + 1 }), lb: s.qminMVAr, ub: s.qmaxMVAr }),
  );
  const balanceP = addPowerBalance(model, f, p, pg, 'P');
  const balanceQ = addPowerBalance(model, f, q, qg, 'Q');
  addVoltageDrop(model, f, p, q, vsq);
  const voltageLimit = addVoltageLimits(model, f, vsq);
  const lineLimit = addLineLimits(model, f, p, q);
  setCost(model, f, pg);
  return { model, p, q, vsq, pg, qg, balanceP, balanceQ, voltageLimit, lineLimit };
}

function addPowerBalance(
  model: Model,
  f: Feeder,
  flow: Var[],
  gen: Var[],
  kind: 'P' | 'Q',
): Constraint[] {
  const idx = f.buses.map(() => [] as number[]);
  const coef = f.buses.map(() => [] as number[]);
  f.branches.forEach((br, k) => {
    idx[br.child]!.push(flow[k]!.index);
    coef[br.child]!.push(1);
    idx[br.parent]!.push(flow[k]!.index);
    coef[br.parent]!.push(-1);
  });
  f.sources.forEach((s, k) => {
    idx[s.bus]!.push(gen[k]!.index);
    coef[s.bus]!.push(1);
  });
  return f.buses.map((b, i) => {
    const rhs = kind === 'P' ? b.pdMW : b.qdMVAr;
    return model.addRow(idx[i]!, coef[i]!, rhs, rhs, name(`balance${kind}`, { bus: b.id }));
  });
}

/** v_child − v_parent + 2(r P + x Q)/S_base = 0. */
function addVoltageDrop(model: Model, f: Feeder, p: Var[], q: Var[], vsq: Var[]): void {
  f.branches.forEach((br, k) => {
    model.addRow(
      [vsq[br.child]!.index, vsq[br.parent]!.index, p[k]!.index, q[k]!.index],
      [1, -1, (2 * br.rPu) / f.baseMVA, (2 * br.xPu) / f.baseMVA],
      0,
      0,
      name('voltageDrop', { br: br.networkIndex + 1 }),
    );
  });
}

function addVoltageLimits(model: Model, f: Feeder, vsq: Var[]): (Constraint | undefined)[] {
  return f.buses.map((b, i) =>
    i === f.root
      ? undefined
      : model.addRow(
          [vsq[i]!.index],
          [1],
          b.vminPu ** 2,
          b.vmaxPu ** 2,
          name('voltageLimit', { bus: b.id }),
        ),
  );
}

const OCTAGON: readonly (readonly [number, number, number, string])[] = [
  [1, 0, 1, 'p'],
  [0, 1, 1, 'q'],
  [1, 1, Math.SQRT2, 'p+q'],
  [1, -1, Math.SQRT2, 'p-q'],
];

function addLineLimits(
  model: Model,
  f: Feeder,
  p: Var[],
  q: Var[],
): { row: Constraint; a: readonly [number, number] }[][] {
  return f.branches.map((br, k) => {
    if (!Number.isFinite(br.limitMVA)) return [];
    return OCTAGON.map(([ap, aq, s, side]) => ({
      row: model.addRow(
        [p[k]!.index, q[k]!.index],
        [ap, aq],
        -s * br.limitMVA,
        s * br.limitMVA,
        name('lineLimit', { br: br.networkIndex + 1, side }),
      ),
      a: [ap, aq] as const,
    }));
  });
}

function setCost(model: Model, f: Feeder, pg: Var[]): void {
  const objective = new LinearExpr();
  const quadratic: QuadTerm[] = [];
  f.sources.forEach((s, k) => {
    const v = pg[k]!;
    if (s.cost.kind === 'quadratic') {
      objective.add(v, s.cost.c1).addConstant(s.cost.c0);
      if (s.cost.c2 !== 0) quadratic.push([v, v, s.cost.c2]);
      return;
    }
    const y = model.addVar({ name: name('pwlCost', { src: k + 1 }), lb: -Infinity });
    s.cost.slopes.forEach((m, j) => {
      const intercept = s.cost.kind === 'piecewiseLinear' ? (s.cost.intercepts[j] as number) : 0;
      model.addRow(
        [y.index, v.index],
        [1, -m],
        intercept,
        Infinity,
        name('pwl', { src: k + 1, k: j + 1 }),
      );
    });
    objective.add(y, 1);
  });
  model.minimize(objective, quadratic);
}
