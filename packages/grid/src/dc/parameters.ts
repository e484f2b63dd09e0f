import { InputError } from '@gridhaul/common';
import type { CostCurve, Network } from '../network';

/**
 * Which DC network model:
 * - `matpower`: MATPOWER's DC OPF (manual §"Standard DC OPF"): b = 1/(x·tap), r ignored, flow =
 *   b(θf − θt − shift); ANGMIN/ANGMAX enforced when non-zero and inside ±360°.
 * - `powermodels-dcp`: PowerModels' DCPPowerModel: b = x/(r² + x²), taps and shifts ignored; its
 *   parser's quirks are reproduced: a branch parallel to an earlier one but drawn the other way gets
 *   r, x scaled by tap² (`correct_branch_directions!`), and angle limits beyond ±90° (or both 0)
 *   become ±60° (`correct_voltage_angle_differences!`).
 * Both count bus shunt conductance Gs as load and read RATE_A = 0 as unlimited.
 */
export type DcConvention = 'matpower' | 'powermodels-dcp';

export const DC_CONVENTIONS: readonly DcConvention[] = ['matpower', 'powermodels-dcp'];

/** A generator cost in the form the models use, $/h with P in MW. */
export type DcCost =
  | { readonly kind: 'quadratic'; readonly c2: number; readonly c1: number; readonly c0: number }
  /** Convex PWL: cost = max_k (slope_k·P + intercept_k), segments in increasing slope order. */
  | {
      readonly kind: 'piecewiseLinear';
      readonly slopes: readonly number[];
      readonly intercepts: readonly number[];
    };

export interface DcBus {
  readonly id: number;
  /** Index in network.buses. */
  readonly networkIndex: number;
  /** Pd + Gs (MW): the DC model's fixed withdrawal. */
  readonly loadMW: number;
  readonly island: number;
}

export interface DcBranch {
  /** Index in network.branches (results keep the file's orientation). */
  readonly networkIndex: number;
  readonly from: number;
  readonly to: number;
  /** Series susceptance, p.u. (MW per rad = baseMVA · b). */
  readonly bPu: number;
  readonly shiftRad: number;
  /** Thermal limit, MW; Infinity when RATE_A = 0. */
  readonly rateMW: number;
  /** Limits on θf − θt, rad (±Infinity when absent). */
  readonly angMinRad: number;
  readonly angMaxRad: number;
}

export interface DcGenerator {
  readonly networkIndex: number;
  readonly bus: number;
  readonly pminMW: number;
  readonly pmaxMW: number;
  readonly cost: DcCost;
}

export interface DcLineParam {
  readonly networkIndex: number;
  readonly from: number;
  readonly to: number;
  readonly pminMW: number;
  readonly pmaxMW: number;
  readonly loss0MW: number;
  readonly loss1: number;
}

/** Everything a DC model needs, extracted from a Network (pure; in-service components only). */
export interface DcParameters {
  readonly convention: DcConvention;
  readonly baseMVA: number;
  /** In-service buses (type ≠ 4); `from`/`to`/`bus` fields elsewhere index this array. */
  readonly buses: readonly DcBus[];
  readonly branches: readonly DcBranch[];
  readonly generators: readonly DcGenerator[];
  readonly dcLines: readonly DcLineParam[];
  /** Reference bus (index into buses) of each island, and its fixed angle in rad. */
  readonly islands: readonly { readonly refBus: number; readonly refAngleRad: number }[];
  readonly notes: readonly string[];
}

const DEG = Math.PI / 180;
const PM_PAD_RAD = 1.0472; // PowerModels' default_pad for angle limits

