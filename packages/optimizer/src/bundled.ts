import { InputError } from '@gridhaul/common';
import { CO_OPT_LMP_REALISATIONS, CO_OPT_NETWORKS, coOptDataText, coOptLmpText, messRoutingText, type CoOptLmpRealisation, type CoOptNetworkName, type MessRoutingFileName } from '@gridhaul/datasets';
import { parseChargingCycleJson, type ChargingCycleInstance } from './charging-cycle/instance';
import { CO_OPT_BUS_MAP, parseCoOptFiles, parsePriceCsv, type CoOptCase, type PriceTable } from './coopt/data';
import type { DeliveryInstance } from './delivery/instance';
import { parseDeliveryFiles } from './delivery/parse';

/** The published delivery cases (@gridhaul/datasets' construction-site MESS data). */
export const DELIVERY_CASES = ['7-node', '12-customer'] as const;
export type DeliveryCaseName = (typeof DELIVERY_CASES)[number];
const DELIVERY_FILES: Record<DeliveryCaseName, { demand: MessRoutingFileName; distance: MessRoutingFileName }> = {
  '7-node': { demand: 'Customer_demand_data_with_time_window_in_KWH.csv', distance: 'Distance_matrix_between_the_nodes.csv' },
  '12-customer': { demand: 'Customer_demand_data_with_time_window_in_KWH_12_customer.csv', distance: 'Distance_matrix_between_the_nodes_12_customer.csv' },
};
/** The Co-OPT_MESS networks and stored LMP realisations (cents/kWh) of @gridhaul/datasets. */
export const CO_OPT_CASES = CO_OPT_NETWORKS;
export type CoOptCaseName = CoOptNetworkName;
export const LMP_REALISATIONS = CO_OPT_LMP_REALISATIONS;
export type LmpRealisation = CoOptLmpRealisation;

export function bundledDeliveryCase(name: DeliveryCaseName): DeliveryInstance {
  if (!DELIVERY_CASES.includes(name)) throw new InputError('case', name, DELIVERY_CASES.join(' | '));
  const { demand, distance } = DELIVERY_FILES[name];
  return parseDeliveryFiles({
    name,
    demandCsv: messRoutingText(demand),
    distanceCsv: messRoutingText(distance),
    vehiclesJson: messRoutingText('vehicles.json'),
    files: { demand: `mess-routing/${demand}`, distance: `mess-routing/${distance}`, vehicles: 'mess-routing/vehicles.json' },
  });
}

export function bundledChargingCycle(): ChargingCycleInstance {
  return parseChargingCycleJson(messRoutingText('charging-cycle.json'), 'mess-routing/charging-cycle.json');
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
