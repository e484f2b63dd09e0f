import { createBatterySpec, cycleCostUsd, cycleLifeModel, schmalstieg2014Nmc, throughputCostUsdPerKWh, wang2011Lfp } from '@gridhaul/battery';
import { coOptLeg } from '@gridhaul/routing';
import type { CoOptCase, PriceTable } from './data';
import type { CoOptPlan } from './plan';
import type { ExchangeRequest } from './requests';
import type { CoOptSettings } from './settings';

export type CoOptViolationKind =
  | 'unknown-truck'
  | 'truck-twice'
  | 'off-grid-time'
  | 'time-gap'
  | 'action-while-off-duty'
  | 'start-while-on-duty'
  | 'wrong-place'
  | 'no-road'
  | 'drive-too-fast'
  | 'soc-below-floor'
  | 'charge-not-at-charger'
  | 'charge-too-fast'
  | 'charge-above-full'
  | 'unknown-request'
  | 'swap-outside-window'
  | 'swap-soc-too-low'
  | 'swap-too-fast'
  | 'request-unserved'
  | 'request-served-twice'
  | 'not-back-at-end'
  | 'after-horizon';

export interface CoOptViolation {
  readonly kind: CoOptViolationKind;
  readonly truckId?: number;
  readonly atH?: number;
  readonly detail: string;
}

export interface CoOptCostComponents {
  readonly wages: number;
  readonly tolls: number;
  readonly maintenance: number;
  readonly energyLmp: number;
  readonly energyDepot: number;
  readonly degradation: number;
}

export interface CoOptCheck {
  readonly feasible: boolean;
  readonly violations: readonly CoOptViolation[];
  readonly components: CoOptCostComponents;
  readonly totalUsd: number;
  readonly distanceKm: number;
  /** Energy in the units handed over at sites (kWh) and bought en route (kWh). */
  readonly deliveredKWh: number;
  readonly boughtKWh: number;
  readonly trucksUsed: number;
  /** Every charging event with the bus price paid. */
  readonly charges: readonly { readonly truckId: number; readonly node: number; readonly bus: number; readonly atH: number; readonly kWh: number; readonly priceUsdPerKWh: number; readonly costUsd: number }[];
  /** SOC (fraction) of each truck's carried unit after each action (NaN while off duty). */
  readonly socTrace: ReadonlyMap<number, readonly { atH: number; soc: number }[]>;
}

/**
 * Independent replay of a co-optimization plan (shared/notes/co-opt-mess.md §2 with this model's
 * rules, CoOptSettings): travel time and energy of every leg from @gridhaul/routing's Co-OPT
 * travel model at the leg's departure time, the carried unit's energy on the SOC grid (rounded down
 * after each leg, as the plan model states), charger power and the full-SOC cap, exchange windows
 * and minimum SOC, each request once, trucks back and off duty by the end; and the cost components:
 * wages on duty, toll and maintenance per km, energy at the bus price of the hour, the depot refill
 * of units left there, and wear from @gridhaul/battery. Written apart from the network/DP/MILP code.
 */
