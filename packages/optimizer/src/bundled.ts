import { readFileSync } from 'node:fs';
import { InputError } from '@gridhaul/common';
import { CO_OPT_LMP_REALISATIONS, CO_OPT_NETWORKS, coOptDataText, coOptLmpText, type CoOptLmpRealisation, type CoOptNetworkName } from '@gridhaul/datasets';
import { parseChargingCycleJson, type ChargingCycleInstance } from './charging-cycle/instance';
import { CO_OPT_BUS_MAP, parseCoOptFiles, parsePriceCsv, type CoOptCase, type PriceTable } from './coopt/data';
import type { DeliveryInstance } from './delivery/instance';
import { parseDeliveryFiles } from './delivery/parse';

/** The published delivery cases bundled with the package (src/data, see its SOURCE.md). */
export const DELIVERY_CASES = ['7-node', '12-customer'] as const;
export type DeliveryCaseName = (typeof DELIVERY_CASES)[number];
/** The Co-OPT_MESS networks and stored LMP realisations (cents/kWh) of @gridhaul/datasets. */
export const CO_OPT_CASES = CO_OPT_NETWORKS;
export type CoOptCaseName = CoOptNetworkName;
export const LMP_REALISATIONS = CO_OPT_LMP_REALISATIONS;
export type LmpRealisation = CoOptLmpRealisation;

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
  return parsePriceCsv(coOptLmpText(name), `stored LMP realisation ${name}`, `lmp_${name}.csv`);
}

/** A Co-OPT_MESS network with its stored LMP realisation (Model 3 by default). */
export function bundledCoOptCase(name: CoOptCaseName, prices: LmpRealisation = name === 'small' ? 'Model3_SmallScale' : 'Model3_LargeScale'): CoOptCase {
  if (!CO_OPT_CASES.includes(name)) throw new InputError('case', name, CO_OPT_CASES.join(' | '));
  return parseCoOptFiles({
    name,
    distanceCsv: coOptDataText(name, 'distance'),
    terrainCsv: coOptDataText(name, 'terrain'),
    trafficCsv: coOptDataText(name, 'traffic'),
    vehiclesCsv: coOptDataText(name, 'vehicles'),
    demandCsv: coOptDataText(name, 'demand'),
    excavatorCsv: coOptDataText(name, 'excavators'),
    lmpCsv: coOptLmpText(prices),
    lmpSource: `stored LMP realisation ${prices}`,
    busMap: CO_OPT_BUS_MAP[name],
  });
}
