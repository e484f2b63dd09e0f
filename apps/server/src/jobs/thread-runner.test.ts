import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { Rng } from '@gridhaul/common';
import { marketSplitLp } from '../testing/fixtures';
import { solveInThread } from './thread-runner';

/** Hillier & Lieberman, Introduction to Operations Research, Wyndor Glass: optimum 36 at (2, 6). */
const wyndor = {
  sense: 'max',
  variables: [
    { name: 'x', ub: 4, obj: 3 },
    { name: 'y', obj: 5 },
  ],
  constraints: [
    { name: 'plant[i=2]', terms: [{ var: 'y', coef: 2 }], sense: '<=', rhs: 12 },
    { name: 'plant[i=3]', terms: [{ var: 'x', coef: 3 }, { var: 'y', coef: 2 }], sense: '<=', rhs: 18 },
  ],
};

describe('solveInThread', () => {
  it('solves the Wyndor LP in a worker thread and the checker confirms it (objective 36 at x=2, y=6; shadow prices 1.5 and 1)', async () => {
    const s = await solveInThread({ problemType: 'lp', input: wyndor, seed: 3 }, {});
    expect(s.status).toBe('optimal');
    expectClose(s.objective ?? NaN, 36, { abs: 1e-6 }, 'objective');
    const plan = s.plan as { values: Record<string, number>; duals: Record<string, number> };
    expectClose(plan.values['x'] ?? NaN, 2, { abs: 1e-6 }, 'x');
    expectClose(plan.values['y'] ?? NaN, 6, { abs: 1e-6 }, 'y');
    expectClose(plan.duals['plant[i=3]'] ?? NaN, 1, { abs: 1e-6 }, 'shadow price of plant 3');
    expectClose(plan.duals['plant[i=2]'] ?? NaN, 1.5, { abs: 1e-6 }, 'shadow price of plant 2');
    expect(s.check).toEqual({ feasible: true, objective: 36, problems: [] });
    expect(s.seed).toBe(3);
  });

  it('rejects input that names an unknown variable, from inside the thread', async () => {
    const bad = { ...wyndor, constraints: [{ name: 'r', terms: [{ var: 'z', coef: 1 }], sense: '<=', rhs: 1 }] };
    await expect(solveInThread({ problemType: 'lp', input: bad, seed: 1 }, {})).rejects.toMatchObject({ tag: 'ZodError' });
  });

  it('stops a solve on abort (tag JOB_CANCELLED), and the next solve still works', async () => {
    const abort = new AbortController();
    const slow = solveInThread({ problemType: 'lp', input: marketSplitLp(new Rng(5)), seed: 1, timeLimitSec: 120 }, { signal: abort.signal });
    setTimeout(() => abort.abort(), 300);
    await expect(slow).rejects.toMatchObject({ tag: 'JOB_CANCELLED' });
    const next = await solveInThread({ problemType: 'lp', input: wyndor, seed: 1 }, {});
    expect(next.check.feasible).toBe(true);
  });
});
