import { LinearExpr, Model, name, solve, type SolveOptions, type SolveResult, type Var } from '@gridhaul/lp';
import type { DeliveryModelData } from './model-data';
import type { DeliveryPlan, DeliveryRoute } from './plan';
import { scheduleRoute } from './dp';

/**
 * The corrected MILP of the published formulation (shared/notes/mess-routing.md §3): per-vehicle
 * arcs x[k,i,j] over the depot and the sites the SOC rule requires, flow conservation, gated big-M
 * time propagation (which also removes subtours), route-level load, time windows, the SOC-threshold
 * rule as a function of the service start, tolls per leg, per-km costs and wages on route duration.
 * Model indices: node 0 = depot, node i ≥ 1 = data.sites[i − 1].
 */
interface Vars {
  x: (Var | null)[][][];
  y: Var[][];
  used: Var[];
  s: Var[][];
  start: Var[];
  end: Var[];
  f: (Var | null)[][][];
  g: (Var | null)[][][];
}

export interface DeliveryMilp {
  readonly model: Model;
  readonly vars: Vars;
  readonly data: DeliveryModelData;
}

export function buildDeliveryMilp(data: DeliveryModelData): DeliveryMilp {
  const model = new Model(`mess-delivery-${data.instance.name}`);
  const vars = addVariables(model, data);
  addDemandMet(model, data, vars);
  addFlowConservation(model, data, vars);
  addDepotStartEnd(model, data, vars);
  addTimeWindows(model, data, vars);
  addSocThresholdRule(model, data, vars);
  addTimePropagation(model, data, vars);
  addRouteLoad(model, data, vars);
  addTwoCycleCuts(model, data, vars);
  addDurationBound(model, data, vars);
  fixImpossibleArcs(model, data, vars);
  addIdenticalVehicleOrder(model, data, vars);
  setObjective(model, data, vars);
  return { model, vars, data };
}

const horizonH = (data: DeliveryModelData): number => Math.max(...data.sites.map((s) => s.latestH)) + data.serviceH + Math.max(...data.vehicles.map((_, k) => Math.max(...data.nodes.map((_, i) => data.travelH(k, i, 0)))));

function addVariables(model: Model, data: DeliveryModelData): Vars {
  const K = data.vehicles.length;
  const N = data.nodes.length;
  const H = horizonH(data);
  const x = data.vehicles.map((_, k) => Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => (i === j ? null : model.addVar({ name: name('x', { k, i, j }), type: 'binary' })))));
  const y = data.vehicles.map((_, k) => data.sites.map((_, i) => model.addVar({ name: name('y', { k, i: i + 1 }), type: 'binary' })));
  const used = data.vehicles.map((_, k) => model.addVar({ name: name('used', { k }), type: 'binary' }));
  const s = data.vehicles.map((_, k) => data.sites.map((site, i) => model.addVar({ name: name('s', { k, i: i + 1 }), lb: 0, ub: site.latestH })));
  const start = data.vehicles.map((_, k) => model.addVar({ name: name('start', { k }), lb: data.shiftStartH, ub: H }));
  const end = data.vehicles.map((_, k) => model.addVar({ name: name('end', { k }), lb: data.shiftStartH, ub: H }));
  const flow = (family: string) =>
    data.vehicles.map((veh, k) => Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => (i === j ? null : model.addVar({ name: name(family, { k, i, j }), lb: 0, ub: veh.capacityKWh })))));
  void K;
  return { x, y, used, s, start, end, f: flow('f'), g: flow('g') };
}

/** (1)–(2) as intended: every required site is served by exactly one vehicle. */
function addDemandMet(model: Model, data: DeliveryModelData, v: Vars): void {
  data.sites.forEach((_, i) => model.addConstraint(v.y.map((yk) => [yk[i]!, 1] as const), '=', 1, name('served', { i: i + 1 })));
}

