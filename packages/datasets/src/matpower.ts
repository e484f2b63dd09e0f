import { readFileSync } from 'node:fs';
import { InputError } from '@gridhaul/common';

/** MATPOWER cases shipped with the package (data/matpower, see its SOURCE.md). */
export const MATPOWER_CASES = ['case14', 'case30', 'case118'] as const;
export type MatpowerCaseName = (typeof MATPOWER_CASES)[number];

/** The text of a bundled MATPOWER case file, for `@gridhaul/grid`'s readMatpower or the API's import. */
export function matpowerCaseText(name: MatpowerCaseName): string {
  if (!MATPOWER_CASES.includes(name)) throw new InputError('case', name, MATPOWER_CASES.join(' | '));
  return readFileSync(new URL(`../data/matpower/${name}.m`, import.meta.url), 'utf8');
}
