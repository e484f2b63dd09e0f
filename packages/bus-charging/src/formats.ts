import { InputError } from '@gridhaul/common';
import type { BusSpec, ChargerSpec, CostModel, Instance, VisitSpec } from './instance';
import { buildInstance } from './instance';
import { UTA, utaChargers } from './uta';

/** Fleet and depot parameters for a visits CSV; every default is the UTA case's. */
export interface VisitsCsvOptions {
  readonly name?: string;
  readonly source?: string;
  readonly horizonH?: number;
  readonly batteryKWh?: number;
  readonly initialSocFraction?: number;
  readonly minSocFraction?: number;
  readonly finalSocFraction?: number;
  readonly chargers?: readonly ChargerSpec[];
  readonly costs?: Partial<CostModel>;
}

const REQUIRED = ['bus', 'arrival_h', 'departure_h', 'discharge_after_kwh'] as const;

/**
 * A visits CSV: a header with at least `bus, arrival_h, departure_h, discharge_after_kWh` (any
 * order, case-insensitive; other columns are ignored, so the shared `uta-35bus-338visits.csv` loads
 * as is), one row per depot visit. Bus labels are numbered in order of first appearance.
 */
export function parseVisitsCsv(text: string, options: VisitsCsvOptions = {}): Instance {
  const source = options.source ?? 'visits.csv';
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries(REQUIRED.map((name) => [name, header.indexOf(name)])) as Record<(typeof REQUIRED)[number], number>;
  for (const name of REQUIRED) {
    if (col[name] < 0) throw new InputError(`${source}:1`, lines[0] ?? '', `a header with the column ${name}`);
  }
  const busIndex = new Map<string, number>();
  const visits: VisitSpec[] = [];
  const lineOf: number[] = [];
  lines.forEach((line, k) => {
    if (k === 0 || line.trim() === '') return;
    const cells = line.split(',').map((c) => c.trim());
    const cell = (name: (typeof REQUIRED)[number]): string => cells[col[name]] ?? '';
    const number = (name: (typeof REQUIRED)[number]): number => {
      const raw = cell(name);
      const value = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(value)) throw new InputError(`${source}:${k + 1} ${name}`, raw, 'a number');
      return value;
    };
    const label = cell('bus');
    if (label === '') throw new InputError(`${source}:${k + 1} bus`, label, 'a bus label');
    if (!busIndex.has(label)) busIndex.set(label, busIndex.size);
    lineOf.push(k + 1);
    visits.push({ bus: busIndex.get(label) as number, arrivalH: number('arrival_h'), departureH: number('departure_h'), dischargeAfterKWh: number('discharge_after_kwh') });
  });
  if (visits.length === 0) throw new InputError(source, '', 'at least one visit row');
  const kappa = options.batteryKWh ?? UTA.batteryKWh;
  const buses: BusSpec[] = [...busIndex.keys()].map((id) => ({
    id,
    batteryKWh: kappa,
    initialSocKWh: kappa * (options.initialSocFraction ?? UTA.initialSocFraction),
    minSocKWh: kappa * (options.minSocFraction ?? UTA.minSocFraction),
    finalSocKWh: kappa * (options.finalSocFraction ?? UTA.finalSocFraction),
  }));
  return withRowErrors(source, lineOf, () =>
    buildInstance({
      name: options.name ?? source.replace(/\.csv$/i, ''),
      horizonH: options.horizonH ?? UTA.horizonH,
      buses,
      visits,
      chargers: options.chargers ?? utaChargers(),
      ...(options.costs ? { costs: options.costs } : {}),
    }),
  );
}

const CSV_COLUMN: Record<string, string> = { bus: 'bus', arrivalH: 'arrival_h', departureH: 'departure_h', dischargeAfterKWh: 'discharge_after_kWh' };

/** Rewrites `visits[i].field` in an InputError to the CSV line the visit came from. */
function withRowErrors(source: string, lineOf: readonly number[], build: () => Instance): Instance {
  try {
    return build();
  } catch (error) {
    if (error instanceof InputError) {
      const m = /^visits\[(\d+)\]\.(\w+)$/.exec(error.field);
      if (m) throw new InputError(`${source}:${lineOf[Number(m[1])]} ${CSV_COLUMN[m[2] as string] ?? m[2]}`, error.value, error.expected, { cause: error });
    }
    throw error;
  }
}

/**
 * A JSON instance: `{ name, horizonH, buses: BusSpec[], visits: VisitSpec[], chargers, costs? }`,
 * where a charger entry may carry `count` to stand for that many identical chargers.
 */
export function parseInstanceJson(text: string, source = 'instance.json'): Instance {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(source, text.slice(0, 40), 'valid JSON', { cause: error });
  }
  if (!isObject(data)) throw new InputError(source, data, 'a JSON object');
  const buses = requireArray(data, 'buses');
  const visits = requireArray(data, 'visits');
  const chargerGroups = requireArray(data, 'chargers');
  const chargers: ChargerSpec[] = [];
  chargerGroups.forEach((g, i) => {
    if (!isObject(g)) throw new InputError(`chargers[${i}]`, g, 'an object { type, powerKW, count? }');
    const count = g['count'] ?? 1;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new InputError(`chargers[${i}].count`, count, 'an integer >= 1');
    for (let k = 0; k < count; k++) {
      const id = typeof g['id'] === 'string' && count === 1 ? g['id'] : `${String(g['type'])}-${chargers.filter((c) => c.type === g['type']).length}`;
      chargers.push({ id, type: g['type'] as string, powerKW: g['powerKW'] as number });
    }
  });
  const costs = data['costs'];
  if (costs !== undefined && !isObject(costs)) throw new InputError('costs', costs, 'an object');
  return buildInstance({
    name: typeof data['name'] === 'string' ? data['name'] : source.replace(/\.json$/i, ''),
    horizonH: (data['horizonH'] ?? 24) as number,
    buses: buses.map((b, i) => {
      if (!isObject(b)) throw new InputError(`buses[${i}]`, b, 'an object');
      return { id: String(b['id'] ?? i), batteryKWh: b['batteryKWh'], initialSocKWh: b['initialSocKWh'], minSocKWh: b['minSocKWh'], finalSocKWh: b['finalSocKWh'] } as BusSpec;
    }),
    visits: visits.map((v, i) => {
      if (!isObject(v)) throw new InputError(`visits[${i}]`, v, 'an object');
      return { bus: v['bus'], arrivalH: v['arrivalH'], departureH: v['departureH'], dischargeAfterKWh: v['dischargeAfterKWh'] } as VisitSpec;
    }),
    chargers,
    ...(costs ? { costs: costs as Partial<CostModel> } : {}),
  });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function requireArray(data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key];
  if (!Array.isArray(value)) throw new InputError(key, value, 'an array');
  return value;
}
