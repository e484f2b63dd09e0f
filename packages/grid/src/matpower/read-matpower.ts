import { InputError } from '@gridhaul/common';
import {
  createNetwork,
  type Branch,
  type Bus,
  type BusType,
  type CostCurve,
  type DcLine,
  type Generator,
  type Network,
} from '../network';
import {
  BRANCH,
  BRANCH_COLUMN_NAMES,
  BUS,
  BUS_COLUMN_NAMES,
  COST,
  DCLINE,
  GEN,
  GEN_COLUMN_NAMES,
} from './columns';
import { getVar, runCaseFile, type CaseEnvironment, type Matrix, type Value } from './interpreter';

/**
 * Reads a MATPOWER case file (version 1 or 2, MATPOWER or PGLib), including the unit conversions
 * that distribution cases (case33bw, case69) perform in code. Bad files fail with an InputError
 * whose field is `file.m:line` and whose `expected` says what was expected there.
 */
export function readMatpower(text: string, fileName = 'case.m'): Network {
  const env = runCaseFile(text, fileName);
  const data = caseData(env);
  const file = env.src;
  const notes: string[] = [];
  if (env.codeRun.length > 0) notes.push(...env.codeRun.map((c) => `ran ${c}`));

  const baseMVA = data.scalar('baseMVA');
  const busM = data.matrix('bus', BUS_COLUMN_NAMES.length, BUS_COLUMN_NAMES);
  const genM = data.matrix('gen', GEN_COLUMN_NAMES.length, GEN_COLUMN_NAMES);
  const branchM = data.matrix('branch', BRANCH_COLUMN_NAMES.length - 2, BRANCH_COLUMN_NAMES);
  const gencostM = data.optionalMatrix('gencost');
  const dclineM = data.optionalMatrix('dcline');
  const names = data.optionalCell('bus_name');

  const activeGenBuses = new Set(
    genM.rows.filter((r) => (r[GEN.STATUS] as number) > 0).map((r) => r[GEN.BUS] as number),
  );
  const buses: Bus[] = busM.rows.map((r, i) => {
    const at = busM.rowAt[i] as number;
    let type = r[BUS.TYPE] as number;
    if (![1, 2, 3, 4].includes(type)) {
      const corrected = activeGenBuses.has(r[BUS.I] as number) ? 2 : 1;
      notes.push(
        `${file.where(at)}: bus ${r[BUS.I]} has type ${type}, not 1-4; treated as ${corrected} (as PowerModels' correct_bus_types! does)`,
      );
      type = corrected;
    }
    const name = names?.items[i];
    return {
      id: r[BUS.I] as number,
      type: type as BusType,
      pdMW: r[BUS.PD] as number,
      qdMVAr: r[BUS.QD] as number,
      gsMW: r[BUS.GS] as number,
      bsMVAr: r[BUS.BS] as number,
      area: r[BUS.AREA] as number,
      vmPu: r[BUS.VM] as number,
      vaDeg: r[BUS.VA] as number,
      baseKV: r[BUS.BASE_KV] as number,
      zone: r[BUS.ZONE] as number,
      vmaxPu: r[BUS.VMAX] as number,
      vminPu: r[BUS.VMIN] as number,
      ...(name !== undefined ? { name: name.trim() } : {}),
    };
  });

  const costs = gencostM ? readCosts(env, gencostM, genM.rows.length, notes) : undefined;
  if (!costs) notes.push(`${file.fileName}: no gencost; every generator costs 0 $/h`);
  const generators: Generator[] = genM.rows.map((r, i) => ({
    bus: r[GEN.BUS] as number,
    pgMW: r[GEN.PG] as number,
    qgMVAr: r[GEN.QG] as number,
    qmaxMVAr: r[GEN.QMAX] as number,
    qminMVAr: r[GEN.QMIN] as number,
    vgPu: r[GEN.VG] as number,
    mBaseMVA: r[GEN.MBASE] as number,
    inService: (r[GEN.STATUS] as number) > 0,
    pmaxMW: r[GEN.PMAX] as number,
    pminMW: r[GEN.PMIN] as number,
    cost: costs?.[i]?.cost ?? { kind: 'polynomial', coefficients: [0] },
    startupCost: costs?.[i]?.startup ?? 0,
    shutdownCost: costs?.[i]?.shutdown ?? 0,
  }));

  const branches: Branch[] = branchM.rows.map((r) => {
    const tap = r[BRANCH.TAP] as number;
    return {
      from: r[BRANCH.F] as number,
      to: r[BRANCH.T] as number,
      rPu: r[BRANCH.R] as number,
      xPu: r[BRANCH.X] as number,
      bPu: r[BRANCH.B] as number,
      rateAMVA: r[BRANCH.RATE_A] as number,
      rateBMVA: r[BRANCH.RATE_B] as number,
      rateCMVA: r[BRANCH.RATE_C] as number,
      tapRatio: tap === 0 ? 1 : tap,
      shiftDeg: r[BRANCH.SHIFT] as number,
      inService: r[BRANCH.STATUS] !== 0,
      // version-1 files have no ANGMIN/ANGMAX; MATPOWER's loadcase fills in -360 / 360
      angMinDeg: r[BRANCH.ANGMIN] ?? -360,
      angMaxDeg: r[BRANCH.ANGMAX] ?? 360,
    };
  });

  if (dclineM && dclineM.rows.length > 0)
    requireWidth(env, dclineM, 'dcline', DCLINE.LOSS1 + 1, 'F_BUS ... LOSS1');
  const dcLines: DcLine[] = (dclineM?.rows ?? []).map((r) => ({
    from: r[DCLINE.F] as number,
    to: r[DCLINE.T] as number,
    inService: r[DCLINE.STATUS] !== 0,
    pminMW: r[DCLINE.PMIN] as number,
    pmaxMW: r[DCLINE.PMAX] as number,
    loss0MW: r[DCLINE.LOSS0] as number,
    loss1: r[DCLINE.LOSS1] as number,
  }));

  const tables: Record<string, { m: Matrix; columns: Record<string, string> }> = {
    buses: { m: busM, columns: BUS_FIELDS },
    generators: { m: genM, columns: GEN_FIELDS },
    branches: { m: branchM, columns: BRANCH_FIELDS },
    dcLines: { m: dclineM ?? busM, columns: DCLINE_FIELDS },
  };
  return createNetwork(
    {
      name: fileName.replace(/^.*[\\/]/, '').replace(/\.m$/, ''),
      baseMVA,
      buses,
      generators,
      branches,
      dcLines,
      notes,
    },
    (table, index, field) => {
      if (index < 0) return `${file.fileName}: mpc.${field}`;
      const t = tables[table];
      const line = t ? file.lineAt(t.m.rowAt[index] as number) : 0;
      const mpcTable =
        { buses: 'bus', generators: 'gen', branches: 'branch', dcLines: 'dcline' }[table] ?? table;
      return `${file.fileName}:${line} mpc.${mpcTable}(${index + 1}, ${t?.columns[field.replace(/\..*$/, '')] ?? field})`;
    },
  );
}

