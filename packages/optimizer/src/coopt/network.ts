import { InputError } from '@gridhaul/common';
import { coOptLeg, type CoOptTruck } from '@gridhaul/routing';
import { priceAt, type CoOptCase, type PriceTable } from './data';
import type { ExchangeRequest } from './requests';
import type { CoOptSettings } from './settings';
import { wearModel } from './wear';

/** Trucks that behave identically in the model (same speed, energy, wage, mass, capacity). */
export interface TruckClass {
  readonly key: string;
  readonly truck: CoOptTruck;
  readonly truckIds: readonly number[];
}

export function truckClasses(trucks: readonly CoOptTruck[]): TruckClass[] {
  const map = new Map<string, { truck: CoOptTruck; ids: number[] }>();
  for (const t of trucks) {
    const key = `${t.speedKmh}/${t.energyPerKmKWh}/${t.wageUsdPerH}/${t.massKg}/${t.auxPerLegKWh}/${t.capacityKWh}`;
    const e = map.get(key) ?? { truck: t, ids: [] };
    e.ids.push(t.id);
    map.set(key, e);
  }
  return [...map.entries()].map(([key, e]) => ({ key, truck: e.truck, truckIds: e.ids }));
}

export const ARC_KINDS = ['wait', 'drive', 'charge', 'swap', 'depot-swap', 'start', 'end', 'idle'] as const;
export type ArcKind = (typeof ARC_KINDS)[number];
export const COST_PARTS = ['wages', 'tolls', 'maintenance', 'energyLmp', 'energyDepot', 'degradation'] as const;
export type CostPart = (typeof COST_PARTS)[number];

/**
 * The time-space network of one truck class carrying one MESS (state = slot, location, SOC level;
 * plus an off-duty state per slot at the depot). Arcs:
 * - wait (1 slot, any node); drive i→j (⌈τ_ij(t)/Δ⌉ slots, SOC − E_ij/C rounded down to the grid,
 *   never below the floor); charge at a charging site (1 slot, up to the charger's energy, at most to
 *   fullSoc, bought at the bus's price for that hour); swap at a site for a request (swap slots,
 *   start in the request window, carried SOC ≥ deliverySoc; the truck leaves with the old unit at
 *   replaceSoc); depot-swap (carried unit left to be recharged at the depot price, a full one taken);
 *   start (off duty → on duty with a full unit); end (on duty at the depot → off duty, unit left to be
 *   recharged); idle (off duty, 1 slot).
 * Wages are paid on every on-duty slot. Every arc carries its cost split into COST_PARTS.
 */
export interface CoOptGraph {
  readonly case: CoOptCase;
  readonly settings: CoOptSettings;
  readonly requests: readonly ExchangeRequest[];
  readonly truckClass: TruckClass;
  readonly prices: PriceTable;
  readonly depotPriceUsdPerKWh: number;
  readonly slots: number;
  readonly nodes: number;
  /** Levels 0..maxLevel; SOC = level·grid. */
  readonly levels: number;
  readonly grid: number;
  readonly fullLevel: number;
  readonly floorLevel: number;
  readonly deliveryLevel: number;
  readonly oldLevel: number;
  readonly swapSlots: number;
  readonly onDutyStates: number;
  readonly stateCount: number;
  readonly arcCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly kind: Uint8Array;
  readonly request: Int32Array;
  /** Node the arc starts at, and where it leads (for drive arcs). */
  readonly node: Int32Array;
  readonly toNode: Int32Array;
  readonly slot: Int32Array;
  readonly duration: Int32Array;
  readonly km: Float64Array;
  readonly boughtKWh: Float64Array;
  /** cost[part][arc] (USD). */
  readonly cost: Readonly<Record<CostPart, Float64Array>>;
  readonly total: Float64Array;
}

export function stateIndex(g: Pick<CoOptGraph, 'nodes' | 'levels'>, slot: number, node: number, level: number): number {
  return (slot * g.nodes + node) * g.levels + level;
}

export function offDutyIndex(g: Pick<CoOptGraph, 'onDutyStates'>, slot: number): number {
  return g.onDutyStates + slot;
}

export function decodeState(g: Pick<CoOptGraph, 'nodes' | 'levels' | 'onDutyStates'>, index: number): { slot: number; node: number; level: number; onDuty: boolean } {
  if (index >= g.onDutyStates) return { slot: index - g.onDutyStates, node: 0, level: -1, onDuty: false };
  const level = index % g.levels;
  const rest = (index - level) / g.levels;
  const node = rest % g.nodes;
  return { slot: (rest - node) / g.nodes, node, level, onDuty: true };
}

export interface GraphOptions {
  /** Price table to buy at (default the case's). */
  prices?: PriceTable;
}

