import { InputError } from '@gridhaul/common';
import { csvNumber, parseCsv } from './csv';

/** Traffic intensity index (speed multiplier) of one zone in the two time segments of the data set. */
export interface CoOptZoneIndex {
  /** 07:00–12:00 ("Morning Peak"). */
  readonly morning: number;
  /** Any other time ("Evening Peak"). */
  readonly evening: number;
}

/**
 * A Co-OPT_MESS network (7-node or 16-node): node 0 is the depot. Distances are as in the CSV
 * (row = from, column = to; the large matrix is asymmetric), null where the CSV has -1.
 */
export interface CoOptNetwork {
  readonly nodeIds: readonly number[];
  readonly names: readonly string[];
  readonly distanceKm: readonly (readonly (number | null)[])[];
  /** Arc grade (%) as the notebooks fill it: each listed arc, its reverse negated, 0 elsewhere. */
  readonly gradePercent: readonly (readonly number[])[];
  /** Zones 1, 2, 3 at indices 0, 1, 2. */
  readonly trafficIndex: readonly CoOptZoneIndex[];
}

/** The data set's trucks (Vehicle_datset.csv). */
export interface CoOptTruck {
  readonly id: number;
  readonly type: string;
  readonly capacityKWh: number;
  /** "Average speed" (km/h), multiplied by the zone's traffic index. */
  readonly speedKmh: number;
  readonly energyPerKmKWh: number;
  readonly wageUsdPerH: number;
  readonly massKg: number;
  /** a_k: auxiliary energy per leg (kWh). */
  readonly auxPerLegKWh: number;
}

export interface CoOptDistanceMatrix {
  readonly nodeIds: number[];
  readonly names: string[];
  readonly distanceKm: (number | null)[][];
}

/** `Distance matrix between the nodes_*.csv`: header `Node,<names>`, rows `<id>,<km>...`, -1 = no road. */
export function parseCoOptDistanceCsv(text: string, file = 'distance.csv'): CoOptDistanceMatrix {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (header === undefined || header.cells.length < 2) throw new InputError(`${file}:1`, header?.cells, 'a header "Node,<node names>"');
  const names = header.cells.slice(1).map((s) => s.trim());
  const n = names.length;
  if (rows.length - 1 !== n) throw new InputError(`${file}`, rows.length - 1, `${n} rows, one per column`);
  const distanceKm: (number | null)[][] = [];
  const nodeIds: number[] = [];
  rows.slice(1).forEach((row, i) => {
    if (row.cells.length !== n + 1) throw new InputError(`${file}:${row.line}`, row.cells.length, `${n + 1} cells`);
    const id = csvNumber(file, row, 0, 'Node');
    if (id !== i) throw new InputError(`${file}:${row.line} Node`, id, `node ${i} (rows in order 0..${n - 1})`);
    nodeIds.push(id);
    distanceKm.push(
      names.map((name, j) => {
        const d = csvNumber(file, row, j + 1, name);
        if (d === -1) {
          if (i === j) throw new InputError(`${file}:${row.line} ${name}`, d, '0 on the diagonal');
          return null;
        }
        if (d < 0 || (i === j && d !== 0)) throw new InputError(`${file}:${row.line} ${name}`, d, i === j ? '0 on the diagonal' : 'a distance >= 0 km, or -1 for no road');
        return d;
      }),
    );
  });
  return { nodeIds, names, distanceKm };
}

/**
 * `Road Terrain information*.csv` (`Node From,Node To,Gradient (%)`), filled like the notebooks:
 * row by row, grade[from][to] = g and grade[to][from] = -g; arcs not listed keep 0.
 */
