import type { CheckReport, ChargerTypeCount, SocPoint } from './checker';
import type { Instance } from './instance';
import type { Schedule } from './schedule';

export interface ChargerReport {
  readonly charger: string;
  readonly type: string;
  readonly powerKW: number;
  readonly sessions: readonly { readonly bus: string; readonly visit: number; readonly startH: number; readonly endH: number; readonly energyKWh: number }[];
}

export interface BusVisitReport {
  readonly visit: number;
  readonly arrivalH: number;
  readonly departureH: number;
  /** Charger id, or null when the bus waits. */
  readonly charger: string | null;
  readonly startH: number | null;
  readonly endH: number | null;
  readonly energyKWh: number;
  readonly socOnArrivalKWh: number;
}

export interface BusReport {
  readonly bus: string;
  readonly visits: readonly BusVisitReport[];
  readonly finalSocKWh: number;
  readonly soc: readonly SocPoint[];
}

export interface ScheduleReport {
  readonly feasible: boolean;
  readonly violations: CheckReport['violations'];
  readonly energyKWh: number;
  readonly peakKW: number;
  readonly peakAlignedKW: number;
  readonly instantaneousPeakKW: number;
  readonly minSocKWh: number;
  readonly cost: CheckReport['cost'];
  readonly chargerCounts: Readonly<Record<string, ChargerTypeCount>>;
  readonly perCharger: readonly ChargerReport[];
  readonly perBus: readonly BusReport[];
  /** Average grid power over consecutive `stepH` intervals from t = 0, kW. */
  readonly powerProfile: { readonly stepH: number; readonly kW: readonly number[] };
}

/** Per charger and per bus views, SOC trajectories and a power profile of a checked schedule. */
export function reportSchedule(instance: Instance, schedule: Schedule, check: CheckReport, stepH = 1 / 60): ScheduleReport {
  const busId = (visit: number): string => instance.buses[instance.visits[visit]?.bus ?? -1]?.id ?? '?';
  const perCharger: ChargerReport[] = instance.chargers
    .map((c) => ({
      charger: c.id,
      type: c.type,
      powerKW: c.powerKW,
      sessions: schedule.sessions
        .map((s, k) => ({ s, k }))
        .filter(({ s }) => s.charger === c.index)
        .sort((a, b) => a.s.startH - b.s.startH)
        .map(({ s, k }) => ({ bus: busId(s.visit), visit: s.visit, startH: s.startH, endH: s.endH, energyKWh: check.sessionEnergyKWh[k] ?? 0 })),
    }))
    .filter((c) => c.sessions.length > 0);
  const sessionOf = new Map(schedule.sessions.map((s, k) => [s.visit, k]));
  const perBus: BusReport[] = instance.buses.map((bus, b) => {
    const soc = check.socTrajectories[b] ?? [];
    return {
      bus: bus.id,
      visits: (instance.visitsOfBus[b] ?? []).map((i) => {
        const v = instance.visits[i];
        const k = sessionOf.get(i);
        const s = k === undefined ? undefined : schedule.sessions[k];
        return {
          visit: i,
          arrivalH: v?.arrivalH ?? NaN,
          departureH: v?.departureH ?? NaN,
          charger: s ? (instance.chargers[s.charger]?.id ?? null) : null,
          startH: s ? s.startH : null,
          endH: s ? s.endH : null,
          energyKWh: k === undefined ? 0 : (check.sessionEnergyKWh[k] ?? 0),
          socOnArrivalKWh: soc.find((p) => p.timeH === v?.arrivalH)?.socKWh ?? NaN,
        };
      }),
      finalSocKWh: check.finalSocKWh[b] ?? NaN,
      soc,
    };
  });
  const pieces = check.sessionPower.flat();
  const n = Math.ceil(instance.horizonH / stepH - 1e-9);
  const kW = Array.from({ length: n }, (_, k) => {
    const t0 = k * stepH;
    const t1 = t0 + stepH;
    let e = 0;
    for (const p of pieces) {
      const a = Math.max(t0, p.startH);
      const b = Math.min(t1, p.endH);
      if (b <= a) continue;
      e += p.decayPerH === 0 ? p.powerKW * (b - a) : (p.powerKW / p.decayPerH) * (Math.exp(-p.decayPerH * (a - p.startH)) - Math.exp(-p.decayPerH * (b - p.startH)));
    }
    return e / stepH;
  });
  return {
    feasible: check.feasible,
    violations: check.violations,
    energyKWh: check.energyKWh,
    peakKW: check.peakKW,
    peakAlignedKW: check.peakAlignedKW,
    instantaneousPeakKW: check.instantaneousPeakKW,
    minSocKWh: check.minSocKWh,
    cost: check.cost,
    chargerCounts: check.chargerCounts,
    perCharger,
    perBus,
    powerProfile: { stepH, kW },
  };
}
