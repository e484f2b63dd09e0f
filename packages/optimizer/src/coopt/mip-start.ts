import type { Var } from '@gridhaul/lp';
import { ARC_KINDS, offDutyIndex, type ArcKind, type CoOptGraph } from './network';
import type { CoOptAction, CoOptPlan } from './plan';
import type { CoOptFleetMilp } from './tsn-milp';

/** A plan as values of the fleet MILP's arc-flow variables, with its cost in the model. */
export interface FleetMilpStart {
  /** Every x[c,a] of the model: the number of class-c trucks on arc a. */
  readonly values: Map<Var, number>;
  /** Σ arc cost · flow (USD): equals the checker's total for a plan the checker accepts. */
  readonly objective: number;
}

const KIND = (k: ArcKind): number => ARC_KINDS.indexOf(k);

/**
 * Walks each truck's actions through its class's time-space network: idle slots off duty, one arc per
 * start, drive, charge, swap, depot exchange and end, one wait arc per waited slot (a drive slower
 * than the network's is its drive arc plus waits at the destination, which costs the same). Trucks of
 * a class that the plan leaves out stay off duty all day. A plan the network cannot express (an action
 * with no matching arc, e.g. a charge over several slots) gives the reason instead.
 */
export function fleetMilpStart(milp: CoOptFleetMilp, plan: CoOptPlan): FleetMilpStart | { error: string } {
  const classOf = new Map<number, number>();
  milp.graphs.forEach((g, k) => g.truckClass.truckIds.forEach((id) => classOf.set(id, k)));
  const flows = milp.graphs.map(() => new Map<number, number>());
  const used = milp.graphs.map(() => 0);
  const outs = milp.graphs.map((_, k) => outArcs(milp, k));
  for (const truck of plan.trucks) {
    const k = classOf.get(truck.truckId);
    if (k === undefined) return { error: `truck ${truck.truckId} is in no truck class of the model` };
    const path = truckPath(milp.graphs[k]!, outs[k]!, truck.actions);
    if ('error' in path) return { error: `truck ${truck.truckId}: ${path.error}` };
    for (const a of path.arcs) flows[k]!.set(a, (flows[k]!.get(a) ?? 0) + 1);
    used[k]!++;
  }
  const values = new Map<Var, number>();
  let objective = 0;
  for (let k = 0; k < milp.graphs.length; k++) {
    const g = milp.graphs[k]!;
    const idle = milp.trucks[k]! - used[k]!;
    if (idle < 0) return { error: `the plan uses ${used[k]} trucks of class ${k}, the model has ${milp.trucks[k]}` };
    const idleArcs = truckPath(g, outs[k]!, []);
    if ('error' in idleArcs) return idleArcs;
    if (idle > 0) for (const a of idleArcs.arcs) flows[k]!.set(a, (flows[k]!.get(a) ?? 0) + idle);
    milp.arcs[k]!.forEach((a, q) => {
      const v = flows[k]!.get(a) ?? 0;
      values.set(milp.x[k]![q]!, v);
      objective += v * g.total[a]!;
    });
  }
  return { values, objective };
}

/** The model's arcs of class k grouped by tail state (arc ids of the graph). */
function outArcs(milp: CoOptFleetMilp, k: number): Map<number, number[]> {
  const g = milp.graphs[k]!;
  const out = new Map<number, number[]>();
  for (const a of milp.arcs[k]!) {
    const list = out.get(g.from[a]!);
    if (list === undefined) out.set(g.from[a]!, [a]);
    else list.push(a);
  }
  return out;
}

function truckPath(g: CoOptGraph, out: Map<number, number[]>, actions: readonly CoOptAction[]): { arcs: number[] } | { error: string } {
  const s = g.settings;
  const slotOf = (h: number): number => Math.round((h - s.startH) / s.slotH);
  const arcs: number[] = [];
  let state = offDutyIndex(g, 0);
  const step = (kind: ArcKind, match: (a: number) => boolean, what: string): string | undefined => {
    const a = (out.get(state) ?? []).find((b) => g.kind[b] === KIND(kind) && match(b));
    if (a === undefined) return `no ${kind} arc for ${what} from state ${state} of the network`;
    arcs.push(a);
    state = g.to[a]!;
    return undefined;
  };
  const slot = (): number => (state >= g.onDutyStates ? state - g.onDutyStates : Math.floor(state / (g.nodes * g.levels)));
  const waitUntil = (t: number, kind: 'wait' | 'idle'): string | undefined => {
    while (slot() < t) {
      const error = step(kind, () => true, `${kind} at slot ${slot()}`);
      if (error !== undefined) return error;
    }
    return slot() === t ? undefined : `slot ${slot()} is past ${t}`;
  };
  for (const a of actions) {
    const t = slotOf(a.atH);
    const onDuty = state < g.onDutyStates;
    if (onDuty ? t !== slot() : t < slot()) return { error: `${a.kind} at ${a.atH} h does not follow on from slot ${slot()}` };
    const error = ((): string | undefined => {
      switch (a.kind) {
        case 'start':
          return waitUntil(t, 'idle') ?? step('start', () => true, `start at ${a.atH} h`);
        case 'drive': {
          const e = step('drive', (b) => g.toNode[b] === a.to, `${a.from} → ${a.to} at ${a.atH} h`);
          return e ?? waitUntil(slotOf(a.untilH), 'wait');
        }
        case 'wait':
          return waitUntil(slotOf(a.untilH), 'wait');
        case 'charge':
          if (slotOf(a.untilH) - t !== 1) return `a charge over ${slotOf(a.untilH) - t} slots at ${a.atH} h (the network charges slot by slot)`;
          return step('charge', (b) => Math.abs(g.boughtKWh[b]! - a.kWh) < 1e-6, `${a.kWh} kWh at ${a.atH} h`);
        case 'swap':
          return step('swap', (b) => g.request[b] === a.request, `request ${a.request} at ${a.atH} h`);
        case 'depot-swap':
          return step('depot-swap', () => true, `depot exchange at ${a.atH} h`);
        case 'end':
          return step('end', () => true, `end at ${a.atH} h`);
      }
    })();
    if (error !== undefined) return { error };
  }
  if (state < g.onDutyStates) return { error: 'the truck is still on duty after its last action' };
  const e = waitUntil(g.slots, 'idle');
  return e === undefined ? { arcs } : { error: e };
}