const BUS_FIELDS: Record<string, string> = {
  id: 'BUS_I',
  type: 'BUS_TYPE',
  pdMW: 'PD',
  qdMVAr: 'QD',
  gsMW: 'GS',
  bsMVAr: 'BS',
  area: 'BUS_AREA',
  vmPu: 'VM',
  vaDeg: 'VA',
  baseKV: 'BASE_KV',
  zone: 'ZONE',
  vmaxPu: 'VMAX',
  vminPu: 'VMIN',
};
const GEN_FIELDS: Record<string, string> = {
  bus: 'GEN_BUS',
  pgMW: 'PG',
  qgMVAr: 'QG',
  qmaxMVAr: 'QMAX',
  qminMVAr: 'QMIN',
  vgPu: 'VG',
  mBaseMVA: 'MBASE',
  pmaxMW: 'PMAX',
  pminMW: 'PMIN',
  cost: 'gencost',
  startupCost: 'STARTUP',
  shutdownCost: 'SHUTDOWN',
};
const BRANCH_FIELDS: Record<string, string> = {
  from: 'F_BUS',
  to: 'T_BUS',
  rPu: 'BR_R',
  xPu: 'BR_X',
  bPu: 'BR_B',
  rateAMVA: 'RATE_A',
  rateBMVA: 'RATE_B',
  rateCMVA: 'RATE_C',
  tapRatio: 'TAP',
  shiftDeg: 'SHIFT',
  angMinDeg: 'ANGMIN',
  angMaxDeg: 'ANGMAX',
};
const DCLINE_FIELDS: Record<string, string> = {
  from: 'F_BUS',
  to: 'T_BUS',
  pminMW: 'PMIN',
  pmaxMW: 'PMAX',
  loss0MW: 'LOSS0',
  loss1: 'LOSS1',
};

interface CaseData {
  scalar(name: string): number;
  matrix(name: string, minWidth: number, columns: readonly string[]): Matrix;
  optionalMatrix(name: string): Matrix | undefined;
  optionalCell(name: string): { items: string[] } | undefined;
}