export function buildCoOptGraph(c: CoOptCase, s: CoOptSettings, requests: readonly ExchangeRequest[], truckClass: TruckClass, options: GraphOptions = {}): CoOptGraph {
  const truck = truckClass.truck;
  const prices = options.prices ?? c.prices;
  const capacity = truck.capacityKWh;
  const grid = s.socGridPct / 100;
  const gridKWh = grid * capacity;
  const levels = Math.round(1 / grid) + 1;
  const lvl = (soc: number): number => Math.round(soc / grid);
  const fullLevel = lvl(s.fullSoc);
  const floorLevel = lvl(s.socFloor);
  const deliveryLevel = lvl(s.deliverySoc);
  const oldLevel = lvl(s.replaceSoc);
  if (oldLevel < floorLevel) throw new InputError('replaceSoc', s.replaceSoc, `>= socFloor (${s.socFloor})`);
  const slots = Math.round((s.endH - s.startH) / s.slotH);
  const nodes = c.network.nodeIds.length;
  const swapSlots = Math.max(1, Math.ceil(s.swapH / s.slotH - 1e-9));
  const chargeLevels = Math.floor((s.chargerKW * s.slotH) / gridKWh + 1e-9);
  const onDutyStates = (slots + 1) * nodes * levels;
  const depotPrice = s.depotPriceUsdPerKWh ?? prices.usdPerKWh.flat().reduce((a, b) => a + b, 0) / prices.usdPerKWh.flat().length;
  const wear = wearModel(capacity, s);
  const wearTable: number[][] = Array.from({ length: levels }, (_, a) => Array.from({ length: levels }, (_, b) => wear.transitionUsd(a * grid, b * grid)));
  const busOf = new Map(c.chargingSites.map((x) => [x.node, x.bus]));
  const siteRequests = new Map<number, ExchangeRequest[]>();
  for (const r of requests) siteRequests.set(r.site, [...(siteRequests.get(r.site) ?? []), r]);
  const T = (slot: number): number => s.startH + slot * s.slotH;
  const legs: ({ k: number; km: number; e: number } | null)[][][] = Array.from({ length: slots }, (_, t) =>
    Array.from({ length: nodes }, (_, i) =>
      Array.from({ length: nodes }, (_, j) => {
        if (i === j) return null;
        const leg = coOptLeg(c.network, i, j, T(t), truck, s.clock);
        if (leg === null) return null;
        return { k: Math.max(1, Math.ceil(leg.travelTimeH / s.slotH - 1e-9)), km: leg.distanceKm, e: leg.energyKWh };
      }),
    ),
  );

  const A: { from: number[]; to: number[]; kind: number[]; request: number[]; node: number[]; toNode: number[]; slot: number[]; duration: number[]; km: number[]; bought: number[]; parts: number[][] } = {
    from: [],
    to: [],
    kind: [],
    request: [],
    node: [],
    toNode: [],
    slot: [],
    duration: [],
    km: [],
    bought: [],
    parts: COST_PARTS.map(() => []),
  };
  const wageH = truck.wageUsdPerH;
  const push = (from: number, to: number, kind: ArcKind, t: number, node: number, toNode: number, duration: number, km: number, bought: number, parts: [number, number, number, number, number, number], request = -1): void => {
    A.from.push(from);
    A.to.push(to);
    A.kind.push(ARC_KINDS.indexOf(kind));
    A.request.push(request);
    A.node.push(node);
    A.toNode.push(toNode);
    A.slot.push(t);
    A.duration.push(duration);
    A.km.push(km);
    A.bought.push(bought);
    parts.forEach((p, q) => A.parts[q]!.push(p));
  };
  const g0 = { nodes, levels };
  const idx = (t: number, i: number, l: number): number => stateIndex(g0, t, i, l);
  const off = (t: number): number => onDutyStates + t;
  for (let t = 0; t < slots; t++) {
    const hourPrice = (node: number): number => priceAt(prices, busOf.get(node) as number, T(t));
    push(off(t), off(t + 1), 'idle', t, 0, 0, 1, 0, 0, [0, 0, 0, 0, 0, 0]);
    if (t + swapSlots <= slots) push(off(t), idx(t + swapSlots, 0, fullLevel), 'start', t, 0, 0, swapSlots, 0, 0, [wageH * swapSlots * s.slotH, 0, 0, 0, 0, 0]);
    for (let i = 0; i < nodes; i++) {
      for (let l = floorLevel; l < levels; l++) {
        const here = idx(t, i, l);
        push(here, idx(t + 1, i, l), 'wait', t, i, i, 1, 0, 0, [wageH * s.slotH, 0, 0, 0, 0, 0]);
        for (let j = 0; j < nodes; j++) {
          const leg = legs[t]![i]![j];
          if (!leg || t + leg.k > slots) continue;
          const raw = l * gridKWh - leg.e;
          if (raw < floorLevel * gridKWh - 1e-9) continue;
          const l2 = Math.min(levels - 1, Math.floor(raw / gridKWh + 1e-9));
          push(here, idx(t + leg.k, j, l2), 'drive', t, i, j, leg.k, leg.km, 0, [wageH * leg.k * s.slotH, s.toll * leg.km, s.maintenance * leg.km, 0, 0, wearTable[l]![l2]!]);
        }
        if (busOf.has(i) && l < fullLevel) {
          const price = hourPrice(i);
          for (let l2 = l + 1; l2 <= Math.min(fullLevel, l + chargeLevels); l2++) {
            const kWh = (l2 - l) * gridKWh;
            push(here, idx(t + 1, i, l2), 'charge', t, i, i, 1, 0, kWh, [wageH * s.slotH, 0, 0, kWh * price, 0, wearTable[l]![l2]!]);
          }
        }
        if (l >= deliveryLevel && t + swapSlots <= slots) {
          for (const r of siteRequests.get(i) ?? []) {
            if (T(t) < r.earliestH - 1e-9 || T(t) > r.latestH + 1e-9) continue;
            push(here, idx(t + swapSlots, i, oldLevel), 'swap', t, i, i, swapSlots, 0, 0, [wageH * swapSlots * s.slotH, 0, 0, 0, 0, 0], r.id);
          }
        }
        if (i === 0) {
          const refill = Math.max(0, (fullLevel - l) * gridKWh) * depotPrice;
          push(here, off(t), 'end', t, 0, 0, 0, 0, 0, [0, 0, 0, 0, refill, 0]);
          if (t + swapSlots <= slots && l !== fullLevel) push(here, idx(t + swapSlots, 0, fullLevel), 'depot-swap', t, 0, 0, swapSlots, 0, 0, [wageH * swapSlots * s.slotH, 0, 0, 0, refill, 0]);
        }
      }
    }
  }
  // Back at the depot at the horizon's end: the truck must go off duty then.
  for (let l = floorLevel; l < levels; l++) {
    const refill = Math.max(0, (fullLevel - l) * gridKWh) * depotPrice;
    push(idx(slots, 0, l), off(slots), 'end', slots, 0, 0, 0, 0, 0, [0, 0, 0, 0, refill, 0]);
  }
  const n = A.from.length;
  const cost = Object.fromEntries(COST_PARTS.map((p, q) => [p, Float64Array.from(A.parts[q]!)])) as Record<CostPart, Float64Array>;
  const total = new Float64Array(n);
  for (const p of COST_PARTS) for (let a = 0; a < n; a++) total[a]! += cost[p][a]!;
  return {
    case: c,
    settings: s,
    requests,
    truckClass,
    prices,
    depotPriceUsdPerKWh: depotPrice,
    slots,
    nodes,
    levels,
    grid,
    fullLevel,
    floorLevel,
    deliveryLevel,
    oldLevel,
    swapSlots,
    onDutyStates,
    stateCount: onDutyStates + slots + 1,
    arcCount: n,
    from: Int32Array.from(A.from),
    to: Int32Array.from(A.to),
    kind: Uint8Array.from(A.kind),
    request: Int32Array.from(A.request),
    node: Int32Array.from(A.node),
    toNode: Int32Array.from(A.toNode),
    slot: Int32Array.from(A.slot),
    duration: Int32Array.from(A.duration),
    km: Float64Array.from(A.km),
    boughtKWh: Float64Array.from(A.bought),
    cost,
    total,
  };
}

