import { InputError, requireFinite, requireNonNegative, requirePositive } from '@gridhaul/common';

/**
 * A power network in MATPOWER's data model, with units in the field names. Immutable once built by
 * `createNetwork`, which validates every field and names the offending one.
 */
export interface Network {
  readonly name: string;
  /** System MVA base; per-unit power = MW / baseMVA. */
  readonly baseMVA: number;
  readonly buses: readonly Bus[];
  readonly generators: readonly Generator[];
  readonly branches: readonly Branch[];
  readonly dcLines: readonly DcLine[];
  /** What the reader changed or assumed (unit conversions, corrected bus types...). */
  readonly notes: readonly string[];
}

/** 1 = PQ, 2 = PV, 3 = reference, 4 = isolated (out of service). */
export type BusType = 1 | 2 | 3 | 4;

export interface Bus {
  /** External bus number (need not be consecutive). */
  readonly id: number;
  readonly type: BusType;
  readonly pdMW: number;
  readonly qdMVAr: number;
  /** Shunt conductance, MW consumed at 1 p.u. voltage (the DC model counts it as load). */
  readonly gsMW: number;
  readonly bsMVAr: number;
  readonly area: number;
  readonly vmPu: number;
  readonly vaDeg: number;
  readonly baseKV: number;
  readonly zone: number;
  readonly vmaxPu: number;
  readonly vminPu: number;
  readonly name?: string;
}

/**
 * Generator cost in $/h as a function of output P in MW: a polynomial (coefficients highest order
 * first, MATPOWER's model 2) or a piecewise-linear curve through (MW, $/h) points (model 1).
 */
export type CostCurve =
  | { readonly kind: 'polynomial'; readonly coefficients: readonly number[] }
  | {
      readonly kind: 'piecewiseLinear';
      readonly pointsMW: readonly number[];
      readonly costsPerHour: readonly number[];
    };

export interface Generator {
  readonly bus: number;
  readonly pgMW: number;
  readonly qgMVAr: number;
  readonly qmaxMVAr: number;
  readonly qminMVAr: number;
  readonly vgPu: number;
  readonly mBaseMVA: number;
  readonly inService: boolean;
  readonly pmaxMW: number;
  readonly pminMW: number;
  readonly cost: CostCurve;
  readonly startupCost: number;
  readonly shutdownCost: number;
}

export interface Branch {
  readonly from: number;
  readonly to: number;
  readonly rPu: number;
  readonly xPu: number;
  readonly bPu: number;
  /** Long-term rating, MVA; 0 means unlimited (MATPOWER). */
  readonly rateAMVA: number;
  readonly rateBMVA: number;
  readonly rateCMVA: number;
  /** Off-nominal turns ratio; 1 for a line (MATPOWER's TAP = 0 is stored as 1). */
  readonly tapRatio: number;
  readonly shiftDeg: number;
  readonly inService: boolean;
  /** Angle-difference limits θf − θt, degrees; ≤ −360 / ≥ 360 (or 0, MATPOWER) mean none. */
  readonly angMinDeg: number;
  readonly angMaxDeg: number;
}

/** MATPOWER's two-terminal DC line: withdraws P_f at `from`, injects P_f − (loss0 + loss1·P_f) at `to`. */
export interface DcLine {
  readonly from: number;
  readonly to: number;
  readonly inService: boolean;
  readonly pminMW: number;
  readonly pmaxMW: number;
  readonly loss0MW: number;
  readonly loss1: number;
}

export interface NetworkInput {
  name: string;
  baseMVA: number;
  buses: readonly Bus[];
  generators: readonly Generator[];
  branches: readonly Branch[];
  dcLines?: readonly DcLine[];
  notes?: readonly string[];
}

/**
 * Validates and freezes a network. `where` maps a component to a location for error messages
 * (e.g. a file and line); by default the field path `buses[3].vmaxPu` is used.
 */
