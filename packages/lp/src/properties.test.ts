import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model, solve, sum } from './index';

// Random small MILPs whose optimum brute force can enumerate.
describe('MILPs agree with brute force', () => {
  it('0-1 knapsack, up to 10 items', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ w: fc.integer({ min: 1, max: 30 }), v: fc.integer({ min: 0, max: 50 }) }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 100 }),
        async (items, capacity) => {
          let best = 0;
          for (let mask = 0; mask < 1 << items.length; mask++) {
            let w = 0;
            let v = 0;
            items.forEach((it, i) => {
              if (mask & (1 << i)) {
                w += it.w;
                v += it.v;
              }
            });
            if (w <= capacity) best = Math.max(best, v);
          }
          const m = new Model('knapsack');
          const x = m.addVars(items.length, (i) => ({ name: `x[i=${i}]`, type: 'binary' }));
          m.addConstraint(sum(x, items.map((it) => it.w)), '<=', capacity, 'capacity');
          m.maximize(sum(x, items.map((it) => it.v)));
          const r = await solve(m, { mipRelGap: 0 });
          expect(r.status).toBe('optimal');
          expect(Math.round(r.objective as number)).toBe(best);
        },
      ),
      { numRuns: 40, seed: 20261122 },
    );
  });

  it('assignment, up to 5×5', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })),
        async (cost) => {
          const n = cost.length;
          let best = Infinity;
          const perm = (prefix: number[], rest: number[]) => {
            if (rest.length === 0) best = Math.min(best, prefix.reduce((s, j, i) => s + (cost[i]?.[j] as number), 0));
            rest.forEach((j, k) => perm([...prefix, j], [...rest.slice(0, k), ...rest.slice(k + 1)]));
          };
          perm([], [...Array(n).keys()]);
          const m = new Model('assignment');
          const x = cost.map((row, i) => row.map((_, j) => m.addVar({ name: `x[i=${i},j=${j}]`, type: 'binary' })));
          x.forEach((row, i) => m.addConstraint(sum(row), '=', 1, `worker[i=${i}]`));
          for (let j = 0; j < n; j++) m.addConstraint(sum(x.map((row) => row[j]!)), '=', 1, `task[j=${j}]`);
          m.minimize(sum(x.flat(), cost.flat()));
          const r = await solve(m, { mipRelGap: 0 });
          expect(Math.round(r.objective as number)).toBe(best);
        },
      ),
      { numRuns: 30, seed: 7 },
    );
  });
});
