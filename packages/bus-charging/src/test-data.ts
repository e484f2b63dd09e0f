import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Reads a fixture from this package's test/data folder (tests and benchmarks only). */
export function testData(relative: string): string {
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'data', relative), 'utf8');
}
