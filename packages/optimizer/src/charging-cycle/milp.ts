import { InputError } from '@gridhaul/common';
import { LinearExpr, Model, name, solve, type SolveOptions, type SolveResult, type Var } from '@gridhaul/lp';
import type { ChargingCycleInstance } from './instance';
import type { ChargingCyclePlan, SwapTrip } from './plan';

export interface ChargingCycleMilpOptions {
  /** Step length (h); 0.25 (15 min) by default. Must divide the operating window. */
  stepH?: number;
  /** Price of recharging swapped-out units at the hub (NOK/kWh by clock hour); omitted = travel cost only. */
  hubPriceNOKPerKWh?: (hour: number) => number;
}

/** Parameters on the grid (pure): per site the steps from departure to swap done and to the return. */
export interface ChargingCycleGrid {
  readonly instance: ChargingCycleInstance;
  readonly stepH: number;
  readonly steps: number;
  /** Steps from departure until the fresh unit is in place: ⌈(d/v + σ)/Δ⌉. */
  readonly swapSteps: readonly number[];
  /** Steps the truck is away: ⌈(2d/v + σ)/Δ⌉. */
  readonly tripSteps: readonly number[];
  /** Steps a returned unit needs on a hub charger (empty to full). */
  readonly rechargeSteps: number;
  /** Upper bound of each excavator's energy at each point: max(day cap, the untouched battery). */
  readonly excavatorUpperKWh: readonly (readonly number[])[];
}

export function chargingCycleGrid(instance: ChargingCycleInstance, stepH = 0.25): ChargingCycleGrid {
  const span = instance.endH - instance.startH;
  const steps = Math.round(span / stepH);
  if (!(stepH > 0) || Math.abs(steps * stepH - span) > 1e-9) throw new InputError('stepH', stepH, `a step (h) that divides the ${span} h window`);
  const c = instance;
  const up = (h: number): number => Math.ceil(h / stepH - 1e-9);
  return {
    instance,
    stepH,
    steps,
    swapSteps: c.sites.map((s) => up(s.distanceKm / c.truckSpeedKmh + c.serviceTimeH)),
    tripSteps: c.sites.map((s) => up((2 * s.distanceKm) / c.truckSpeedKmh + c.serviceTimeH)),
    rechargeSteps: c.hubChargerPowerKW > 0 ? up(c.hubMessCapacityKWh / c.hubChargerPowerKW) : Infinity,
    excavatorUpperKWh: c.excavators.map((e) =>
      Array.from({ length: steps + 1 }, (_, t) => Math.max(c.excavatorSocMaxDay * e.batteryKWh, c.initialSoc * e.batteryKWh - e.consumptionKWhPerH * t * stepH)),
    ),
  };
}

interface Vars {
  p: Var[][];
  E: Var[][];
  M: Var[][];
  w: (Var | null)[][];
  hub: (Var | null)[][];
}

/**
 * Time-indexed MILP of the charging cycle (shared/notes/mess-routing.md §6.2, "a genuine
 * optimisation version"): charging power p[e,t] ∈ [0, 170 kW] per excavator and step, binary swap
 * departures w[s,t]; SOC balances of excavators and site MESS units, every floor (15 %), the 90 %
 * daytime charging cap, the swap resetting the site unit to a full one, one truck, the hub's stock of
 * charged units. Minimises travel cost (day/night tariff by departure) plus, optionally, the hub
 * energy for recharging the swapped-out units.
 */
export function buildChargingCycleMilp(grid: ChargingCycleGrid, options: ChargingCycleMilpOptions = {}): { model: Model; vars: Vars } {
  const model = new Model(`charging-cycle-${grid.instance.name}`);
  const vars = addVariables(model, grid);
  addExcavatorBalance(model, grid, vars);
  addDaytimeChargeCap(model, grid, vars);
  addMessBalanceWithSwaps(model, grid, vars);
  addOneTruck(model, grid, vars);
  addHubStock(model, grid, vars);
  addSwapCountBound(model, grid, vars);
  setObjective(model, grid, vars, options);
  return { model, vars };
}

