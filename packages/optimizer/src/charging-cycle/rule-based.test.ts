import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { bundledChargingCycle } from '../bundled';
import { publishedResults } from '../testing/expected';
import { replayRuleBasedChargingCycle } from './rule-based';

// Published: `Optimal charging Cycle.ipynb` stored output (expected-results.json
// `optimal_charging_cycle`) and the re-traced SOC table of shared/notes/mess-routing.md §6.4.
describe('published rule-based charging cycle', () => {
  const ref = publishedResults().optimal_charging_cycle;
  const run = replayRuleBasedChargingCycle(bundledChargingCycle());

  it('224.0 NOK, 64 km by day, 0 km by night, and the printed log line for line', () => {
    expect(run.costNOK).toBe(ref.minimum_operational_cost_NOK);
    expect(run.distanceDayKm).toBe(ref.distance_day_km);
    expect(run.distanceNightKm).toBe(ref.distance_night_km);
    expect(run.log).toEqual(ref.recharge_log);
  });

  it('swaps finish at 13.90 (site 2), 15.77 (site 1), 17.90 (site 2)', () => {
    expect(run.plan.swaps.map((s) => [s.siteId, s.finishH.toFixed(2)])).toEqual([
      [2, '13.90'],
      [1, '15.77'],
      [2, '17.90'],
    ]);
  });

  it('SOC table of the notes §6.4: 13:00 step and the site-2 MESS at 0.0727 before its swap', () => {
    const s13 = run.steps.find((s) => s.startH === 13)!;
    s13.socAfter.forEach((v, i) => expectClose(v, [0.56, 0.28, 0, 0.52][i]!, { abs: 1e-9 }, `E${i + 1} after 13:00`));
    expectClose(s13.swappedOut[1]!, 40 / 550, { abs: 1e-9 }, 'site-2 MESS at the swap');
    expectClose(s13.messAfter[0]!, 210 / 550, { abs: 1e-9 }, 'site-1 MESS after 13:00');
    const s10 = run.steps.find((s) => s.startH === 10)!;
    expectClose(s10.socBefore[3]!, 0.16, { abs: 1e-9 }, 'E4 at 10:00 (does not trigger)');
    expect(s10.chargingKW).toEqual([0, 0, 0, 0]);
    expect(run.steps).toHaveLength(13);
  });
});
