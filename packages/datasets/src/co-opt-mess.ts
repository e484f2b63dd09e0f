import { readFileSync } from 'node:fs';
import { InputError } from '@gridhaul/common';

/** The Co-OPT_MESS networks (data/co-opt-mess, see its SOURCE.md): 'small' has 7 nodes, 'large' 16. */
export const CO_OPT_NETWORKS = ['small', 'large'] as const;
export type CoOptNetworkName = (typeof CO_OPT_NETWORKS)[number];

/** The data set's tables; traffic and vehicles are the same file for both networks. */
export const CO_OPT_FILES = ['distance', 'terrain', 'traffic', 'vehicles', 'demand', 'excavators'] as const;
export type CoOptFileName = (typeof CO_OPT_FILES)[number];

/** LMP tables printed in the notebooks' stored outputs (cents/kWh, 24 h × buses 6, 10, 11). */
export const CO_OPT_LMP_REALISATIONS = ['Model1_SmallScale', 'Model3_SmallScale', 'Model3_LargeScale'] as const;
export type CoOptLmpRealisation = (typeof CO_OPT_LMP_REALISATIONS)[number];

const FILES: Record<CoOptFileName, Record<CoOptNetworkName, string>> = {
  distance: { small: 'Distance_matrix_between_the_nodes_1.csv', large: 'Distance_matrix_between_the_nodes_LARGE_SCALE.csv' },
  terrain: { small: 'Road_Terrain_information.csv', large: 'Road_Terrain_information_large_scale.csv' },
  traffic: { small: 'Traffic_Data.csv', large: 'Traffic_Data.csv' },
  vehicles: { small: 'Vehicle_datset.csv', large: 'Vehicle_datset.csv' },
  demand: { small: 'Customer_demand_data_with_time_window_in_KWH_1.csv', large: 'Customer_demand_data_with_time_window_in_KWH_Large_scale.csv' },
  excavators: { small: 'Excavator_details_1.csv', large: 'Excavator_details_LargeScale.csv' },
};

const text = (path: string): string => readFileSync(new URL(`../data/co-opt-mess/${path}`, import.meta.url), 'utf8');

/** The CSV text of one table of a network, for `@gridhaul/routing`'s and `@gridhaul/optimizer`'s parsers. */
export function coOptDataText(network: CoOptNetworkName, file: CoOptFileName): string {
  if (!CO_OPT_NETWORKS.includes(network)) throw new InputError('network', network, CO_OPT_NETWORKS.join(' | '));
  if (!CO_OPT_FILES.includes(file)) throw new InputError('file', file, CO_OPT_FILES.join(' | '));
  return text(FILES[file][network]);
}

/** The CSV text (hour, bus, lmp_cents_per_kWh) of a stored LMP realisation. */
export function coOptLmpText(realisation: CoOptLmpRealisation): string {
  if (!CO_OPT_LMP_REALISATIONS.includes(realisation)) throw new InputError('realisation', realisation, CO_OPT_LMP_REALISATIONS.join(' | '));
  return text(`lmp-realisations/lmp_${realisation}.csv`);
}
