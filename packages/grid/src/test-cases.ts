import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMatpower } from './matpower/read-matpower';
import type { Network } from './network';

/** Fixture folder (test/data), for tests and benchmarks only; the library never reads files itself. */
export const TEST_DATA_DIR = fileURLToPath(new URL('../test/data/', import.meta.url));

/** Reads a fixture such as `matpower/case5.m` (sources cited in test/data/<folder>/SOURCE.md). */
export function loadCase(relativePath: string): Network {
  return readMatpower(
    readFileSync(TEST_DATA_DIR + relativePath, 'utf8'),
    relativePath.replace(/^.*\//, ''),
  );
}

export function readFixture(relativePath: string): string {
  return readFileSync(TEST_DATA_DIR + relativePath, 'utf8');
}
