import { InputError } from '@gridhaul/common';
import {
  createNetwork,
  type Branch,
  type Bus,
  type CostCurve,
  type DcLine,
  type Generator,
  type Network,
} from './network';

/**
 * The JSON network format of the API: the Network fields as they are, plus a format tag and
 * version. Non-finite numbers (a generator's QMAX = Inf) are written as the strings "Infinity" /
 * "-Infinity", since JSON has no such numbers.
 *
 *   { "format": "gridhaul.network", "version": 1, "name": "case5", "baseMVA": 100,
 *     "buses": [{ "id": 1, "type": 3, "pdMW": 0, ... }], "generators": [...], "branches": [...],
 *     "dcLines": [], "notes": [] }
 */
export const NETWORK_FORMAT = 'gridhaul.network';
export const NETWORK_FORMAT_VERSION = 1;

export function networkToJson(network: Network): unknown {
  return encode({ format: NETWORK_FORMAT, version: NETWORK_FORMAT_VERSION, ...network });
}

/** Parses and validates; an InputError names the JSON path (`buses[3].vmaxPu`). */
export function networkFromJson(value: unknown): Network {
  const root = object(value, '$');
  if (root.format !== NETWORK_FORMAT)
    throw new InputError('format', root.format, `"${NETWORK_FORMAT}"`);
  if (root.version !== NETWORK_FORMAT_VERSION)
    throw new InputError('version', root.version, `${NETWORK_FORMAT_VERSION}`);
  const name = typeof root.name === 'string' ? root.name : 'network';
  const buses = array(root.buses, 'buses').map((b, i) =>
    readBus(object(b, `buses[${i}]`), `buses[${i}]`),
  );
  const generators = array(root.generators, 'generators').map((g, i) =>
    readGenerator(object(g, `generators[${i}]`), `generators[${i}]`),
  );
  const branches = array(root.branches, 'branches').map((b, i) =>
    readBranch(object(b, `branches[${i}]`), `branches[${i}]`),
  );
  const dcLines =
    root.dcLines === undefined
      ? []
      : array(root.dcLines, 'dcLines').map((d, i) =>
          readDcLine(object(d, `dcLines[${i}]`), `dcLines[${i}]`),
        );
  const notes =
    root.notes === undefined
      ? []
      : array(root.notes, 'notes').map((s, i) =>
          typeof s === 'string' ? s : fail(`notes[${i}]`, s, 'a string'),
        );
  return createNetwork({
    name,
    baseMVA: num(root.baseMVA, 'baseMVA'),
    buses,
    generators,
    branches,
    dcLines,
    notes,
  });
}

type Obj = Record<string, unknown>;

function fail(field: string, value: unknown, expected: string): never {
  throw new InputError(field, value, expected);
}

function object(v: unknown, field: string): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Obj)
    : fail(field, v, 'an object');
}

function array(v: unknown, field: string): unknown[] {
  return Array.isArray(v) ? v : fail(field, v, 'an array');
}

function num(v: unknown, field: string): number {
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return typeof v === 'number' ? v : fail(field, v, 'a number');
}

function bool(v: unknown, field: string): boolean {
  return typeof v === 'boolean' ? v : fail(field, v, 'true or false');
}

function nums<K extends string>(o: Obj, path: string, keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = num(o[k], `${path}.${k}`);
  return out;
}

function readBus(o: Obj, path: string): Bus {
  const v = nums(o, path, [
    'id',
    'type',
    'pdMW',
    'qdMVAr',
    'gsMW',
    'bsMVAr',
    'area',
    'vmPu',
    'vaDeg',
    'baseKV',
    'zone',
    'vmaxPu',
    'vminPu',
  ] as const);
  const name =
    o.name === undefined
      ? undefined
      : typeof o.name === 'string'
        ? o.name
        : fail(`${path}.name`, o.name, 'a string');
  return { ...v, type: v.type as Bus['type'], ...(name !== undefined ? { name } : {}) };
}

function readCost(o: Obj, path: string): CostCurve {
  if (o.kind === 'polynomial')
    return {
      kind: 'polynomial',
      coefficients: array(o.coefficients, `${path}.coefficients`).map((c, k) =>
        num(c, `${path}.coefficients[${k}]`),
      ),
    };
  if (o.kind === 'piecewiseLinear') {
    return {
      kind: 'piecewiseLinear',
      pointsMW: array(o.pointsMW, `${path}.pointsMW`).map((c, k) =>
        num(c, `${path}.pointsMW[${k}]`),
      ),
      costsPerHour: array(o.costsPerHour, `${path}.costsPerHour`).map((c, k) =>
        num(c, `${path}.costsPerHour[${k}]`),
      ),
    };
  }
  return fail(`${path}.kind`, o.kind, '"polynomial" or "piecewiseLinear"');
}

function readGenerator(o: Obj, path: string): Generator {
  const v = nums(o, path, [
    'bus',
    'pgMW',
    'qgMVAr',
    'qmaxMVAr',
    'qminMVAr',
    'vgPu',
    'mBaseMVA',
    'pmaxMW',
    'pminMW',
    'startupCost',
    'shutdownCost',
  ] as const);
  return {
    ...v,
    inService: bool(o.inService, `${path}.inService`),
    cost: readCost(object(o.cost, `${path}.cost`), `${path}.cost`),
  };
}

function readBranch(o: Obj, path: string): Branch {
  const v = nums(o, path, [
    'from',
    'to',
    'rPu',
    'xPu',
    'bPu',
    'rateAMVA',
    'rateBMVA',
    'rateCMVA',
    'tapRatio',
    'shiftDeg',
    'angMinDeg',
    'angMaxDeg',
  ] as const);
  return { ...v, inService: bool(o.inService, `${path}.inService`) };
}

function readDcLine(o: Obj, path: string): DcLine {
  const v = nums(o, path, ['from', 'to', 'pminMW', 'pmaxMW', 'loss0MW', 'loss1'] as const);
  return { ...v, inService: bool(o.inService, `${path}.inService`) };
}

function encode(v: unknown): unknown {
  if (typeof v === 'number')
    return Number.isFinite(v) ? v : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : null;
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
}
