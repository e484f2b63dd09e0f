import { InputError } from '@gridhaul/common';
import { parseCsv, type CsvRow } from '@gridhaul/routing';
import { createDeliveryInstance, type DeliveryInstance, type DeliveryNode, type DeliveryParameters, type DeliveryVehicle } from './instance';

/** Texts of the three files of a delivery case (the shared data's CSV exports and vehicles.json). */
export interface DeliveryFiles {
  name: string;
  /** `Customer_demand_data_with_time_window_in_KWH*.csv`. */
  demandCsv: string;
  /** `Distance_matrix_between_the_nodes*.csv` (header row of names, first column = row label). */
  distanceCsv: string;
  /** `vehicles.json` (fleet and `global_parameters`). */
  vehiclesJson: string;
  files?: { demand?: string; distance?: string; vehicles?: string };
}

export function parseDeliveryFiles(input: DeliveryFiles): DeliveryInstance {
  const demandFile = input.files?.demand ?? 'demand.csv';
  const distanceFile = input.files?.distance ?? 'distance.csv';
  const vehiclesFile = input.files?.vehicles ?? 'vehicles.json';
  const nodes = parseDemand(input.demandCsv, demandFile);
  const distanceKm = parseDistances(input.distanceCsv, distanceFile, nodes.length);
  const { vehicles, params } = parseVehicles(input.vehiclesJson, vehiclesFile);
  return createDeliveryInstance({ name: input.name, nodes, distanceKm, vehicles, params });
}

function cellNumber(file: string, row: CsvRow, col: number, column: string, allowBlank = false): number {
  const raw = (row.cells[col] ?? '').trim();
  if (raw === '' && allowBlank) return NaN;
  const v = Number(raw);
  if (raw === '' || !Number.isFinite(v)) throw new InputError(`${file}:${row.line} ${column}`, row.cells[col], 'a number');
  return v;
}

const DEMAND_HEADER = ['Customers', 'Requirement of KWH', 'Present KWH', 'Present SOC', 'StartTime', 'EndTime'];

function parseDemand(text: string, file: string): DeliveryNode[] {
  const rows = parseCsv(text, file);
  const header = rows[0]?.cells.map((c) => c.trim()) ?? [];
  DEMAND_HEADER.forEach((h, i) => {
    if (header[i] !== h) throw new InputError(`${file}:1 column ${i + 1}`, header[i], `"${h}"`);
  });
  if (rows.length < 3) throw new InputError(file, rows.length - 1, 'a depot row and at least one site row');
  return rows.slice(1).map((row, id) => {
    const name = (row.cells[0] ?? '').trim();
    const requirementKWh = cellNumber(file, row, 1, 'Requirement of KWH');
    const presentKWh = cellNumber(file, row, 2, 'Present KWH');
    if (id === 0) return { id, name, requirementKWh, presentKWh, socPct: NaN, windowStartH: NaN, windowEndH: NaN };
    return {
      id,
      name,
      requirementKWh,
      presentKWh,
      socPct: cellNumber(file, row, 3, 'Present SOC'),
      windowStartH: cellNumber(file, row, 4, 'StartTime'),
      windowEndH: cellNumber(file, row, 5, 'EndTime'),
    };
  });
}

function parseDistances(text: string, file: string, n: number): number[][] {
  const rows = parseCsv(text, file);
  if (rows.length - 1 !== n) throw new InputError(file, rows.length - 1, `${n} rows (one per node of the demand file)`);
  return rows.slice(1).map((row, i) => {
    if (row.cells.length !== n + 1) throw new InputError(`${file}:${row.line}`, row.cells.length, `${n + 1} cells`);
    return Array.from({ length: n }, (_, j) => {
      const d = cellNumber(file, row, j + 1, `column ${j + 2}`);
      if (d < 0) throw new InputError(`${file}:${row.line} column ${j + 2}`, d, 'a distance >= 0 km');
      if (i === j && d !== 0) throw new InputError(`${file}:${row.line} column ${j + 2}`, d, '0 on the diagonal');
      return d;
    });
  });
}

interface VehiclesJson {
  vehicles?: unknown;
  global_parameters?: Record<string, unknown>;
}

function parseVehicles(text: string, file: string): { vehicles: DeliveryVehicle[]; params: DeliveryParameters } {
  let json: VehiclesJson;
  try {
    json = JSON.parse(text) as VehiclesJson;
  } catch (error) {
    throw new InputError(file, text.slice(0, 40), 'JSON text', { cause: error });
  }
  if (!Array.isArray(json.vehicles)) throw new InputError(`${file}: vehicles`, json.vehicles, 'an array of vehicles');
  const vehicles = (json.vehicles as Record<string, unknown>[]).map((v, k) => ({
    id: num(file, `vehicles[${k}].id`, v['id']),
    type: String(v['type'] ?? ''),
    capacityKWh: num(file, `vehicles[${k}].capacity_kWh`, v['capacity_kWh']),
    speedKmh: num(file, `vehicles[${k}].speed_kmh`, v['speed_kmh']),
    fuelCostPerKm: num(file, `vehicles[${k}].fuel_cost_per_km`, v['fuel_cost_per_km']),
    hourlyWage: num(file, `vehicles[${k}].hourly_wage`, v['hourly_wage']),
  }));
  const g = json.global_parameters;
  if (g === undefined || typeof g !== 'object') throw new InputError(`${file}: global_parameters`, g, 'an object');
  const gp = (key: string): number => num(file, `global_parameters.${key}`, g[key]);
  const serviceTimeH = gp('service_time_h');
  const params: DeliveryParameters = {
    tollPerLeg: gp('road_toll_NOK_per_leg'),
    maintenancePerKm: gp('vehicle_maintenance_cost_NOK_per_km'),
    serviceTimeH,
    depotLoadingTimeH: g['depot_loading_time_h'] === undefined ? serviceTimeH : gp('depot_loading_time_h'),
    clusterRadiusKm: gp('cluster_max_radius_km'),
    shiftStartH: gp('shift_start_h'),
    socDecayPctPerH: gp('soc_decay_pct_per_h'),
    pickupSocThresholdPct: gp('pickup_soc_threshold_pct'),
    deliveryRoundingKWh: gp('delivery_rounding_kWh'),
  };
  if (g['depot_node'] !== undefined && g['depot_node'] !== 0) throw new InputError(`${file}: global_parameters.depot_node`, g['depot_node'], '0 (the first row of the demand file)');
  return { vehicles, params };
}

function num(file: string, field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${file}: ${field}`, v, 'a finite number');
  return v;
}
