import { InputError } from '@gridhaul/common';
import { coOptNetworkFromCsv, parseCoOptTrucksCsv, parseCsv, type CoOptNetwork, type CoOptTruck, type CsvRow } from '@gridhaul/routing';

export interface CoOptExcavator {
  readonly batteryKWh: number;
  readonly consumptionKWhPerH: number;
}

/** A construction site of the Co-OPT_MESS data: its MESS feeds the site's excavators. */
export interface CoOptSite {
  readonly node: number;
  readonly name: string;
  readonly messCapacityKWh: number;
  readonly initialSocPct: number;
  readonly windowStartH: number;
  readonly windowEndH: number;
  readonly excavators: readonly CoOptExcavator[];
}

/** Hourly prices per bus (USD/kWh), hour 0..23. */
export interface PriceTable {
  readonly source: string;
  readonly buses: readonly number[];
  /** usdPerKWh[b][h] for buses[b] and hour h. */
  readonly usdPerKWh: readonly (readonly number[])[];
}

export interface CoOptCase {
  readonly name: string;
  readonly network: CoOptNetwork;
  readonly trucks: readonly CoOptTruck[];
  /** Charging sites and the grid bus each one buys from. */
  readonly chargingSites: readonly { readonly node: number; readonly bus: number }[];
  readonly sites: readonly CoOptSite[];
  readonly prices: PriceTable;
}

/**
 * Charging-site → bus maps of the notebooks (`get_charging_cost`): small {1→6, 3→10},
 * large {1→6, 3→6, 7→10, 10→10, 13→11} (shared/notes/co-opt-mess.md §2.4).
 */
export const CO_OPT_BUS_MAP = Object.freeze({
  small: Object.freeze({ 1: 6, 3: 10 }) as Readonly<Record<number, number>>,
  large: Object.freeze({ 1: 6, 3: 6, 7: 10, 10: 10, 13: 11 }) as Readonly<Record<number, number>>,
});

export interface CoOptFiles {
  name: string;
  distanceCsv: string;
  terrainCsv: string;
  trafficCsv: string;
  vehiclesCsv: string;
  demandCsv: string;
  excavatorCsv: string;
  lmpCsv: string;
  lmpSource: string;
  busMap: Readonly<Record<number, number>>;
}

export function parseCoOptFiles(f: CoOptFiles): CoOptCase {
  const network = coOptNetworkFromCsv({ distance: f.distanceCsv, terrain: f.terrainCsv, traffic: f.trafficCsv });
  const trucks = parseCoOptTrucksCsv(f.vehiclesCsv);
  const sites = parseSites(f.demandCsv, f.excavatorCsv, network);
  const prices = parsePriceCsv(f.lmpCsv, f.lmpSource);
  const chargingSites = network.names
    .map((name, node) => ({ name, node }))
    .filter((x) => /^charging site/i.test(x.name))
    .map(({ node }) => {
      const bus = f.busMap[node];
      if (bus === undefined) throw new InputError(`busMap[${node}]`, bus, `a bus for charging site ${node}`);
      if (!prices.buses.includes(bus)) throw new InputError(`busMap[${node}]`, bus, `a bus of the price table (${prices.buses.join(', ')})`);
      return { node, bus };
    });
  if (chargingSites.length === 0) throw new InputError('distanceCsv', network.names, 'at least one node named "Charging site ..."');
  return createCoOptCase({ name: f.name, network, trucks, chargingSites, sites, prices });
}

export function createCoOptCase(c: CoOptCase): CoOptCase {
  const n = c.network.nodeIds.length;
  const seen = new Set<number>();
  c.sites.forEach((s, i) => {
    if (!Number.isInteger(s.node) || s.node <= 0 || s.node >= n) throw new InputError(`sites[${i}].node`, s.node, `a node id in 1..${n - 1}`);
    if (seen.has(s.node)) throw new InputError(`sites[${i}].node`, s.node, 'a node listed once');
    seen.add(s.node);
    if (!(s.messCapacityKWh > 0)) throw new InputError(`sites[${i}].messCapacityKWh`, s.messCapacityKWh, 'a capacity > 0 kWh');
    if (!(s.windowEndH > s.windowStartH)) throw new InputError(`sites[${i}].windowEndH`, s.windowEndH, `> windowStartH ${s.windowStartH}`);
  });
  c.chargingSites.forEach((cs, i) => {
    if (seen.has(cs.node) || cs.node <= 0 || cs.node >= n) throw new InputError(`chargingSites[${i}].node`, cs.node, 'a node that is neither the depot nor a construction site');
  });
  if (c.trucks.length === 0) throw new InputError('trucks', c.trucks, 'at least one truck');
  c.prices.usdPerKWh.forEach((row, b) => {
    if (row.length !== 24) throw new InputError(`prices.usdPerKWh[${b}]`, row.length, '24 hourly prices');
    row.forEach((p, h) => {
      if (!Number.isFinite(p)) throw new InputError(`prices.usdPerKWh[${b}][${h}]`, p, 'a finite price');
    });
  });
  return Object.freeze({ ...c });
}