export function createNetwork(
  input: NetworkInput,
  where: NetworkLocator = defaultLocator,
): Network {
  requirePositive(where('baseMVA', -1, 'baseMVA'), input.baseMVA);
  const ids = new Set<number>();
  input.buses.forEach((bus, i) => {
    const at = (f: string) => where('buses', i, f);
    if (!Number.isInteger(bus.id) || bus.id <= 0)
      throw new InputError(at('id'), bus.id, 'a positive integer bus number');
    if (ids.has(bus.id))
      throw new InputError(at('id'), bus.id, 'a bus number not used by an earlier bus');
    ids.add(bus.id);
    if (![1, 2, 3, 4].includes(bus.type))
      throw new InputError(
        at('type'),
        bus.type,
        'a bus type 1 (PQ), 2 (PV), 3 (ref) or 4 (isolated)',
      );
    for (const f of [
      'pdMW',
      'qdMVAr',
      'gsMW',
      'bsMVAr',
      'vmPu',
      'vaDeg',
      'baseKV',
      'vmaxPu',
      'vminPu',
      'area',
      'zone',
    ] as const)
      requireFinite(at(f), bus[f]);
    if (bus.vminPu > bus.vmaxPu)
      throw new InputError(at('vminPu'), bus.vminPu, `at most vmaxPu (${bus.vmaxPu})`);
  });
  if (input.buses.length === 0)
    throw new InputError(where('buses', -1, 'buses'), 0, 'at least one bus');
  const requireBus = (field: string, id: number) => {
    if (!ids.has(id)) throw new InputError(field, id, 'the number of a bus in the bus table');
  };
  input.generators.forEach((g, i) => {
    const at = (f: string) => where('generators', i, f);
    requireBus(at('bus'), g.bus);
    for (const f of [
      'pgMW',
      'qgMVAr',
      'vgPu',
      'mBaseMVA',
      'pmaxMW',
      'pminMW',
      'startupCost',
      'shutdownCost',
    ] as const)
      requireFinite(at(f), g[f]);
    // reactive limits may be ±Inf in MATPOWER files (case3012wp); a DC model does not read them
    for (const f of ['qmaxMVAr', 'qminMVAr'] as const)
      if (typeof g[f] !== 'number' || Number.isNaN(g[f]))
        throw new InputError(at(f), g[f], 'a number (±Infinity allowed)');
    if (g.inService && g.pminMW > g.pmaxMW)
      throw new InputError(at('pminMW'), g.pminMW, `at most pmaxMW (${g.pmaxMW})`);
    validateCost(at('cost'), g.cost);
  });
  input.branches.forEach((br, i) => {
    const at = (f: string) => where('branches', i, f);
    requireBus(at('from'), br.from);
    requireBus(at('to'), br.to);
    for (const f of ['rPu', 'xPu', 'bPu', 'shiftDeg', 'angMinDeg', 'angMaxDeg'] as const)
      requireFinite(at(f), br[f]);
    for (const f of ['rateAMVA', 'rateBMVA', 'rateCMVA'] as const) requireNonNegative(at(f), br[f]);
    requirePositive(at('tapRatio'), br.tapRatio);
    if (br.inService && br.from === br.to)
      throw new InputError(at('to'), br.to, `a bus other than the from bus (${br.from})`);
  });
  (input.dcLines ?? []).forEach((d, i) => {
    const at = (f: string) => where('dcLines', i, f);
    requireBus(at('from'), d.from);
    requireBus(at('to'), d.to);
    for (const f of ['pminMW', 'pmaxMW', 'loss0MW', 'loss1'] as const) requireFinite(at(f), d[f]);
    if (d.pminMW > d.pmaxMW)
      throw new InputError(at('pminMW'), d.pminMW, `at most pmaxMW (${d.pmaxMW})`);
  });
  return deepFreeze({
    name: input.name,
    baseMVA: input.baseMVA,
    buses: input.buses.map((b) => ({ ...b })),
    generators: input.generators.map((g) => ({ ...g })),
    branches: input.branches.map((b) => ({ ...b })),
    dcLines: (input.dcLines ?? []).map((d) => ({ ...d })),
    notes: [...(input.notes ?? [])],
  });
}

/** Maps (table, row index, field) to the location named in an InputError. */
export type NetworkLocator = (table: string, index: number, field: string) => string;

const defaultLocator: NetworkLocator = (table, index, field) =>
  index < 0 ? field : `${table}[${index}].${field}`;

function validateCost(field: string, cost: CostCurve): void {
  if (cost.kind === 'polynomial') {
    if (cost.coefficients.length === 0)
      throw new InputError(`${field}.coefficients`, cost.coefficients, 'at least one coefficient');
    cost.coefficients.forEach((c, k) => requireFinite(`${field}.coefficients[${k}]`, c));
    return;
  }
  if (cost.kind !== 'piecewiseLinear')
    throw new InputError(
      `${field}.kind`,
      (cost as { kind: unknown }).kind,
      "'polynomial' or 'piecewiseLinear'",
    );
  const { pointsMW, costsPerHour } = cost;
  if (pointsMW.length < 2 || pointsMW.length !== costsPerHour.length) {
    throw new InputError(
      `${field}.pointsMW`,
      pointsMW.length,
      `at least 2 points and as many costs (${costsPerHour.length})`,
    );
  }
  for (let k = 0; k < pointsMW.length; k++) {
    requireFinite(`${field}.pointsMW[${k}]`, pointsMW[k]);
    requireFinite(`${field}.costsPerHour[${k}]`, costsPerHour[k]);
    if (k > 0 && (pointsMW[k] as number) < (pointsMW[k - 1] as number)) {
      throw new InputError(
        `${field}.pointsMW[${k}]`,
        pointsMW[k],
        `a value >= the previous point (${pointsMW[k - 1]})`,
      );
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Bus number → index in `network.buses`. */
export function busIndex(network: Network): Map<number, number> {
  return new Map(network.buses.map((b, i) => [b.id, i]));
}
