import { InputError } from '@gridhaul/common';

/** One row of Erdelić et al. (2022)'s EVRPTW-PR best-known solutions (`bks-evrptwpr.csv`, tab-separated). */
export interface BestKnownSolution {
  /** Instance name in lower case, e.g. `c101` (the file is `c101_21.txt`). */
  readonly instance: string;
  readonly vehicles: number;
  /** Total distance, distance units. */
  readonly distance: number;
  /** Node ids of each route, depot first and last. */
  readonly routes: readonly (readonly string[])[];
}

export function parseBestKnownSolutions(text: string, source = 'bks-evrptwpr.csv'): BestKnownSolution[] {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new InputError(`${source}:1`, header.join(','), `a column ${name}`);
    return i;
  };
  const [iName, iVeh, iDist, iConf] = [col('INSTANCE'), col('NUM_VEHICLES'), col('TOTAL_DISTANCE'), col('CONFIGURATION')];
  return lines.slice(1).map((line, k) => {
    const cells = line.split('\t');
    const where = `${source}:${k + 2}`;
    const vehicles = Number(cells[iVeh]);
    const distance = Number(cells[iDist]);
    if (!Number.isInteger(vehicles) || vehicles <= 0) throw new InputError(`${where} (NUM_VEHICLES)`, cells[iVeh], 'a positive integer');
    if (!Number.isFinite(distance)) throw new InputError(`${where} (TOTAL_DISTANCE)`, cells[iDist], 'a number');
    return { instance: (cells[iName] ?? '').toLowerCase(), vehicles, distance, routes: splitRoutes(cells[iConf] ?? '', `${where} (CONFIGURATION)`) };
  });
}

/** `D0;C1;C2;D0;D0;C3;D0` → [[D0,C1,C2,D0],[D0,C3,D0]]. */
function splitRoutes(configuration: string, where: string): string[][] {
  const ids = configuration.split(';').filter((s) => s !== '');
  const routes: string[][] = [];
  let current: string[] | null = null;
  for (const id of ids) {
    if (current === null) {
      if (id !== 'D0') throw new InputError(where, id, 'each route starting at D0');
      current = [id];
    } else {
      current.push(id);
      if (id === 'D0') {
        routes.push(current);
        current = null;
      }
    }
  }
  if (current !== null) throw new InputError(where, current.join(';'), 'each route ending at D0');
  return routes;
}

/** Per-instance best values of a published table (`schiffer.csv`: Instance,k,Best,...; `routing-blocks.csv`: instance,...,cost,...,k). */
export interface PublishedValue {
  readonly instance: string;
  readonly vehicles: number;
  /** Total distance, distance units. */
  readonly distance: number;
}

export function parsePublishedTable(text: string, source: string): PublishedValue[] {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.toLowerCase());
  const find = (...names: string[]): number => {
    const i = header.findIndex((h) => names.includes(h));
    if (i < 0) throw new InputError(`${source}:1`, header.join(','), `a column ${names.join(' or ')}`);
    return i;
  };
  const [iName, iVeh, iDist] = [find('instance'), find('k'), find('best', 'cost')];
  return lines.slice(1).map((line, k) => {
    const cells = line.split(',');
    const vehicles = Number(cells[iVeh]);
    const distance = Number(cells[iDist]);
    if (!Number.isFinite(vehicles) || !Number.isFinite(distance)) throw new InputError(`${source}:${k + 2}`, line, 'numeric k and distance');
    return { instance: (cells[iName] ?? '').toLowerCase(), vehicles, distance };
  });
}
