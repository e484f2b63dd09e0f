import { LinearExpr, Model, name, type Var } from '@gridhaul/lp';
import type { Arc, MilpParams } from './params';

/**
 * The arc-flow MILP of Schneider, Stenger & Goeke (2014) for the E-VRPTW, with the partial-recharge
 * and SOC-limit variants of Cataldo-Díaz, Linfati & Escobar (2022), on preprocessed parameters
 * (params.ts): only surviving arcs get a variable, and every big-M is the arc's own.
 * Numbers in comments are Schneider et al. (2014)'s equation numbers.
 */
export interface EvrpModel {
  readonly model: Model;
  readonly params: MilpParams;
  /** x[a] for arc a of params.arcs. */
  readonly x: readonly Var[];
  /** Start of service / charging per vertex (time units). */
  readonly tau: readonly Var[];
  /** SOC on arrival per vertex (energy units); null at the start (it is Q). */
  readonly soc: readonly (Var | null)[];
  /** Energy charged per station copy (energy units), null elsewhere. */
  readonly charge: readonly (Var | null)[];
  /** Cumulative delivered load per customer and station copy (load units), null at the depot. */
  readonly load: readonly (Var | null)[];
  readonly vehicles: LinearExpr;
  readonly distance: LinearExpr;
}

export type ModelObjective = 'vehicles' | 'cost';

export function buildEvrpModel(params: MilpParams, objective: ModelObjective = 'cost', fleet?: { exactly?: number; atMost?: number }): EvrpModel {
  const model = new Model('evrptw');
  const out = params.vertices.map(() => [] as number[]);
  const into = params.vertices.map(() => [] as number[]);
  params.arcs.forEach((a, k) => {
    out[a.from]!.push(k);
    into[a.to]!.push(k);
  });
  const x = params.arcs.map((a) => model.addVar({ name: name('x', { i: a.from, j: a.to }), type: 'binary' }));
  const vars = addVertexVariables(model, params);
  const m: EvrpModel = {
    model,
    params,
    x,
    ...vars,
    vehicles: sumArcs(x, out[params.start]!),
    distance: new LinearExpr().addTerms(params.arcs.map((a, k) => [x[k]!, a.distance] as const)),
  };
  addCustomerVisits(m, out);
  addStationVisits(m, out);
  addFlowConservation(m, out, into);
  addFleetSize(m, fleet ?? (params.maxVehicles === undefined ? {} : { atMost: params.maxVehicles }));
  addTimePropagation(m);
  addLoadPropagation(m);
  addSocPropagation(m);
  addChargingLimits(m, out);
  addStationSymmetryBreaking(m, out);
  addTwoCycleCuts(m);
  if (objective === 'vehicles') model.minimize(m.vehicles);
  else model.minimize(params.paperObjective ? paperObjective(m, out) : m.distance);
  return m;
}

function addVertexVariables(model: Model, p: MilpParams): Pick<EvrpModel, 'tau' | 'soc' | 'charge' | 'load'> {
  const tau = p.vertices.map((v, i) => model.addVar({ name: name('tau', { i }), lb: v.earliest, ub: v.latest }));
  const soc = p.vertices.map((v, i) => (v.kind === 'start' ? null : model.addVar({ name: name('y', { i }), lb: v.minSoc, ub: v.maxSoc })));
  const charge = p.vertices.map((v, i) => {
    if (v.kind !== 'station') return null;
    const most = p.fullRecharge ? p.batteryCapacity - v.minSoc : p.maxCharge - v.minSoc;
    return model.addVar({ name: name('q', { i }), lb: 0, ub: Math.max(0, most) });
  });
  const load = p.vertices.map((v, i) => (v.kind === 'customer' || v.kind === 'station' ? model.addVar({ name: name('w', { i }), lb: v.demand, ub: p.loadCapacity }) : null));
  return { tau, soc, charge, load };
}

function sumArcs(x: readonly Var[], arcs: readonly number[]): LinearExpr {
  const e = new LinearExpr();
  for (const k of arcs) e.add(x[k]!);
  return e;
}

/** (2) every customer is left exactly once. */
function addCustomerVisits(m: EvrpModel, out: number[][]): void {
  for (const i of m.params.customers) m.model.addConstraint(sumArcs(m.x, out[i]!), '=', 1, name('visit', { i }));
}

