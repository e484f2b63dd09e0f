import { GridHaulError } from '@gridhaul/common';
import { LinearExpr, Model, name, solve, type SolveOptions, type SolveResult, type Var } from '@gridhaul/lp';
import { fleetMilpStart } from './mip-start';
import { ARC_KINDS, COST_PARTS, arcsBySlot, decodeState, offDutyIndex, usefulArcs, type CoOptGraph, type CostPart } from './network';
import { arcsToTruckPlan } from './paths';
import type { CoOptPlan, CoOptTruckPlan } from './plan';

/**
 * Fleet MILP on the time-space networks of the truck classes: integer flow x[c,a] of class-c trucks
 * on arc a; flow conservation at every (slot, location, SOC) state; each class's trucks leave the
 * off-duty source once and reach the off-duty sink; every exchange request is served by exactly one
 * swap arc; cost = Σ arc cost · flow with the components of COST_PARTS. With one truck it is the same
 * shortest-path problem as the DP, so both give the same optimum.
 */
export interface CoOptFleetMilp {
  readonly model: Model;
  readonly graphs: readonly CoOptGraph[];
  /** Per class: the arcs kept (useful) and their variables. */
  readonly arcs: readonly Int32Array[];
  readonly x: readonly Var[][];
  /** Trucks available per class (default: all of the class). */
  readonly trucks: readonly number[];
}

export function buildCoOptFleetMilp(graphs: readonly CoOptGraph[], trucksPerClass?: readonly number[]): CoOptFleetMilp {
  const model = new Model('coopt-fleet-tsn');
  const trucks = graphs.map((g, k) => trucksPerClass?.[k] ?? g.truckClass.truckIds.length);
  const arcs = graphs.map((g) => usefulArcs(g));
  const x = graphs.map((g, k) => Array.from(arcs[k]!, (a) => model.addVar({ name: name('x', { c: k, a }), type: 'integer', lb: 0, ub: trucks[k]!, obj: g.total[a]! })));
  addFlowConservation(model, graphs, arcs, x, trucks);
  addRequestCoverage(model, graphs, arcs, x);
  model.sense = 'min'; // arc costs are the variables' objective coefficients (addVar obj)
  return { model, graphs, arcs, x, trucks };
}

/** Σ in − Σ out = −n at the source (off duty, first slot), +n at the sink (off duty, last slot), 0 elsewhere. */
function addFlowConservation(model: Model, graphs: readonly CoOptGraph[], arcs: readonly Int32Array[], x: readonly Var[][], trucks: readonly number[]): void {
  graphs.forEach((g, k) => {
    const rows = new Map<number, LinearExpr>();
    const row = (state: number): LinearExpr => {
      let e = rows.get(state);
      if (e === undefined) {
        e = new LinearExpr();
        rows.set(state, e);
      }
      return e;
    };
    arcs[k]!.forEach((a, q) => {
      row(g.to[a]!).add(x[k]![q]!, 1);
      row(g.from[a]!).add(x[k]![q]!, -1);
    });
    const source = offDutyIndex(g, 0);
    const sink = offDutyIndex(g, g.slots);
    for (const [state, e] of rows) {
      const rhs = state === source ? -trucks[k]! : state === sink ? trucks[k]! : 0;
      const d = decodeState(g, state);
      model.addConstraint(e, '=', rhs, d.onDuty ? name('flow', { c: k, t: d.slot, i: d.node, q: d.level }) : name('flowOff', { c: k, t: d.slot }));
    }
  });
}

/** Every request is served once: Σ over classes and swap arcs of the request = 1. */
function addRequestCoverage(model: Model, graphs: readonly CoOptGraph[], arcs: readonly Int32Array[], x: readonly Var[][]): void {
  const swap = ARC_KINDS.indexOf('swap');
  const rows = graphs[0]!.requests.map(() => new LinearExpr());
  graphs.forEach((g, k) =>
    arcs[k]!.forEach((a, q) => {
      if (g.kind[a] === swap) rows[g.request[a]!]!.add(x[k]![q]!);
    }),
  );
  rows.forEach((e, r) => {
    if (e.coefs.size === 0) throw new GridHaulError('INFEASIBLE', `request ${r} cannot be served by any truck class (no swap arc on a feasible path)`);
    model.addConstraint(e, '=', 1, name('serve', { r }));
  });
}

export interface CoOptFleetResult {
  readonly status: SolveResult['status'];
  readonly objective: number;
  readonly bound: number;
  readonly gap: number;
  readonly timeSec: number;
  readonly plan: CoOptPlan;
  readonly components: Readonly<Record<CostPart, number>>;
  readonly variables: number;
  readonly rows: number;
  /** What became of the plan given as MIP start, when one was. */
  readonly start?: FleetStartOutcome;
}

