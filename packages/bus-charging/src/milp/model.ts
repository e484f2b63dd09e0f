import type { Var } from '@gridhaul/lp';
import { Model, name } from '@gridhaul/lp';
import type { ChargeableVisit, MilpParams } from './params';

// The position allocation problem of Brown, Droge & Gunther, "A position allocation approach to the
// scheduling of battery-electric bus charging", Front. Energy Res. 12 (2024) (restated in
// notes/beb-charging.md §3), with a charger-count cost and a linearised 15-minute demand charge added.

export interface MilpVars {
  /** SOC on arrival, per visit (kWh). */
  readonly eta: readonly Var[];
  /** Per chargeable visit: plug-in time u (h) and duration s (h). */
  readonly u: readonly Var[];
  readonly s: readonly Var[];
  /** Per chargeable visit: w[0] = its bus's idle queue, w[1 + c] = charger c. */
  readonly w: readonly (readonly Var[])[];
  /** Per chargeable visit: its queue's index v_i = Σ_q q·w_iq (idle queue of bus b = b, charger c = n_B + c). */
  readonly v: readonly Var[];
  /** Per chargeable visit and charger: g = s·w, the time spent charging on it (h). */
  readonly g: readonly (readonly Var[])[];
  /** Charger c serves at least one visit. */
  readonly used: readonly Var[];
  /** Peak average power over a billing period (kW). */
  readonly peak: Var;
}

export function buildPositionAllocationModel(p: MilpParams): { model: Model; vars: MilpVars } {
  const model = new Model(`bpap-${p.instance.name}`);
  const vars = addVariables(model, p);
  addQueueSelection(model, p, vars);
  addChargeWindow(model, p, vars);
  addBilinearLinearization(model, p, vars);
  addBatteryDynamics(model, p, vars);
  addPacking(model, p, vars);
  addChargerCount(model, p, vars);
  addDemandCharge(model, p, vars);
  setObjective(model, p, vars);
  return { model, vars };
}

function addVariables(model: Model, p: MilpParams): MilpVars {
  const inst = p.instance;
  const eta = inst.visits.map((v) => {
    const bus = inst.buses[v.bus];
    const first = v.prev < 0;
    const lb = first ? (bus?.initialSocKWh ?? 0) : (bus?.minSocKWh ?? 0);
    const ub = first ? (bus?.initialSocKWh ?? 0) : (bus?.batteryKWh ?? 0);
    return model.addVar({ name: name('eta', { i: v.index }), lb, ub });
  });
  const u = p.chargeable.map((cv) => model.addVar({ name: name('u', { i: cv.visit }), lb: cv.arrivalH, ub: cv.departureH }));
  const s = p.chargeable.map((cv) => model.addVar({ name: name('s', { i: cv.visit }), lb: 0, ub: cv.departureH - cv.arrivalH }));
  const w = p.chargeable.map((cv) => [
    model.addVar({ name: name('w', { i: cv.visit, q: cv.bus }), type: 'binary' }),
    ...inst.chargers.map((c) => model.addVar({ name: name('w', { i: cv.visit, q: inst.buses.length + c.index }), type: 'binary' })),
  ]);
  const v = p.chargeable.map((cv) => model.addVar({ name: name('v', { i: cv.visit }), lb: 0, ub: p.nQueues - 1 }));
  const g = p.chargeable.map((cv) => inst.chargers.map((c) => model.addVar({ name: name('g', { i: cv.visit, q: inst.buses.length + c.index }), lb: 0, ub: cv.departureH - cv.arrivalH })));
  const used = inst.chargers.map((c) => model.addVar({ name: name('used', { c: c.index }), type: 'binary' }));
  const peak = model.addVar({ name: 'peak', lb: 0 });
  return { eta, u, s, w, v, g, used, peak };
}

/** Every visit takes exactly one queue, its bus's idle queue or one charger: Σ_q w_iq = 1, v_i = Σ_q q·w_iq. */
function addQueueSelection(model: Model, p: MilpParams, v: MilpVars): void {
  const nB = p.instance.buses.length;
  p.chargeable.forEach((cv, a) => {
    const row = v.w[a] as Var[];
    model.addConstraint(row.map((x) => [x, 1] as const), '=', 1, name('queue', { i: cv.visit }));
    const index = row.map((x, k) => [x, -(k === 0 ? cv.bus : nB + k - 1)] as [Var, number]);
    model.addConstraint([[v.v[a] as Var, 1], ...index], '=', 0, name('queueIndex', { i: cv.visit }));
  });
}

/** The session ends before the bus leaves: u_i + s_i = d_i <= τ_i (u_i >= a_i is a bound). */
function addChargeWindow(model: Model, p: MilpParams, v: MilpVars): void {
  p.chargeable.forEach((cv, a) => {
    model.addConstraint([[v.u[a] as Var, 1], [v.s[a] as Var, 1]], '<=', cv.departureH, name('window', { i: cv.visit }));
  });
}