function addVariables(model: Model, g: ChargingCycleGrid): Vars {
  const c = g.instance;
  const T = g.steps;
  const p = c.excavators.map((e) => Array.from({ length: T }, (_, t) => model.addVar({ name: name('p', { e: e.id, t }), lb: 0, ub: c.chargingPowerKW })));
  const E = c.excavators.map((e, i) =>
    Array.from({ length: T + 1 }, (_, t) =>
      t === 0
        ? model.addVar({ name: name('E', { e: e.id, t }), lb: c.initialSoc * e.batteryKWh, ub: c.initialSoc * e.batteryKWh })
        : model.addVar({ name: name('E', { e: e.id, t }), lb: c.socMin * e.batteryKWh, ub: g.excavatorUpperKWh[i]![t]! }),
    ),
  );
  const M = c.sites.map((s) =>
    Array.from({ length: T + 1 }, (_, t) =>
      t === 0 ? model.addVar({ name: name('M', { s: s.id, t }), lb: c.initialSoc * s.messCapacityKWh, ub: c.initialSoc * s.messCapacityKWh }) : model.addVar({ name: name('M', { s: s.id, t }), lb: c.socMin * s.messCapacityKWh, ub: s.messCapacityKWh }),
    ),
  );
  // A departure at step t is allowed only if the swap is done within the window.
  const w = c.sites.map((s, si) => Array.from({ length: T }, (_, t) => (t + g.swapSteps[si]! <= T ? model.addVar({ name: name('w', { s: s.id, t }), type: 'binary' }) : null)));
  const hub = c.sites.map((s, si) => Array.from({ length: T }, (_, t) => (w[si]![t] ? model.addVar({ name: name('hubKWh', { s: s.id, t }), lb: 0, ub: c.hubMessCapacityKWh }) : null)));
  return { p, E, M, w, hub };
}

/** E[e,t+1] = E[e,t] − c_e·Δ + p[e,t]·Δ, with 15 % ≤ SOC (bounds of E). */
function addExcavatorBalance(model: Model, g: ChargingCycleGrid, v: Vars): void {
  const c = g.instance;
  c.excavators.forEach((e, i) => {
    for (let t = 0; t < g.steps; t++) {
      model.addConstraint(
        [
          [v.E[i]![t + 1]!, 1],
          [v.E[i]![t]!, -1],
          [v.p[i]![t]!, -g.stepH],
        ],
        '=',
        -e.consumptionKWhPerH * g.stepH,
        name('excavatorBalance', { e: e.id, t }),
      );
    }
  });
}

/**
 * Daytime cap: charging may not lift an excavator above 90 %. Above the cap the battery is still on
 * its morning charge, so no charging is allowed until the untouched battery falls to 90 %; after
 * that E ≤ 90 % is a bound (excavatorUpperKWh).
 */
function addDaytimeChargeCap(model: Model, g: ChargingCycleGrid, v: Vars): void {
  const c = g.instance;
  c.excavators.forEach((e, i) => {
    for (let t = 0; t < g.steps; t++) if (g.excavatorUpperKWh[i]![t + 1]! > c.excavatorSocMaxDay * e.batteryKWh + 1e-9) model.setBounds(v.p[i]![t]!, 0, 0);
  });
}

/**
 * Site MESS: the unit feeds its excavators, never below 15 %; a swap that is done by point t
 * replaces it by a full unit: M[s,t] = (1 − r)(M[s,t−1] − draw) + r·cap with r = w[s, t − swapSteps].
 * The swapped-out unit's missing energy hubKWh ≥ cap − (M − draw) − cap(1 − r) is bought at the hub.
 */
