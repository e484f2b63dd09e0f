import type { Instance } from './instance';
import type { ChargingModel, Schedule } from './schedule';

// The independent checker. It shares no code with the MILP or the annealer: it rebuilds every
// battery's trajectory and the depot's power from the schedule alone, describing each session as
// pieces of power p(t) = p0·e^{−k(t−t0)} (k = 0: constant power).

export type Violation =
  | { readonly kind: 'unknownVisit'; readonly session: number; readonly visit: number }
  | { readonly kind: 'unknownCharger'; readonly session: number; readonly charger: number }
  | { readonly kind: 'badTimes'; readonly session: number; readonly startH: number; readonly endH: number }
  | { readonly kind: 'duplicateVisit'; readonly visit: number; readonly sessions: readonly [number, number] }
  | { readonly kind: 'window'; readonly visit: number; readonly startH: number; readonly endH: number; readonly arrivalH: number; readonly departureH: number }
  | { readonly kind: 'overlap'; readonly charger: number; readonly visits: readonly [number, number]; readonly overlapH: number }
  | { readonly kind: 'socBelowMin'; readonly bus: number; readonly visit: number; readonly timeH: number; readonly socKWh: number; readonly minKWh: number }
  | { readonly kind: 'finalSoc'; readonly bus: number; readonly socKWh: number; readonly requiredKWh: number };

export interface PowerPiece {
  readonly startH: number;
  readonly endH: number;
  /** Power at startH, kW. */
  readonly powerKW: number;
  /** Exponential decay rate of the power, 1/h (0: constant). */
  readonly decayPerH: number;
}

export interface SocPoint {
  readonly timeH: number;
  readonly socKWh: number;
}

export interface ChargerTypeCount {
  /** Chargers of the type that serve at least one session. */
  readonly used: number;
  /** Most chargers of the type charging at one instant. */
  readonly maxParallel: number;
}

export interface CheckReport {
  readonly feasible: boolean;
  readonly violations: readonly Violation[];
  /** Energy the batteries receive, kWh. */
  readonly energyKWh: number;
  /** Largest average power over any window of the cost model's length (15 min), kW. */
  readonly peakKW: number;
  /** Largest average power over the windows [k·L, (k+1)·L), the MILP's billing periods, kW. */
  readonly peakAlignedKW: number;
  /** Largest instantaneous power, kW (what Brown's published "peak" numbers measure). */
  readonly instantaneousPeakKW: number;
  readonly chargerCounts: Readonly<Record<string, ChargerTypeCount>>;
  readonly cost: { readonly chargers: number; readonly energy: number; readonly demand: number; readonly capacity: number; readonly total: number };
  readonly minSocKWh: number;
  /** SOC at every event of every bus: arrival, plug-in, unplug, departure. */
  readonly socTrajectories: readonly (readonly SocPoint[])[];
  readonly finalSocKWh: readonly number[];
  /** Each session's power pieces, in the schedule's session order. */
  readonly sessionPower: readonly (readonly PowerPiece[])[];
  /** Energy each session delivers, kWh. */
  readonly sessionEnergyKWh: readonly number[];
}

export interface CheckOptions {
  readonly charging?: ChargingModel;
  /** Which demand the cost uses: any window (`sliding`, default) or the billing periods (`aligned`). */
  readonly demand?: 'sliding' | 'aligned';
  /** Slack on times (h) and energies (kWh) for float noise. */
  readonly toleranceH?: number;
  readonly toleranceKWh?: number;
}

