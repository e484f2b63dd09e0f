import type { ChargingCycleInstance } from './instance';
import type { ChargingCyclePlan, SwapTrip } from './plan';

export interface RuleBasedStep {
  readonly startH: number;
  /** Excavator SOC (fraction) at the start of the step and after it. */
  readonly socBefore: readonly number[];
  readonly socAfter: readonly number[];
  readonly chargingKW: readonly number[];
  /** Site MESS SOC after the step (1 after a swap) and, when swapped, the old unit's SOC at the swap. */
  readonly messAfter: readonly number[];
  readonly swappedOut: readonly (number | null)[];
}

export interface RuleBasedRun {
  readonly costNOK: number;
  readonly distanceDayKm: number;
  readonly distanceNightKm: number;
  /** The notebook's printed recharge log, line by line. */
  readonly log: readonly string[];
  readonly steps: readonly RuleBasedStep[];
  readonly plan: ChargingCyclePlan;
}

/**
 * Replay of the published charging-cycle run (`Optimal charging Cycle.ipynb`; shared/notes/
 * mess-routing.md §6.2): hourly steps from 07:00 through the step starting at the end hour;
 * an excavator at or below the SOC floor charges at full power for the whole step; a site MESS at or
 * below the floor after the step is swapped (truck leaves at the step start, arrives d/v later,
 * swap takes the service time); day tariff for trips leaving before the tariff hour. SOCs are
 * clamped to [0, 1] as there, which is how the run hides excavators running empty. Written from
 * the description; floating-point operations in the notebook's order so the 0.15 threshold
 * decisions come out the same.
 */
export function replayRuleBasedChargingCycle(instance: ChargingCycleInstance): RuleBasedRun {
  const c = instance;
  const stepH = 1;
  const ex = c.excavators;
  const steps: RuleBasedStep[] = [];
  const log: string[] = [];
  const swaps: SwapTrip[] = [];
  const chargingKW: number[][] = ex.map(() => []);
  let soc = ex.map(() => c.initialSoc);
  let mess = c.sites.map(() => c.initialSoc);
  let dayKm = 0;
  let nightKm = 0;
  const count = Math.floor((c.endH - c.startH) / stepH) + 1;
  for (let t = 0; t < count; t++) {
    const timeH = c.startH + t * stepH;
    const charge = soc.map((s) => (s <= c.socMin && s < c.excavatorSocMaxDay ? c.chargingPowerKW : 0));
    const next = soc.map((s, i) => {
      const e = ex[i]!;
      let v = s - (e.consumptionKWhPerH * stepH) / e.batteryKWh;
      if (s <= c.socMin && s < c.excavatorSocMaxDay) v += (charge[i]! * stepH) / e.batteryKWh;
      v = Math.min(Math.max(v, 0), 1);
      if (s <= c.socMin && v > s && charge[i]! > 0) log.push(`Excavator ${e.id} starts charging at hour ${timeH.toFixed(2)}`);
      if (s < c.excavatorSocMaxDay && v >= c.excavatorSocMaxDay) log.push(`Excavator ${e.id} stops charging at hour ${timeH.toFixed(2)}`);
      return v;
    });
    const swappedOut: (number | null)[] = [];
    mess = mess.map((m, si) => {
      const site = c.sites[si]!;
      const draw = ex.reduce((sum, e, i) => (e.siteId === site.id ? sum + charge[i]! : sum), 0);
      return Math.max(m - (draw * stepH) / site.messCapacityKWh, 0);
    });
    mess = mess.map((m, si) => {
      const site = c.sites[si]!;
      if (m > c.socMin) {
        swappedOut.push(null);
        return m;
      }
      swappedOut.push(m);
      const legH = site.distanceKm / c.truckSpeedKmh;
      const arrivalH = timeH + legH;
      if (timeH < c.dayTariffBeforeH) dayKm += 2 * site.distanceKm;
      else nightKm += 2 * site.distanceKm;
      log.push(`Vehicle arrives at Charging site ${site.id} at hour ${arrivalH.toFixed(2)}`);
      log.push(`Charging site battery ${site.id} replaced at hour ${(arrivalH + c.serviceTimeH).toFixed(2)}`);
      swaps.push({ siteId: site.id, departH: timeH, arrivalH, finishH: arrivalH + c.serviceTimeH, returnH: arrivalH + c.serviceTimeH + legH, distanceKm: 2 * site.distanceKm, resetStep: t + 1 });
      return 1;
    });
    charge.forEach((p, i) => chargingKW[i]!.push(p));
    steps.push({ startH: timeH, socBefore: soc, socAfter: next, chargingKW: charge, messAfter: mess, swappedOut });
    soc = next;
  }
  return {
    costNOK: dayKm * c.dayCostPerKm + nightKm * c.nightCostPerKm,
    distanceDayKm: dayKm,
    distanceNightKm: nightKm,
    log,
    steps,
    plan: { method: 'published-rule-based', startH: c.startH, stepH, steps: count, chargingKW, swaps },
  };
}
