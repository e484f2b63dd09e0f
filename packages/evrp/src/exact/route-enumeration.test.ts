import { describe, expect, it } from 'vitest';
import { buildInstance } from '../instance';
import { rulesFor } from '../rules';
import { isRouteFeasible, routeLimits } from '../schedule';
import { loadInstance } from '../testing/fixtures';
import { enumerateRoutes } from './route-enumeration';
import { partitionCustomers } from './set-partition';

describe('enumerateRoutes', () => {
  // Regression: labels at a station after the last customer were never completed, so routes that
  // charge on the way home were missed (found when the pair bound claimed 3 vehicles for rc105C5).
  it('finds routes that charge after their last customer (rc105C5: D0 S9 C11 C22 S15 D0)', () => {
    const inst = loadInstance('rc105C5');
    const pair = buildInstance('rc105C5-pair', inst.nodes.filter((n) => n.kind !== 'customer' || n.id === 'C11' || n.id === 'C22'), inst);
    const limits = routeLimits(pair, rulesFor('a', 'distance'));
    const seq = ['D0', 'S9', 'C11', 'C22', 'S15', 'D0'].map((id) => pair.indexOf(id));
    expect(isRouteFeasible(pair, limits, seq)).toBe(true);
    expect(isRouteFeasible(pair, limits, ['D0', 'S9', 'C11', 'C22', 'D0'].map((id) => pair.indexOf(id)))).toBe(false);
    const distance = seq.slice(1).reduce((s, n, k) => s + pair.distance(seq[k]!, n), 0);
    expect(enumerateRoutes(pair, limits).cost[3]).toBeLessThanOrEqual(distance + 1e-9);
  });

  it('every subset cost it reports is a feasible route of that cost, serving exactly that subset (r104C5, variant c)', () => {
    const inst = loadInstance('r104C5');
    const limits = routeLimits(inst, rulesFor('c', 'distance'));
    const routes = enumerateRoutes(inst, limits);
    let finite = 0;
    for (let mask = 1; mask < 32; mask++) {
      if (!Number.isFinite(routes.cost[mask]!)) continue;
      finite++;
      const seq = routes.route(mask);
      expect(isRouteFeasible(inst, limits, seq)).toBe(true);
      const served = inst.customers.filter((_, k) => mask & (1 << k)).sort();
      expect(seq.filter((n) => inst.nodes[n]!.kind === 'customer').sort()).toEqual(served);
      expect(seq.slice(1).reduce((s, n, k) => s + inst.distance(seq[k]!, n), 0)).toBeCloseTo(routes.cost[mask]!, 9);
    }
    expect(finite).toBeGreaterThan(5);
  });
});

describe('partitionCustomers', () => {
  // Three customers; route costs per subset (bit k = customer k).
  const cost = new Float64Array([0, 10, 10, 15, 10, 30, 30, 100]);
  cost[7] = Infinity;

  it('minimizes routes first, then cost', () => {
    const p = partitionCustomers(cost, 3)!;
    expect(p.vehicles).toBe(2);
    expect(p.cost).toBe(25); // {0,1} + {2}
    expect([...p.routes].sort()).toEqual([3, 4]);
  });

  it('with a fleet bound, the cheapest partition within it', () => {
    const cheap = new Float64Array([0, 1, 1, 50, 1, 50, 50, Infinity]);
    expect(partitionCustomers(cheap, 3, 3)!.cost).toBe(3);
    expect(partitionCustomers(cheap, 3, 2)!.cost).toBe(51);
    expect(partitionCustomers(cheap, 3, 1)).toBeNull();
  });
});