/** Arcs that lie on some path from off-duty at slot 0 to off-duty at the last slot. */
export function usefulArcs(g: CoOptGraph): Int32Array {
  const fwd = new Uint8Array(g.stateCount);
  const bwd = new Uint8Array(g.stateCount);
  const order = arcsBySlot(g);
  fwd[offDutyIndex(g, 0)] = 1;
  for (const a of order) if (fwd[g.from[a]!]) fwd[g.to[a]!] = 1;
  bwd[offDutyIndex(g, g.slots)] = 1;
  for (let q = order.length - 1; q >= 0; q--) {
    const a = order[q]!;
    if (bwd[g.to[a]!]) bwd[g.from[a]!] = 1;
  }
  const keep: number[] = [];
  for (let a = 0; a < g.arcCount; a++) if (fwd[g.from[a]!] && bwd[g.to[a]!]) keep.push(a);
  return Int32Array.from(keep);
}

/**
 * Arcs in an order where every arc comes after all arcs into its tail state: by slot; within a
 * slot, on-duty arcs (which include the zero-length 'end' into the slot's off-duty state) before the
 * off-duty state's own arcs.
 */
export function arcsBySlot(g: CoOptGraph): Int32Array {
  const key = (a: number): number => g.slot[a]! * 2 + (g.from[a]! >= g.onDutyStates ? 1 : 0);
  const arcs = Array.from({ length: g.arcCount }, (_, a) => a);
  arcs.sort((a, b) => key(a) - key(b));
  return Int32Array.from(arcs);
}
