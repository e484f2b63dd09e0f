import { Model, type Constraint, type SolveResult, type Var } from '@gridhaul/lp';
import { addDispatch, periodNamer, range, setGenerationCost } from './btheta-model';
import type { DcParameters } from './parameters';
import { busPrices, costOfDispatch, generatorDispatch, type PeriodResult } from './results';

/**
 * Copper-plate economic dispatch: the network is ignored, one balance per island
 * (Σ Pg + dc-line terms = Σ (P_d + G_sh)), as Egret's copperplate dispatch model. Every bus of an
 * island gets the island's price; congestion is zero by construction.
 */
export interface CopperplateModel {
  readonly model: Model;
  readonly pg: Var[][];
  readonly dcFlow: Var[][];
  /** [t][island] */
  readonly balance: Constraint[][];
}

export function buildCopperplateModel(
  p: DcParameters,
  loadsMW: readonly (readonly number[])[],
): CopperplateModel {
  const model = new Model('dispatch-copperplate');
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
  const balance = loadsMW.map((load, t) =>
    p.islands.map((_, k) => {
      const idx: number[] = [];
      const coef: number[] = [];
      let rhs = 0;
      p.buses.forEach((b, i) => {
        if (b.island === k) rhs += load[i] as number;
      });
      p.generators.forEach((g, j) => {
        if (p.buses[g.bus]!.island !== k) return;
        idx.push(pg[t]![j]!.index);
        coef.push(1);
      });
      p.dcLines.forEach((d, j) => {
        const v = dcFlow[t]![j]!.index;
        if (p.buses[d.from]!.island === k) {
          idx.push(v);
          coef.push(-1);
        }
        if (p.buses[d.to]!.island === k) {
          idx.push(v);
          coef.push(1 - d.loss1);
          rhs += d.loss0MW;
        }
      });
      return model.addRow(idx, coef, rhs, rhs, at('systemBalance', { island: k + 1 }, t));
    }),
  );
  setGenerationCost(model, p, pg, at);
  return { model, pg, dcFlow, balance };
}

export function extractCopperplateResults(
  p: DcParameters,
  m: CopperplateModel,
  loadsMW: readonly (readonly number[])[],
  sol: SolveResult,
): PeriodResult[] {
  return loadsMW.map((load, t) => {
    const price = m.balance[t]!.map((c) => sol.dual(c));
    const lmp = p.buses.map((b) => price[b.island] as number);
    const buses = busPrices(
      p,
      lmp,
      p.buses.map(() => NaN),
      load,
      p.buses.map(() => 0),
    );
    const generators = generatorDispatch(p, m.pg[t]!, sol);
    const dcLines = p.dcLines.map((d, k) => ({
      dcLine: d.networkIndex + 1,
      from: p.buses[d.from]!.id,
      to: p.buses[d.to]!.id,
      flowMW: sol.value(m.dcFlow[t]![k]!),
    }));
    return {
      costPerHour: costOfDispatch(
        p,
        generators.map((g) => g.pgMW),
      ),
      buses,
      generators,
      branches: [],
      dcLines,
      bindingBranches: [],
    };
  });
}
