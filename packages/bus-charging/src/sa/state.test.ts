import { describe, expect, it } from 'vitest';
import { Rng } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { CCCV_CHARGING, LINEAR_CHARGING } from '../schedule';
import { testData } from '../test-data';
import { utaInstance } from '../uta';
import { DEFAULT_MOVE_WEIGHTS, MoveMaker } from './moves';
import { buildSaProblem } from './problem';
import { SaState } from './state';

// Incremental evaluation against recomputation from scratch: after every applied move the state's
// running totals must equal those of a fresh state loaded with the same assignment.
describe.each([
  ['linear', LINEAR_CHARGING],
  ['CC-CV', CCCV_CHARGING],
] as const)('SaState (%s charging)', (_name, model) => {
  it('evaluate() predicts exactly the cost change that apply() makes, for every move kind', () => {
    const uta = utaInstance(testData('uta/routes.csv'), { minSocFraction: 0.25, finalSocFraction: 0.25, costs: { capacityPerKW: 10_000 } });
    // A modest penalty keeps the totals small enough for absolute comparisons from an all-wait start.
    const p = buildSaProblem(uta, { model, demand: 'sliding', binsPerWindow: 90, penaltyPerKWh: 1000 });
    const state = new SaState(p);
    const fresh = new SaState(p);
    const rng = new Rng(17);
    const moves = new MoveMaker(p, state, rng, { weights: DEFAULT_MOVE_WEIGHTS, typeProbability: Float64Array.from([0.75, 0.25]), fitProbability: 0.5, orderedProbability: 0.5 });
    const seen = new Set<string>();
    let applied = 0;
    for (let k = 0; k < 3000; k++) {
      const i = p.chargeable[rng.int(0, p.chargeable.length - 1)] as number;
      const cand = moves.propose(i);
      if (!cand) continue;
      const before = state.cost + state.overlap;
      const delta = state.evaluate(cand);
      state.apply(cand);
      seen.add(moves.lastKind);
      applied++;
      expectClose(state.cost + state.overlap - before, delta, { abs: 1e-4 }, `cost change of ${moves.lastKind}`);
      if (k % 100 === 0) {
        fresh.load(state.q, state.u, state.d);
        const a = state.costParts();
        const b = fresh.costParts();
        expectClose(a.energy, b.energy, { abs: 1e-6 }, 'energy');
        expectClose(a.penalty, b.penalty, { abs: 1e-6 * p.penaltyPerKWh }, 'penalty (1e-6 kWh)');
        expectClose(a.demand, b.demand, { abs: 1e-3 }, 'demand');
        expectClose(a.capacity, b.capacity, { abs: 1e-3 }, 'capacity');
        expect(a.chargers).toBe(b.chargers);
        expectClose(state.overlap, fresh.overlap, { abs: 1e-3 }, 'overlap term');
      }
    }
    expect(applied).toBeGreaterThan(2000);
    expect([...seen].sort()).toEqual(['newCharger', 'newVisit', 'newWindow', 'resize', 'shift', 'slide', 'transfer', 'wait']);
  });
});
