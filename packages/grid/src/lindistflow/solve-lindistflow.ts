import { GridHaulError } from '@gridhaul/common';
import { solve, type SolveOptions, type SolveResult, type SolveStatus } from '@gridhaul/lp';
import type { Network } from '../network';
import { checkLinDistFlow } from './check-lindistflow';
import { feederFromNetwork, type Feeder, type FeederOptions } from './feeder';
import { buildLinDistFlowModel, type LinDistFlowModel } from './model';

/**
 * Distribution LMP at a bus, $/MWh = ∂cost/∂(active load there) = dual of its active balance (same
 * sign as the DC LMP). Split (KKT of the LinDistFlow LP; cf. Papavasiliou, "Analysis of
 * distribution locational marginal prices", IEEE TSG 2018):
 *   energy     = DLMP at the substation,
 *   congestion = −Σ_{lines l on the path to the bus} Σ_rows a_P·μ_row   (line-limit duals),
 *   voltage    = Σ_k ν_k · (2/S_base) Σ_{l on both paths to k and to the bus} r_l   (voltage-limit duals),
 *   loss       = 0 (LinDistFlow is lossless).
 * The parts are computed from the limit duals alone, so their sum equalling the DLMP is a check.
 */
export interface DistributionPrice {
  readonly bus: number;
  readonly vPu: number;
  readonly dlmp: number;
  readonly energy: number;
  readonly congestion: number;
  readonly voltage: number;
  readonly loss: number;
  /** Reactive-power price, $/MVArh (dual of the reactive balance). */
  readonly dlmpQ: number;
  readonly loadMW: number;
  readonly loadMVAr: number;
}

export interface LinDistFlowResult {
  readonly status: SolveStatus;
  /** $/h */
  readonly objective: number;
  readonly buses: readonly DistributionPrice[];
  /** Branches oriented away from the substation (`from` is the parent bus). */
  readonly branches: readonly {
    readonly branch: number;
    readonly from: number;
    readonly to: number;
    readonly pMW: number;
    readonly qMVAr: number;
    readonly limitMVA: number | null;
    readonly atLimit: boolean;
  }[];
  readonly sources: readonly {
    readonly label: string;
    readonly bus: number;
    readonly pgMW: number;
    readonly qgMVAr: number;
  }[];
  /** Buses whose voltage limit has a non-zero price. */
  readonly bindingVoltages: readonly number[];
  readonly minVoltage: { readonly bus: number; readonly vPu: number };
}

export interface LinDistFlowOptions extends FeederOptions {
  solver?: SolveOptions;
}

/** LinDistFlow OPF with DLMPs; the result passes `checkLinDistFlow` or this throws CHECK_FAILED. */
export async function solveLinDistFlow(
  network: Network,
  options: LinDistFlowOptions = {},
): Promise<LinDistFlowResult> {
  const feeder = feederFromNetwork(network, options);
  const m = buildLinDistFlowModel(feeder);
  const sol = await solve(m.model, options.solver ?? {});
  if (sol.status !== 'optimal') {
    return {
      status: sol.status,
      objective: NaN,
      buses: [],
      branches: [],
      sources: [],
      bindingVoltages: [],
      minVoltage: { bus: NaN, vPu: NaN },
    };
  }
  const result = extractResults(feeder, m, sol);
  const report = checkLinDistFlow(network, options, result);
  if (!report.ok)
    throw new GridHaulError(
      'CHECK_FAILED',
      `LinDistFlow result failed the independent check:\n${report.violations.slice(0, 20).join('\n')}`,
    );
  return result;
}

function extractResults(f: Feeder, m: LinDistFlowModel, sol: SolveResult): LinDistFlowResult {
  const dlmp = m.balanceP.map((c) => sol.dual(c));
  const dlmpQ = m.balanceQ.map((c) => sol.dual(c));
  const nu = m.voltageLimit.map((c) => (c ? sol.dual(c) : 0));
  // w_l = Σ ν over the subtree below branch l (buses are in breadth-first order, so go backwards)
  const subtreeNu = [...nu];
  for (let i = f.buses.length - 1; i > 0; i--) {
    const parent = f.branches[f.parentBranch[i] as number]!.parent;
    subtreeNu[parent] = (subtreeNu[parent] as number) + (subtreeNu[i] as number);
  }
  const lineTerm = f.branches.map((_, k) =>
    m.lineLimit[k]!.reduce((s, { row, a }) => s + a[0] * sol.dual(row), 0),
  );
  const congestion = new Array<number>(f.buses.length).fill(0);
  const voltage = new Array<number>(f.buses.length).fill(0);
  for (let i = 1; i < f.buses.length; i++) {
    const k = f.parentBranch[i] as number;
    const br = f.branches[k]!;
    congestion[i] = (congestion[br.parent] as number) - (lineTerm[k] as number);
    voltage[i] =
      (voltage[br.parent] as number) + ((2 * br.rPu) / f.baseMVA) * (subtreeNu[i] as number);
  }
  const energy = dlmp[f.root] as number;
  const byFileOrder = (a: { i: number }, b: { i: number }) =>
    f.buses[a.i]!.networkIndex - f.buses[b.i]!.networkIndex;
  const buses = f.buses
    .map((_, i) => ({ i }))
    .sort(byFileOrder)
    .map(({ i }) => ({ b: f.buses[i]!, i }))
    .map(({ b, i }) => ({
      bus: b.id,
      vPu: Math.sqrt(Math.max(0, sol.value(m.vsq[i]!))),
      dlmp: dlmp[i] as number,
      energy,
      congestion: congestion[i] as number,
      voltage: voltage[i] as number,
      loss: 0,
      dlmpQ: dlmpQ[i] as number,
      loadMW: b.pdMW,
      loadMVAr: b.qdMVAr,
    }));
  const branches = f.branches
    .map((br, k) => ({ br, k }))
    .sort((a, b) => a.br.networkIndex - b.br.networkIndex)
    .map(({ br, k }) => {
      const pMW = sol.value(m.p[k]!);
      const qMVAr = sol.value(m.q[k]!);
      const finite = Number.isFinite(br.limitMVA);
      const worst = Math.max(
        Math.abs(pMW),
        Math.abs(qMVAr),
        (Math.abs(pMW) + Math.abs(qMVAr)) / Math.SQRT2,
      );
      return {
        branch: br.networkIndex + 1,
        from: f.buses[br.parent]!.id,
        to: f.buses[br.child]!.id,
        pMW,
        qMVAr,
        limitMVA: finite ? br.limitMVA : null,
        atLimit: finite && worst >= br.limitMVA * (1 - 1e-7),
      };
    });
  const sources = f.sources.map((s, k) => ({
    label: s.label,
    bus: f.buses[s.bus]!.id,
    pgMW: sol.value(m.pg[k]!),
    qgMVAr: sol.value(m.qg[k]!),
  }));
  const low = buses.reduce((a, b) => (b.vPu < a.vPu ? b : a));
  return {
    status: 'optimal',
    objective: sol.objective ?? NaN,
    buses,
    branches,
    sources,
    bindingVoltages: f.buses
      .filter((_, i) => Math.abs(nu[i] as number) > 1e-7)
      .map((b) => b.id)
      .sort((a, b) => a - b),
    minVoltage: { bus: low.bus, vPu: low.vPu },
  };
}