export interface FleetStartOutcome {
  /** 'untranslatable': the network has no path for it (detail says where). */
  readonly status: 'accepted' | 'rejected' | 'untranslatable';
  /** Its cost in the model (USD). */
  readonly objective: number;
  readonly detail?: string;
}

export async function solveCoOptFleetMilp(graphs: readonly CoOptGraph[], options: Omit<SolveOptions, 'mipStart'> & { trucksPerClass?: readonly number[]; start?: CoOptPlan } = {}): Promise<CoOptFleetResult> {
  const { trucksPerClass, start, ...solveOptions } = options;
  let milp: CoOptFleetMilp;
  try {
    milp = buildCoOptFleetMilp(graphs, trucksPerClass);
  } catch (error) {
    if (error instanceof GridHaulError && error.tag === 'INFEASIBLE') return infeasible(graphs);
    throw error;
  }
  const warm = start === undefined ? undefined : fleetMilpStart(milp, start);
  const r = await solve(milp.model, { mipRelGap: 1e-6, ...solveOptions, ...(warm !== undefined && 'values' in warm ? { mipStart: warm.values } : {}) });
  const result = readCoOptFleetSolution(milp, r);
  if (warm === undefined) return result;
  if ('error' in warm) return { ...result, start: { status: 'untranslatable', objective: NaN, detail: warm.error } };
  const outcome = r.mipStart ?? { status: 'rejected', detail: `the solver reported nothing about the start (status ${r.status})` };
  return { ...result, start: { status: outcome.status, objective: warm.objective, ...(outcome.detail === undefined ? {} : { detail: outcome.detail }) } };
}

/** Plan (one path per working truck), objective and cost components from a solved fleet MILP. */
export function readCoOptFleetSolution(milp: CoOptFleetMilp, r: SolveResult): CoOptFleetResult {
  const components = Object.fromEntries(COST_PARTS.map((p) => [p, 0])) as Record<CostPart, number>;
  const trucks: CoOptTruckPlan[] = [];
  if (r.hasSolution) {
    milp.graphs.forEach((g, k) => {
      const flow = new Map<number, number>();
      milp.arcs[k]!.forEach((a, q) => {
        const v = Math.round(r.value(milp.x[k]![q]!));
        if (v > 0) {
          flow.set(a, v);
          for (const p of COST_PARTS) components[p] += v * g.cost[p][a]!;
        }
      });
      decompose(g, flow).forEach((path, i) => {
        const plan = arcsToTruckPlan(g, path, g.truckClass.truckIds[i] ?? -1);
        if (plan.actions.length > 0) trucks.push(plan);
      });
    });
  }
  return {
    status: r.status,
    objective: r.hasSolution ? (r.objective ?? Infinity) : Infinity,
    bound: r.mipBound ?? NaN,
    gap: r.mipGap ?? NaN,
    timeSec: r.timeSec,
    plan: { method: 'tsn-milp', trucks },
    components,
    variables: milp.model.numCols,
    rows: milp.model.numRows,
  };
}

function infeasible(graphs: readonly CoOptGraph[]): CoOptFleetResult {
  void graphs;
  return { status: 'infeasible', objective: Infinity, bound: NaN, gap: NaN, timeSec: 0, plan: { method: 'tsn-milp', trucks: [] }, components: Object.fromEntries(COST_PARTS.map((p) => [p, 0])) as Record<CostPart, number>, variables: 0, rows: 0 };
}

/** Splits an integral flow from source to sink into one path per truck (the network is acyclic in time). */
function decompose(g: CoOptGraph, flow: Map<number, number>): number[][] {
  const out = new Map<number, number[]>();
  for (const a of arcsBySlot(g)) {
    if (!flow.has(a)) continue;
    const list = out.get(g.from[a]!) ?? [];
    list.push(a);
    out.set(g.from[a]!, list);
  }
  const source = offDutyIndex(g, 0);
  const sink = offDutyIndex(g, g.slots);
  const paths: number[][] = [];
  for (;;) {
    const first = (out.get(source) ?? []).find((a) => (flow.get(a) ?? 0) > 0);
    if (first === undefined) break;
    const path: number[] = [];
    let state = source;
    while (state !== sink) {
      const a = (out.get(state) ?? []).find((b) => (flow.get(b) ?? 0) > 0);
      if (a === undefined) throw new GridHaulError('FLOW_DECOMPOSITION', `flow stops at state ${state}`);
      flow.set(a, flow.get(a)! - 1);
      path.push(a);
      state = g.to[a]!;
    }
    paths.push(path);
  }
  return paths;
}