/** Flow conservation (missing in the PDF): a served site is entered and left once by that vehicle. */
function addFlowConservation(model: Model, data: DeliveryModelData, v: Vars): void {
  const N = data.nodes.length;
  data.vehicles.forEach((_, k) => {
    for (let i = 1; i < N; i++) {
      const into = new LinearExpr();
      const out = new LinearExpr();
      for (let j = 0; j < N; j++) {
        if (j === i) continue;
        into.add(v.x[k]![j]![i]!);
        out.add(v.x[k]![i]![j]!);
      }
      model.addConstraint(into.add(v.y[k]![i - 1]!, -1), '=', 0, name('flowIn', { k, i }));
      model.addConstraint(out.add(v.y[k]![i - 1]!, -1), '=', 0, name('flowOut', { k, i }));
    }
  });
}

/** (9)–(10) with ≤: a vehicle leaves the depot at most once and comes back if it left. */
function addDepotStartEnd(model: Model, data: DeliveryModelData, v: Vars): void {
  const N = data.nodes.length;
  data.vehicles.forEach((_, k) => {
    const out = new LinearExpr();
    const back = new LinearExpr();
    for (let j = 1; j < N; j++) {
      out.add(v.x[k]![0]![j]!);
      back.add(v.x[k]![j]![0]!);
    }
    model.addConstraint(out.add(v.used[k]!, -1), '=', 0, name('depotOut', { k }));
    model.addConstraint(back.add(v.used[k]!, -1), '=', 0, name('depotBack', { k }));
    model.addConstraint([[v.end[k]!, 1], [v.start[k]!, -1]], '>=', 0, name('duration', { k }));
  });
}

/** (7): a_i ≤ s_ik ≤ b_i, written only for a vehicle that serves i (s is free otherwise). */
function addTimeWindows(model: Model, data: DeliveryModelData, v: Vars): void {
  data.vehicles.forEach((_, k) =>
    data.sites.forEach((site, i) => {
      const a = data.instance.nodes[site.node]!.windowStartH;
      model.addConstraint([[v.s[k]![i]!, 1], [v.y[k]![i]!, -a]], '>=', 0, name('windowOpen', { k, i: i + 1 }));
    }),
  );
}

/**
 * (6) corrected: service only once the site SOC is at or below the threshold, with the SOC a linear
 * function of the service start: θ_i − r·(s_ik − t0) ≤ θ* + M(1 − y_ik).
 */
function addSocThresholdRule(model: Model, data: DeliveryModelData, v: Vars): void {
  const p = data.instance.params;
  data.vehicles.forEach((_, k) =>
    data.sites.forEach((site, i) => {
      const theta = data.instance.nodes[site.node]!.socPct;
      if (theta <= p.pickupSocThresholdPct) return;
      const M = theta - p.pickupSocThresholdPct;
      // θ − r·s + r·t0 − θ* ≤ M(1 − y)  ⇔  −r·s + M·y ≤ θ* − θ − r·t0 + M
      model.addConstraint(
        [
          [v.s[k]![i]!, -p.socDecayPctPerH],
          [v.y[k]![i]!, M],
        ],
        '<=',
        p.pickupSocThresholdPct - theta - p.socDecayPctPerH * p.shiftStartH + M,
        name('socRule', { k, i: i + 1 }),
      );
    }),
  );
}

