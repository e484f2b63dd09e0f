import { InputError, requireFinite, requireInteger, requireNonNegative, requirePositive } from '@gridhaul/common';

/** One bus: its battery and the state-of-charge rules, all in kWh. */
export interface BusSpec {
  readonly id: string;
  readonly batteryKWh: number;
  /** SOC when the day begins (at the bus's first visit). */
  readonly initialSocKWh: number;
  /** SOC the bus may never fall below: checked at every arrival and at the end of the day. */
  readonly minSocKWh: number;
  /** SOC the bus must have at the end of the day (after its last visit and any route after it). */
  readonly finalSocKWh: number;
}

/** A stay at the depot between two blocks; the bus may charge during [arrivalH, departureH]. */
export interface VisitSpec {
  /** Index into `buses`. */
  readonly bus: number;
  readonly arrivalH: number;
  readonly departureH: number;
  /** Energy the bus uses on the block after this visit (0 after its last visit), kWh. */
  readonly dischargeAfterKWh: number;
}

/** One charger (a queue that serves one bus at a time). */
export interface ChargerSpec {
  readonly id: string;
  /** Type name ('slow', 'fast', ...): chargers of one type are interchangeable and share a cost. */
  readonly type: string;
  readonly powerKW: number;
}

/**
 * Cost weights. The defaults are the weights of Brown & Droge's papers (see `DEFAULT_COSTS`), in
 * abstract cost units, not a tariff: pass a tariff's numbers to price a real depot.
 */
export interface CostModel {
  /** Per kWh the batteries receive. */
  readonly energyPerKWh: number;
  /** Per kW of the peak `demandWindowH` average grid power. */
  readonly demandPerKW: number;
  /** Length of the demand-charge averaging window, h (0.25 = 15 minutes). */
  readonly demandWindowH: number;
  /**
   * Per kW of the highest instantaneous power (what the grid connection must carry). 0 by default;
   * Brown & Droge's published SA scores price exactly this peak (notes/beb-charging.md §6.2).
   */
  readonly capacityPerKW: number;
  /** Per charger of each type that serves at least one visit in the day. */
  readonly chargerPerUnit: Readonly<Record<string, number>>;
}

/**
 * z_c = 1 per kWh and z_d = 10 000 per kW are the consumption and demand gains of Brown & Droge,
 * Future Transp. 4(3) 2024; 1000 per charger is the scale of the assignment cost m_q = 1000·q of
 * Brown, Droge & Gunther, Front. Energy Res. 12 (2024). The 15-minute window is Rocky Mountain
 * Power Schedule 8's demand interval, as used by both papers.
 */
export const DEFAULT_COSTS: CostModel = {
  energyPerKWh: 1,
  demandPerKW: 10_000,
  demandWindowH: 0.25,
  capacityPerKW: 0,
  chargerPerUnit: {},
};
export const DEFAULT_CHARGER_COST = 1000;

export interface InstanceInput {
  readonly name: string;
  readonly horizonH: number;
  readonly buses: readonly BusSpec[];
  readonly visits: readonly VisitSpec[];
  readonly chargers: readonly ChargerSpec[];
  readonly costs?: Partial<CostModel>;
}

export interface Visit extends VisitSpec {
  /** Position in `Instance.visits` (sorted by arrival, then bus, then input order). */
  readonly index: number;
  /** Position in the input's visit list. */
  readonly inputIndex: number;
  readonly dwellH: number;
  /** The same bus's next visit, or -1. */
  readonly next: number;
  readonly prev: number;
}

export interface Charger extends ChargerSpec {
  readonly index: number;
  readonly typeIndex: number;
}

/** Immutable, validated problem data. Build with `buildInstance`. */
export interface Instance {
  readonly name: string;
  readonly horizonH: number;
  readonly buses: readonly BusSpec[];
  readonly visits: readonly Visit[];
  readonly chargers: readonly Charger[];
  readonly chargerTypes: readonly string[];
  readonly costs: CostModel & { readonly chargerPerUnit: Readonly<Record<string, number>> };
  /** Visit indices of each bus in time order. */
  readonly visitsOfBus: readonly (readonly number[])[];
}

/** Visits shorter than this cannot hold a charging session (1e-4 h = 0.36 s). */
export const MIN_SESSION_H = 1e-4;
const TIME_TOLERANCE_H = 1e-9;

