import { readFileSync } from 'node:fs';
import { InputError } from '@gridhaul/common';
import { parseChargingCycleJson, type ChargingCycleInstance } from './charging-cycle/instance';
import { CO_OPT_BUS_MAP, parseCoOptFiles, parsePriceCsv, type CoOptCase, type PriceTable } from './coopt/data';
import type { DeliveryInstance } from './delivery/instance';
import { parseDeliveryFiles } from './delivery/parse';

/** The published cases bundled with the package (src/data, see its SOURCE.md). */
export const DELIVERY_CASES = ['7-node', '12-customer'] as const;
export type DeliveryCaseName = (typeof DELIVERY_CASES)[number];
export const CO_OPT_CASES = ['small', 'large'] as const;
export type CoOptCaseName = (typeof CO_OPT_CASES)[number];
/** Stored LMP realisations of the notebooks (cents/kWh in the files). */
export const LMP_REALISATIONS = ['Model1_SmallScale', 'Model3_SmallScale', 'Model3_LargeScale'] as const;
export type LmpRealisation = (typeof LMP_REALISATIONS)[number];

function dataText(path: string): string {
  return readFileSync(new URL(`./data/${path}`, import.meta.url), 'utf8');
}

export function bundledDeliveryCase(name: DeliveryCaseName): DeliveryInstance {
  if (!DELIVERY_CASES.includes(name)) throw new InputError('case', name, DELIVERY_CASES.join(' | '));
  const suffix = name === '7-node' ? '' : '_12_customer';
  const demand = `mess-routing/Customer_demand_data_with_time_window_in_KWH${suffix}.csv`;
  const distance = `mess-routing/Distance_matrix_between_the_nodes${suffix}.csv`;
  return parseDeliveryFiles({
    name,
    demandCsv: dataText(demand),
    distanceCsv: dataText(distance),
    vehiclesJson: dataText('mess-routing/vehicles.json'),
    files: { demand, distance, vehicles: 'mess-routing/vehicles.json' },
  });
}

export function bundledChargingCycle(): ChargingCycleInstance {
  return parseChargingCycleJson(dataText('mess-routing/charging-cycle.json'), 'mess-routing/charging-cycle.json');
}

export function bundledPrices(name: LmpRealisation): PriceTable {
  if (!LMP_REALISATIONS.includes(name)) throw new InputError('prices', name, LMP_REALISATIONS.join(' | '));
  const file = `co-opt-mess/lmp-realisations/lmp_${name}.csv`;
  return parsePriceCsv(dataText(file), `stored LMP realisation ${name}`, file);
}

/** A Co-OPT_MESS network with its stored LMP realisation (Model 3 by default). */
export function bundledCoOptCase(name: CoOptCaseName, prices: LmpRealisation = name === 'small' ? 'Model3_SmallScale' : 'Model3_LargeScale'): CoOptCase {
  if (!CO_OPT_CASES.includes(name)) throw new InputError('case', name, CO_OPT_CASES.join(' | '));
  const small = name === 'small';
  const file = `co-opt-mess/lmp-realisations/lmp_${prices}.csv`;
  return parseCoOptFiles({
    name,
    distanceCsv: dataText(`co-opt-mess/Distance_matrix_between_the_nodes_${small ? '1' : 'LARGE_SCALE'}.csv`),
    terrainCsv: dataText(`co-opt-mess/Road_Terrain_information${small ? '' : '_large_scale'}.csv`),
    trafficCsv: dataText('co-opt-mess/Traffic_Data.csv'),
    vehiclesCsv: dataText('co-opt-mess/Vehicle_datset.csv'),
    demandCsv: dataText(`co-opt-mess/Customer_demand_data_with_time_window_in_KWH_${small ? '1' : 'Large_scale'}.csv`),
    excavatorCsv: dataText(`co-opt-mess/Excavator_details_${small ? '1' : 'LargeScale'}.csv`),
    lmpCsv: dataText(file),
    lmpSource: `stored LMP realisation ${prices}`,
    busMap: small ? CO_OPT_BUS_MAP.small : CO_OPT_BUS_MAP.large,
  });
}
