import { coOptLeg, type CoOptTruck } from '@gridhaul/routing';
import { priceAt, type CoOptCase, type PriceTable } from './data';
import type { CoOptAction, CoOptPlan, CoOptTruckPlan } from './plan';
import type { ExchangeRequest } from './requests';
import type { CoOptSettings } from './settings';
import { wearModel } from './wear';

export type GreedyPolicy = 'cost-optimised' | 'distance-minimised';

export interface GreedyOptions {
  /**
   * Keep the notebooks' choice rule (default true): a route is chosen by operational + degradation
   * cost, leaving out what the charging costs, and without looking at whether the unit's SOC stays
   * above the floor (the notebooks clamp SOC at 0). false: charging cost counted and SOC-feasible
   * routes preferred.
   */
  compat?: boolean;
  prices?: PriceTable;
}

/**
 * The two greedy policies of the Co-OPT_MESS notebooks (shared/notes/co-opt-mess.md §2.7), ported
 * into this model's rules (time slots, SOC grid, exchange requests) as baselines:
 * - dispatch: requests by deadline; trucks in capacity order, each unused truck first, then the first
 *   one back at the depot (the notebooks' `assign_vehicles_to_nodes` with `used_vehicles`); one trip
 *   per request, timed to reach the site at the window opening;
 * - 'cost-optimised': to the site by the cheaper of the direct road and the best detour via a
 *   charging site (charging to full there); back to the depot forced via a charging site, where the
 *   old unit is charged to full (`find_best_route(..., force_charging=True)`);
 * - 'distance-minimised': to the site by the direct road (nearest neighbour); back by the cheaper of
 *   direct and via a charging site.
 * Written from the notes' description.
 */
export function runGreedyPolicy(c: CoOptCase, s: CoOptSettings, requests: readonly ExchangeRequest[], policy: GreedyPolicy, options: GreedyOptions = {}): CoOptPlan {
  const compat = options.compat ?? true;
  const prices = options.prices ?? c.prices;
  const trucks = [...c.trucks].sort((a, b) => a.capacityKWh - b.capacityKWh);
  const freeAt = new Map<number, number>();
  const actions = new Map<number, CoOptAction[]>();
  const order = [...requests].sort((a, b) => a.latestH - b.latestH || a.site - b.site);
  for (const r of order) {
    const pick = trucks.find((t) => !freeAt.has(t.id)) ?? [...trucks].sort((a, b) => (freeAt.get(a.id) as number) - (freeAt.get(b.id) as number))[0]!;
    const trip = planTrip(c, s, prices, pick, r, policy, compat, freeAt.get(pick.id) ?? s.startH);
    freeAt.set(pick.id, trip.endH);
    actions.set(pick.id, [...(actions.get(pick.id) ?? []), ...trip.actions]);
  }
  const plans: CoOptTruckPlan[] = [...actions.entries()].map(([truckId, list]) => ({ truckId, actions: list }));
  return { method: `greedy-${policy}${compat ? '' : '-fixed'}`, trucks: plans };
}

interface Sim {
  actions: CoOptAction[];
  clock: number;
  level: number;
  cost: number;
  chargeCost: number;
  feasible: boolean;
  at: number;
}