/** Validates the data and derives each bus's chain of visits. Throws an InputError naming the field. */
export function buildInstance(input: InstanceInput): Instance {
  const horizonH = requirePositive('horizonH', input.horizonH);
  if (input.buses.length === 0) throw new InputError('buses', input.buses, 'at least one bus');
  const buses = input.buses.map((b, i) => validateBus(b, `buses[${i}]`));
  const chargers = validateChargers(input.chargers);
  const chargerTypes = [...new Set(chargers.map((c) => c.type))];
  const typed: Charger[] = chargers.map((c, index) => ({ ...c, index, typeIndex: chargerTypes.indexOf(c.type) }));

  const raw = input.visits.map((v, i) => validateVisit(v, `visits[${i}]`, buses.length, horizonH));
  const order = raw.map((_, i) => i).sort((a, b) => {
    const va = raw[a] as VisitSpec;
    const vb = raw[b] as VisitSpec;
    return va.arrivalH - vb.arrivalH || va.bus - vb.bus || a - b;
  });
  const visitsOfBus: number[][] = buses.map(() => []);
  order.forEach((inputIndex, index) => visitsOfBus[(raw[inputIndex] as VisitSpec).bus]?.push(index));
  const next = new Array<number>(order.length).fill(-1);
  const prev = new Array<number>(order.length).fill(-1);
  visitsOfBus.forEach((chain, b) => {
    if (chain.length === 0) throw new InputError(`buses[${b}]`, buses[b]?.id, 'a bus with at least one visit');
    for (let k = 1; k < chain.length; k++) {
      const a = chain[k - 1] as number;
      const c = chain[k] as number;
      const va = raw[order[a] as number] as VisitSpec;
      const vc = raw[order[c] as number] as VisitSpec;
      if (va.departureH > vc.arrivalH + TIME_TOLERANCE_H) {
        throw new InputError(`visits[${order[c]}].arrivalH`, vc.arrivalH, `a time >= ${va.departureH}, the departure of bus ${b}'s previous visit (visits[${order[a]}])`);
      }
      next[a] = c;
      prev[c] = a;
    }
  });
  const visits: Visit[] = order.map((inputIndex, index) => {
    const v = raw[inputIndex] as VisitSpec;
    return { ...v, index, inputIndex, dwellH: v.departureH - v.arrivalH, next: next[index] as number, prev: prev[index] as number };
  });

  const costs = validateCosts(input.costs ?? {}, chargerTypes);
  return deepFreeze({ name: input.name, horizonH, buses, visits, chargers: typed, chargerTypes, costs, visitsOfBus });
}

function validateBus(b: BusSpec, field: string): BusSpec {
  const batteryKWh = requirePositive(`${field}.batteryKWh`, b.batteryKWh);
  const minSocKWh = requireNonNegative(`${field}.minSocKWh`, b.minSocKWh);
  const initialSocKWh = requireNonNegative(`${field}.initialSocKWh`, b.initialSocKWh);
  const finalSocKWh = requireNonNegative(`${field}.finalSocKWh`, b.finalSocKWh);
  if (minSocKWh > batteryKWh) throw new InputError(`${field}.minSocKWh`, minSocKWh, `at most batteryKWh = ${batteryKWh}`);
  if (initialSocKWh < minSocKWh || initialSocKWh > batteryKWh) {
    throw new InputError(`${field}.initialSocKWh`, initialSocKWh, `a value in [minSocKWh, batteryKWh] = [${minSocKWh}, ${batteryKWh}]`);
  }
  if (finalSocKWh > batteryKWh) throw new InputError(`${field}.finalSocKWh`, finalSocKWh, `at most batteryKWh = ${batteryKWh}`);
  return { id: String(b.id), batteryKWh, initialSocKWh, minSocKWh, finalSocKWh };
}

function validateChargers(chargers: readonly ChargerSpec[]): ChargerSpec[] {
  if (chargers.length === 0) throw new InputError('chargers', chargers, 'at least one charger');
  return chargers.map((c, i) => {
    if (typeof c.type !== 'string' || c.type.length === 0) throw new InputError(`chargers[${i}].type`, c.type, 'a non-empty type name');
    return { id: String(c.id), type: c.type, powerKW: requirePositive(`chargers[${i}].powerKW`, c.powerKW) };
  });
}

function validateVisit(v: VisitSpec, field: string, nBuses: number, horizonH: number): VisitSpec {
  const bus = requireInteger(`${field}.bus`, v.bus, 0);
  if (bus >= nBuses) throw new InputError(`${field}.bus`, v.bus, `a bus index in [0, ${nBuses - 1}]`);
  const arrivalH = requireFinite(`${field}.arrivalH`, v.arrivalH);
  const departureH = requireFinite(`${field}.departureH`, v.departureH);
  if (arrivalH < 0 || arrivalH > horizonH) throw new InputError(`${field}.arrivalH`, arrivalH, `a time in [0, ${horizonH}] h`);
  if (departureH < arrivalH || departureH > horizonH + TIME_TOLERANCE_H) {
    throw new InputError(`${field}.departureH`, departureH, `a time in [arrivalH, horizonH] = [${arrivalH}, ${horizonH}] h`);
  }
  const dischargeAfterKWh = requireNonNegative(`${field}.dischargeAfterKWh`, v.dischargeAfterKWh);
  return { bus, arrivalH, departureH: Math.min(departureH, horizonH), dischargeAfterKWh };
}

function validateCosts(c: Partial<CostModel>, types: readonly string[]): Instance['costs'] {
  const energyPerKWh = requireNonNegative('costs.energyPerKWh', c.energyPerKWh ?? DEFAULT_COSTS.energyPerKWh);
  const demandPerKW = requireNonNegative('costs.demandPerKW', c.demandPerKW ?? DEFAULT_COSTS.demandPerKW);
  const demandWindowH = requirePositive('costs.demandWindowH', c.demandWindowH ?? DEFAULT_COSTS.demandWindowH);
  const capacityPerKW = requireNonNegative('costs.capacityPerKW', c.capacityPerKW ?? DEFAULT_COSTS.capacityPerKW);
  const given = c.chargerPerUnit ?? {};
  for (const key of Object.keys(given)) {
    if (!types.includes(key)) throw new InputError(`costs.chargerPerUnit.${key}`, given[key], `a charger type of this instance (${types.join(', ')})`);
  }
  const chargerPerUnit: Record<string, number> = {};
  for (const t of types) chargerPerUnit[t] = requireNonNegative(`costs.chargerPerUnit.${t}`, given[t] ?? DEFAULT_CHARGER_COST);
  return { energyPerKWh, demandPerKW, demandWindowH, capacityPerKW, chargerPerUnit };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