/** (3) every station copy is left at most once. */
function addStationVisits(m: EvrpModel, out: number[][]): void {
  for (const group of m.params.stationCopies) for (const i of group) m.model.addConstraint(sumArcs(m.x, out[i]!), '<=', 1, name('stationVisit', { i }));
}

/** (4) flow conservation at customers and station copies. */
function addFlowConservation(m: EvrpModel, out: number[][], into: number[][]): void {
  m.params.vertices.forEach((v, i) => {
    if (v.kind !== 'customer' && v.kind !== 'station') return;
    const e = sumArcs(m.x, into[i]!).addExpr(sumArcs(m.x, out[i]!), -1);
    m.model.addConstraint(e, '=', 0, name('flow', { i }));
  });
}

/** Fleet size: at most m vehicles (Cataldo-Díaz et al. 2022), and at least total demand / C. */
function addFleetSize(m: EvrpModel, fleet: { exactly?: number; atMost?: number }): void {
  if (fleet.exactly !== undefined) m.model.addConstraint(m.vehicles, '=', fleet.exactly, 'fleet');
  else {
    if (fleet.atMost !== undefined) m.model.addConstraint(m.vehicles, '<=', fleet.atMost, 'fleetMax');
    m.model.addConstraint(m.vehicles, '>=', m.params.minVehicles, 'fleetMin');
  }
}

/**
 * (5) from customers and the depot: τ_j ≥ τ_i + s_i + t_ij − M_ij (1 − x_ij);
 * (6) from stations: τ_j ≥ τ_i + set-up + g · charge_i + t_ij − M_ij (1 − x_ij), where charge_i is
 * Q − y_i for a full recharge and the charge variable q_i for a partial one.
 * (7) time windows are the bounds of τ.
 */
function addTimePropagation(m: EvrpModel): void {
  const p = m.params;
  p.arcs.forEach((a: Arc, k) => {
    const from = p.vertices[a.from]!;
    if (a.timeM <= 0) return; // implied by the bounds of τ
    const e = new LinearExpr().add(m.tau[a.to]!).add(m.tau[a.from]!, -1).add(m.x[k]!, -a.timeM);
    let rhs = from.serviceTime + a.time - a.timeM;
    if (from.kind === 'station') {
      rhs += p.setupTime;
      if (p.fullRecharge) {
        rhs += p.inverseRechargeRate * p.batteryCapacity;
        e.add(m.soc[a.from]!, p.inverseRechargeRate);
      } else e.add(m.charge[a.from]!, -p.inverseRechargeRate);
    }
    // Rearranged: τ_j − τ_i (− g·q_i | + g·y_i) − M x_ij ≥ s_i + t_ij (+ set-up + g·Q) − M.
    m.model.addConstraint(e, '>=', rhs, name('time', { i: a.from, j: a.to }));
  });
}

/**
 * (8)–(9) load, as cumulative delivered load w (a lifted form of Schneider's remaining-load rows):
 * w_j ≥ w_i + q_j − C (1 − x_ij) + (C − q_i − q_j) x_ji for customer pairs (Desrochers & Laporte 1991).
 */
function addLoadPropagation(m: EvrpModel): void {
  const p = m.params;
  const w = m.load;
  const arcIndex = new Map(p.arcs.map((a, k) => [a.from * p.vertices.length + a.to, k]));
  p.arcs.forEach((a, k) => {
    const from = p.vertices[a.from]!;
    const to = p.vertices[a.to]!;
    if (from.kind === 'start' || to.kind === 'end') return;
    const c = p.loadCapacity;
    const big = c; // ub(w_i) + q_j − lb(w_j)
    const e = new LinearExpr().add(w[a.to]!).add(w[a.from]!, -1).add(m.x[k]!, -big);
    const back = arcIndex.get(a.to * p.vertices.length + a.from);
    if (back !== undefined && from.kind === 'customer' && to.kind === 'customer') e.add(m.x[back]!, -(c - from.demand - to.demand));
    m.model.addConstraint(e, '>=', to.demand - big, name('load', { i: a.from, j: a.to }));
  });
}