function addMessBalanceWithSwaps(model: Model, g: ChargingCycleGrid, v: Vars): void {
  const c = g.instance;
  c.sites.forEach((site, si) => {
    const cap = site.messCapacityKWh;
    for (let t = 0; t < g.steps; t++) {
      const draw = new LinearExpr();
      c.excavators.forEach((e, i) => {
        if (e.siteId === site.id) draw.add(v.p[i]![t]!, g.stepH);
      });
      const depart = t + 1 - g.swapSteps[si]!;
      const r = depart >= 0 ? v.w[si]![depart] : null;
      // old unit after this step: M[t] − draw ≥ floor
      model.addConstraint(new LinearExpr().add(v.M[si]![t]!).addExpr(draw, -1), '>=', c.socMin * cap, name('messFloorBeforeSwap', { s: site.id, t }));
      const carry = new LinearExpr().add(v.M[si]![t + 1]!).add(v.M[si]![t]!, -1).addExpr(draw, 1);
      if (r === null || r === undefined) {
        model.addConstraint(carry, '=', 0, name('messBalance', { s: site.id, t }));
        continue;
      }
      model.addConstraint(new LinearExpr().addExpr(carry).add(r, -cap), '<=', 0, name('messBalanceUp', { s: site.id, t }));
      model.addConstraint(new LinearExpr().addExpr(carry).add(r, cap), '>=', 0, name('messBalanceDown', { s: site.id, t }));
      model.addConstraint(new LinearExpr().add(v.M[si]![t + 1]!).add(r, -cap), '>=', 0, name('messFullAfterSwap', { s: site.id, t }));
      const hub = v.hub[si]![depart]!;
      // hubKWh ≥ cap − (M[t] − draw) − cap(1 − r)  ⇔  hubKWh + M[t] − draw − cap·r ≥ 0
      model.addConstraint(new LinearExpr().add(hub).add(v.M[si]![t]!).addExpr(draw, -1).add(r, -cap), '>=', 0, name('hubEnergy', { s: site.id, t }));
    }
  });
}

/** One truck: at most one trip under way in any step. */
function addOneTruck(model: Model, g: ChargingCycleGrid, v: Vars): void {
  for (let t = 0; t < g.steps; t++) {
    const busy = new LinearExpr();
    g.instance.sites.forEach((_, si) => {
      for (let d = Math.max(0, t - g.tripSteps[si]! + 1); d <= t; d++) {
        const w = v.w[si]![d];
        if (w) busy.add(w);
      }
    });
    if (busy.coefs.size > 1) model.addConstraint(busy, '<=', 1, name('oneTruck', { t }));
  }
}

/**
 * Hub stock: units taken so far minus units back and recharged (return + full recharge time) never
 * exceed the hub's units; at most `hubChargers` units recharge at once.
 */
function addHubStock(model: Model, g: ChargingCycleGrid, v: Vars): void {
  const c = g.instance;
  for (let t = 0; t < g.steps; t++) {
    const out = new LinearExpr();
    const charging = new LinearExpr();
    c.sites.forEach((_, si) => {
      for (let d = 0; d <= t; d++) {
        const w = v.w[si]![d];
        if (!w) continue;
        const back = d + g.tripSteps[si]!;
        if (back + g.rechargeSteps > t) out.add(w);
        if (back <= t && t < back + g.rechargeSteps) charging.add(w);
      }
    });
    if (out.coefs.size > 0) model.addConstraint(out, '<=', c.hubMessUnits, name('hubStock', { t }));
    if (charging.coefs.size > c.hubChargers) model.addConstraint(charging, '<=', c.hubChargers, name('hubChargers', { t }));
  }
}

/**
 * Valid inequality from the energy balance: a site's excavators use Σ c_e·(window) kWh, of which
 * their own batteries give at most (initial − floor); the rest comes from MESS units, each giving at
 * most (capacity − floor), the first one (initial − floor). So Σ_t w[s,t] ≥ ⌈shortfall / (cap − floor)⌉.
 */