export function dcParameters(
  network: Network,
  convention: DcConvention = 'matpower',
): DcParameters {
  if (!DC_CONVENTIONS.includes(convention))
    throw new InputError('convention', convention, DC_CONVENTIONS.join(' or '));
  const notes: string[] = [];
  const index = new Map<number, number>();
  const buses0: Omit<DcBus, 'island'>[] = [];
  network.buses.forEach((b, i) => {
    if (b.type === 4) return;
    index.set(b.id, buses0.length);
    buses0.push({ id: b.id, networkIndex: i, loadMW: b.pdMW + b.gsMW });
  });

  const seenOrientation = new Set<string>();
  const branches: DcBranch[] = [];
  network.branches.forEach((br, i) => {
    const from = index.get(br.from);
    const to = index.get(br.to);
    if (!br.inService || from === undefined || to === undefined) return;
    let bPu: number;
    let shiftRad = 0;
    let angMinRad: number;
    let angMaxRad: number;
    if (convention === 'matpower') {
      if (br.xPu === 0)
        throw new InputError(
          `branches[${i}].xPu`,
          0,
          'a non-zero reactance (MATPOWER DC: b = 1/(x·tap))',
        );
      bPu = 1 / (br.xPu * br.tapRatio);
      shiftRad = br.shiftDeg * DEG;
      // MATPOWER makeAang: a limit counts when it is non-zero and inside ±360°
      angMinRad = br.angMinDeg !== 0 && br.angMinDeg > -360 ? br.angMinDeg * DEG : -Infinity;
      angMaxRad = br.angMaxDeg !== 0 && br.angMaxDeg < 360 ? br.angMaxDeg * DEG : Infinity;
    } else {
      let { rPu, xPu } = br;
      const reversedKey = `${br.to}-${br.from}`;
      if (seenOrientation.has(reversedKey)) {
        rPu *= br.tapRatio ** 2;
        xPu *= br.tapRatio ** 2;
        notes.push(
          `branch ${i + 1} (${br.from}-${br.to}) runs against an earlier parallel branch: r, x scaled by tap² = ${br.tapRatio ** 2} (PowerModels correct_branch_directions!)`,
        );
      } else seenOrientation.add(`${br.from}-${br.to}`);
      const z2 = rPu * rPu + xPu * xPu;
      bPu = z2 === 0 ? 0 : xPu / z2;
      let lo = br.angMinDeg * DEG;
      let hi = br.angMaxDeg * DEG;
      if (lo <= -Math.PI / 2) lo = -PM_PAD_RAD;
      if (hi >= Math.PI / 2) hi = PM_PAD_RAD;
      if (lo === 0 && hi === 0) [lo, hi] = [-PM_PAD_RAD, PM_PAD_RAD];
      angMinRad = lo;
      angMaxRad = hi;
    }
    branches.push({
      networkIndex: i,
      from,
      to,
      bPu,
      shiftRad,
      rateMW: br.rateAMVA > 0 ? br.rateAMVA : Infinity,
      angMinRad,
      angMaxRad,
    });
  });

  const generators: DcGenerator[] = [];
  network.generators.forEach((g, i) => {
    const bus = index.get(g.bus);
    if (!g.inService || bus === undefined) return;
    generators.push({
      networkIndex: i,
      bus,
      pminMW: g.pminMW,
      pmaxMW: g.pmaxMW,
      cost: dcCost(g.cost, `generators[${i}].cost`),
    });
  });

  const dcLines: DcLineParam[] = [];
  network.dcLines.forEach((d, i) => {
    const from = index.get(d.from);
    const to = index.get(d.to);
    if (!d.inService || from === undefined || to === undefined) return;
    dcLines.push({
      networkIndex: i,
      from,
      to,
      pminMW: d.pminMW,
      pmaxMW: d.pmaxMW,
      loss0MW: d.loss0MW,
      loss1: d.loss1,
    });
  });

  const { island, islands } = findIslands(network, buses0, branches, generators, convention);
  return {
    convention,
    baseMVA: network.baseMVA,
    buses: buses0.map((b, i) => ({ ...b, island: island[i] as number })),
    branches,
    generators,
    dcLines,
    islands,
    notes,
  };
}

