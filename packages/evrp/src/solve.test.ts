import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { BEST_KNOWN_PARTIAL_RECHARGE, bestKnownFor } from './best-known';
import { parseBestKnownSolutions } from './reference';
import { solveEvrp } from './solve';
import { loadInstance, readReference } from './testing/fixtures';

describe('solveEvrp', () => {
  it('small instances go to the exact solver: c101C5 (a) is optimal with gap 0 and a clean check', async () => {
    const r = await solveEvrp(loadInstance('c101C5'), { variant: 'a' });
    expect([r.status, r.method, r.gap, r.gapReference]).toEqual(['optimal', 'enumeration', 0, 'proof']);
    expect(r.check!.feasible).toBe(true);
    expectClose(r.solution!.objective, 257.75, { abs: 0.005 }, 'c101C5 distance (Schneider et al. 2014)');
    // Output: every visit carries times, load and SOC; stations carry the charge.
    const visits = r.solution!.routes.flatMap((route) => route.visits);
    expect(visits.filter((v) => v.kind === 'station').every((v) => v.charge > 0 && Math.abs(v.socOnDeparture - 77.75) < 1e-9)).toBe(true);
  });

  it('the heuristic reports its seed, iterations and the gap to the published best when the fleet matches (c101_21, partial recharge)', async () => {
    const r = await solveEvrp(loadInstance('c101_21'), { variant: 'b', method: 'heuristic', seed: 3, maxIterations: 150 });
    expect(r.status).toBe('feasible');
    expect(r.check!.feasible).toBe(true);
    expect([r.seed, r.iterations]).toEqual([3, 150]);
    expect(r.bestKnown).toEqual({ vehicles: 12, distance: 1043.381809 });
    if (r.solution!.vehicles === 12) expectClose(r.gap!, (r.solution!.distance - 1043.381809) / 1043.381809, { abs: 1e-12 }, 'gap');
    else expect(r.gap).toBeNull();
  }, 120_000);

  it('rejects bad options with an InputError naming the field', async () => {
    const inst = loadInstance('c101C5');
    await expect(solveEvrp(inst, { variant: 'e' as 'a' })).rejects.toMatchObject({ field: 'variant' });
    await expect(solveEvrp(inst, { variant: 'a', maxVehicles: 0 })).rejects.toBeInstanceOf(InputError);
    await expect(solveEvrp(inst, { variant: 'a', timeLimitSec: -1 })).rejects.toMatchObject({ field: 'timeLimitSec' });
  });

  it('with too small a fleet, the exact solver proves infeasibility (rc108C5 needs 2 vehicles)', async () => {
    const r = await solveEvrp(loadInstance('rc108C5'), { variant: 'a', maxVehicles: 1 });
    expect(r.status).toBe('infeasible');
  });
});

describe('best-known table', () => {
  it('equals bks-evrptwpr.csv (Erdelić et al. 2022)', () => {
    const rows = parseBestKnownSolutions(readReference('bks-evrptwpr.csv'));
    expect(Object.keys(BEST_KNOWN_PARTIAL_RECHARGE)).toHaveLength(56);
    for (const row of rows) expect(bestKnownFor(`${row.instance}_21`)).toEqual({ vehicles: row.vehicles, distance: row.distance });
    expect(bestKnownFor('c101C5')).toBeUndefined();
  });
});