function addSwapCountBound(model: Model, g: ChargingCycleGrid, v: Vars): void {
  const c = g.instance;
  const span = g.steps * g.stepH;
  c.sites.forEach((site, si) => {
    const ex = c.excavators.filter((e) => e.siteId === site.id);
    const use = ex.reduce((s, e) => s + e.consumptionKWhPerH * span, 0);
    const own = ex.reduce((s, e) => s + (c.initialSoc - c.socMin) * e.batteryKWh, 0);
    const first = (c.initialSoc - c.socMin) * site.messCapacityKWh;
    const need = Math.ceil((use - own - first) / ((1 - c.socMin) * site.messCapacityKWh) - 1e-9);
    const trips = v.w[si]!.filter((w): w is Var => w !== null);
    if (need > 0 && trips.length > 0) model.addConstraint(trips.map((w) => [w, 1] as const), '>=', need, name('swapCount', { s: site.id }));
  });
}

function setObjective(model: Model, g: ChargingCycleGrid, v: Vars, options: ChargingCycleMilpOptions): void {
  const c = g.instance;
  const obj = new LinearExpr();
  c.sites.forEach((site, si) =>
    v.w[si]!.forEach((w, t) => {
      if (!w) return;
      const departH = c.startH + t * g.stepH;
      obj.add(w, 2 * site.distanceKm * (departH < c.dayTariffBeforeH ? c.dayCostPerKm : c.nightCostPerKm));
      if (options.hubPriceNOKPerKWh) {
        const returnH = departH + (2 * site.distanceKm) / c.truckSpeedKmh + c.serviceTimeH;
        obj.add(v.hub[si]![t]!, options.hubPriceNOKPerKWh(Math.floor(returnH)));
      }
    }),
  );
  model.minimize(obj);
}

export interface ChargingCycleMilpResult {
  readonly status: SolveResult['status'];
  readonly objective: number;
  readonly gap: number;
  readonly timeSec: number;
  readonly plan: ChargingCyclePlan;
}

export async function solveChargingCycleMilp(instance: ChargingCycleInstance, options: ChargingCycleMilpOptions & SolveOptions = {}): Promise<ChargingCycleMilpResult> {
  const { stepH, hubPriceNOKPerKWh, ...solveOptions } = options;
  const grid = chargingCycleGrid(instance, stepH);
  const { model, vars } = buildChargingCycleMilp(grid, hubPriceNOKPerKWh === undefined ? {} : { hubPriceNOKPerKWh });
  const r = await solve(model, { mipRelGap: 1e-6, ...solveOptions });
  const c = instance;
  const swaps: SwapTrip[] = [];
  let chargingKW: number[][] = c.excavators.map(() => []);
  if (r.hasSolution) {
    chargingKW = vars.p.map((row) => row.map((x) => Math.max(0, r.value(x))));
    c.sites.forEach((site, si) =>
      vars.w[si]!.forEach((w, t) => {
        if (!w || r.value(w) < 0.5) return;
        const departH = c.startH + t * grid.stepH;
        const leg = site.distanceKm / c.truckSpeedKmh;
        swaps.push({ siteId: site.id, departH, arrivalH: departH + leg, finishH: departH + leg + c.serviceTimeH, returnH: departH + 2 * leg + c.serviceTimeH, distanceKm: 2 * site.distanceKm, resetStep: t + grid.swapSteps[si]! });
      }),
    );
    swaps.sort((a, b) => a.departH - b.departH);
  }
  return {
    status: r.status,
    objective: r.hasSolution ? (r.objective ?? NaN) : Infinity,
    gap: r.mipGap ?? NaN,
    timeSec: r.timeSec,
    plan: { method: 'milp', startH: c.startH, stepH: grid.stepH, steps: grid.steps, chargingKW, swaps },
  };
}