/**
 * Connected components over in-service branches; each gets one angle reference: its type-3 bus,
 * else the bus of its largest generator (PowerModels' rule), else its first bus. MATPOWER fixes the
 * reference angle at the bus's VA; PowerModels at 0.
 */
function findIslands(
  network: Network,
  buses: readonly Omit<DcBus, 'island'>[],
  branches: readonly DcBranch[],
  generators: readonly DcGenerator[],
  convention: DcConvention,
): { island: number[]; islands: { refBus: number; refAngleRad: number }[] } {
  const parent = buses.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const br of branches) parent[root(br.from)] = root(br.to);
  const islandOfRoot = new Map<number, number>();
  const island = buses.map((_, i) => {
    const r = root(i);
    if (!islandOfRoot.has(r)) islandOfRoot.set(r, islandOfRoot.size);
    return islandOfRoot.get(r) as number;
  });
  const refs: (number | undefined)[] = new Array(islandOfRoot.size).fill(undefined);
  buses.forEach((b, i) => {
    const k = island[i] as number;
    if (refs[k] === undefined && network.buses[b.networkIndex]?.type === 3) refs[k] = i;
  });
  const hasType3 = refs.map((r) => r !== undefined);
  const biggest: number[] = new Array(islandOfRoot.size).fill(-Infinity);
  for (const g of generators) {
    const k = island[g.bus] as number;
    if (!hasType3[k] && g.pmaxMW > (biggest[k] as number)) {
      biggest[k] = g.pmaxMW;
      refs[k] = g.bus;
    }
  }
  const islands = refs.map((r, k) => {
    const refBus = r ?? island.indexOf(k);
    const va = network.buses[buses[refBus]?.networkIndex ?? 0]?.vaDeg ?? 0;
    return { refBus, refAngleRad: convention === 'matpower' ? va * DEG : 0 };
  });
  return { island, islands };
}

/**
 * MATPOWER cost → model cost. Polynomials must be convex quadratics (degree ≤ 2, c2 ≥ 0); PWL
 * curves must be convex (non-decreasing slopes). Zero-width segments are dropped.
 */
export function dcCost(cost: CostCurve, field: string): DcCost {
  if (cost.kind === 'polynomial') {
    const c = [...cost.coefficients];
    while (c.length > 3 && c[0] === 0) c.shift();
    if (c.length > 3)
      throw new InputError(
        field,
        cost.coefficients,
        'a polynomial of degree <= 2 (a convex quadratic cost)',
      );
    const [c2, c1, c0] = [0, 0, 0, ...c].slice(-3) as [number, number, number];
    if (c2 < 0)
      throw new InputError(field, cost.coefficients, 'a convex cost (quadratic coefficient >= 0)');
    return { kind: 'quadratic', c2, c1, c0 };
  }
  const slopes: number[] = [];
  const intercepts: number[] = [];
  const { pointsMW: x, costsPerHour: y } = cost;
  for (let k = 0; k + 1 < x.length; k++) {
    const dx = (x[k + 1] as number) - (x[k] as number);
    const dy = (y[k + 1] as number) - (y[k] as number);
    if (dx === 0) {
      if (dy !== 0)
        throw new InputError(
          `${field}.pointsMW[${k + 1}]`,
          x[k + 1],
          'a point to the right of the previous one (a vertical cost step is not convex)',
        );
      continue;
    }
    const m = dy / dx;
    if (slopes.length > 0 && m < (slopes[slopes.length - 1] as number) - 1e-12) {
      throw new InputError(
        `${field}`,
        { pointsMW: x, costsPerHour: y },
        'a convex piecewise-linear cost (non-decreasing slopes)',
      );
    }
    slopes.push(m);
    intercepts.push((y[k] as number) - m * (x[k] as number));
  }
  if (slopes.length === 0) return { kind: 'quadratic', c2: 0, c1: 0, c0: y[0] as number };
  return { kind: 'piecewiseLinear', slopes, intercepts };
}