/** (8) gated: s_j ≥ s_i + σ + τ_ij − M_ij(1 − x_ijk); from the depot after loading; back at `end`. */
function addTimePropagation(model: Model, data: DeliveryModelData, v: Vars): void {
  const N = data.nodes.length;
  const H = horizonH(data);
  data.vehicles.forEach((_, k) => {
    for (let j = 1; j < N; j++) {
      const tau = data.loadingH + data.travelH(k, 0, j);
      const M = H + tau;
      // s_j − start − M·x ≥ τ − M
      model.addConstraint([[v.s[k]![j - 1]!, 1], [v.start[k]!, -1], [v.x[k]![0]![j]!, -M]], '>=', tau - M, name('timeFromDepot', { k, j }));
    }
    for (let i = 1; i < N; i++) {
      for (let j = 1; j < N; j++) {
        if (i === j) continue;
        const hop = data.serviceH + data.travelH(k, i, j);
        // M_ij = b_i + σ + τ_ij − e_j (notes §3: the smallest valid M)
        const M = Math.max(0, data.sites[i - 1]!.latestH + hop - data.sites[j - 1]!.earliestH);
        model.addConstraint([[v.s[k]![j - 1]!, 1], [v.s[k]![i - 1]!, -1], [v.x[k]![i]![j]!, -M]], '>=', hop - M, name('timeProp', { k, i, j }));
      }
      const hop = data.serviceH + data.travelH(k, i, 0);
      const M = data.sites[i - 1]!.latestH + hop;
      model.addConstraint([[v.end[k]!, 1], [v.s[k]![i - 1]!, -1], [v.x[k]![i]![0]!, -M]], '>=', hop - M, name('timeToDepot', { k, i }));
    }
  });
}

/**
 * (4)–(5) at route level, as arc flows: delivery load f and pickup load g on each arc. The vehicle
 * leaves the depot with all its deliveries; at each site f drops by D_j and g rises by P_j; on
 * every arc f + g ≤ Q_k·x. Because every site takes a delivery, f also cuts off subtours in the LP
 * relaxation (single-commodity flow), which the big-M times alone do only weakly.
 */
function addRouteLoad(model: Model, data: DeliveryModelData, v: Vars): void {
  const N = data.nodes.length;
  data.vehicles.forEach((veh, k) => {
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        if (i === j) continue;
        model.addConstraint([[v.f[k]![i]![j]!, 1], [v.g[k]![i]![j]!, 1], [v.x[k]![i]![j]!, -veh.capacityKWh]], '<=', 0, name('arcLoad', { k, i, j }));
      }
    }
    for (let j = 1; j < N; j++) {
      const site = data.sites[j - 1]!;
      const fBal = new LinearExpr();
      const gBal = new LinearExpr();
      for (let i = 0; i < N; i++) {
        if (i === j) continue;
        fBal.add(v.f[k]![i]![j]!).add(v.f[k]![j]![i]!, -1);
        gBal.add(v.g[k]![j]![i]!).add(v.g[k]![i]![j]!, -1);
      }
      model.addConstraint(fBal.add(v.y[k]![j - 1]!, -site.deliverKWh), '=', 0, name('deliveryFlow', { k, j }));
      model.addConstraint(gBal.add(v.y[k]![j - 1]!, -site.pickupKWh), '=', 0, name('pickupFlow', { k, j }));
    }
    for (let j = 1; j < N; j++) {
      model.setBounds(v.f[k]![j]![0]!, 0, 0);
      model.setBounds(v.g[k]![0]![j]!, 0, 0);
    }
  });
}

/** (11): no 2-cycles between two sites, x_ij + x_ji ≤ y_i (the PDF's row, lifted by y). */
function addTwoCycleCuts(model: Model, data: DeliveryModelData, v: Vars): void {
  const N = data.nodes.length;
  data.vehicles.forEach((_, k) => {
    for (let i = 1; i < N; i++) for (let j = i + 1; j < N; j++) model.addConstraint([[v.x[k]![i]![j]!, 1], [v.x[k]![j]![i]!, 1], [v.y[k]![i - 1]!, -1]], '<=', 0, name('twoCycle', { k, i, j }));
  });
}

/**
 * Valid inequality: a route lasts at least its loading, driving and service time,
 * end_k − start_k ≥ L·used_k + Σ τ_ij·x_ijk + σ·Σ y_ik (tightens the wage term's LP bound).
 */
