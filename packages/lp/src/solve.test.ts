import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { InputError } from '@gridhaul/common';
import { Model, NoDualsError, NoSolutionError, SolveCancelledError, solve, type Var } from './index';
import { solveWithForcedAbort } from './solve';
import { liveWorkers } from './wasm-backend';
import { marketSplit } from '../test/market-split';

describe('solve', () => {
  it('gives MILP duals from the LP with integers fixed (fixed-charge facility)', async () => {
    // min 10·open + 2·flow, flow >= 3 (demand), flow <= 5·open: open = 1, flow = 3, cost 16;
    // with open fixed the demand row's dual is the marginal flow cost 2.
    const m = new Model('facility');
    const open = m.addVar({ name: 'open', type: 'binary' });
    const flow = m.addVar({ name: 'flow' });
    const demand = m.addConstraint([[flow, 1]], '>=', 3, 'demand');
    const cap = m.addConstraint([[flow, 1], [open, -5]], '<=', 0, 'capacity');
    m.minimize([[open, 10], [flow, 2]]);
    const plain = await solve(m);
    expect(plain.objective).toBe(16);
    expect(() => plain.dual(demand)).toThrow(NoDualsError);
    for (const backend of ['highs-wasm', 'cbc'] as const) {
      const r = await solve(m, { mipDuals: true, backend });
      expectClose(r.dual(demand), 2, { abs: 1e-9 }, `${backend} demand dual`);
      expectClose(r.dual(cap), 0, { abs: 1e-9 }, `${backend} capacity dual`);
      expect(r.mipGap).toBeLessThanOrEqual(1e-4);
    }
  });

  it('solves a convex QP: projection of (1, 2) onto x + y <= 1 is (0, 1), squared distance 2', async () => {
    const m = new Model('projection');
    const x = m.addVar({ name: 'x', lb: -Infinity });
    const y = m.addVar({ name: 'y', lb: -Infinity });
    const half = m.addConstraint([[x, 1], [y, 1]], '<=', 1, 'halfplane');
    // (x−1)² + (y−2)² = x² + y² − 2x − 4y + 5
    m.minimize(
      [[x, -2], [y, -4]],
      [
        [x, x, 1],
        [y, y, 1],
      ],
    );
    m.objectiveConstant = 5;
    const r = await solve(m);
    expect(r.status).toBe('optimal');
    expectClose(r.objective as number, 2, { abs: 1e-6 });
    expectClose(r.value(x), 0, { abs: 1e-6 });
    expectClose(r.value(y), 1, { abs: 1e-6 });
    // KKT: gradient 2(x−1) = −2 = −λ, so ∂f/∂rhs = −2.
    expectClose(r.dual(half), -2, { abs: 1e-5 });
  });

  it('reading values of a result without a solution is a typed error', async () => {
    const m = new Model('infeasible');
    const x = m.addVar({ name: 'x' });
    m.addConstraint([[x, 1]], '>=', 1, 'a');
    m.addConstraint([[x, 1]], '<=', 0, 'b');
    const r = await solve(m);
    expect(r.status).toBe('infeasible');
    expect(r.hasSolution).toBe(false);
    expect(() => r.value(x)).toThrow(NoSolutionError);
  });

  it('rejects bad model input with an InputError naming the row or variable', () => {
    const m = new Model('bad');
    const x = m.addVar({ name: 'x' });
    expect(() => m.addConstraint([[x, Number.NaN]], '<=', 1, 'cap[i=3]')).toThrow(/cap\[i=3\]/);
    expect(() => m.addVar({ name: 'y', lb: 2, ub: 1 })).toThrow(InputError);
    expect(() => m.addConstraint([[x, 1]], '<=', Number.NaN, 'rhsNaN')).toThrow(/rhsNaN/);
    expect(() => m.addRow([5], [1], 0, 1, 'ghost')).toThrow(/ghost/);
  });

  it('merges repeated variables and moves expression constants to the right-hand side', async () => {
    const m = new Model('merge');
    const x = m.addVar({ name: 'x' });
    const c = m.addConstraint([[x, 1], [x, 1]], '<=', 10, 'twice');
    m.maximize([[x, 1]]);
    const r = await solve(m);
    expect(r.value(x)).toBe(5);
    expect(m.row(c.index)).toEqual({ indices: [0], coefs: [2] });
  });

  it('stops at the time limit with a status that says whether an incumbent exists', async () => {
    const { model } = marketSplit(4, 40, 11);
    const r = await solve(model, { timeLimitSec: 0.5 });
    expect(['timeLimitWithSolution', 'timeLimitNoSolution']).toContain(r.status);
    expect(r.hasSolution).toBe(r.status === 'timeLimitWithSolution');
  });

  it('reports MIP progress while it runs', async () => {
    const { model } = marketSplit(4, 40, 12);
    const seen: number[] = [];
    await solve(model, { timeLimitSec: 1.5, onProgress: (p) => seen.push(p.timeSec) });
    expect(seen.length).toBeGreaterThan(0);
  });

  it('cancels through an AbortSignal, and the next solve works', async () => {
    const { model } = marketSplit(4, 40, 13);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(solve(model, { signal: controller.signal })).rejects.toBeInstanceOf(SolveCancelledError);
    const small = new Model('after');
    const x = small.addVar({ name: 'x', ub: 3 });
    small.maximize([[x, 2]]);
    expect((await solve(small)).objective).toBe(6);
  });

  it('survives a WebAssembly abort: the error is a status and the worker is replaced', async () => {
    const m = new Model('any');
    const x: Var = m.addVar({ name: 'x', ub: 1 });
    m.maximize([[x, 1]]);
    const crashed = await solveWithForcedAbort(m);
    expect(crashed.status).toBe('error');
    expect(crashed.message).toMatch(/Abort/);
    const before = liveWorkers();
    const results = await Promise.all([solve(m), solve(m), solve(m)]);
    expect(results.map((r) => r.objective)).toEqual([1, 1, 1]);
    expect(liveWorkers()).toBeGreaterThanOrEqual(Math.min(before, 1));
  });
});
