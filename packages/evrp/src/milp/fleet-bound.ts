import { buildInstance, type EvrpInstance } from '../instance';
import type { EvrpRules } from '../rules';
import { routeLimits } from '../schedule';
import { enumerateRoutes } from '../exact/route-enumeration';

/**
 * A lower bound on the fleet: customers that no single route can serve together (decided exactly by
 * enumerating the routes of each pair, stations included) need separate vehicles, so the size of
 * a clique of such pairs (found greedily) bounds the fleet from below. Only for small instances.
 */
export function incompatibilityFleetBound(instance: EvrpInstance, rules: EvrpRules, maxCustomers = 30): number {
  const cs = instance.customers;
  if (cs.length > maxCustomers || cs.length < 2) return 1;
  const incompatible = cs.map(() => new Array<boolean>(cs.length).fill(false));
  for (let a = 0; a < cs.length; a++) {
    for (let b = a + 1; b < cs.length; b++) {
      const nodes = instance.nodes.filter((n, i) => n.kind !== 'customer' || i === cs[a] || i === cs[b]);
      const pair = buildInstance(`${instance.name}-pair`, nodes, instance);
      const both = enumerateRoutes(pair, routeLimits(pair, rules)).cost[3]!;
      incompatible[a]![b] = incompatible[b]![a] = !Number.isFinite(both);
    }
  }
  let best = 1;
  for (let s = 0; s < cs.length; s++) {
    const clique = [s];
    for (let t = 0; t < cs.length; t++) if (t !== s && clique.every((u) => incompatible[u]![t])) clique.push(t);
    best = Math.max(best, clique.length);
  }
  return best;
}