/**
 * (10) from customers: y_j ≤ y_i − r d_ij + M_ij (1 − x_ij);
 * (11) from the depot and full-recharge stations: y_j ≤ Q − r d_ij x_ij;
 * from partial-recharge stations (Cataldo-Díaz et al. 2022): y_j ≤ y_i + q_i − r d_ij + M_ij (1 − x_ij).
 */
function addSocPropagation(m: EvrpModel): void {
  const p = m.params;
  p.arcs.forEach((a, k) => {
    const from = p.vertices[a.from]!;
    const yj = m.soc[a.to]!;
    if (from.kind === 'start' || (from.kind === 'station' && p.fullRecharge)) {
      m.model.addConstraint(new LinearExpr().add(yj).add(m.x[k]!, a.energy), '<=', p.batteryCapacity, name('soc', { i: a.from, j: a.to }));
      return;
    }
    const e = new LinearExpr().add(yj).add(m.soc[a.from]!, -1).add(m.x[k]!, a.socM);
    if (from.kind === 'station') e.add(m.charge[a.from]!, -1);
    m.model.addConstraint(e, '<=', a.socM - a.energy, name('soc', { i: a.from, j: a.to }));
  });
}

/**
 * Partial recharge: y_i + q_i ≤ ceiling (85 % of Q in variant d), and no charge at an unused copy.
 * Full recharge with the paper objective: q_i ≥ Q − y_i at a used copy, so the charging time is costed.
 */
function addChargingLimits(m: EvrpModel, out: number[][]): void {
  const p = m.params;
  for (const group of p.stationCopies) {
    for (const i of group) {
      const v = p.vertices[i]!;
      const q = m.charge[i]!;
      const y = m.soc[i]!;
      const used = sumArcs(m.x, out[i]!);
      if (p.fullRecharge) {
        if (!p.paperObjective) continue;
        const slack = p.batteryCapacity - v.minSoc;
        m.model.addConstraint(new LinearExpr().add(q).add(y).addExpr(used, -slack), '>=', p.batteryCapacity - slack, name('fullCharge', { i }));
      } else {
        m.model.addConstraint(new LinearExpr().add(y).add(q), '<=', p.maxCharge, name('chargeCeiling', { i }));
        m.model.addConstraint(new LinearExpr().add(q).addExpr(used, -(p.maxCharge - v.minSoc)), '<=', 0, name('chargeIfUsed', { i }));
      }
    }
  }
}

/** Copies of one station are interchangeable: copy k+1 is used only if copy k is. */
function addStationSymmetryBreaking(m: EvrpModel, out: number[][]): void {
  for (const group of m.params.stationCopies) {
    for (let k = 0; k + 1 < group.length; k++) {
      const e = sumArcs(m.x, out[group[k + 1]!]!).addExpr(sumArcs(m.x, out[group[k]!]!), -1);
      m.model.addConstraint(e, '<=', 0, name('copyOrder', { i: group[k + 1]! }));
    }
  }
}

/** x_ij + x_ji ≤ 1 between customers (implied by the time rows, but not by their LP relaxation). */
function addTwoCycleCuts(m: EvrpModel): void {
  const p = m.params;
  const arcIndex = new Map(p.arcs.map((a, k) => [a.from * p.vertices.length + a.to, k]));
  p.arcs.forEach((a, k) => {
    if (a.from >= a.to || p.vertices[a.from]!.kind !== 'customer' || p.vertices[a.to]!.kind !== 'customer') return;
    const back = arcIndex.get(a.to * p.vertices.length + a.from);
    if (back !== undefined) m.model.addConstraint(new LinearExpr().add(m.x[k]!).add(m.x[back]!), '<=', 1, name('twoCycle', { i: a.from, j: a.to }));
  });
}

/** Cataldo-Díaz et al. (2022): Σ travel time + Σ service + g Σ charge + set-up cost per station visit. */
function paperObjective(m: EvrpModel, out: number[][]): LinearExpr {
  const p = m.params;
  const e = new LinearExpr();
  p.arcs.forEach((a, k) => e.add(m.x[k]!, a.time));
  for (const i of p.customers) e.addConstant(p.vertices[i]!.serviceTime);
  for (const group of p.stationCopies) {
    for (const i of group) {
      e.add(m.charge[i]!, p.inverseRechargeRate);
      e.addExpr(sumArcs(m.x, out[i]!), p.stationVisitCost);
    }
  }
  return e;
}