export function parseCoOptGradeCsv(text: string, nodeCount: number, file = 'terrain.csv'): number[][] {
  const rows = parseCsv(text, file);
  const grade = Array.from({ length: nodeCount }, () => new Array<number>(nodeCount).fill(0));
  for (const row of rows.slice(1)) {
    const from = csvNumber(file, row, 0, 'Node From');
    const to = csvNumber(file, row, 1, 'Node To');
    const g = csvNumber(file, row, 2, 'Gradient (%)');
    for (const [col, v] of [
      ['Node From', from],
      ['Node To', to],
    ] as const) {
      if (!Number.isInteger(v) || v < 0 || v >= nodeCount) throw new InputError(`${file}:${row.line} ${col}`, v, `a node id in 0..${nodeCount - 1}`);
    }
    if (Math.abs(g) > 100) throw new InputError(`${file}:${row.line} Gradient (%)`, g, 'a grade within ±100 %');
    (grade[from] as number[])[to] = g;
    (grade[to] as number[])[from] = -g;
  }
  return grade;
}

/** `Traffic Data.csv` (`Zone ID,Time Segment,Traffic Intensity Index`) for zones 1..3. */
export function parseCoOptTrafficCsv(text: string, file = 'traffic.csv'): CoOptZoneIndex[] {
  const rows = parseCsv(text, file);
  const zones = new Map<number, { morning?: number; evening?: number }>();
  for (const row of rows.slice(1)) {
    const zone = csvNumber(file, row, 0, 'Zone ID');
    const segment = (row.cells[1] ?? '').trim();
    const index = csvNumber(file, row, 2, 'Traffic Intensity Index');
    if (!(index > 0)) throw new InputError(`${file}:${row.line} Traffic Intensity Index`, index, 'a multiplier > 0');
    const entry = zones.get(zone) ?? {};
    if (segment === 'Morning Peak') entry.morning = index;
    else if (segment === 'Evening Peak') entry.evening = index;
    else throw new InputError(`${file}:${row.line} Time Segment`, segment, "'Morning Peak' or 'Evening Peak'");
    zones.set(zone, entry);
  }
  return [1, 2, 3].map((z) => {
    const e = zones.get(z);
    if (e?.morning === undefined || e.evening === undefined) throw new InputError(`${file} zone ${z}`, e, 'a Morning Peak and an Evening Peak index');
    return { morning: e.morning, evening: e.evening };
  });
}

/** `Vehicle_datset.csv`. */
export function parseCoOptTrucksCsv(text: string, file = 'vehicles.csv'): CoOptTruck[] {
  const rows = parseCsv(text, file);
  return rows.slice(1).map((row) => ({
    id: csvNumber(file, row, 0, 'Vehicle ID'),
    type: (row.cells[1] ?? '').trim(),
    capacityKWh: positive(file, row.line, 'Capacity (KWh)', csvNumber(file, row, 2, 'Capacity (KWh)')),
    speedKmh: positive(file, row.line, 'Average speed', csvNumber(file, row, 3, 'Average speed')),
    energyPerKmKWh: csvNumber(file, row, 4, 'Consumption (KWh per KM)'),
    wageUsdPerH: csvNumber(file, row, 5, 'Driver wages (hourly)'),
    massKg: positive(file, row.line, 'Mass (kg)', csvNumber(file, row, 6, 'Mass (kg)')),
    auxPerLegKWh: csvNumber(file, row, 7, 'A_K'),
  }));
}

function positive(file: string, line: number, column: string, v: number): number {
  if (!(v > 0)) throw new InputError(`${file}:${line} ${column}`, v, 'a number > 0');
  return v;
}

/** A whole network from the three CSV texts of the data set. */
export function coOptNetworkFromCsv(csv: { distance: string; terrain: string; traffic: string }): CoOptNetwork {
  const matrix = parseCoOptDistanceCsv(csv.distance);
  return {
    nodeIds: matrix.nodeIds,
    names: matrix.names,
    distanceKm: matrix.distanceKm,
    gradePercent: parseCoOptGradeCsv(csv.terrain, matrix.nodeIds.length),
    trafficIndex: parseCoOptTrafficCsv(csv.traffic),
  };
}
