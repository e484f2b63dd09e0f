import type { ChargingCycleInstance } from './instance';
import type { ChargingCyclePlan } from './plan';

export type ChargingCycleViolationKind =
  | 'grid-mismatch'
  | 'outside-operating-window'
  | 'charging-power'
  | 'excavator-below-min'
  | 'excavator-empty'
  | 'excavator-above-day-max'
  | 'excavator-over-full'
  | 'mess-below-min'
  | 'mess-empty'
  | 'trip-too-fast'
  | 'truck-overlap'
  | 'trip-outside-window'
  | 'swap-not-finished'
  | 'hub-out-of-units';

/** A broken limit, aggregated per kind and subject: when it first happens and how bad it gets. */
export interface ChargingCycleViolation {
  readonly kind: ChargingCycleViolationKind;
  /** 'excavator 4', 'site 2 MESS', 'truck', 'hub'. */
  readonly subject: string;
  readonly firstH: number;
  /** Worst value (SOC fraction, kW, h, or kWh for the '-empty' kinds: energy that was not there). */
  readonly worst: number;
  readonly limit: number;
  readonly count: number;
}

export interface ChargingCycleCheck {
  readonly feasible: boolean;
  readonly violations: readonly ChargingCycleViolation[];
  readonly distanceDayKm: number;
  readonly distanceNightKm: number;
  readonly travelCostNOK: number;
  /** Energy to recharge the swapped-out units at the hub (kWh) and its cost if a price was given. */
  readonly hubEnergyKWh: number;
  readonly hubEnergyCostNOK: number;
  readonly totalCostNOK: number;
  /** Recomputed SOC (fraction) at every grid point 0..steps: excavators and site MESS units. */
  readonly excavatorSoc: readonly (readonly number[])[];
  readonly messSoc: readonly (readonly number[])[];
}

const TOL = 1e-6;

/**
 * Replays a charging-cycle plan from the instance data alone (shared/notes/mess-routing.md §6):
 * excavator and site-MESS energy step by step (an empty battery stays at 0 and the missing energy is
 * reported), the truck's trips (driving time, swap time, one trip at a time), the hub's stock of
 * charged units (recharged on its chargers after each return), every SOC limit of the case, and the
 * travel cost by departure tariff. Shares no code with the MILP or the rule-based replay.
 */