/** g_iq = s_i·w_iq by big-M (M = the dwell): g <= s, g <= M·w, g >= s − M·(1 − w). */
function addBilinearLinearization(model: Model, p: MilpParams, v: MilpVars): void {
  p.chargeable.forEach((cv, a) => {
    const M = cv.departureH - cv.arrivalH;
    const s = v.s[a] as Var;
    (v.g[a] as Var[]).forEach((g, c) => {
      const w = (v.w[a] as Var[])[c + 1] as Var;
      const q = p.instance.buses.length + c;
      model.addConstraint([[g, 1], [s, -1]], '<=', 0, name('gBelowS', { i: cv.visit, q }));
      model.addConstraint([[g, 1], [w, -M]], '<=', 0, name('gOff', { i: cv.visit, q }));
      model.addConstraint([[g, 1], [s, -1], [w, -M]], '>=', -M, name('gOn', { i: cv.visit, q }));
    });
  });
}

/** Energy a visit receives: Σ_q r_q·g_iq (kWh). */
function chargeTerms(p: MilpParams, v: MilpVars, visit: number): [Var, number][] {
  const a = p.chargeableIndex[visit] as number;
  if (a < 0) return [];
  return (v.g[a] as Var[]).map((g, c) => [g, p.instance.chargers[c]?.powerKW ?? 0]);
}

/**
 * Linear battery dynamics: η_next = η_i + Σ_q r_q g_iq − Δ_i; η_i + Σ_q r_q g_iq <= κ; arrivals stay
 * above ν·κ (bounds on η); the end of the day meets the bus's target (and ν·κ).
 */
function addBatteryDynamics(model: Model, p: MilpParams, v: MilpVars): void {
  const inst = p.instance;
  for (const visit of inst.visits) {
    const bus = inst.buses[visit.bus];
    if (!bus) continue;
    const eta = v.eta[visit.index] as Var;
    const charge = chargeTerms(p, v, visit.index);
    if (charge.length > 0) model.addConstraint([[eta, 1], ...charge], '<=', bus.batteryKWh, name('full', { i: visit.index }));
    if (visit.next >= 0) {
      model.addConstraint([[v.eta[visit.next] as Var, 1], [eta, -1], ...charge.map(([g, r]) => [g, -r] as [Var, number])], '=', -visit.dischargeAfterKWh, name('soc', { i: visit.index }));
    } else {
      const target = Math.max(bus.finalSocKWh, visit.dischargeAfterKWh > 0 ? bus.minSocKWh : 0);
      model.addConstraint([[eta, 1], ...charge], '>=', target + visit.dischargeAfterKWh, name('endOfDay', { b: visit.bus }));
    }
  }
}

/**
 * Two visits whose windows overlap are apart in time (σ) or in queue order (ψ):
 * u_j − u_i − s_i − (σ_ij − 1)·M >= 0, v_j − v_i − (ψ_ij − 1)·n_Q >= 1, σ_ij + σ_ji <= 1,
 * ψ_ij + ψ_ji <= 1, σ_ij + σ_ji + ψ_ij + ψ_ji >= 1, with v_i = Σ_q q·w_iq. Pairs that cannot
 * overlap (same bus, disjoint windows) need no rows.
 */
function addPacking(model: Model, p: MilpParams, v: MilpVars): void {
  const nQ = p.nQueues;
  for (const [a, b] of p.pairs) {
    const i = p.chargeable[a] as ChargeableVisit;
    const j = p.chargeable[b] as ChargeableVisit;
    const ix = { i: i.visit, j: j.visit };
    const ixr = { i: j.visit, j: i.visit };
    const sij = model.addVar({ name: name('sigma', ix), type: 'binary' });
    const sji = model.addVar({ name: name('sigma', ixr), type: 'binary' });
    const pij = model.addVar({ name: name('psi', ix), type: 'binary' });
    const pji = model.addVar({ name: name('psi', ixr), type: 'binary' });
    const Mij = Math.max(0, i.departureH - j.arrivalH);
    const Mji = Math.max(0, j.departureH - i.arrivalH);
    const [ui, si, uj, sj] = [v.u[a], v.s[a], v.u[b], v.s[b]] as Var[];
    model.addConstraint([[uj as Var, 1], [ui as Var, -1], [si as Var, -1], [sij, -Mij]], '>=', -Mij, name('before', ix));
    model.addConstraint([[ui as Var, 1], [uj as Var, -1], [sj as Var, -1], [sji, -Mji]], '>=', -Mji, name('before', ixr));
    const [vi, vj] = [v.v[a], v.v[b]] as Var[];
    model.addConstraint([[vj as Var, 1], [vi as Var, -1], [pij, -nQ]], '>=', 1 - nQ, name('below', ix));
    model.addConstraint([[vi as Var, 1], [vj as Var, -1], [pji, -nQ]], '>=', 1 - nQ, name('below', ixr));
    model.addConstraint([[sij, 1], [sji, 1]], '<=', 1, name('timeOrder', ix));
    model.addConstraint([[pij, 1], [pji, 1]], '<=', 1, name('queueOrder', ix));
    model.addConstraint([[sij, 1], [sji, 1], [pij, 1], [pji, 1]], '>=', 1, name('separate', ix));
  }
}

