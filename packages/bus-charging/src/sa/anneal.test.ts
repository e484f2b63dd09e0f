import { describe, expect, it } from 'vitest';
import { maxIterations } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { CCCV_CHARGING } from '../schedule';
import { testData } from '../test-data';
import { twoBusInstance } from '../tiny';
import { utaInstance } from '../uta';
import { anneal } from './anneal';

describe('anneal', () => {
  it('repeats exactly from a seed and reports it', () => {
    const a = anneal(twoBusInstance(), { seed: 11, stop: maxIterations(3000), cooling: { iterations: 3000 } });
    const b = anneal(twoBusInstance(), { seed: 11, stop: maxIterations(3000), cooling: { iterations: 3000 } });
    expect(a.seed).toBe(11);
    expect(a.schedule).toEqual(b.schedule);
  });

  // The incremental state and the independent checker are written separately; on UTA they must
  // agree on energy exactly and on the demand to within the 10-s bins' resolution.
  it.each([
    ['linear', undefined],
    ['CC-CV', CCCV_CHARGING],
  ] as const)('returns a checked UTA schedule whose cost the checker reproduces (%s)', (_name, charging) => {
    const uta = utaInstance(testData('uta/routes.csv'), { minSocFraction: 0.25, finalSocFraction: 0.25, costs: { capacityPerKW: 10_000 } });
    const r = anneal(uta, { seed: 3, stop: maxIterations(20_000), cooling: { iterations: 20_000 }, ...(charging ? { charging } : {}) });
    expect(r.check.violations).toEqual([]);
    expect(r.searchCost.penalty).toBe(0);
    expectClose(r.searchCost.energy, r.check.cost.energy, { abs: 1e-6 }, 'energy cost');
    expectClose(r.searchCost.chargers, r.check.cost.chargers, { abs: 0 }, 'charger cost');
    expectClose(r.searchCost.demand, r.check.cost.demand, { rel: 0.01 }, 'demand cost (10-s bins vs exact)');
    // The cover bins bound the instantaneous power from above.
    expect(r.searchCost.capacity).toBeGreaterThanOrEqual(r.check.cost.capacity - 1e-6);
  });
});