export function checkSchedule(instance: Instance, schedule: Schedule, options: CheckOptions = {}): CheckReport {
  const model = options.charging ?? { kind: 'linear' };
  const tolH = options.toleranceH ?? 1e-6;
  const tolE = options.toleranceKWh ?? 1e-6;
  const violations: Violation[] = [];
  const sessions = schedule.sessions;
  const nV = instance.visits.length;
  const nC = instance.chargers.length;

  // Structural checks.
  const sessionOfVisit = new Map<number, number>();
  const valid: boolean[] = sessions.map((s, k) => {
    if (!Number.isInteger(s.visit) || s.visit < 0 || s.visit >= nV) {
      violations.push({ kind: 'unknownVisit', session: k, visit: s.visit });
      return false;
    }
    if (!Number.isInteger(s.charger) || s.charger < 0 || s.charger >= nC) {
      violations.push({ kind: 'unknownCharger', session: k, charger: s.charger });
      return false;
    }
    if (!Number.isFinite(s.startH) || !Number.isFinite(s.endH) || s.endH < s.startH) {
      violations.push({ kind: 'badTimes', session: k, startH: s.startH, endH: s.endH });
      return false;
    }
    const other = sessionOfVisit.get(s.visit);
    if (other !== undefined) {
      violations.push({ kind: 'duplicateVisit', visit: s.visit, sessions: [other, k] });
      return false;
    }
    sessionOfVisit.set(s.visit, k);
    const v = instance.visits[s.visit];
    if (v && (s.startH < v.arrivalH - tolH || s.endH > v.departureH + tolH)) {
      violations.push({ kind: 'window', visit: s.visit, startH: s.startH, endH: s.endH, arrivalH: v.arrivalH, departureH: v.departureH });
    }
    return true;
  });

  // No two sessions on one charger at once.
  for (let c = 0; c < nC; c++) {
    const on = sessions
      .map((s, k) => ({ s, k }))
      .filter(({ s, k }) => valid[k] && s.charger === c && s.endH > s.startH)
      .sort((a, b) => a.s.startH - b.s.startH);
    let latest = on[0];
    for (let j = 1; j < on.length; j++) {
      const cur = on[j];
      if (!cur || !latest) break;
      const overlapH = Math.min(latest.s.endH, cur.s.endH) - cur.s.startH;
      if (overlapH > tolH) violations.push({ kind: 'overlap', charger: c, visits: [latest.s.visit, cur.s.visit], overlapH });
      if (cur.s.endH > latest.s.endH) latest = cur;
    }
  }

  // Battery trajectories, bus by bus, in time order.
  const sessionPower: PowerPiece[][] = sessions.map(() => []);
  const sessionEnergyKWh: number[] = sessions.map(() => 0);
  const socTrajectories: SocPoint[][] = [];
  const finalSocKWh: number[] = [];
  let minSoc = Infinity;
  instance.buses.forEach((bus, b) => {
    const points: SocPoint[] = [];
    let soc = bus.initialSocKWh;
    const chain = instance.visits.filter((v) => v.bus === b).sort((x, y) => x.arrivalH - y.arrivalH);
    chain.forEach((v, j) => {
      points.push({ timeH: v.arrivalH, socKWh: soc });
      minSoc = Math.min(minSoc, soc);
      if (soc < bus.minSocKWh - tolE) violations.push({ kind: 'socBelowMin', bus: b, visit: v.index, timeH: v.arrivalH, socKWh: soc, minKWh: bus.minSocKWh });
      const k = sessionOfVisit.get(v.index);
      const s = k === undefined ? undefined : sessions[k];
      if (k !== undefined && s && valid[k]) {
        const charger = instance.chargers[s.charger];
        const pieces = charger ? sessionPieces(model, charger.powerKW, bus.batteryKWh, soc, s.startH, s.endH) : [];
        const gained = pieces.reduce((sum, p) => sum + pieceEnergy(p, p.endH), 0);
        sessionPower[k] = pieces;
        sessionEnergyKWh[k] = gained;
        points.push({ timeH: s.startH, socKWh: soc });
        soc += gained;
        points.push({ timeH: s.endH, socKWh: soc });
      }
      points.push({ timeH: v.departureH, socKWh: soc });
      soc -= v.dischargeAfterKWh;
      if (j === chain.length - 1) {
        if (v.dischargeAfterKWh > 0) {
          points.push({ timeH: instance.horizonH, socKWh: soc });
          minSoc = Math.min(minSoc, soc);
          if (soc < bus.minSocKWh - tolE) violations.push({ kind: 'socBelowMin', bus: b, visit: v.index, timeH: instance.horizonH, socKWh: soc, minKWh: bus.minSocKWh });
        }
        if (soc < bus.finalSocKWh - tolE) violations.push({ kind: 'finalSoc', bus: b, socKWh: soc, requiredKWh: bus.finalSocKWh });
      }
    });
    socTrajectories.push(points);
    finalSocKWh.push(soc);
  });

  const pieces = sessionPower.flat();
  const energyKWh = sessionEnergyKWh.reduce((a, b) => a + b, 0);
  const windowH = instance.costs.demandWindowH;
  const peakKW = slidingPeak(pieces, windowH, instance.horizonH);
  const peakAlignedKW = alignedPeak(pieces, windowH, instance.horizonH);
  const instantaneousPeakKW = instantaneousPeak(pieces);
  const chargerCounts = countChargers(instance, schedule, valid);

  const costs = instance.costs;
  const chargerCost = Object.entries(chargerCounts).reduce((sum, [type, c]) => sum + c.used * (costs.chargerPerUnit[type] ?? 0), 0);
  const demandKW = options.demand === 'aligned' ? peakAlignedKW : peakKW;
  const energy = costs.energyPerKWh * energyKWh;
  const demandCost = costs.demandPerKW * demandKW;
  const capacity = costs.capacityPerKW * instantaneousPeakKW;
  const cost = { chargers: chargerCost, energy, demand: demandCost, capacity, total: chargerCost + energy + demandCost + capacity };
  return {
    feasible: violations.length === 0,
    violations,
    energyKWh,
    peakKW,
    peakAlignedKW,
    instantaneousPeakKW,
    chargerCounts,
    cost,
    minSocKWh: minSoc,
    socTrajectories,
    finalSocKWh,
    sessionPower,
    sessionEnergyKWh,
  };
}