function addDurationBound(model: Model, data: DeliveryModelData, v: Vars): void {
  const N = data.nodes.length;
  data.vehicles.forEach((_, k) => {
    const e = new LinearExpr().add(v.end[k]!).add(v.start[k]!, -1).add(v.used[k]!, -data.loadingH);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j) e.add(v.x[k]![i]![j]!, -data.travelH(k, i, j));
    data.sites.forEach((_, i) => e.add(v.y[k]![i]!, -data.serviceH));
    model.addConstraint(e, '>=', 0, name('durationBound', { k }));
  });
}

/** Arcs no schedule can use (i's earliest finish reaches j after j's window) or no load fits: x = 0. */
function fixImpossibleArcs(model: Model, data: DeliveryModelData, v: Vars): void {
  const N = data.nodes.length;
  data.vehicles.forEach((veh, k) => {
    for (let i = 1; i < N; i++) {
      for (let j = 1; j < N; j++) {
        if (i === j) continue;
        const a = data.sites[i - 1]!;
        const b = data.sites[j - 1]!;
        if (a.earliestH + data.serviceH + data.travelH(k, i, j) > b.latestH + 1e-9 || a.deliverKWh + b.deliverKWh > veh.capacityKWh + 1e-9) model.setBounds(v.x[k]![i]![j]!, 0, 0);
      }
    }
  });
}

/** Symmetry breaking: of two identical vehicles the later one drives only if the earlier one does. */
function addIdenticalVehicleOrder(model: Model, data: DeliveryModelData, v: Vars): void {
  data.vehicles.forEach((a, k) => {
    const prev = data.vehicles.findIndex((b, j) => j < k && b.capacityKWh === a.capacityKWh && b.speedKmh === a.speedKmh && b.perKmNOK === a.perKmNOK && b.wageNOKPerH === a.wageNOKPerH);
    if (prev >= 0) model.addConstraint([[v.used[prev]!, 1], [v.used[k]!, -1]], '>=', 0, name('identicalOrder', { k }));
  });
}

/** Objective: Σ x·(d·(fuel + maintenance) + toll) + Σ_k wage_k·(end_k − start_k). */
function setObjective(model: Model, data: DeliveryModelData, v: Vars): void {
  const obj = new LinearExpr();
  const N = data.nodes.length;
  data.vehicles.forEach((veh, k) => {
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j) obj.add(v.x[k]![i]![j]!, data.distanceKm(i, j) * veh.perKmNOK + data.tollPerLeg);
    obj.add(v.end[k]!, veh.wageNOKPerH).add(v.start[k]!, -veh.wageNOKPerH);
  });
  model.minimize(obj);
}

export interface DeliveryMilpResult {
  readonly status: SolveResult['status'];
  readonly objective: number;
  readonly bound: number;
  readonly gap: number;
  readonly timeSec: number;
  readonly plan: DeliveryPlan;
}

/** Solves the MILP and reads the routes off the arcs; times are recomputed as the earliest schedule from the solved start. */
export async function solveDeliveryMilp(data: DeliveryModelData, options: SolveOptions = {}): Promise<DeliveryMilpResult> {
  const { model, vars } = buildDeliveryMilp(data);
  const r = await solve(model, { mipRelGap: 1e-6, ...options });
  const routes: DeliveryRoute[] = [];
  if (r.hasSolution) {
    const N = data.nodes.length;
    data.vehicles.forEach((_, k) => {
      if (r.value(vars.used[k]!) < 0.5) return;
      const order: number[] = [];
      let at = 0;
      for (let guard = 0; guard < N; guard++) {
        let next = -1;
        for (let j = 0; j < N; j++) if (j !== at && r.value(vars.x[k]![at]![j]!) > 0.5) next = j;
        if (next <= 0) break;
        order.push(next - 1);
        at = next;
      }
      routes.push(scheduleRoute(data, k, order, r.value(vars.start[k]!)));
    });
  }
  return {
    status: r.status,
    objective: r.hasSolution ? (r.objective ?? Infinity) : Infinity,
    bound: r.mipBound ?? NaN,
    gap: r.mipGap ?? NaN,
    timeSec: r.timeSec,
    plan: { instance: data.instance.name, method: 'milp', routes },
  };
}