export function checkChargingCyclePlan(instance: ChargingCycleInstance, plan: ChargingCyclePlan, options: { hubPriceNOKPerKWh?: (hour: number) => number } = {}): ChargingCycleCheck {
  const c = instance;
  const found = new Map<string, ChargingCycleViolation>();
  const add = (kind: ChargingCycleViolationKind, subject: string, atH: number, value: number, limit: number, worse: (a: number, b: number) => boolean): void => {
    const key = `${kind}|${subject}`;
    const old = found.get(key);
    if (old === undefined) found.set(key, { kind, subject, firstH: atH, worst: value, limit, count: 1 });
    else found.set(key, { ...old, worst: worse(value, old.worst) ? value : old.worst, count: old.count + 1 });
  };
  const lower = (a: number, b: number): boolean => a < b;
  const higher = (a: number, b: number): boolean => a > b;
  const dt = plan.stepH;
  if (Math.abs(plan.startH - c.startH) > TOL) add('grid-mismatch', 'plan', plan.startH, plan.startH, c.startH, higher);
  const planEnd = plan.startH + plan.steps * dt;
  if (planEnd > c.endH + TOL) add('outside-operating-window', 'plan', c.endH, planEnd, c.endH, higher);
  const exSoc: number[][] = c.excavators.map(() => [c.initialSoc]);
  const messSoc: number[][] = c.sites.map(() => [c.initialSoc]);
  let energy = c.excavators.map((e) => c.initialSoc * e.batteryKWh);
  let mess = c.sites.map((s) => c.initialSoc * s.messCapacityKWh);
  const swappedOutKWh: number[] = plan.swaps.map(() => NaN);
  for (let t = 0; t < plan.steps; t++) {
    const at = plan.startH + t * dt;
    const end = at + dt;
    const power = c.excavators.map((e, i) => plan.chargingKW[i]?.[t] ?? 0);
    energy = energy.map((E, i) => {
      const e = c.excavators[i]!;
      const p = power[i]!;
      if (p < -TOL || p > c.chargingPowerKW + TOL) add('charging-power', `excavator ${e.id}`, at, p, c.chargingPowerKW, higher);
      let next = E - e.consumptionKWhPerH * dt + p * dt;
      if (next < -TOL) {
        add('excavator-empty', `excavator ${e.id}`, at, -next, 0, higher);
        next = 0;
      }
      if (next > e.batteryKWh + TOL) {
        add('excavator-over-full', `excavator ${e.id}`, at, next / e.batteryKWh, 1, higher);
        next = e.batteryKWh;
      }
      if (next < c.socMin * e.batteryKWh - TOL) add('excavator-below-min', `excavator ${e.id}`, end, next / e.batteryKWh, c.socMin, lower);
      if (p > TOL && next > c.excavatorSocMaxDay * e.batteryKWh + TOL) add('excavator-above-day-max', `excavator ${e.id}`, end, next / e.batteryKWh, c.excavatorSocMaxDay, higher);
      exSoc[i]!.push(next / e.batteryKWh);
      return next;
    });
    mess = mess.map((M, si) => {
      const site = c.sites[si]!;
      const draw = c.excavators.reduce((s, e, i) => (e.siteId === site.id ? s + power[i]! * dt : s), 0);
      let next = M - draw;
      if (next < -TOL) {
        add('mess-empty', `site ${site.id} MESS`, at, -next, 0, higher);
        next = 0;
      }
      if (next < c.socMin * site.messCapacityKWh - TOL) add('mess-below-min', `site ${site.id} MESS`, end, next / site.messCapacityKWh, c.socMin, lower);
      const swap = plan.swaps.findIndex((x) => x.siteId === site.id && x.resetStep === t + 1);
      if (swap >= 0) {
        swappedOutKWh[swap] = next;
        next = Math.min(c.hubMessCapacityKWh, site.messCapacityKWh);
      }
      messSoc[si]!.push(next / site.messCapacityKWh);
      return next;
    });
  }
  // The truck: one vehicle, trips in departure order.
  const order = plan.swaps.map((s, i) => i).sort((a, b) => plan.swaps[a]!.departH - plan.swaps[b]!.departH);
  let free = -Infinity;
  let dayKm = 0;
  let nightKm = 0;
  for (const i of order) {
    const s = plan.swaps[i]!;
    const site = c.sites.find((x) => x.id === s.siteId);
    if (site === undefined) {
      add('trip-outside-window', `site ${s.siteId}`, s.departH, s.siteId, NaN, higher);
      continue;
    }
    const leg = site.distanceKm / c.truckSpeedKmh;
    if (s.arrivalH < s.departH + leg - TOL || s.finishH < s.arrivalH + c.serviceTimeH - TOL || s.returnH < s.finishH + leg - TOL) add('trip-too-fast', 'truck', s.departH, s.returnH - s.departH, 2 * leg + c.serviceTimeH, lower);
    if (s.departH < free - TOL) add('truck-overlap', 'truck', s.departH, free - s.departH, 0, higher);
    free = Math.max(free, s.returnH);
    if (s.departH < c.startH - TOL || s.finishH > c.endH + TOL) add('trip-outside-window', 'truck', s.departH, s.finishH, c.endH, higher);
    const resetH = plan.startH + s.resetStep * dt;
    if (resetH < s.finishH - TOL || s.resetStep > plan.steps || Number.isNaN(swappedOutKWh[i]!)) add('swap-not-finished', `site ${site.id} MESS`, resetH, resetH, s.finishH, lower);
    if (s.departH < c.dayTariffBeforeH) dayKm += 2 * site.distanceKm;
    else nightKm += 2 * site.distanceKm;
  }
  // Hub stock: charged units leave with the truck; a returned unit is recharged on a free charger.
  const readyAt: number[] = Array.from({ length: c.hubMessUnits }, () => -Infinity);
  const chargerFree: number[] = Array.from({ length: c.hubChargers }, () => -Infinity);
  let hubEnergy = 0;
  let hubCost = 0;
  for (const i of order) {
    const s = plan.swaps[i]!;
    readyAt.sort((a, b) => a - b);
    const ready = readyAt.findIndex((r) => r <= s.departH + TOL);
    if (ready < 0) {
      add('hub-out-of-units', 'hub', s.departH, readyAt.length === 0 ? Infinity : (readyAt[0] as number) - s.departH, 0, higher);
      readyAt.shift();
    } else readyAt.splice(ready, 1);
    const old = Number.isNaN(swappedOutKWh[i]!) ? 0 : swappedOutKWh[i]!;
    const need = Math.max(0, c.hubMessCapacityKWh - old);
    hubEnergy += need;
    if (options.hubPriceNOKPerKWh !== undefined) hubCost += need * options.hubPriceNOKPerKWh(Math.floor(s.returnH));
    if (chargerFree.length === 0 || c.hubChargerPowerKW <= 0) continue;
    chargerFree.sort((a, b) => a - b);
    const begin = Math.max(s.returnH, chargerFree[0] as number);
    const done = begin + need / c.hubChargerPowerKW;
    chargerFree[0] = done;
    readyAt.push(done);
  }
  const travel = dayKm * c.dayCostPerKm + nightKm * c.nightCostPerKm;
  const violations = [...found.values()];
  return {
    feasible: violations.length === 0,
    violations,
    distanceDayKm: dayKm,
    distanceNightKm: nightKm,
    travelCostNOK: travel,
    hubEnergyKWh: hubEnergy,
    hubEnergyCostNOK: hubCost,
    totalCostNOK: travel + hubCost,
    excavatorSoc: exSoc,
    messSoc,
  };
}
