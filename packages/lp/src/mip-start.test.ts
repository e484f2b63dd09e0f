import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { backends } from '../test/backends';
import { references } from '../test/catalogue';
import { plantedMarketSplit } from '../test/market-split';
import { Model, solve, type SolveResult, type Var } from './index';

/** Largest |row activity − rhs| of the result's values over the model's rows (all equalities here). */
function worstRowError(model: Model, r: SolveResult): number {
  let worst = 0;
  for (let i = 0; i < model.numRows; i++) {
    const { indices, coefs } = model.row(i);
    const activity = indices.reduce((s, j, k) => s + (coefs[k] as number) * (r.primal[j] as number), 0);
    worst = Math.max(worst, Math.abs(activity - (model.rowUpper[i] as number)));
  }
  return worst;
}

describe.each(backends)('MIP start on %s', (backend) => {
  // 4 × 30 market split with a planted point: at the root (node limit 1) neither solver finds a
  // feasible point of its own, so an incumbent can only come from the start.
  const p = plantedMarketSplit(4, 30, 3);
  const start = new Map(p.x.map((v, j): [Var, number] => [v, p.planted[j] as number]));

  it('returns the start as incumbent when branch and bound may not go past the root', async () => {
    const without = await solve(p.model, { backend, nodeLimit: 1 });
    expect(without.hasSolution).toBe(false);
    expect(without.mipStart).toBeUndefined();
    const r = await solve(p.model, { backend, nodeLimit: 1, mipStart: start });
    expect(r.mipStart).toEqual({ status: 'accepted', columns: 30 });
    expect(r.hasSolution).toBe(true);
    expect(['timeLimitWithSolution', 'optimal']).toContain(r.status);
    expect(r.objective).toBeLessThanOrEqual(p.plantedCost + 1e-9);
    expect(worstRowError(p.model, r)).toBeLessThan(1e-6);
    // Both back-ends report the gap as |incumbent − bound| / |incumbent| (CBC prints it relative to the bound).
    const [objective, bound] = [r.objective as number, r.mipBound as number];
    expect(Number.isFinite(bound)).toBe(true);
    expectClose(r.mipGap as number, Math.abs(objective - bound) / objective, { abs: 1e-9 }, 'gap');
  }, 60_000);

  it('completes a partial start given by variable names (27 of 30 values)', async () => {
    const partial = new Map(p.x.slice(0, 27).map((v, j): [string, number] => [v.name, p.planted[j] as number]));
    const r = await solve(p.model, { backend, nodeLimit: 0, mipStart: partial });
    expect(r.mipStart?.status).toBe('accepted');
    expect(r.hasSolution).toBe(true);
    expect(worstRowError(p.model, r)).toBeLessThan(1e-6);
  });

  it('rejects a start that breaks a row, naming it, and solves as if none was given', async () => {
    const flipped = new Map(start);
    flipped.set(p.x[0]!, 1 - (p.planted[0] as number));
    const r = await solve(p.model, { backend, nodeLimit: 0, mipStart: flipped });
    expect(r.mipStart?.status).toBe('rejected');
    expect(r.mipStart?.detail).toMatch(/^row split\[i=\d\]: activity/);
    expect(r.hasSolution).toBe(false);
  });

  it('rejects a start off a bound or off integrality', async () => {
    const above = await solve(p.model, { backend, nodeLimit: 0, mipStart: new Map([...start, [p.x[3]!, 2]]) });
    expect(above.mipStart?.detail).toBe('x[j=3] = 2 is above its upper bound 1');
    const fractional = await solve(p.model, { backend, nodeLimit: 0, mipStart: new Map([...start, [p.x[4]!, 0.5]]) });
    expect(fractional.mipStart?.detail).toBe('x[j=4] = 0.5 is not integer');
  });

  it('a feasible start does not change the optimum (Hillier & Lieberman §12.1: Z* = 14 at (1, 1, 0, 0))', async () => {
    const ref = references.find((x) => x.id === 'california-manufacturing')!;
    const { model, vars } = ref.build();
    // (0, 1, 0, 1): a factory and a warehouse in SF, budget 5 of 10, Z = 9.
    const r = await solve(model, { backend, mipStart: new Map([[vars['x1']!, 0], [vars['x2']!, 1], [vars['x3']!, 0], [vars['x4']!, 1]]) });
    expect(r.mipStart?.status).toBe('accepted');
    expect(r.status).toBe('optimal');
    expectClose(r.objective as number, ref.objective!, { abs: 1e-9 }, 'objective');
    expectClose(r.mipBound as number, ref.objective!, { abs: 1e-9 }, 'bound of a proven optimum');
    expect(r.values([vars['x1']!, vars['x2']!, vars['x3']!, vars['x4']!])).toEqual([1, 1, 0, 0]);
  });
});

describe('MIP start input errors name the field and the value', () => {
  const p = plantedMarketSplit(2, 6, 3);

  it('an unknown variable name, a variable of another model, a non-finite value', async () => {
    await expect(solve(p.model, { mipStart: new Map([['y[j=0]', 1]]) })).rejects.toThrow(/mipStart: variable: expected the name of a variable of this model, got "y\[j=0\]"/);
    const other = new Model('other');
    other.addVar({ name: 'a' });
    const stranger = other.addVar({ name: 'b', type: 'binary' });
    await expect(solve(p.model, { mipStart: new Map([[stranger, 1]]) })).rejects.toThrow(InputError);
    await expect(solve(p.model, { mipStart: new Map([[p.x[0]!, Number.NaN]]) })).rejects.toThrow(/mipStart: value of x\[j=0\]/);
  });

  it('a start for a model without integer variables', async () => {
    const lp = new Model('lp');
    const y = lp.addVar({ name: 'y', ub: 1 });
    lp.maximize([[y, 1]]);
    await expect(solve(lp, { mipStart: new Map([[y, 1]]) })).rejects.toThrow(/a MIP start is for MIPs/);
  });
});
