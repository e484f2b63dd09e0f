import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { references } from '../test/catalogue';
import { backends } from '../test/backends';
import { solve } from './index';

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
