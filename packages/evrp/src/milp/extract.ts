import type { SolveResult } from '@gridhaul/lp';
import type { EvrpModel } from './model';

/** Node sequences (instance node indices, depot first and last) of the arcs chosen in a MILP solution. */
export function extractRoutes(m: EvrpModel, result: SolveResult): number[][] {
  const p = m.params;
  const next = new Map<number, number[]>();
  p.arcs.forEach((a, k) => {
    if (result.value(m.x[k]!) > 0.5) {
      const list = next.get(a.from) ?? [];
      list.push(a.to);
      next.set(a.from, list);
    }
  });
  const routes: number[][] = [];
  for (const first of next.get(p.start) ?? []) {
    const nodes = [p.vertices[p.start]!.node];
    let v = first;
    for (let guard = 0; guard <= p.vertices.length; guard++) {
      nodes.push(p.vertices[v]!.node);
      if (v === p.end) break;
      const succ = next.get(v);
      if (succ === undefined || succ.length !== 1) throw new Error(`MILP solution: vertex ${v} has ${succ?.length ?? 0} successors`);
      v = succ[0]!;
    }
    routes.push(nodes);
  }
  return routes;
}
