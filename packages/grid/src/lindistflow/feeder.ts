import { InputError, requireFinite, requireNonNegative } from '@gridhaul/common';
import type { Network } from '../network';
import { dcCost, type DcCost } from '../dc/parameters';

/** A distributed energy resource added to a feeder (not in the case file). */
export interface DistributedResource {
  readonly bus: number;
  readonly pmaxMW: number;
  readonly pminMW?: number;
  readonly costPerMWh: number;
  readonly qmaxMVAr?: number;
  readonly qminMVAr?: number;
}

export interface FeederOptions {
  readonly resources?: readonly DistributedResource[];
  /** Overrides every bus's VMIN (p.u.) except the substation's. */
  readonly vminPu?: number;
  readonly vmaxPu?: number;
  /** Per-branch MVA limits (branch row, 1-based → MVA), added to RATE_A. */
  readonly lineLimitsMVA?: Readonly<Record<number, number>>;
}

export interface FeederBranch {
  readonly networkIndex: number;
  /** Index into `buses` of the end nearer the substation. */
  readonly parent: number;
  readonly child: number;
  readonly rPu: number;
  readonly xPu: number;
  /** Infinity when unlimited. */
  readonly limitMVA: number;
}

export interface FeederSource {
  readonly label: string;
  readonly bus: number;
  readonly pminMW: number;
  readonly pmaxMW: number;
  readonly qminMVAr: number;
  readonly qmaxMVAr: number;
  readonly cost: DcCost;
}

/** A radial feeder rooted at its substation, buses in breadth-first order from the root. */
export interface Feeder {
  readonly baseMVA: number;
  readonly buses: readonly {
    readonly id: number;
    readonly networkIndex: number;
    readonly pdMW: number;
    readonly qdMVAr: number;
    readonly vminPu: number;
    readonly vmaxPu: number;
  }[];
  readonly root: number;
  readonly rootVoltagePu: number;
  /** branches[k] feeds bus `child`; `parentBranch[bus]` is the branch into a bus (−1 at the root). */
  readonly branches: readonly FeederBranch[];
  readonly parentBranch: readonly number[];
  readonly sources: readonly FeederSource[];
}

/**
 * Builds the radial feeder of a distribution case: in-service branches must form a tree over the
 * in-service buses, rooted at the reference (type-3) bus, whose voltage is held at its VM.
 */
export function feederFromNetwork(network: Network, options: FeederOptions = {}): Feeder {
  const active = network.buses.map((b, i) => ({ b, i })).filter(({ b }) => b.type !== 4);
  const pos = new Map(active.map(({ b }, k) => [b.id, k]));
  const rootK = active.findIndex(({ b }) => b.type === 3);
  if (rootK < 0)
    throw new InputError('buses', 'no type-3 bus', 'a reference (substation) bus of type 3');
  const adjacency = active.map(() => [] as { other: number; l: number }[]);
  let edges = 0;
  network.branches.forEach((br, l) => {
    const f = pos.get(br.from);
    const t = pos.get(br.to);
    if (!br.inService || f === undefined || t === undefined) return;
    adjacency[f]!.push({ other: t, l });
    adjacency[t]!.push({ other: f, l });
    edges++;
  });
  if (edges !== active.length - 1)
    throw new InputError(
      'branches',
      `${edges} in-service branches for ${active.length} buses`,
      `a radial feeder (${active.length - 1} branches forming a tree)`,
    );

  const order: number[] = [rootK];
  const parentOf = new Map<number, { parent: number; l: number }>([[rootK, { parent: -1, l: -1 }]]);
  for (let q = 0; q < order.length; q++) {
    const u = order[q] as number;
    for (const { other, l } of adjacency[u]!) {
      if (parentOf.has(other)) continue;
      parentOf.set(other, { parent: u, l });
      order.push(other);
    }
  }
  if (order.length !== active.length)
    throw new InputError(
      'branches',
      `${active.length - order.length} buses unreachable from the substation`,
      'a connected radial feeder',
    );

  const newIndex = new Map(order.map((k, i) => [k, i]));
  const limits = options.lineLimitsMVA ?? {};
  const vmin = options.vminPu === undefined ? undefined : requireFinite('vminPu', options.vminPu);
  const vmax = options.vmaxPu === undefined ? undefined : requireFinite('vmaxPu', options.vmaxPu);
  const buses = order.map((k, i) => {
    const b = active[k]!.b;
    const isRoot = i === 0;
    return {
      id: b.id,
      networkIndex: active[k]!.i,
      pdMW: b.pdMW + b.gsMW,
      qdMVAr: b.qdMVAr - b.bsMVAr,
      vminPu: isRoot ? b.vminPu : (vmin ?? b.vminPu),
      vmaxPu: isRoot ? b.vmaxPu : (vmax ?? b.vmaxPu),
    };
  });
  const parentBranch = new Array<number>(order.length).fill(-1);
  const branches: FeederBranch[] = order.slice(1).map((k, j) => {
    const { parent, l } = parentOf.get(k)!;
    const br = network.branches[l]!;
    const extra = limits[l + 1];
    if (extra !== undefined) requireNonNegative(`lineLimitsMVA[${l + 1}]`, extra);
    const rate = Math.min(br.rateAMVA > 0 ? br.rateAMVA : Infinity, extra ?? Infinity);
    const child = j + 1;
    parentBranch[child] = j;
    return {
      networkIndex: l,
      parent: newIndex.get(parent)!,
      child,
      rPu: br.rPu,
      xPu: br.xPu,
      limitMVA: rate,
    };
  });

  const sources: FeederSource[] = [];
  network.generators.forEach((g, i) => {
    const k = pos.get(g.bus);
    if (!g.inService || k === undefined) return;
    sources.push({
      label: `gen ${i + 1}`,
      bus: newIndex.get(k)!,
      pminMW: g.pminMW,
      pmaxMW: g.pmaxMW,
      qminMVAr: g.qminMVAr,
      qmaxMVAr: g.qmaxMVAr,
      cost: dcCost(g.cost, `generators[${i}].cost`),
    });
  });
  (options.resources ?? []).forEach((r, i) => {
    const k = pos.get(r.bus);
    if (k === undefined)
      throw new InputError(`resources[${i}].bus`, r.bus, 'an in-service bus of the feeder');
    const pmax = requireNonNegative(`resources[${i}].pmaxMW`, r.pmaxMW);
    sources.push({
      label: `resource ${i + 1}`,
      bus: newIndex.get(k)!,
      pminMW: requireFinite(`resources[${i}].pminMW`, r.pminMW ?? 0),
      pmaxMW: pmax,
      qminMVAr: requireFinite(`resources[${i}].qminMVAr`, r.qminMVAr ?? 0),
      qmaxMVAr: requireFinite(`resources[${i}].qmaxMVAr`, r.qmaxMVAr ?? 0),
      cost: {
        kind: 'quadratic',
        c2: 0,
        c1: requireFinite(`resources[${i}].costPerMWh`, r.costPerMWh),
        c0: 0,
      },
    });
  });
  const rootBus = active[rootK]!.b;
  return {
    baseMVA: network.baseMVA,
    buses,
    root: 0,
    rootVoltagePu: rootBus.vmPu,
    branches,
    parentBranch,
    sources,
  };
}
