import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '@gridhaul/common';
import { bundledChargingCycle, bundledCoOptCase, bundledDeliveryCase, CO_OPT_CASES, DELIVERY_CASES, type CoOptCaseName, type DeliveryCaseName } from './bundled';
import { parseChargingCycleJson, type ChargingCycleInstance } from './charging-cycle/instance';
import { CO_OPT_BUS_MAP, parseCoOptFiles, type CoOptCase } from './coopt/data';
import type { DeliveryInstance } from './delivery/instance';
import { parseDeliveryFiles } from './delivery/parse';

function text(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(what, path, `a readable file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** First existing file among candidates inside dir (the shared data's names, in csv/ or flat). */
function find(dir: string, names: readonly string[], what: string): string {
  for (const n of names) for (const p of [join(dir, n), join(dir, 'csv', n)]) if (existsSync(p)) return p;
  throw new InputError(what, dir, `a folder holding ${names.join(' or ')}`);
}

function scenario(path: string): { dir: string; json: Record<string, unknown> } {
  const json = JSON.parse(text(path, 'scenario')) as Record<string, unknown>;
  return { dir: dirname(resolve(path)), json };
}

const field = (s: { dir: string; json: Record<string, unknown> }, key: string): string => {
  const v = s.json[key];
  if (typeof v !== 'string') throw new InputError(`scenario.${key}`, v, 'a file path (relative to the scenario file)');
  return resolve(s.dir, v);
};

/**
 * A delivery case: a bundled name ('7-node', '12-customer'), a folder with the shared data's files
 * (Customer_demand_data_with_time_window_in_KWH*.csv, Distance_matrix_between_the_nodes*.csv,
 * vehicles.json), or a scenario JSON {"demand", "distances", "vehicles"} with paths.
 */
export function readDeliveryData(source: string): DeliveryInstance {
  if ((DELIVERY_CASES as readonly string[]).includes(source)) return bundledDeliveryCase(source as DeliveryCaseName);
  if (existsSync(source) && statSync(source).isDirectory()) {
    const twelve = existsSync(join(source, 'csv', 'Customer_demand_data_with_time_window_in_KWH_12_customer.csv')) && !existsSync(join(source, 'csv', 'Customer_demand_data_with_time_window_in_KWH.csv'));
    const suffix = twelve ? '_12_customer' : '';
    const demand = find(source, [`Customer_demand_data_with_time_window_in_KWH${suffix}.csv`], 'data');
    const distance = find(source, [`Distance_matrix_between_the_nodes${suffix}.csv`], 'data');
    const vehicles = find(source, ['vehicles.json'], 'data');
    return parseDeliveryFiles({ name: source, demandCsv: text(demand, 'demand'), distanceCsv: text(distance, 'distances'), vehiclesJson: text(vehicles, 'vehicles'), files: { demand, distance, vehicles } });
  }
  if (!existsSync(source)) throw new InputError('data', source, `${DELIVERY_CASES.join(' | ')}, a folder with the shared CSVs and vehicles.json, or a scenario JSON file`);
  const s = scenario(source);
  const demand = field(s, 'demand');
  const distance = field(s, 'distances');
  const vehicles = field(s, 'vehicles');
  return parseDeliveryFiles({ name: String(s.json['name'] ?? source), demandCsv: text(demand, 'demand'), distanceCsv: text(distance, 'distances'), vehiclesJson: text(vehicles, 'vehicles'), files: { demand, distance, vehicles } });
}

/** The charging cycle: 'skagerak' (bundled), a folder with charging-cycle.json, or that file. */
export function readChargingCycleData(source: string): ChargingCycleInstance {
  if (source === 'skagerak') return bundledChargingCycle();
  if (!existsSync(source)) throw new InputError('data', source, "'skagerak', a folder with charging-cycle.json, or that file");
  const path = existsSync(source) && statSync(source).isDirectory() ? find(source, ['charging-cycle.json'], 'data') : source;
  return parseChargingCycleJson(text(path, 'data'), path);
}

/**
 * A co-optimization case: 'small' / 'large' (bundled, with the stored Model-3 LMP realisation), or
 * a scenario JSON {"distance", "terrain", "traffic", "vehicles", "demand", "excavators", "lmp",
 * "busMap": {"1": 6, ...}} with paths to files in the shared data's formats.
 */
export function readCoOptData(source: string): CoOptCase {
  if ((CO_OPT_CASES as readonly string[]).includes(source)) return bundledCoOptCase(source as CoOptCaseName);
  if (!existsSync(source)) throw new InputError('data', source, `${CO_OPT_CASES.join(' | ')} or a scenario JSON file`);
  const s = scenario(source);
  const busMap = (s.json['busMap'] ?? CO_OPT_BUS_MAP.large) as Record<string, number>;
  return parseCoOptFiles({
    name: String(s.json['name'] ?? source),
    distanceCsv: text(field(s, 'distance'), 'distance'),
    terrainCsv: text(field(s, 'terrain'), 'terrain'),
    trafficCsv: text(field(s, 'traffic'), 'traffic'),
    vehiclesCsv: text(field(s, 'vehicles'), 'vehicles'),
    demandCsv: text(field(s, 'demand'), 'demand'),
    excavatorCsv: text(field(s, 'excavators'), 'excavators'),
    lmpCsv: text(field(s, 'lmp'), 'lmp'),
    lmpSource: field(s, 'lmp'),
    busMap: Object.fromEntries(Object.entries(busMap).map(([k, v]) => [Number(k), v])),
  });
}