/** The case's fields: `mpc.<field>` for version 2, the output variables for version 1. */
function caseData(env: CaseEnvironment): CaseData {
  const { src } = env;
  const struct =
    env.outputs.length === 1
      ? (env.outputs[0] as string)
      : env.outputs.length === 0 && env.vars.get('mpc') instanceof Map
        ? 'mpc'
        : undefined;
  const key = (name: string) => (struct ? `${struct}.${name}` : name);
  const get = (name: string): Value | undefined => getVar(env, key(name));
  const missing = (name: string, what: string) =>
    new InputError(`${src.fileName}: ${key(name)}`, 'missing', `${what} (${key(name)} = ...)`);
  return {
    scalar(name) {
      const v = get(name);
      if (v === undefined) throw missing(name, 'a number');
      if (typeof v !== 'number')
        throw new InputError(
          src.where(env.assignedAt.get(key(name)) ?? 0),
          typeof v === 'object' ? v.kind : v,
          `${key(name)} to be a number`,
        );
      return v;
    },
    matrix(name, minWidth, columns) {
      const v = get(name);
      if (v === undefined) throw missing(name, `a ${name} matrix`);
      const m = asMatrix(env, key(name), v);
      requireWidth(env, m, key(name), minWidth, columns.slice(0, minWidth).join(' '));
      return m;
    },
    optionalMatrix(name) {
      const v = get(name);
      return v === undefined ? undefined : asMatrix(env, key(name), v);
    },
    optionalCell(name) {
      const v = get(name);
      return v !== undefined && typeof v === 'object' && v.kind === 'cell' ? v : undefined;
    },
  };
}

function asMatrix(env: CaseEnvironment, name: string, v: Value): Matrix {
  if (typeof v === 'object' && v.kind === 'matrix') return v;
  throw new InputError(
    env.src.where(env.assignedAt.get(name) ?? 0),
    typeof v === 'object' ? v.kind : v,
    `${name} to be a numeric matrix [...]`,
  );
}

function requireWidth(
  env: CaseEnvironment,
  m: Matrix,
  name: string,
  minWidth: number,
  columns: string,
): void {
  const width = m.rows[0]?.length ?? minWidth;
  if (width < minWidth)
    throw new InputError(
      env.src.where(m.rowAt[0] as number),
      `${width} columns`,
      `at least ${minWidth} columns in ${name} (${columns})`,
    );
}

interface ReadCost {
  cost: CostCurve;
  startup: number;
  shutdown: number;
}

/** gencost rows: MODEL STARTUP SHUTDOWN NCOST then NCOST coefficients (model 2) or NCOST (x, y) points (model 1). */
function readCosts(env: CaseEnvironment, m: Matrix, ng: number, notes: string[]): ReadCost[] {
  const { src } = env;
  if (m.rows.length !== ng && m.rows.length !== 2 * ng) {
    throw new InputError(
      src.where(m.rowAt[0] ?? 0),
      `${m.rows.length} gencost rows`,
      `${ng} rows (one per generator) or ${2 * ng} (active then reactive costs)`,
    );
  }
  if (m.rows.length === 2 * ng && ng > 0)
    notes.push(
      `${src.fileName}: gencost rows ${ng + 1}-${2 * ng} are reactive-power costs; a DC model ignores them`,
    );
  return m.rows.slice(0, ng).map((r, i) => {
    const where = src.where(m.rowAt[i] as number);
    const model = r[COST.MODEL];
    const n = r[COST.NCOST] as number;
    if (model !== 1 && model !== 2)
      throw new InputError(
        `${where} gencost MODEL`,
        model,
        '1 (piecewise linear) or 2 (polynomial)',
      );
    const minPoints = model === 1 ? 2 : 1;
    if (!Number.isInteger(n) || n < minPoints)
      throw new InputError(`${where} gencost NCOST`, n, `an integer >= ${minPoints}`);
    const needed = COST.FIRST + (model === 1 ? 2 * n : n);
    if (r.length < needed)
      throw new InputError(
        `${where} gencost`,
        `${r.length} columns`,
        `${needed} columns for NCOST = ${n}`,
      );
    const data = r.slice(COST.FIRST, needed);
    const cost: CostCurve =
      model === 2
        ? { kind: 'polynomial', coefficients: data }
        : {
            kind: 'piecewiseLinear',
            pointsMW: data.filter((_, k) => k % 2 === 0),
            costsPerHour: data.filter((_, k) => k % 2 === 1),
          };
    return { cost, startup: r[COST.STARTUP] as number, shutdown: r[COST.SHUTDOWN] as number };
  });
}
