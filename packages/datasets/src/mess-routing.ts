import { readFileSync } from 'node:fs';
import { InputError } from '@gridhaul/common';

/**
 * The construction-site MESS data (data/mess-routing, see its SOURCE.md): the 7-node and
 * 12-customer delivery tables, the fleet and cost constants, the Skagerak charging cycle, and the
 * numbers the source's notebooks published for them.
 */
export const MESS_ROUTING_FILES = [
  'Customer_demand_data_with_time_window_in_KWH.csv',
  'Distance_matrix_between_the_nodes.csv',
  'Customer_demand_data_with_time_window_in_KWH_12_customer.csv',
  'Distance_matrix_between_the_nodes_12_customer.csv',
  'vehicles.json',
  'charging-cycle.json',
  'expected-results.json',
] as const;
export type MessRoutingFileName = (typeof MESS_ROUTING_FILES)[number];

/** The text of one file, for `@gridhaul/optimizer`'s parsers (or, for expected-results.json, JSON.parse). */
export function messRoutingText(file: MessRoutingFileName): string {
  if (!MESS_ROUTING_FILES.includes(file)) throw new InputError('file', file, MESS_ROUTING_FILES.join(' | '));
  return readFileSync(new URL(`../data/mess-routing/${file}`, import.meta.url), 'utf8');
}