function planTrip(c: CoOptCase, s: CoOptSettings, prices: PriceTable, truck: CoOptTruck, r: ExchangeRequest, policy: GreedyPolicy, compat: boolean, notBefore: number): { actions: CoOptAction[]; endH: number } {
  const C = truck.capacityKWh;
  const g = s.socGridPct / 100;
  const full = Math.round(s.fullSoc / g);
  const floor = Math.round(s.socFloor / g);
  const wear = wearModel(C, s);
  const slot = (h: number): number => s.startH + Math.round((h - s.startH) / s.slotH) * s.slotH;
  const up = (h: number): number => Math.ceil(h / s.slotH - 1e-9) * s.slotH;
  const busOf = new Map(c.chargingSites.map((x) => [x.node, x.bus]));
  const drive = (sim: Sim, to: number): Sim | null => {
    const leg = coOptLeg(c.network, sim.at, to, sim.clock, truck, s.clock);
    if (leg === null) return null;
    const dur = Math.max(s.slotH, up(leg.travelTimeH));
    const raw = sim.level * g * C - leg.energyKWh;
    const level = Math.max(0, Math.min(Math.round(1 / g), Math.floor(raw / (g * C) + 1e-9)));
    const op = truck.wageUsdPerH * dur + (s.toll + s.maintenance) * leg.distanceKm;
    return {
      actions: [...sim.actions, { kind: 'drive', from: sim.at, to, atH: sim.clock, untilH: sim.clock + dur }],
      clock: sim.clock + dur,
      level,
      cost: sim.cost + op + wear.transitionUsd(sim.level * g, level * g),
      chargeCost: sim.chargeCost,
      feasible: sim.feasible && raw >= floor * g * C - 1e-9,
      at: to,
    };
  };
  const chargeFull = (sim: Sim): Sim => {
    const step = Math.floor((s.chargerKW * s.slotH) / (g * C) + 1e-9);
    let x = sim;
    while (x.level < full) {
      const next = Math.min(full, x.level + step);
      const kWh = (next - x.level) * g * C;
      const price = priceAt(prices, busOf.get(x.at) as number, x.clock);
      x = {
        ...x,
        actions: [...x.actions, { kind: 'charge', node: x.at, atH: x.clock, untilH: x.clock + s.slotH, kWh }],
        clock: x.clock + s.slotH,
        level: next,
        cost: x.cost + truck.wageUsdPerH * s.slotH + wear.transitionUsd(x.level * g, next * g),
        chargeCost: x.chargeCost + kWh * price,
      };
    }
    return x;
  };
  const score = (x: Sim): number => x.cost + (compat ? 0 : x.chargeCost);
  const better = (a: Sim | null, b: Sim | null): Sim | null => {
    if (a === null) return b;
    if (b === null) return a;
    if (!compat && a.feasible !== b.feasible) return a.feasible ? a : b;
    return score(b) < score(a) ? b : a;
  };
  /** Candidate ways from `sim.at` to `to`: the direct road and each detour via a charging site (charging to full). */
  const routes = (sim: Sim, to: number, direct: boolean, viaCharger: boolean): Sim[] => {
    const out: Sim[] = [];
    if (direct) {
      const d = drive(sim, to);
      if (d) out.push(d);
    }
    if (viaCharger) {
      for (const cs of c.chargingSites) {
        if (cs.node === sim.at || cs.node === to) continue;
        const a = drive(sim, cs.node);
        if (!a) continue;
        const b = drive(chargeFull(a), to);
        if (b) out.push(b);
      }
    }
    return out;
  };
  const outbound = (startH: number): Sim | null => {
    const begin: Sim = { actions: [{ kind: 'start', atH: startH, untilH: startH + up(s.swapH) }], clock: startH + up(s.swapH), level: full, cost: truck.wageUsdPerH * up(s.swapH), chargeCost: 0, feasible: true, at: 0 };
    const cands = policy === 'cost-optimised' ? routes(begin, r.site, true, true) : routes(begin, r.site, true, false);
    const fallback = cands.length === 0 ? routes(begin, r.site, false, true) : cands;
    const ok = fallback.filter((x) => compat || x.level * g >= s.deliverySoc - 1e-9);
    return (ok.length > 0 ? ok : fallback).reduce<Sim | null>((best, x) => better(best, x), null);
  };
  // Time the trip so that the truck reaches the site when the window opens.
  let startH = slot(Math.max(notBefore, s.startH));
  const probe = outbound(startH);
  if (probe !== null) startH = Math.max(startH, slot(r.earliestH - (probe.clock - startH)));
  let sim = outbound(startH) as Sim;
  if (sim.clock < r.earliestH - 1e-9) {
    const until = slot(r.earliestH);
    sim = { ...sim, actions: [...sim.actions, { kind: 'wait', node: r.site, atH: sim.clock, untilH: until }], cost: sim.cost + truck.wageUsdPerH * (until - sim.clock), clock: until };
  }
  sim = {
    ...sim,
    actions: [...sim.actions, { kind: 'swap', node: r.site, request: r.id, atH: sim.clock, untilH: sim.clock + up(s.swapH) }],
    clock: sim.clock + up(s.swapH),
    level: Math.round(s.replaceSoc / g),
    cost: sim.cost + truck.wageUsdPerH * up(s.swapH),
  };
  const back = policy === 'cost-optimised' ? routes(sim, 0, false, true) : routes(sim, 0, true, true);
  const home = (back.length > 0 ? back : routes(sim, 0, true, true)).reduce<Sim | null>((best, x) => better(best, x), null) ?? sim;
  return { actions: [...home.actions, { kind: 'end', atH: home.clock }], endH: home.clock };
}
