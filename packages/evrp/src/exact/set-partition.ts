/**
 * Exact set partitioning over customer subsets by dynamic programming: best[k][S] is the cheapest
 * way to serve subset S with at most k routes, from the cheapest route of every subset. Each
 * subset is split off through the routes containing its lowest customer, so every partition is
 * seen once (O(3^n) per k).
 */
export interface Partition {
  readonly vehicles: number;
  readonly cost: number;
  /** Customer subsets, one per route. */
  readonly routes: readonly number[];
}

/**
 * `maxVehicles` given: cheapest partition with at most that many routes. Otherwise the fewest
 * routes first, then the cheapest (lexicographic). Null if no partition exists.
 */
export function partitionCustomers(routeCost: Float64Array, customers: number, maxVehicles?: number, deadline?: number): Partition | null {
  const full = (1 << customers) - 1;
  const size = 1 << customers;
  const limit = maxVehicles ?? customers;
  let prev = new Float64Array(size).fill(Infinity);
  prev[0] = 0;
  const choices: Int32Array[] = [];
  let answer: { k: number; cost: number } | null = null;
  for (let k = 1; k <= limit; k++) {
    if (deadline !== undefined && performance.now() > deadline) throw new PartitionTimeout(`set partitioning stopped at ${k} routes`);
    const cur = new Float64Array(prev);
    const choice = new Int32Array(size);
    for (let s = 1; s <= full; s++) {
      const low = s & -s;
      const rest = s ^ low;
      // Submasks r of `rest`; the route is r | low.
      for (let r = rest; ; r = (r - 1) & rest) {
        const route = r | low;
        const c = routeCost[route]! + prev[s ^ route]!;
        if (c < cur[s]! - 1e-9) {
          cur[s] = c;
          choice[s] = route;
        }
        if (r === 0) break;
      }
    }
    choices.push(choice);
    prev = cur;
    if (Number.isFinite(cur[full]!) && maxVehicles === undefined) {
      answer = { k, cost: cur[full]! };
      break;
    }
    if (k === limit && Number.isFinite(cur[full]!)) answer = { k, cost: cur[full]! };
  }
  if (answer === null) return null;
  const routes: number[] = [];
  let s = full;
  for (let k = choices.length; k >= 1 && s !== 0; k--) {
    const route = choices[k - 1]![s]!;
    if (route === 0) continue; // at most k−1 routes were enough for s
    routes.push(route);
    s ^= route;
  }
  return { vehicles: routes.length, cost: answer.cost, routes };
}

export class PartitionTimeout extends Error {
  override name = 'PartitionTimeout';
}
