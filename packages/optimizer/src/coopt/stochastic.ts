import { InputError, requireInRange } from '@gridhaul/common';
import { LinearExpr, name, solve, type SolveOptions } from '@gridhaul/lp';
import { checkCoOptPlan } from './checker';
import type { CoOptCase, PriceTable } from './data';
import { meanPriceTable } from './grid-prices';
import { ARC_KINDS, buildCoOptGraph, truckClasses, type CoOptGraph } from './network';
import type { CoOptPlan } from './plan';
import { exchangeRequests, type ExchangeRequest } from './requests';
import { coOptSettings, type CoOptSettings } from './settings';
import { buildCoOptFleetMilp, readCoOptFleetSolution } from './tsn-milp';

export interface PriceUncertaintyOptions {
  /** Equiprobable price scenarios and the seed they were drawn with (reported back). */
  scenarios: readonly PriceTable[];
  seed: number;
  settings?: Partial<CoOptSettings>;
  requests?: readonly ExchangeRequest[];
  truckIds?: readonly number[];
  /** Weight of CVaR in the risk-averse variant, (1 − w)·E[cost] + w·CVaR_α (default 0.5), and α (default 0.9). */
  riskWeight?: number;
  cvarAlpha?: number;
  /** Also solve every scenario with its prices known (wait-and-see), for the EVPI. */
  waitAndSee?: boolean;
  solver?: SolveOptions;
}

export interface PlanUnderPrices {
  readonly plan: CoOptPlan;
  /** Checked cost under each scenario's prices (USD). */
  readonly costPerScenario: readonly number[];
  readonly expectedUsd: number;
  readonly cvarUsd: number;
  readonly status: string;
}

export interface PriceUncertaintyResult {
  readonly seed: number;
  readonly scenarios: number;
  readonly cvarAlpha: number;
  readonly riskWeight: number;
  /** Planned on the hour-by-hour mean price. */
  readonly meanPrice: PlanUnderPrices;
  /** Minimum expected cost over the scenarios (the stochastic program). */
  readonly expectedCost: PlanUnderPrices;
  /** Minimum (1 − w)·E + w·CVaR_α. */
  readonly riskAverse: PlanUnderPrices;
  /** Value of the stochastic solution: E[cost of mean-price plan] − E[cost of stochastic plan]. */
  readonly vssUsd: number;
  /** Mean of the per-scenario optima and the expected value of perfect information, if asked for. */
  readonly waitAndSeeUsd?: number;
  readonly evpiUsd?: number;
}

/**
 * Planning against uncertain prices. All decisions are taken before prices are known and the cost
 * is linear in the price, so the expected cost of a plan is its cost at the mean price: the
 * stochastic program (solved here with one cost row per scenario) and mean-price planning must
 * give the same expected cost (VSS = 0) — the result shows that rather than assuming it. Risk does
 * separate them: the mean-CVaR variant pays a little in expectation to cut the expensive tail. The
 * wait-and-see bound gives the value of knowing prices in advance.
 */
export async function planUnderPriceUncertainty(c: CoOptCase, options: PriceUncertaintyOptions): Promise<PriceUncertaintyResult> {
  const S = options.scenarios.length;
  if (S === 0) throw new InputError('scenarios', S, 'at least one price table');
  const alpha = requireInRange('cvarAlpha', options.cvarAlpha ?? 0.9, 0, 0.999);
  const weight = requireInRange('riskWeight', options.riskWeight ?? 0.5, 0, 1);
  const settings = coOptSettings(options.settings ?? {});
  const requests = options.requests ?? exchangeRequests(c, settings);
  const fleet = options.truckIds === undefined ? c : { ...c, trucks: c.trucks.filter((t) => options.truckIds!.includes(t.id)) };
  const mean = meanPriceTable(options.scenarios);
  const graphs = truckClasses(fleet.trucks).map((k) => buildCoOptGraph(fleet, settings, requests, k, { prices: mean }));
  const evaluate = (plan: CoOptPlan, status: string): PlanUnderPrices => {
    const costs = options.scenarios.map((prices) => checkCoOptPlan(c, settings, requests, plan, { prices }).totalUsd);
    return { plan, costPerScenario: costs, expectedUsd: costs.reduce((a, b) => a + b, 0) / S, cvarUsd: cvar(costs, alpha), status };
  };
  const meanPrice = evaluate((await solveScenarioMilp(graphs, options.scenarios, settings, 0, alpha, false, options.solver)).plan, 'optimal');
  const sp = await solveScenarioMilp(graphs, options.scenarios, settings, 0, alpha, true, options.solver);
  const expectedCost = evaluate(sp.plan, sp.status);
  const ra = await solveScenarioMilp(graphs, options.scenarios, settings, weight, alpha, true, options.solver);
  const riskAverse = evaluate(ra.plan, ra.status);
  let waitAndSeeUsd: number | undefined;
  if (options.waitAndSee) {
    let total = 0;
    for (const prices of options.scenarios) {
      const gs = truckClasses(fleet.trucks).map((k) => buildCoOptGraph(fleet, settings, requests, k, { prices }));
      const r = await solveScenarioMilp(gs, [prices], settings, 0, alpha, false, options.solver);
      total += checkCoOptPlan(c, settings, requests, r.plan, { prices }).totalUsd;
    }
    waitAndSeeUsd = total / S;
  }
  return {
    seed: options.seed,
    scenarios: S,
    cvarAlpha: alpha,
    riskWeight: weight,
    meanPrice,
    expectedCost,
    riskAverse,
    vssUsd: meanPrice.expectedUsd - expectedCost.expectedUsd,
    ...(waitAndSeeUsd === undefined ? {} : { waitAndSeeUsd, evpiUsd: expectedCost.expectedUsd - waitAndSeeUsd }),
  };
}

