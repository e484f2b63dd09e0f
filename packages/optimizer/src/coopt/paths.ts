import { ARC_KINDS, type CoOptGraph } from './network';
import type { CoOptAction, CoOptTruckPlan } from './plan';

/** A truck's day as the arcs it uses, turned into plan actions (consecutive waits merged). */
export function arcsToTruckPlan(g: CoOptGraph, arcs: readonly number[], truckId: number): CoOptTruckPlan {
  const s = g.settings;
  const T = (slot: number): number => s.startH + slot * s.slotH;
  const actions: CoOptAction[] = [];
  for (const a of arcs) {
    const kind = ARC_KINDS[g.kind[a]!]!;
    const at = T(g.slot[a]!);
    const until = T(g.slot[a]! + g.duration[a]!);
    if (kind === 'idle') continue;
    if (kind === 'wait') {
      const last = actions[actions.length - 1];
      if (last?.kind === 'wait' && last.node === g.node[a] && Math.abs(last.untilH - at) < 1e-9) actions[actions.length - 1] = { ...last, untilH: until };
      else actions.push({ kind: 'wait', node: g.node[a]!, atH: at, untilH: until });
    } else if (kind === 'drive') actions.push({ kind: 'drive', from: g.node[a]!, to: g.toNode[a]!, atH: at, untilH: until });
    else if (kind === 'charge') actions.push({ kind: 'charge', node: g.node[a]!, atH: at, untilH: until, kWh: g.boughtKWh[a]! });
    else if (kind === 'swap') actions.push({ kind: 'swap', node: g.node[a]!, request: g.request[a]!, atH: at, untilH: until });
    else if (kind === 'depot-swap') actions.push({ kind: 'depot-swap', atH: at, untilH: until });
    else if (kind === 'start') actions.push({ kind: 'start', atH: at, untilH: until });
    else actions.push({ kind: 'end', atH: at });
  }
  return { truckId, actions };
}

/** Sum of arc costs of a path (USD). */
export function pathCost(g: CoOptGraph, arcs: readonly number[]): number {
  return arcs.reduce((s, a) => s + g.total[a]!, 0);
}
