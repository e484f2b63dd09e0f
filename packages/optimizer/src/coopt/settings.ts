import { InputError, requireInRange, requireNonNegative, requirePositive } from '@gridhaul/common';
import type { CoOptClock } from '@gridhaul/routing';

export type Chemistry = 'nmc' | 'lfp' | 'generalized';
export const CHEMISTRIES: readonly Chemistry[] = ['nmc', 'lfp', 'generalized'];

/**
 * The co-optimization model's constants. Defaults follow the Co-OPT_MESS notebooks where they state
 * one (shared/notes/co-opt-mess.md §1–2): 07:00 start, 15-min steps, new MESS at 90 %, replacement
 * at 20 % site SOC, 500 kW chargers, 0.5 h service, 170 kW excavator charging towards 90 % when an
 * excavator is at 20 %, 2 kWh/h idle loss, 2-hourly dispatch, C_cap = 60 000 USD for the 350 kWh unit.
 * The rest are this model's own choices, stated here.
 */
export interface CoOptSettings {
  /** Start of the day and the time by which every truck is back at the depot (h). */
  readonly startH: number;
  readonly endH: number;
  /** Time slot of the time-space network (h). */
  readonly slotH: number;
  /** SOC grid of the carried MESS (percentage points); SOC after driving is rounded down to it. */
  readonly socGridPct: number;
  /** SOC of a charged unit at the depot, and the charging target cap en route. */
  readonly fullSoc: number;
  /** The carried unit never goes below this SOC (our limit; the notebooks have none). */
  readonly socFloor: number;
  /** A unit delivered to a site must arrive with at least this SOC. */
  readonly deliverySoc: number;
  /** A site unit is replaced before it falls to this SOC; the unit taken back is at this SOC. */
  readonly replaceSoc: number;
  /** Width of a replacement window ending when the site unit reaches replaceSoc (h). */
  readonly requestWindowH: number;
  /** Site demand is simulated until this hour (the notebooks stop at 18:00). */
  readonly demandEndH: number;
  readonly chargerKW: number;
  /** Exchange time at a site or the depot (h). */
  readonly swapH: number;
  /** Price of recharging, at the depot, what a unit lacks of fullSoc when it comes back (USD/kWh); default the price table's mean. */
  readonly depotPriceUsdPerKWh?: number;
  readonly clock: CoOptClock;
  readonly chemistry: Chemistry;
  /** Replacement cost of one MESS unit (USD) and its end-of-life capacity fraction. */
  readonly messReplacementUsd: number;
  readonly endOfLifeFraction: number;
  /** Age at which throughput-based wear is linearised (full equivalent cycles), its representative cycle depth and temperature. */
  readonly wearAgeEfc: number;
  readonly wearDepth: number;
  readonly wearTempC: number;
  readonly toll: number;
  readonly maintenance: number;
  readonly excavatorChargeKW: number;
  readonly excavatorTriggerSoc: number;
  readonly excavatorTargetSoc: number;
  readonly messIdleLossKWhPerH: number;
}

export const DEFAULT_CO_OPT_SETTINGS: CoOptSettings = Object.freeze({
  startH: 7,
  endH: 21,
  slotH: 0.25,
  socGridPct: 2.5,
  fullSoc: 0.9,
  socFloor: 0.1,
  deliverySoc: 0.7,
  replaceSoc: 0.2,
  requestWindowH: 1,
  demandEndH: 18,
  chargerKW: 500,
  swapH: 0.5,
  clock: 'integrated',
  chemistry: 'generalized',
  messReplacementUsd: 60_000,
  endOfLifeFraction: 0.8,
  wearAgeEfc: 300,
  wearDepth: 0.8,
  wearTempC: 25,
  toll: 0.2,
  maintenance: 0.21,
  excavatorChargeKW: 170,
  excavatorTriggerSoc: 0.2,
  excavatorTargetSoc: 0.9,
  messIdleLossKWhPerH: 2,
} satisfies CoOptSettings);

export function coOptSettings(overrides: Partial<CoOptSettings> = {}): CoOptSettings {
  const s: CoOptSettings = { ...DEFAULT_CO_OPT_SETTINGS, ...overrides };
  requireNonNegative('startH', s.startH);
  if (!(s.endH > s.startH)) throw new InputError('endH', s.endH, `> startH (${s.startH})`);
  requirePositive('slotH', s.slotH);
  const slots = (s.endH - s.startH) / s.slotH;
  if (Math.abs(slots - Math.round(slots)) > 1e-9) throw new InputError('slotH', s.slotH, `a slot that divides ${s.endH - s.startH} h`);
  requireInRange('socGridPct', s.socGridPct, 0.1, 50);
  const levels = 100 / s.socGridPct;
  if (Math.abs(levels - Math.round(levels)) > 1e-9) throw new InputError('socGridPct', s.socGridPct, 'a step that divides 100 %');
  for (const [k, v] of [
    ['fullSoc', s.fullSoc],
    ['deliverySoc', s.deliverySoc],
    ['replaceSoc', s.replaceSoc],
    ['socFloor', s.socFloor],
  ] as const) {
    requireInRange(k, v, 0, 1);
    const onGrid = (v * 100) / s.socGridPct;
    if (Math.abs(onGrid - Math.round(onGrid)) > 1e-9) throw new InputError(k, v, `a multiple of the ${s.socGridPct} % SOC grid`);
  }
  if (s.deliverySoc > s.fullSoc) throw new InputError('deliverySoc', s.deliverySoc, `<= fullSoc (${s.fullSoc})`);
  requirePositive('requestWindowH', s.requestWindowH);
  requirePositive('chargerKW', s.chargerKW);
  requireNonNegative('swapH', s.swapH);
  if (s.depotPriceUsdPerKWh !== undefined) requireNonNegative('depotPriceUsdPerKWh', s.depotPriceUsdPerKWh);
  if (s.clock !== 'integrated' && s.clock !== 'at-departure') throw new InputError('clock', s.clock, "'integrated' or 'at-departure'");
  if (!CHEMISTRIES.includes(s.chemistry)) throw new InputError('chemistry', s.chemistry, CHEMISTRIES.join(' | '));
  requireNonNegative('messReplacementUsd', s.messReplacementUsd);
  requireInRange('endOfLifeFraction', s.endOfLifeFraction, 0.01, 0.99);
  requireNonNegative('wearAgeEfc', s.wearAgeEfc);
  requireInRange('wearDepth', s.wearDepth, 0.01, 1);
  return Object.freeze(s);
}
