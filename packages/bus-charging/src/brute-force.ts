import type { Instance } from './instance';
import type { ChargingSession, Schedule } from './schedule';

// Exhaustive search for tests: every visit waits or charges on any charger over any [start, end]
// on a time grid. Linear charging only. Written apart from the MILP, the annealer and the checker.

export interface BruteForceResult {
  readonly cost: number;
  readonly schedule: Schedule;
  /** Assignments whose cost was evaluated (after pruning). */
  readonly leaves: number;
}

interface Option {
  readonly charger: number;
  readonly start: number;
  readonly end: number;
}

interface BusPlan {
  readonly sessions: readonly ChargingSession[];
  readonly energy: number;
}

/** The cheapest schedule with session times on multiples of `gridH`, by branch and bound over buses. */
export function bruteForce(inst: Instance, gridH: number, demand: 'aligned' | 'sliding'): BruteForceResult {
  const costs = inst.costs;
  const plans = inst.buses.map((_, b) => busPlans(inst, b, gridH).sort((x, y) => x.energy - y.energy));
  let best = Infinity;
  let bestSessions: ChargingSession[] = [];
  let leaves = 0;
  const chosen: ChargingSession[] = [];

  const partialCost = (sessions: readonly ChargingSession[]): number => {
    const used = new Set(sessions.map((s) => s.charger));
    let c = 0;
    for (const k of used) c += costs.chargerPerUnit[inst.chargers[k]?.type ?? ''] ?? 0;
    let energy = 0;
    for (const s of sessions) energy += (inst.chargers[s.charger]?.powerKW ?? 0) * (s.endH - s.startH);
    return c + costs.energyPerKWh * energy + costs.demandPerKW * peak(inst, sessions, demand);
  };

  const dfs = (b: number): void => {
    if (b === plans.length) {
      leaves++;
      const c = partialCost(chosen);
      if (c < best - 1e-9) {
        best = c;
        bestSessions = [...chosen];
      }
      return;
    }
    for (const plan of plans[b] as BusPlan[]) {
      if (plan.sessions.some((s) => chosen.some((t) => t.charger === s.charger && s.startH < t.endH - 1e-12 && t.startH < s.endH - 1e-12))) continue;
      chosen.push(...plan.sessions);
      // Every cost term only grows as buses are added, so a partial cost at or above the best prunes.
      if (partialCost(chosen) < best - 1e-9) dfs(b + 1);
      chosen.length -= plan.sessions.length;
    }
  };
  dfs(0);
  return { cost: best, schedule: { sessions: bestSessions }, leaves };
}

/**
 * SOC-feasible combinations of one bus's per-visit options that deliver exactly the energy the bus
 * needs. No optimum needs more: cutting the last session of a plan with surplus keeps every later
 * SOC above its bound (they all lie above the need) and raises no cost term.
 */
function busPlans(inst: Instance, b: number, gridH: number): BusPlan[] {
  const bus = inst.buses[b];
  if (!bus) return [];
  const chain = inst.visitsOfBus[b] ?? [];
  const need = energyNeed(inst, b);
  const options = chain.map((i) => visitOptions(inst, i, gridH));
  const out: BusPlan[] = [];
  const pick: (Option | null)[] = [];
  const walk = (k: number, soc: number, energy: number): void => {
    if (energy > need + 1e-9) return;
    if (k === chain.length) {
      if (soc < bus.finalSocKWh - 1e-9 || energy < need - 1e-9) return;
      const sessions: ChargingSession[] = [];
      pick.forEach((o, j) => {
        if (o) sessions.push({ visit: chain[j] as number, charger: o.charger, startH: o.start, endH: o.end });
      });
      out.push({ sessions, energy });
      return;
    }
    const v = inst.visits[chain[k] as number];
    if (!v) return;
    if (soc < bus.minSocKWh - 1e-9) return;
    for (const o of [null, ...(options[k] as Option[])]) {
      const gain = o ? (inst.chargers[o.charger]?.powerKW ?? 0) * (o.end - o.start) : 0;
      if (soc + gain > bus.batteryKWh + 1e-9) continue;
      const after = soc + gain - v.dischargeAfterKWh;
      if (k === chain.length - 1 && v.dischargeAfterKWh > 0 && after < bus.minSocKWh - 1e-9) continue;
      pick[k] = o;
      walk(k + 1, after, energy + gain);
    }
  };
  walk(0, bus.initialSocKWh, 0);
  return out;
}

/** The least energy bus b must receive: its largest shortfall over all arrivals and the end of the day. */
function energyNeed(inst: Instance, b: number): number {
  const bus = inst.buses[b];
  if (!bus) return 0;
  let soc = bus.initialSocKWh;
  let need = 0;
  const chain = inst.visitsOfBus[b] ?? [];
  chain.forEach((i, k) => {
    need = Math.max(need, bus.minSocKWh - soc);
    soc -= inst.visits[i]?.dischargeAfterKWh ?? 0;
    if (k === chain.length - 1) need = Math.max(need, bus.finalSocKWh - soc, bus.minSocKWh - soc);
  });
  return need;
}

function visitOptions(inst: Instance, i: number, gridH: number): Option[] {
  const v = inst.visits[i];
  if (!v) return [];
  const first = Math.ceil(v.arrivalH / gridH - 1e-9);
  const last = Math.floor(v.departureH / gridH + 1e-9);
  const out: Option[] = [];
  for (const c of inst.chargers) {
    for (let a = first; a < last; a++) for (let e = a + 1; e <= last; e++) out.push({ charger: c.index, start: a * gridH, end: e * gridH });
  }
  return out;
}

/** Peak average power over the demand window: on billing periods, or the exact maximum over any window. */
function peak(inst: Instance, sessions: readonly ChargingSession[], demand: 'aligned' | 'sliding'): number {
  const L = inst.costs.demandWindowH;
  const energyIn = (t0: number, t1: number): number => {
    let e = 0;
    for (const s of sessions) {
      const overlap = Math.min(t1, s.endH) - Math.max(t0, s.startH);
      if (overlap > 0) e += (inst.chargers[s.charger]?.powerKW ?? 0) * overlap;
    }
    return e;
  };
  let best = 0;
  if (demand === 'aligned') {
    for (let t = 0; t < inst.horizonH - 1e-9; t += L) best = Math.max(best, energyIn(t, t + L));
  } else {
    // Window energy is piecewise linear in its start; its kinks are where either edge meets a session edge.
    for (const s of sessions) {
      for (const t of [s.startH, s.endH, s.startH - L, s.endH - L]) {
        const t0 = Math.min(Math.max(0, t), inst.horizonH - L);
        best = Math.max(best, energyIn(t0, t0 + L));
      }
    }
  }
  return best / L;
}