export function checkCoOptPlan(c: CoOptCase, s: CoOptSettings, requests: readonly ExchangeRequest[], plan: CoOptPlan, options: { prices?: PriceTable } = {}): CoOptCheck {
  const prices = options.prices ?? c.prices;
  const violations: CoOptViolation[] = [];
  const bad = (kind: CoOptViolationKind, detail: string, truckId?: number, atH?: number): void => {
    violations.push({ kind, detail, ...(truckId === undefined ? {} : { truckId }), ...(atH === undefined ? {} : { atH }) });
  };
  const all = prices.usdPerKWh.flat();
  const depotPrice = s.depotPriceUsdPerKWh ?? all.reduce((a, b) => a + b, 0) / all.length;
  const busAt = new Map(c.chargingSites.map((x) => [x.node, x.bus]));
  const price = (bus: number, h: number): number => prices.usdPerKWh[prices.buses.indexOf(bus)]![Math.floor(h + 1e-9) % 24]!;
  const onGrid = (h: number): boolean => Math.abs((h - s.startH) / s.slotH - Math.round((h - s.startH) / s.slotH)) < 1e-6;
  const servedBy = new Map<number, number>();
  const comp = { wages: 0, tolls: 0, maintenance: 0, energyLmp: 0, energyDepot: 0, degradation: 0 };
  let km = 0;
  let delivered = 0;
  let bought = 0;
  const socTrace = new Map<number, { atH: number; soc: number }[]>();
  const charges: { truckId: number; node: number; bus: number; atH: number; kWh: number; priceUsdPerKWh: number; costUsd: number }[] = [];
  const seen = new Set<number>();
  for (const tp of plan.trucks) {
    const truck = c.trucks.find((t) => t.id === tp.truckId);
    if (truck === undefined) {
      bad('unknown-truck', `truck ${tp.truckId}`, tp.truckId);
      continue;
    }
    if (seen.has(truck.id)) bad('truck-twice', `truck ${truck.id} has two plans`, truck.id);
    seen.add(truck.id);
    const C = truck.capacityKWh;
    const gKWh = (s.socGridPct / 100) * C;
    const wearOf = wearFunction(C, s);
    const trace: { atH: number; soc: number }[] = [];
    socTrace.set(truck.id, trace);
    let onDuty = false;
    let at = 0;
    let energy = NaN;
    let clock = s.startH;
    let dutySince = NaN;
    const setEnergy = (e: number, atH: number): void => {
      if (e < s.socFloor * C - 1e-6) bad('soc-below-floor', `SOC ${(e / C).toFixed(3)} < ${s.socFloor}`, truck.id, atH);
      energy = e;
      trace.push({ atH, soc: e / C });
    };
    const refill = (): number => Math.max(0, s.fullSoc * C - energy) * depotPrice;
    for (const a of tp.actions) {
      if (!onGrid(a.atH) || ('untilH' in a && !onGrid(a.untilH))) bad('off-grid-time', `${a.kind} at ${a.atH}`, truck.id, a.atH);
      if (onDuty && Math.abs(a.atH - clock) > 1e-6) bad('time-gap', `${a.kind} at ${a.atH} after ${clock}`, truck.id, a.atH);
      if (!onDuty && a.atH < clock - 1e-6) bad('time-gap', `${a.kind} at ${a.atH} before ${clock}`, truck.id, a.atH);
      if (a.kind !== 'start' && !onDuty) bad('action-while-off-duty', a.kind, truck.id, a.atH);
      switch (a.kind) {
        case 'start': {
          if (onDuty) bad('start-while-on-duty', 'start', truck.id, a.atH);
          if (a.untilH - a.atH < s.swapH - 1e-6) bad('swap-too-fast', `loading takes ${s.swapH} h`, truck.id, a.atH);
          onDuty = true;
          dutySince = a.atH;
          at = 0;
          setEnergy(s.fullSoc * C, a.untilH);
          break;
        }
        case 'drive': {
          if (a.from !== at) bad('wrong-place', `drive from ${a.from} while at ${at}`, truck.id, a.atH);
          const leg = coOptLeg(c.network, a.from, a.to, a.atH, truck, s.clock);
          if (leg === null) {
            bad('no-road', `${a.from} → ${a.to}`, truck.id, a.atH);
            break;
          }
          if (a.untilH - a.atH < leg.travelTimeH - 1e-6) bad('drive-too-fast', `${a.from} → ${a.to} takes ${leg.travelTimeH.toFixed(3)} h`, truck.id, a.atH);
          km += leg.distanceKm;
          comp.tolls += s.toll * leg.distanceKm;
          comp.maintenance += s.maintenance * leg.distanceKm;
          const raw = energy - leg.energyKWh;
          if (raw < s.socFloor * C - 1e-6) bad('soc-below-floor', `${a.from} → ${a.to} needs ${leg.energyKWh.toFixed(1)} kWh, unit holds ${energy.toFixed(1)}`, truck.id, a.atH);
          // The plan model's SOC grid: after a leg the unit counts as the grid level at or below.
          // An overdrawn unit is empty (0), not negative; the floor violation above reports it.
          const next = Math.max(0, Math.min(C, Math.floor(raw / gKWh + 1e-9) * gKWh));
          comp.degradation += wearOf(energy / C, next / C);
          energy = next;
          trace.push({ atH: a.untilH, soc: next / C });
          at = a.to;
          break;
        }
        case 'wait':
          if (a.node !== at) bad('wrong-place', `wait at ${a.node} while at ${at}`, truck.id, a.atH);
          break;
        case 'charge': {
          if (a.node !== at) bad('wrong-place', `charge at ${a.node} while at ${at}`, truck.id, a.atH);
          const bus = busAt.get(a.node);
          if (bus === undefined) {
            bad('charge-not-at-charger', `node ${a.node}`, truck.id, a.atH);
            break;
          }
          if (a.kWh > s.chargerKW * (a.untilH - a.atH) + 1e-6) bad('charge-too-fast', `${a.kWh} kWh in ${a.untilH - a.atH} h at ${s.chargerKW} kW`, truck.id, a.atH);
          if (energy + a.kWh > s.fullSoc * C + 1e-6) bad('charge-above-full', `to ${((energy + a.kWh) / C).toFixed(3)}`, truck.id, a.atH);
          comp.energyLmp += a.kWh * price(bus, a.atH);
          charges.push({ truckId: truck.id, node: a.node, bus, atH: a.atH, kWh: a.kWh, priceUsdPerKWh: price(bus, a.atH), costUsd: a.kWh * price(bus, a.atH) });
          bought += a.kWh;
          comp.degradation += wearOf(energy / C, (energy + a.kWh) / C);
          energy += a.kWh;
          trace.push({ atH: a.untilH, soc: energy / C });
          break;
        }
        case 'swap': {
          const r = requests.find((x) => x.id === a.request);
          if (r === undefined) {
            bad('unknown-request', `request ${a.request}`, truck.id, a.atH);
            break;
          }
          if (a.node !== at || r.site !== a.node) bad('wrong-place', `swap for request ${r.id} (site ${r.site}) at ${a.node} while at ${at}`, truck.id, a.atH);
          if (a.atH < r.earliestH - 1e-6 || a.atH > r.latestH + 1e-6) bad('swap-outside-window', `request ${r.id} at ${a.atH}, window [${r.earliestH}, ${r.latestH}]`, truck.id, a.atH);
          if (energy < s.deliverySoc * C - 1e-6) bad('swap-soc-too-low', `unit at ${(energy / C).toFixed(3)} < ${s.deliverySoc}`, truck.id, a.atH);
          if (a.untilH - a.atH < s.swapH - 1e-6) bad('swap-too-fast', `exchange takes ${s.swapH} h`, truck.id, a.atH);
          if (servedBy.has(r.id)) bad('request-served-twice', `request ${r.id}`, truck.id, a.atH);
          servedBy.set(r.id, truck.id);
          delivered += energy;
          energy = s.replaceSoc * C;
          trace.push({ atH: a.untilH, soc: s.replaceSoc });
          break;
        }
        case 'depot-swap':
          if (at !== 0) bad('wrong-place', `depot exchange at ${at}`, truck.id, a.atH);
          if (a.untilH - a.atH < s.swapH - 1e-6) bad('swap-too-fast', `exchange takes ${s.swapH} h`, truck.id, a.atH);
          comp.energyDepot += refill();
          energy = s.fullSoc * C;
          trace.push({ atH: a.untilH, soc: s.fullSoc });
          break;
        case 'end':
          if (at !== 0) bad('wrong-place', `end of duty at ${at}`, truck.id, a.atH);
          comp.energyDepot += refill();
          comp.wages += truck.wageUsdPerH * (a.atH - dutySince);
          onDuty = false;
          trace.push({ atH: a.atH, soc: NaN });
          break;
      }
      clock = a.kind === 'end' ? a.atH : a.untilH;
      if (clock > s.endH + 1e-6) bad('after-horizon', `${a.kind} until ${clock}`, truck.id, clock);
    }
    if (onDuty) bad('not-back-at-end', `truck ${truck.id} is still on duty at ${clock}`, truck.id, clock);
  }
  for (const r of requests) if (!servedBy.has(r.id)) bad('request-unserved', `request ${r.id} (site ${r.site}, [${r.earliestH}, ${r.latestH}])`);
  const totalUsd = comp.wages + comp.tolls + comp.maintenance + comp.energyLmp + comp.energyDepot + comp.degradation;
  return { feasible: violations.length === 0, violations, components: comp, totalUsd, distanceKm: km, deliveredKWh: delivered, boughtKWh: bought, trucksUsed: seen.size, charges, socTrace };
}