/** used_c >= w_ic for every visit; identical chargers are used in index order (symmetry breaking). */
function addChargerCount(model: Model, p: MilpParams, v: MilpVars): void {
  const chargers = p.instance.chargers;
  p.chargeable.forEach((cv, a) => {
    chargers.forEach((c) => {
      model.addConstraint([[v.used[c.index] as Var, 1], [(v.w[a] as Var[])[c.index + 1] as Var, -1]], '>=', 0, name('uses', { i: cv.visit, c: c.index }));
    });
  });
  for (let c = 1; c < chargers.length; c++) {
    const prev = chargers[c - 1];
    const cur = chargers[c];
    if (prev && cur && prev.type === cur.type && prev.powerKW === cur.powerKW) {
      model.addConstraint([[v.used[c - 1] as Var, 1], [v.used[c] as Var, -1]], '>=', 0, name('useInOrder', { c }));
    }
  }
}

/**
 * Demand charge on billing periods [k·L, (k+1)·L). o_ikg is the time visit i charges at power group
 * g during period k. With y_ik = 1, o_ik <= t_{k+1} − u_i and o_ik <= u_i + s_i − t_k; with y_ik = 0,
 * o_ik = 0; so o_ik never exceeds the true overlap, and Σ_k o_ikg = Σ_{q∈g} g_iq forces equality.
 * Then Σ_i Σ_g P_g·o_ikg <= L·peak for every period.
 */
function addDemandCharge(model: Model, p: MilpParams, v: MilpVars): void {
  const L = p.periodH;
  const inPeriod: [Var, number][][] = Array.from({ length: p.nPeriods }, () => []);
  p.chargeable.forEach((cv, a) => {
    const perGroup: Var[][] = p.groups.map(() => []);
    for (const k of cv.periods) {
      const ix = { i: cv.visit, k };
      const tk = k * L;
      const y = model.addVar({ name: name('y', ix), type: 'binary' });
      const o = p.groups.map((grp, gi) => {
        const x = model.addVar({ name: name('o', { i: cv.visit, k, g: gi }), lb: 0, ub: L });
        (perGroup[gi] as Var[]).push(x);
        inPeriod[k]?.push([x, grp.powerKW]);
        model.addConstraint([[x, 1], ...grp.chargers.map((c) => [(v.w[a] as Var[])[c + 1] as Var, -L] as [Var, number])], '<=', 0, name('oOnGroup', { i: cv.visit, k, g: gi }));
        return x;
      });
      const total = o.map((x) => [x, 1] as [Var, number]);
      const M1 = Math.max(0, cv.departureH - (tk + L));
      const M2 = Math.max(0, tk - cv.arrivalH);
      model.addConstraint([...total, [y, -L]], '<=', 0, name('oIfY', ix));
      model.addConstraint([...total, [v.u[a] as Var, 1], [y, M1]], '<=', tk + L + M1, name('oAfterStart', ix));
      model.addConstraint([...total, [v.u[a] as Var, -1], [v.s[a] as Var, -1], [y, M2]], '<=', -tk + M2, name('oBeforeEnd', ix));
    }
    p.groups.forEach((grp, gi) => {
      const g = grp.chargers.map((c) => [(v.g[a] as Var[])[c] as Var, -1] as [Var, number]);
      model.addConstraint([...(perGroup[gi] as Var[]).map((x) => [x, 1] as [Var, number]), ...g], '=', 0, name('oSum', { i: cv.visit, g: gi }));
    });
  });
  inPeriod.forEach((terms, k) => {
    if (terms.length > 0) model.addConstraint([...terms, [v.peak, -L]], '<=', 0, name('demand', { k }));
  });
}

/** min Σ_c cost_c·used_c + price·Σ_i Σ_q r_q g_iq + demand price·peak. */
function setObjective(model: Model, p: MilpParams, v: MilpVars): void {
  const costs = p.instance.costs;
  const terms: [Var, number][] = [];
  for (const c of p.instance.chargers) terms.push([v.used[c.index] as Var, costs.chargerPerUnit[c.type] ?? 0]);
  p.chargeable.forEach((_, a) => {
    (v.g[a] as Var[]).forEach((g, c) => terms.push([g, costs.energyPerKWh * (p.instance.chargers[c]?.powerKW ?? 0)]));
  });
  terms.push([v.peak, costs.demandPerKW]);
  model.minimize(terms);
}