/** CVaR_α of equiprobable outcomes: mean of the worst (1 − α) share, with the boundary scenario split. */
export function cvar(costs: readonly number[], alpha: number): number {
  const sorted = [...costs].sort((a, b) => b - a);
  const tail = (1 - alpha) * sorted.length;
  let left = tail;
  let sum = 0;
  for (const x of sorted) {
    const w = Math.min(1, left);
    sum += w * x;
    left -= w;
    if (left <= 1e-12) break;
  }
  return sum / tail;
}

/**
 * The fleet MILP with one cost expression per scenario: cost_s = Σ_a (c_a − energy_a + kWh_a·price_s)·x_a
 * (charging at the scenario's bus price, depot refill at the scenario's mean price). Objective
 * (1 − w)·(1/S)Σ_s cost_s + w·(η + Σ_s u_s / ((1 − α)S)), u_s ≥ cost_s − η, u_s ≥ 0.
 * With `perScenario` false the arcs keep the graph's own (mean-price) costs: mean-price planning.
 */
async function solveScenarioMilp(graphs: readonly CoOptGraph[], scenarios: readonly PriceTable[], settings: CoOptSettings, weight: number, alpha: number, perScenario: boolean, solver: SolveOptions = {}) {
  const milp = buildCoOptFleetMilp(graphs);
  const m = milp.model;
  if (perScenario) {
    const S = scenarios.length;
    const charge = ARC_KINDS.indexOf('charge');
    const costRows = scenarios.map(() => new LinearExpr());
    graphs.forEach((g, k) => {
      const busOf = new Map(g.case.chargingSites.map((x) => [x.node, x.bus]));
      milp.arcs[k]!.forEach((a, q) => {
        const base = g.total[a]! - g.cost.energyLmp[a]! - g.cost.energyDepot[a]!;
        const refillKWh = g.depotPriceUsdPerKWh > 0 ? g.cost.energyDepot[a]! / g.depotPriceUsdPerKWh : 0;
        const hour = Math.floor(settings.startH + g.slot[a]! * settings.slotH + 1e-9) % 24;
        let mean = 0;
        scenarios.forEach((prices, sIdx) => {
          const all = prices.usdPerKWh.flat();
          const depot = settings.depotPriceUsdPerKWh ?? all.reduce((x, y) => x + y, 0) / all.length;
          const energy = g.kind[a] === charge ? g.boughtKWh[a]! * prices.usdPerKWh[prices.buses.indexOf(busOf.get(g.node[a]!)!)]![hour]! : 0;
          const cost = base + energy + refillKWh * depot;
          mean += cost / S;
          if (cost !== 0 && weight > 0) costRows[sIdx]!.add(milp.x[k]![q]!, cost);
        });
        m.setObjectiveCoefficient(milp.x[k]![q]!, (1 - weight) * mean);
      });
    });
    if (weight > 0) {
      const eta = m.addVar({ name: 'eta', lb: -Infinity, obj: weight });
      costRows.forEach((row, sIdx) => {
        const u = m.addVar({ name: name('u', { s: sIdx }), lb: 0, obj: weight / ((1 - alpha) * S) });
        row.scale(-1).add(u).add(eta);
        m.addConstraint(row, '>=', 0, name('cvarTail', { s: sIdx }));
      });
    }
  }
  const r = await solve(m, { mipRelGap: 1e-6, ...solver });
  return readCoOptFleetSolution(milp, r);
}
