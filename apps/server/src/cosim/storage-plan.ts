import { LinearExpr, Model, name, solve, type Var } from '@gridhaul/lp';
import { CosimError, CosimErrorTag } from './errors';
import type { BusPrices, StorageUnit, UnitSchedule } from './types';

export interface StoragePlanOptions {
  signal?: AbortSignal | undefined;
  randomSeed?: number | undefined;
  timeLimitSec?: number | undefined;
}

interface Vars {
  charge: Var[][];
  discharge: Var[][];
  soc: Var[][];
}

/**
 * The storage units' price-taking plan: an LP that buys energy at the LMP of each unit's bus,
 * covers each unit's demand and keeps every SOC inside its limits. Simultaneous charging and
 * discharging within a period is allowed only as time sharing (c/Pc + d/Pd ≤ 1).
 */
export function buildStoragePlan(units: readonly StorageUnit[], prices: readonly BusPrices[], stepH: number): { model: Model; vars: Vars } {
  const model = new Model('cosim-storage');
  const vars = addVariables(model, units);
  addSocBalance(model, units, vars, stepH);
  addTimeSharing(model, units, vars);
  setEnergyCost(model, units, vars, prices, stepH);
  return { model, vars };
}

function addVariables(model: Model, units: readonly StorageUnit[]): Vars {
  const periods = (u: StorageUnit) => u.demandMW.length;
  return {
    charge: units.map((u, k) => Array.from({ length: periods(u) }, (_, t) => model.addVar({ name: name('charge', { unit: k, t }), ub: u.maxChargeMW }))),
    discharge: units.map((u, k) => Array.from({ length: periods(u) }, (_, t) => model.addVar({ name: name('discharge', { unit: k, t }), ub: u.maxDischargeMW }))),
    soc: units.map((u, k) =>
      Array.from({ length: periods(u) }, (_, t) => {
        const last = t === periods(u) - 1;
        const lb = (last ? Math.max(u.socMin, u.finalSoc) : u.socMin) * u.capacityMWh;
        return model.addVar({ name: name('soc', { unit: k, t }), lb, ub: u.socMax * u.capacityMWh });
      }),
    ),
  };
}

/** soc[t] = soc[t−1] + Δt·(ηc·charge − discharge/ηd − demand/ηd), soc[−1] = initial SOC. */
function addSocBalance(model: Model, units: readonly StorageUnit[], v: Vars, stepH: number): void {
  units.forEach((u, k) =>
    u.demandMW.forEach((demand, t) => {
      const expr = new LinearExpr().add(v.soc[k]![t]!, 1);
      if (t > 0) expr.add(v.soc[k]![t - 1]!, -1);
      expr.add(v.charge[k]![t]!, -stepH * u.chargeEfficiency).add(v.discharge[k]![t]!, stepH / u.dischargeEfficiency);
      const rhs = (t === 0 ? u.initialSoc * u.capacityMWh : 0) - (stepH * demand) / u.dischargeEfficiency;
      model.addConstraint(expr, '=', rhs, name('socBalance', { unit: k, t }));
    }),
  );
}

function addTimeSharing(model: Model, units: readonly StorageUnit[], v: Vars): void {
  units.forEach((u, k) => {
    if (u.maxChargeMW <= 0 || u.maxDischargeMW <= 0) return;
    u.demandMW.forEach((_, t) =>
      model.addConstraint(new LinearExpr().add(v.charge[k]![t]!, 1 / u.maxChargeMW).add(v.discharge[k]![t]!, 1 / u.maxDischargeMW), '<=', 1, name('timeSharing', { unit: k, t })),
    );
  });
}

/** Σ Δt·(LMP·(charge − discharge) + wear·(charge + discharge)), $. */
function setEnergyCost(model: Model, units: readonly StorageUnit[], v: Vars, prices: readonly BusPrices[], stepH: number): void {
  const byBus = new Map(prices.map((p) => [p.bus, p.usdPerMWh]));
  const cost = new LinearExpr();
  units.forEach((u, k) => {
    const lmp = byBus.get(u.bus);
    if (!lmp) throw new CosimError(CosimErrorTag.noPrice, `no LMP for bus ${u.bus} (storage unit "${u.name}")`);
    u.demandMW.forEach((_, t) => {
      const p = lmp[t] as number;
      cost.add(v.charge[k]![t]!, stepH * (p + u.wearUsdPerMWh)).add(v.discharge[k]![t]!, stepH * (u.wearUsdPerMWh - p));
    });
  });
  model.minimize(cost);
}

/** Solves the plan; anything but an optimal LP is an error (the inputs were checked feasible). */
export async function planStorage(units: readonly StorageUnit[], prices: readonly BusPrices[], stepH: number, options: StoragePlanOptions = {}): Promise<UnitSchedule[]> {
  const { model, vars } = buildStoragePlan(units, prices, stepH);
  const result = await solve(model, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.randomSeed !== undefined ? { randomSeed: options.randomSeed } : {}),
    ...(options.timeLimitSec !== undefined ? { timeLimitSec: options.timeLimitSec } : {}),
  });
  if (result.status !== 'optimal') throw new CosimError(CosimErrorTag.planFailed, `the storage plan LP ended ${result.status}${result.message ? `: ${result.message}` : ''}`);
  return units.map((u, k) => ({
    name: u.name,
    bus: u.bus,
    chargeMW: result.values(vars.charge[k]!).map(clean),
    dischargeMW: result.values(vars.discharge[k]!).map(clean),
    socMWh: result.values(vars.soc[k]!),
  }));
}

/** Solver noise around zero (−1e−12 MW) reads as zero; the checker still sees every value. */
const clean = (x: number): number => (Math.abs(x) < 1e-9 ? 0 : x);
