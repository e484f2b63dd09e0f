import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { references } from '../test/catalogue';
import { solve, type Backend } from './index';

function cbcAvailable(): boolean {
  try {
    execFileSync('cbc', ['-quit'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// CI installs coinor-cbc (.ci/run) and must run the CBC half; a developer machine without it skips
// that half with a visible note.
const hasCbc = cbcAvailable();
if (!hasCbc && process.env['CI']) throw new Error('CI must have the cbc executable (apt-get install coinor-cbc)');
if (!hasCbc) console.warn('cbc not on PATH: the CBC back-end comparisons are skipped (apt-get install coinor-cbc)');
const backends: Backend[] = hasCbc ? ['highs-wasm', 'cbc'] : ['highs-wasm'];

describe.each(backends)('reference models on %s', (backend) => {
  it.each(references)('$id', async (ref) => {
    const { model, vars, rows } = ref.build();
    const r = await solve(model, { backend });
    expect(r.status, ref.source).toBe(ref.status);
    expect(r.backend).toBe(backend);
    if (ref.objective !== undefined) expectClose(r.objective as number, ref.objective, { abs: 1e-7 }, `${ref.id} objective`);
    for (const [k, v] of Object.entries(ref.values ?? {})) expectClose(r.value(vars[k]!), v, { abs: 1e-7 }, `${ref.id} ${k}`);
    for (const [k, v] of Object.entries(ref.duals ?? {})) expectClose(r.dual(rows[k]!), v, { abs: 1e-7 }, `${ref.id} dual of ${k}`);
  });
});
