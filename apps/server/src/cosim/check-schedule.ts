import type { BusSchedule, StorageUnit, UnitSchedule } from './types';

/**
 * Independent check of storage schedules (shares no code with the plan's LP): replays each unit's
 * energy from its initial SOC with its efficiencies and demand, and checks power limits, time
 * sharing, SOC limits at every period end, the final SOC, that the reported SOC is the replayed
 * one, and — when given — that the bus loads are the sum of the units' net charging.
 * Returns the problems found (empty: valid).
 */
export function checkStorageSchedule(units: readonly StorageUnit[], schedules: readonly UnitSchedule[], stepH: number, buses?: readonly BusSchedule[]): string[] {
  const problems: string[] = [];
  if (schedules.length !== units.length) return [`${schedules.length} unit schedules for ${units.length} units`];
  units.forEach((u, k) => {
    const s = schedules[k] as UnitSchedule;
    const who = `unit "${u.name}"`;
    const T = u.demandMW.length;
    if (s.name !== u.name || s.bus !== u.bus) problems.push(`schedule ${k} is for "${s.name}" at bus ${s.bus}, not ${who} at bus ${u.bus}`);
    if (s.chargeMW.length !== T || s.dischargeMW.length !== T || s.socMWh.length !== T) {
      problems.push(`${who}: schedule lengths ${s.chargeMW.length}/${s.dischargeMW.length}/${s.socMWh.length}, expected ${T}`);
      return;
    }
    const mwTol = 1e-6 * Math.max(1, u.maxChargeMW, u.maxDischargeMW);
    const mwhTol = 1e-6 * Math.max(1, u.capacityMWh);
    let energy = u.initialSoc * u.capacityMWh;
    for (let t = 0; t < T; t++) {
      const c = s.chargeMW[t] as number;
      const d = s.dischargeMW[t] as number;
      if (!Number.isFinite(c) || c < -mwTol || c > u.maxChargeMW + mwTol) problems.push(`${who}, period ${t}: charging ${c} MW outside [0, ${u.maxChargeMW}]`);
      if (!Number.isFinite(d) || d < -mwTol || d > u.maxDischargeMW + mwTol) problems.push(`${who}, period ${t}: discharging ${d} MW outside [0, ${u.maxDischargeMW}]`);
      if (c > mwTol && d > mwTol) {
        const share = c / u.maxChargeMW + d / u.maxDischargeMW;
        if (share > 1 + 1e-6) problems.push(`${who}, period ${t}: charges ${c} MW and discharges ${d} MW, more than one period of time (${share})`);
      }
      const drawn = (u.demandMW[t] as number) / u.dischargeEfficiency;
      energy += stepH * (c * u.chargeEfficiency - d / u.dischargeEfficiency - drawn);
      const reported = s.socMWh[t] as number;
      if (!(Math.abs(reported - energy) <= mwhTol)) problems.push(`${who}, period ${t}: reported ${reported} MWh stored, the energy balance gives ${energy}`);
      const floor = (t === T - 1 ? Math.max(u.socMin, u.finalSoc) : u.socMin) * u.capacityMWh;
      if (energy < floor - mwhTol) problems.push(`${who}, end of period ${t}: ${energy} MWh stored, below ${floor} MWh${t === T - 1 ? ' (final SOC)' : ''}`);
      if (energy > u.socMax * u.capacityMWh + mwhTol) problems.push(`${who}, end of period ${t}: ${energy} MWh stored, above ${u.socMax * u.capacityMWh} MWh`);
    }
  });
  if (buses) problems.push(...checkBusLoads(units, schedules, buses));
  return problems;
}

function checkBusLoads(units: readonly StorageUnit[], schedules: readonly UnitSchedule[], buses: readonly BusSchedule[]): string[] {
  const problems: string[] = [];
  const expected = new Map<number, number[]>();
  units.forEach((u, k) => {
    const s = schedules[k] as UnitSchedule;
    const row = expected.get(u.bus) ?? new Array<number>(u.demandMW.length).fill(0);
    s.chargeMW.forEach((c, t) => (row[t] = (row[t] as number) + c - (s.dischargeMW[t] as number)));
    expected.set(u.bus, row);
  });
  const reported = new Map(buses.map((b) => [b.bus, b.mw]));
  for (const bus of new Set([...expected.keys(), ...reported.keys()])) {
    const want = expected.get(bus);
    const got = reported.get(bus);
    if (!want || !got || want.length !== got.length) {
      problems.push(`bus ${bus}: storage load reported for ${got?.length ?? 0} periods, units give ${want?.length ?? 0}`);
      continue;
    }
    want.forEach((w, t) => {
      if (!(Math.abs(w - (got[t] as number)) <= 1e-6 * Math.max(1, Math.abs(w)))) problems.push(`bus ${bus}, period ${t}: storage load ${got[t]} MW, the units' net charging is ${w} MW`);
    });
  }
  return problems;
}
