import { InputError } from '@gridhaul/common';
import { ARC_KINDS, arcsBySlot, offDutyIndex, type CoOptGraph } from './network';
import { arcsToTruckPlan } from './paths';
import type { CoOptPlan } from './plan';

export interface CoOptDpResult {
  readonly objective: number;
  readonly feasible: boolean;
  readonly arcs: readonly number[];
  readonly plan: CoOptPlan;
  readonly states: number;
}

const SWAP = ARC_KINDS.indexOf('swap');

/**
 * Exact plan for one truck and its MESS: shortest path over (time slot, location, SOC level,
 * requests served) in the class's time-space network, from off duty at the first slot to off duty
 * at the last with every request served. Requests are bits of a mask, so this is for a handful of
 * requests (2^R copies of the network).
 */
export function solveCoOptDp(g: CoOptGraph, truckId = g.truckClass.truckIds[0] ?? 0): CoOptDpResult {
  const R = g.requests.length;
  if (R > 16) throw new InputError('requests', R, 'at most 16 requests for the one-truck DP');
  g.requests.forEach((r, i) => {
    if (r.id !== i) throw new InputError(`requests[${i}].id`, r.id, `${i} (ids numbered 0..R−1)`);
  });
  const masks = 1 << R;
  const S = g.stateCount;
  const value = new Float64Array(masks * S).fill(Infinity);
  const parent = new Int32Array(masks * S).fill(-1);
  value[offDutyIndex(g, 0)] = 0;
  const order = arcsBySlot(g);
  for (const a of order) {
    const from = g.from[a]!;
    const to = g.to[a]!;
    const c = g.total[a]!;
    const bit = g.kind[a] === SWAP ? 1 << g.request[a]! : 0;
    for (let m = 0; m < masks; m++) {
      const v = value[m * S + from]!;
      if (v === Infinity || m & bit) continue;
      const k = (m | bit) * S + to;
      if (v + c < value[k]! - 1e-12) {
        value[k] = v + c;
        parent[k] = a;
      }
    }
  }
  const full = masks - 1;
  const end = full * S + offDutyIndex(g, g.slots);
  const objective = value[end]!;
  if (objective === Infinity) return { objective, feasible: false, arcs: [], plan: { method: 'dp', trucks: [] }, states: masks * S };
  const arcs: number[] = [];
  let m = full;
  let state = offDutyIndex(g, g.slots);
  while (!(m === 0 && state === offDutyIndex(g, 0))) {
    const a = parent[m * S + state]!;
    arcs.unshift(a);
    if (g.kind[a] === SWAP) m &= ~(1 << g.request[a]!);
    state = g.from[a]!;
  }
  const truck = arcsToTruckPlan(g, arcs, truckId);
  const works = truck.actions.length > 0;
  return { objective, feasible: true, arcs, plan: { method: 'dp', trucks: works ? [truck] : [] }, states: masks * S };
}
