import { arr, field, isObject, list, num, readSeries, str, type Json } from './read';

export interface ChargingSessionView {
  charger: string;
  bus: string;
  startH: number;
  endH: number;
  /** Power drawn while on the charger (constant over the session), kW. */
  powerKW: number;
}

export interface BusChargingView {
  chargers: string[];
  sessions: ChargingSessionView[];
  /** SOC of each bus over the day, kWh. */
  soc: Array<{ bus: string; points: Array<{ tH: number; value: number }> }>;
}

/** One piece of a piecewise-constant power profile, kW over [startH, endH). */
export interface PowerStep {
  startH: number;
  endH: number;
  kW: number;
}

/** Total grid power of all sessions as consecutive constant pieces (gaps at 0 kW are included). */
export function powerSteps(sessions: readonly ChargingSessionView[]): PowerStep[] {
  const cuts = [...new Set(sessions.flatMap((s) => [s.startH, s.endH]))].sort((a, b) => a - b);
  const steps: PowerStep[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const kW = sessions.reduce((sum, s) => (s.startH <= a && s.endH >= b ? sum + s.powerKW : sum), 0);
    steps.push({ startH: a, endH: b, kW });
  }
  return steps;
}

export interface DemandWindow {
  startH: number;
  endH: number;
  /** Average power over the window, kW (energy in the window / its length). */
  averageKW: number;
}

/**
 * Average power in each fixed billing interval of `windowH` hours starting at multiples of
 * `windowH` (a utility meter's 15-minute demand intervals for windowH = 0.25), computed exactly
 * from the sessions' overlaps.
 */
export function intervalAverages(sessions: readonly ChargingSessionView[], windowH = 0.25): DemandWindow[] {
  if (sessions.length === 0) return [];
  const first = Math.floor(Math.min(...sessions.map((s) => s.startH)) / windowH + 1e-9);
  const last = Math.ceil(Math.max(...sessions.map((s) => s.endH)) / windowH - 1e-9);
  const windows: DemandWindow[] = [];
  for (let k = first; k < last; k++) {
    const a = k * windowH;
    const b = a + windowH;
    const kWh = sessions.reduce((sum, s) => sum + s.powerKW * Math.max(0, Math.min(b, s.endH) - Math.max(a, s.startH)), 0);
    windows.push({ startH: a, endH: b, averageKW: kWh / windowH });
  }
  return windows;
}

/** The billing interval with the highest average power (the demand charge's peak), or null. */
export function peakWindow(sessions: readonly ChargingSessionView[], windowH = 0.25): DemandWindow | null {
  let best: DemandWindow | null = null;
  for (const w of intervalAverages(sessions, windowH)) if (best === null || w.averageKW > best.averageKW + 1e-9) best = w;
  return best;
}

/**
 * Reads a bus-charging plan: sessions that name their charger and bus directly, or
 * @gridhaul/bus-charging's `{ sessions: [{ visit, charger, startH, endH }] }` together with the
 * instance's `visits` (bus index per visit), `buses` and `chargers` (with powerKW).
 */
export function readBusChargingPlan(plan: Json): BusChargingView {
  const instance = isObject(field(plan, 'instance')) ? field(plan, 'instance') : plan;
  const chargerSpecs = list(instance, 'chargers');
  const busSpecs = list(instance, 'buses');
  const visits = list(instance, 'visits');
  const chargerName = (c: Json): string => {
    if (typeof c === 'number') return str(chargerSpecs[c], 'id', 'name') ?? `charger ${c}`;
    return typeof c === 'string' ? c : 'charger ?';
  };
  const busName = (b: Json): string => {
    if (typeof b === 'number') return str(busSpecs[b], 'id', 'name') ?? `bus ${b}`;
    return typeof b === 'string' ? b : 'bus ?';
  };
  const chargerPower = (c: Json): number | undefined =>
    typeof c === 'number' ? num(chargerSpecs[c], 'powerKW') : num(chargerSpecs.find((x) => str(x, 'id', 'name') === c), 'powerKW');

  const rawSessions = list(field(plan, 'schedule'), 'sessions').length > 0 ? list(field(plan, 'schedule'), 'sessions') : list(plan, 'sessions');
  const sessions: ChargingSessionView[] = [];
  for (const s of rawSessions) {
    const startH = num(s, 'startH');
    const endH = num(s, 'endH');
    if (startH === undefined || endH === undefined || !(endH > startH)) continue;
    const chargerRef = field(s, 'charger') ?? field(s, 'chargerId');
    const visit = num(s, 'visit');
    const busRef = field(s, 'bus') ?? field(s, 'busId') ?? (visit !== undefined ? field(visits[visit], 'bus') : undefined);
    const energy = num(s, 'energyKWh');
    const powerKW = num(s, 'powerKW') ?? chargerPower(chargerRef) ?? (energy !== undefined ? energy / (endH - startH) : 0);
    sessions.push({ charger: chargerName(chargerRef), bus: busName(busRef), startH, endH, powerKW });
  }
  const chargers = chargerSpecs.length > 0 ? chargerSpecs.map((_c, i) => chargerName(i)) : [...new Set(sessions.map((s) => s.charger))].sort();

  const socSource = arr(field(plan, 'soc') ?? field(plan, 'socs') ?? field(plan, 'busSoc'));
  const soc = socSource
    .map((b, i) => ({ bus: busName(field(b, 'bus') ?? field(b, 'id') ?? i), points: readSeries(field(b, 'points') ?? field(b, 'soc'), 'socKWh', 'soc', 'value') }))
    .filter((b) => b.points.length > 0);
  return { chargers, sessions, soc };
}