/** Wear of the unit between two SOCs, straight from @gridhaul/battery (degradation.md §5, §6b). */
function wearFunction(capacityKWh: number, s: CoOptSettings): (a: number, b: number) => number {
  const spec = createBatterySpec({
    chemistry: s.chemistry === 'generalized' ? 'generic' : s.chemistry,
    nominalEnergyKWh: capacityKWh,
    socMin: 0,
    socMax: 1,
    maxChargePowerKW: s.chargerKW,
    maxDischargePowerKW: s.chargerKW,
    roundTripEfficiency: 1,
    replacementCostUsdPerKWh: s.messReplacementUsd / capacityKWh,
    endOfLifeCapacityFraction: s.endOfLifeFraction,
    temperatureC: s.wearTempC,
  });
  if (s.chemistry === 'generalized') {
    const m = cycleLifeModel(s.endOfLifeFraction);
    const cycle = (d: number): number => (d <= 1e-12 ? 0 : cycleCostUsd(spec, m, { depth: Math.min(1, d) }));
    return (a, b) => (b < a ? Math.max(0, cycle(1 - b) - cycle(1 - a)) : 0);
  }
  const rate = throughputCostUsdPerKWh(spec, s.chemistry === 'nmc' ? schmalstieg2014Nmc : wang2011Lfp, { depth: s.wearDepth, meanSoc: 0.5, ageEfc: s.wearAgeEfc, tempC: s.wearTempC });
  return (a, b) => Math.abs(b - a) * capacityKWh * rate;
}