function num(file: string, row: CsvRow, col: number, column: string): number {
  const raw = (row.cells[col] ?? '').trim();
  const v = Number(raw);
  if (raw === '' || !Number.isFinite(v)) throw new InputError(`${file}:${row.line} ${column}`, row.cells[col], 'a number');
  return v;
}

function parseSites(demandCsv: string, excavatorCsv: string, network: CoOptNetwork): CoOptSite[] {
  const dFile = 'demand.csv';
  const eFile = 'excavators.csv';
  const excavators = new Map<number, CoOptExcavator[]>();
  for (const row of parseCsv(excavatorCsv, eFile).slice(1)) {
    const node = num(eFile, row, 0, 'Node');
    const count = num(eFile, row, 2, 'No of Excavator');
    const list: CoOptExcavator[] = [];
    for (let k = 0; k < count; k++) {
      const col = 3 + 2 * k;
      if (row.cells[col] === undefined) throw new InputError(`${eFile}:${row.line}`, row.cells.length, `columns for ${count} excavators`);
      list.push({ batteryKWh: num(eFile, row, col, `Capacity of the excavator ${k + 1}`), consumptionKWhPerH: num(eFile, row, col + 1, `Consumption of excavator ${k + 1}`) });
    }
    excavators.set(node, list);
  }
  return parseCsv(demandCsv, dFile)
    .slice(1)
    .map((row) => {
      const node = num(dFile, row, 0, 'Node');
      if (node <= 0 || node >= network.nodeIds.length) throw new InputError(`${dFile}:${row.line} Node`, node, `a node of the distance matrix (1..${network.nodeIds.length - 1})`);
      const ex = excavators.get(node);
      if (ex === undefined) throw new InputError(`${eFile}`, node, `a row for construction site ${node}`);
      return {
        node,
        name: (row.cells[1] ?? '').trim(),
        messCapacityKWh: num(dFile, row, 2, 'Requirement of KWH'),
        initialSocPct: num(dFile, row, 4, 'Present SOC'),
        windowStartH: num(dFile, row, 5, 'StartTime'),
        windowEndH: num(dFile, row, 6, 'EndTime'),
        excavators: ex,
      };
    });
}

/** `lmp_*.csv` (`hour,bus,lmp_cents_per_kWh`) → USD/kWh per bus and hour. */
export function parsePriceCsv(text: string, source: string, file = 'lmp.csv'): PriceTable {
  const byBus = new Map<number, number[]>();
  for (const row of parseCsv(text, file).slice(1)) {
    const hour = num(file, row, 0, 'hour');
    const bus = num(file, row, 1, 'bus');
    const cents = num(file, row, 2, 'lmp_cents_per_kWh');
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new InputError(`${file}:${row.line} hour`, hour, 'an hour 0..23');
    const list = byBus.get(bus) ?? new Array<number>(24).fill(NaN);
    list[hour] = cents / 100;
    byBus.set(bus, list);
  }
  const buses = [...byBus.keys()].sort((a, b) => a - b);
  const usdPerKWh = buses.map((b) => {
    const list = byBus.get(b) as number[];
    const missing = list.findIndex((p) => Number.isNaN(p));
    if (missing >= 0) throw new InputError(`${file} bus ${b}`, missing, 'a price for every hour 0..23');
    return list;
  });
  return { source, buses, usdPerKWh };
}

/** Price (USD/kWh) at a bus for the hour containing clock time t (h); hours past 24 wrap. */
export function priceAt(prices: PriceTable, bus: number, timeH: number): number {
  const b = prices.buses.indexOf(bus);
  if (b < 0) throw new InputError('bus', bus, `a bus of the price table (${prices.buses.join(', ')})`);
  return prices.usdPerKWh[b]![Math.floor(timeH) % 24] as number;
}
