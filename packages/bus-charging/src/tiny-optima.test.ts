import { describe, expect, it } from 'vitest';
import { maxIterations } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { bruteForce } from './brute-force';
import type { Instance } from './instance';
import { solvePositionAllocation } from './milp/solve';
import { anneal } from './sa/anneal';
import { demandInstance, packingInstance, sequencingInstance } from './tiny';

// Optima of tiny instances by exhaustive search on a time grid (brute-force.ts), against the MILP
// (billing-period demand) and the annealer (billing periods, and the true maximum window).
const cases: [string, () => Instance, number][] = [
  ['packing', packingInstance, 0.25],
  ['sequencing', sequencingInstance, 0.25],
  ['demand', demandInstance, 0.125],
];

describe.each(cases)('tiny instance %s', (_name, make, gridH) => {
  const inst = make();
  const aligned = bruteForce(inst, gridH, 'aligned');
  const sliding = bruteForce(inst, gridH, 'sliding');

  it('the MILP proves the brute-force optimum on billing periods', async () => {
    const r = await solvePositionAllocation(inst);
    expect(r.status).toBe('optimal');
    expectClose(r.objective ?? NaN, aligned.cost, { abs: 1e-6 }, 'MILP objective');
    expect(r.check?.violations).toEqual([]);
    expectClose(r.check?.cost.total ?? NaN, aligned.cost, { abs: 1e-4 }, 'checked MILP schedule cost');
  }, 60_000);

  it('the annealer reaches it, on billing periods and on the true maximum window', () => {
    for (const [demand, optimum] of [
      ['aligned', aligned.cost],
      ['sliding', sliding.cost],
    ] as const) {
      const r = anneal(inst, { seed: 5, stop: maxIterations(300_000), cooling: { iterations: 100_000 }, demand });
      expect(r.check.feasible).toBe(true);
      // Never below the optimum; within 0.5 % of it (continuous session times, 10-s bins).
      expect(r.check.cost.total).toBeGreaterThanOrEqual(optimum - 1e-6);
      expectClose(r.check.cost.total, optimum, { rel: 0.005 }, `SA cost (${demand})`);
    }
  }, 60_000);
});

describe('the optima themselves', () => {
  it('packing: two slow chargers and 45 kWh; sequencing: one slow charger in turn; demand: fast only, 60 kWh', () => {
    expect(bruteForce(packingInstance(), 0.25, 'aligned').cost).toBe(2 * 20 + 45);
    expect(bruteForce(sequencingInstance(), 0.25, 'aligned').cost).toBe(100 + 20 + 10 * 10);
    // Fast only (60) + 60 kWh, plus 2 × the peak: 20 kW on 30-min billing periods, 30 kW on any window.
    expect(bruteForce(demandInstance(), 0.125, 'aligned').cost).toBe(60 + 60 + 2 * 20);
    expect(bruteForce(demandInstance(), 0.125, 'sliding').cost).toBe(60 + 60 + 2 * 30);
  });
});
