import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { references } from '../test/catalogue';
import { marketSplit } from '../test/market-split';
import { Model, name, solve, writeLp, writeMps } from './index';
import { sanitizeNames } from './names';

const highs = await highsLoader();

/** Reads writer output back with HiGHS' own LP/MPS parsers and solves it. */
function solveText(format: 'lp' | 'mps', data: string): { status: number; objective: number } {
  const model = highs.createModel({ format, data });
  try {
    model.options.set({ output_flag: false });
    model.run();
    return { status: model.getModelStatus(), objective: model.getObjectiveValue() };
  } finally {
    model.dispose();
  }
}

describe('LP and MPS writers', () => {
  const solvable = references.filter((r) => r.status === 'optimal');
  it.each(solvable)('$id reads back with the same optimum', (ref) => {
    const { model } = ref.build();
    for (const format of ['lp', 'mps'] as const) {
      const text = format === 'lp' ? writeLp(model) : writeMps(model);
      const r = solveText(format, text);
      expect(r.status, `${format} status`).toBe(highs.constants.modelStatus.optimal);
      expectClose(r.objective, ref.objective as number, { abs: 1e-7 }, `${ref.id} via ${format}`);
    }
  });

  it('writes numbers without loss', async () => {
    const m = new Model('digits');
    const x = m.addVar({ name: 'x', ub: 1 / 3 });
    m.maximize([[x, Math.PI]]);
    const lp = writeLp(m);
    expect(lp).toContain(String(1 / 3));
    expect(lp).toContain(String(Math.PI));
    expect(solveText('lp', lp).objective).toBe((await solve(m)).objective);
  });

  it('sanitises the name grammar and keeps names unique', () => {
    const names = sanitizeNames([name('x', { k: 2, i: 0, j: 5 }), 'x(k_2,i_0,j_5)', '2fast', 'e5', 'a b']);
    expect(names).toEqual(['x(k_2,i_0,j_5)', 'x(k_2,i_0,j_5)~1', '_2fast', '_e5', 'a_b']);
  });

  it('a MILP written as MPS solves to the same optimum as the in-memory model', async () => {
    const { model } = marketSplit(2, 12, 5);
    const direct = await solve(model);
    const r = solveText('mps', writeMps(model));
    expectClose(r.objective, direct.objective as number, { abs: 1e-7 });
  });
});