/** Power pieces of one session that starts with `soc` kWh in a battery of `capacity` kWh. */
function sessionPieces(model: ChargingModel, ratedKW: number, capacity: number, soc: number, startH: number, endH: number): PowerPiece[] {
  const out: PowerPiece[] = [];
  if (endH <= startH || soc >= capacity) return out;
  // Constant-power phase: until the battery is full (linear) or reaches the CV knee (CC-CV).
  const knee = model.kind === 'cccv' && model.cvStartSoc < 1 ? model.cvStartSoc * capacity : capacity;
  let t = startH;
  let e = soc;
  if (e < knee) {
    const tKnee = startH + (knee - e) / ratedKW;
    const t1 = Math.min(endH, tKnee);
    out.push({ startH: t, endH: t1, powerKW: ratedKW, decayPerH: 0 });
    e += ratedKW * (t1 - t);
    t = t1;
  }
  if (t < endH && knee < capacity) {
    // CV tail: the power that keeps dE/dt = c (κ − E) and equals the rated power at the knee.
    const c = ratedKW / (capacity - knee);
    out.push({ startH: t, endH: endH, powerKW: c * (capacity - e), decayPerH: c });
  }
  return out;
}

/** Energy a piece delivers from its start up to time t (clipped to the piece), kWh. */
function pieceEnergy(p: PowerPiece, t: number): number {
  const tau = Math.min(t, p.endH) - p.startH;
  if (tau <= 0) return 0;
  return p.decayPerH === 0 ? p.powerKW * tau : (p.powerKW * -Math.expm1(-p.decayPerH * tau)) / p.decayPerH;
}

function energyBefore(pieces: readonly PowerPiece[], t: number): number {
  let e = 0;
  for (const p of pieces) e += pieceEnergy(p, t);
  return e;
}

function powerAt(pieces: readonly PowerPiece[], t: number): number {
  let kw = 0;
  for (const p of pieces) if (p.startH <= t && t < p.endH) kw += p.powerKW * Math.exp(-p.decayPerH * (t - p.startH));
  return kw;
}

/**
 * max over t of (1/L)∫_t^{t+L} p. Between breakpoints the window energy is linear in t when every
 * piece is constant, so the candidates t = b and t = b − L are exact; decaying pieces add a 5-s scan.
 */
function slidingPeak(pieces: readonly PowerPiece[], windowH: number, horizonH: number): number {
  if (pieces.length === 0) return 0;
  const candidates: number[] = [0, horizonH - windowH];
  for (const p of pieces) candidates.push(p.startH, p.endH, p.startH - windowH, p.endH - windowH);
  if (pieces.some((p) => p.decayPerH > 0)) for (let t = 0; t <= horizonH; t += 5 / 3600) candidates.push(t);
  let best = 0;
  for (const raw of candidates) {
    const t = Math.min(Math.max(raw, 0), Math.max(0, horizonH - windowH));
    best = Math.max(best, energyBefore(pieces, t + windowH) - energyBefore(pieces, t));
  }
  return best / windowH;
}

function alignedPeak(pieces: readonly PowerPiece[], windowH: number, horizonH: number): number {
  let best = 0;
  for (let t = 0; t < horizonH - 1e-9; t += windowH) best = Math.max(best, energyBefore(pieces, t + windowH) - energyBefore(pieces, t));
  return best / windowH;
}

/** Decaying pieces are largest where they start, so the instantaneous maximum is at a piece start. */
function instantaneousPeak(pieces: readonly PowerPiece[]): number {
  let best = 0;
  for (const p of pieces) if (p.endH > p.startH) best = Math.max(best, powerAt(pieces, p.startH));
  return best;
}

function countChargers(instance: Instance, schedule: Schedule, valid: readonly boolean[]): Record<string, ChargerTypeCount> {
  const out: Record<string, ChargerTypeCount> = {};
  for (const type of instance.chargerTypes) {
    const ids = new Set(instance.chargers.filter((c) => c.type === type).map((c) => c.index));
    const mine = schedule.sessions.filter((s, k) => valid[k] && ids.has(s.charger) && s.endH > s.startH);
    const used = new Set(mine.map((s) => s.charger)).size;
    const events = mine.flatMap((s) => [
      { t: s.startH, d: 1 },
      { t: s.endH, d: -1 },
    ]);
    events.sort((a, b) => a.t - b.t || a.d - b.d);
    let now = 0;
    let maxParallel = 0;
    for (const e of events) {
      now += e.d;
      maxParallel = Math.max(maxParallel, now);
    }
    out[type] = { used, maxParallel };
  }
  return out;
}
