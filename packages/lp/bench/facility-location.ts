import { Rng } from '@gridhaul/common';
import { Model, name, type Var } from '../src/index';

/**
 * Seeded capacitated facility location in the style of Cornuéjols, Sridharan & Thizy (1991):
 * sites and customers uniform in the unit square, transport cost 10 × distance × demand, capacity
 * ratio ~3, fixed costs growing with √capacity. Strong formulation with x[i,j] <= y[i].
 */
export function facilityLocation(facilities: number, customers: number, seed: number): { model: Model; open: Var[] } {
  const rng = new Rng(seed);
  const fx = Array.from({ length: facilities }, () => [rng.next(), rng.next()] as const);
  const cx = Array.from({ length: customers }, () => [rng.next(), rng.next()] as const);
  const demand = cx.map(() => rng.uniform(5, 35));
  const capRaw = fx.map(() => rng.uniform(10, 160));
  const scale = (3 * demand.reduce((s, d) => s + d, 0)) / capRaw.reduce((s, c) => s + c, 0);
  const capacity = capRaw.map((c) => c * scale);
  const fixed = capacity.map((s) => rng.uniform(0, 90) + rng.uniform(100, 110) * Math.sqrt(s));

  const m = new Model(`cfl-${facilities}x${customers}-${seed}`);
  const open = m.addVars(facilities, (i) => ({ name: name('open', { i }), type: 'binary', obj: fixed[i] as number }));
  const serve = fx.map(([ax, ay], i) =>
    cx.map(([bx, by], j) => m.addVar({ name: name('serve', { i, j }), ub: 1, obj: 10 * Math.hypot(ax - bx, ay - by) * (demand[j] as number) })),
  );
  for (let j = 0; j < customers; j++) m.addRow(serve.map((row) => row[j]!.index), serve.map(() => 1), 1, 1, name('demand', { j }));
  for (let i = 0; i < facilities; i++) {
    const row = serve[i]!;
    m.addRow([...row.map((v) => v.index), open[i]!.index], [...demand, -(capacity[i] as number)], -Infinity, 0, name('capacity', { i }));
    for (let j = 0; j < customers; j++) m.addRow([row[j]!.index, open[i]!.index], [1, -1], -Infinity, 0, name('link', { i, j }));
  }
  return { model: m, open };
}
