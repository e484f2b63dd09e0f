import { InputError } from '@gridhaul/common';
import type { ChargerSpec, CostModel, Instance, VisitSpec } from './instance';
import { buildInstance } from './instance';

/**
 * The Utah Transit Authority case of Brown, Droge & Gunther (Front. Energy Res. 12, 2024) and
 * Brown & Droge (Future Transp. 4(3), 2024): 35 of the 59 blocks of `routes.csv`, 388 kWh buses
 * starting at 90 %, 15 slow (30 kW) and 15 fast (910.95 kW) chargers, 32.4 kW average discharge.
 */
export const UTA = {
  ignoredRows: rangeInclusive(27, 50),
  batteryKWh: 388,
  initialSocFraction: 0.9,
  /** Frontiers 2024 (ν = 20 %); the SA paper and thesis use 25 %. */
  minSocFraction: 0.2,
  /** β = 70 % of the papers (the SA code does not enforce it). */
  finalSocFraction: 0.7,
  dischargeKW: 32.4,
  slow: { count: 15, powerKW: 30 },
  fast: { count: 15, powerKW: 910.95 },
  horizonH: 24,
} as const;

/** One row of Brown's `routes.csv`: a block id and the intervals (s) the bus is away on route. */
export interface RouteRow {
  readonly id: number;
  readonly routesS: readonly (readonly [number, number])[];
}

/**
 * Parses Brown's raw format: header `ID, BEG, END, BEG, END, …`, then one ragged row per block with
 * the `BEG, END` pairs in seconds from midnight.
 */
export function parseRoutesCsv(text: string, source = 'routes.csv'): RouteRow[] {
  const lines = text.split(/\r?\n/);
  const rows: RouteRow[] = [];
  lines.forEach((line, k) => {
    if (k === 0 || line.trim() === '') return;
    const cells = line.split(',').map((c) => c.trim()).filter((c) => c !== '');
    const values = cells.map(Number);
    values.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new InputError(`${source}:${k + 1} column ${j + 1}`, cells[j], 'a number');
    });
    const [id, ...times] = values;
    if (id === undefined || !Number.isInteger(id)) throw new InputError(`${source}:${k + 1} ID`, cells[0], 'an integer block id');
    if (times.length === 0 || times.length % 2 !== 0) throw new InputError(`${source}:${k + 1}`, times.length, 'a non-zero, even number of BEG, END values');
    const routesS: [number, number][] = [];
    for (let j = 0; j < times.length; j += 2) {
      const beg = times[j] as number;
      const end = times[j + 1] as number;
      const prevEnd = j === 0 ? -Infinity : (times[j - 1] as number);
      if (end < beg || beg < prevEnd) throw new InputError(`${source}:${k + 1} pair ${j / 2 + 1}`, [beg, end], 'BEG <= END and BEG >= the previous END');
      routesS.push([beg, end]);
    }
    rows.push({ id, routesS });
  });
  return rows;
}

/**
 * Brown's route→visit conversion (notes/beb-charging.md §2.2): a bus is at the depot before its
 * first route, between consecutive routes and after its last route until the end of the day; each
 * visit is followed by the next route, which uses `dischargeKW` × its duration. The first route
 * starts at 00:00 in the UTA data, so the first visit has zero length (kept, as in the papers).
 */
export function visitsFromRoutes(rows: readonly RouteRow[], options: { dischargeKW: number; horizonH: number }): { busIds: string[]; visits: VisitSpec[] } {
  const visits: VisitSpec[] = [];
  const busIds: string[] = [];
  rows.forEach((row, bus) => {
    busIds.push(String(row.id));
    const routes = row.routesS.map(([b, e]) => [b / 3600, e / 3600] as const);
    let atDepotSince = 0;
    for (const [beg, end] of routes) {
      visits.push({ bus, arrivalH: atDepotSince, departureH: beg, dischargeAfterKWh: round9(options.dischargeKW * (end - beg)) });
      atDepotSince = end;
    }
    if (atDepotSince < options.horizonH) visits.push({ bus, arrivalH: atDepotSince, departureH: options.horizonH, dischargeAfterKWh: 0 });
  });
  return { busIds, visits };
}

export interface UtaOptions {
  readonly minSocFraction?: number;
  readonly finalSocFraction?: number;
  readonly initialSocFraction?: number;
  readonly costs?: Partial<CostModel>;
  /** Source row ids to leave out; default rows 27–50, the published 35-bus case. */
  readonly ignoredRows?: readonly number[];
}

/** The UTA instance from the text of Brown's `routes.csv`. */
export function utaInstance(routesCsv: string, options: UtaOptions = {}): Instance {
  const ignored = new Set(options.ignoredRows ?? UTA.ignoredRows);
  const rows = parseRoutesCsv(routesCsv).filter((r) => !ignored.has(r.id));
  const { busIds, visits } = visitsFromRoutes(rows, { dischargeKW: UTA.dischargeKW, horizonH: UTA.horizonH });
  const kappa = UTA.batteryKWh;
  const bus = {
    batteryKWh: kappa,
    initialSocKWh: kappa * (options.initialSocFraction ?? UTA.initialSocFraction),
    minSocKWh: kappa * (options.minSocFraction ?? UTA.minSocFraction),
    finalSocKWh: kappa * (options.finalSocFraction ?? UTA.finalSocFraction),
  };
  return buildInstance({
    name: 'uta-35bus',
    horizonH: UTA.horizonH,
    buses: busIds.map((id) => ({ id, ...bus })),
    visits,
    chargers: utaChargers(),
    ...(options.costs ? { costs: options.costs } : {}),
  });
}

/** 15 slow then 15 fast chargers, numbered as in Brown's result files (0–14 slow, 15–29 fast). */
export function utaChargers(): ChargerSpec[] {
  const slow = Array.from({ length: UTA.slow.count }, (_, i) => ({ id: `slow-${i}`, type: 'slow', powerKW: UTA.slow.powerKW }));
  const fast = Array.from({ length: UTA.fast.count }, (_, i) => ({ id: `fast-${i}`, type: 'fast', powerKW: UTA.fast.powerKW }));
  return [...slow, ...fast];
}

function rangeInclusive(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
