import { InputError } from '@gridhaul/common';
import { INDEX_FUNCTIONS } from './columns';
import { parseExpression, type Expr } from './expression';
import { SourceText, type Statement } from './source-text';

/** A numeric matrix with the file offset of each row (for error messages that name the line). */
export interface Matrix {
  readonly kind: 'matrix';
  readonly rows: number[][];
  readonly rowAt: number[];
}

export type Value =
  | number
  | string
  | Matrix
  | { readonly kind: 'cell'; readonly items: string[]; readonly itemAt: number[] };

/** What executing a case file leaves behind: the function's outputs and every variable it set. */
export interface CaseEnvironment {
  readonly src: SourceText;
  /** Output names of the `function` line (`['mpc']` or `['baseMVA', 'bus', ...]`), empty if none. */
  readonly outputs: readonly string[];
  readonly vars: Map<string, Value | Map<string, Value>>;
  /** Offset of each variable's (or struct field's) last assignment, key `name` or `name.field`. */
  readonly assignedAt: Map<string, number>;
  /** Human-readable record of the code (not data) statements that ran, e.g. unit conversions. */
  readonly codeRun: string[];
}

/**
 * Runs a MATPOWER case file: data assignments (`mpc.bus = [...]`, version-1 `bus = [...]`), the
 * `idx_bus`/`idx_brch`/`idx_gen`/`idx_cost` column-name unpacking, scalar arithmetic and column
 * updates such as case33bw's Ω→p.u. and kW→MW conversions. Anything else fails with the line.
 */
export function runCaseFile(text: string, fileName: string): CaseEnvironment {
  const src = new SourceText(text, fileName);
  const env: CaseEnvironment = {
    src,
    outputs: [],
    vars: new Map(),
    assignedAt: new Map(),
    codeRun: [],
  };
  const outputs: string[] = [];
  for (const st of src.statements()) {
    if (/^function\b/.test(st.text)) {
      outputs.push(...parseFunctionLine(src, st));
      continue;
    }
    if (/^(return|end|endfunction)$/.test(st.text)) continue;
    execute(env, st);
  }
  return { ...env, outputs };
}

function parseFunctionLine(src: SourceText, st: Statement): string[] {
  const m =
    /^function\s+(?:\[([^\]]*)\]|(\w+))\s*=\s*\w+\s*(\(\s*\))?$/.exec(st.text) ??
    /^function\s+\w+\s*(\(\s*\))?$/.exec(st.text);
  if (!m)
    throw new InputError(
      src.where(st.start),
      st.text,
      "a function line 'function mpc = name' or 'function [baseMVA, bus, ...] = name'",
    );
  if (m[1] !== undefined) return m[1].split(/[\s,]+/).filter(Boolean);
  return m[2] !== undefined ? [m[2]] : [];
}

function execute(env: CaseEnvironment, st: Statement): void {
  const { src } = env;
  const eq = topLevelAssignment(st.text);
  if (eq < 0)
    throw new InputError(
      src.where(st.start),
      st.text.slice(0, 60),
      'an assignment such as mpc.bus = [...] (other MATLAB code is not supported)',
    );
  const lhs = st.text.slice(0, eq).trim();
  const rhsText = st.text.slice(eq + 1);
  const rhsStart = st.start + eq + 1 + (rhsText.length - rhsText.trimStart().length);
  const rhs = rhsText.trim();

  const unpack = /^\[([\w\s,]+)\]$/.exec(lhs);
  if (unpack) {
    const names = (unpack[1] as string).split(/[\s,]+/).filter(Boolean);
    const values = INDEX_FUNCTIONS[rhs];
    if (!values)
      throw new InputError(
        src.where(rhsStart),
        rhs,
        `one of ${Object.keys(INDEX_FUNCTIONS).join(', ')}`,
      );
    names.forEach((n, k) => {
      const v = values[k];
      if (v === undefined)
        throw new InputError(src.where(st.start), n, `at most ${values.length} names from ${rhs}`);
      env.vars.set(n, v);
    });
    return;
  }

  const target = /^([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?\s*(?:\((.*)\))?$/s.exec(lhs);
  if (!target)
    throw new InputError(
      src.where(st.start),
      lhs,
      'a name, a struct field (mpc.bus) or an indexed field (mpc.bus(:, PD))',
    );
  const [, base, field, indexText] = target as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  const key = field ? `${base}.${field}` : base;
  const value = evaluateRhs(env, rhs, rhsStart);
  if (indexText !== undefined) {
    const parsed = parseExpression(src, lhs, st.start);
    if (parsed.t !== 'index')
      throw new InputError(src.where(st.start), lhs, 'an indexed field such as mpc.bus(:, PD)');
    assignIndexed(env, key, parsed.args, value, st.start);
    env.codeRun.push(`${src.where(st.start)}: ${st.text.replace(/\s+/g, ' ')}`);
    return;
  }
  setVar(env, base, field, value);
  env.assignedAt.set(key, st.start);
  if (typeof value === 'number' && !/^[-+]?[\d.eE+-]+$/.test(rhs))
    env.codeRun.push(`${src.where(st.start)}: ${st.text.replace(/\s+/g, ' ')} (= ${value})`);
}

function topLevelAssignment(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '=' && depth === 0 && text[i + 1] !== '=' && !'<>~='.includes(text[i - 1] ?? ''))
      return i;
  }
  return -1;
}

function setVar(env: CaseEnvironment, base: string, field: string | undefined, value: Value): void {
  if (!field) {
    env.vars.set(base, value);
    return;
  }
  let struct = env.vars.get(base);
  if (!(struct instanceof Map)) {
    struct = new Map<string, Value>();
    env.vars.set(base, struct);
  }
  struct.set(field, value);
}

export function getVar(env: CaseEnvironment, key: string): Value | undefined {
  const [base, field] = key.split('.') as [string, string | undefined];
  const v = env.vars.get(base);
  if (field === undefined) return v instanceof Map ? undefined : v;
  return v instanceof Map ? v.get(field) : undefined;
}

function evaluateRhs(env: CaseEnvironment, rhs: string, at: number): Value {
  if (rhs.startsWith('[') && rhs.endsWith(']')) return parseMatrixLiteral(env.src, rhs, at);
  if (rhs.startsWith('{') && rhs.endsWith('}')) return parseCellLiteral(env.src, rhs, at);
  return evaluate(env, parseExpression(env.src, rhs, at));
}

const NUMERIC = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|Inf|inf|NaN|nan)$/;

/** `[ 1 2 3; 4 5 6 ]` over several lines; rows end at `;` or a line break. */
export function parseMatrixLiteral(src: SourceText, text: string, at: number): Matrix {
  const rows: number[][] = [];
  const rowAt: number[] = [];
  let row: number[] = [];
  let rowStart = -1;
  let token = '';
  let tokenAt = 0;
  const endToken = () => {
    if (token === '') return;
    if (!NUMERIC.test(token))
      throw new InputError(src.where(tokenAt), token, 'a number in the matrix');
    if (rowStart < 0) rowStart = tokenAt;
    row.push(Number(token.replace(/^([+-]?)(?:inf|Inf)$/, '$1Infinity')));
    token = '';
  };
  const endRow = () => {
    endToken();
    if (row.length > 0) {
      const width = rows[0]?.length;
      if (width !== undefined && row.length !== width) {
        throw new InputError(
          src.where(rowStart),
          `${row.length} columns`,
          `${width} columns, like the first row (line ${src.lineAt(rowAt[0] as number)})`,
        );
      }
      rows.push(row);
      rowAt.push(rowStart);
    }
    row = [];
    rowStart = -1;
  };
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i] as string;
    if (c === ';' || c === '\n') endRow();
    else if (c === ' ' || c === '\t' || c === ',' || c === '\r') endToken();
    else {
      if (token === '') tokenAt = at + i;
      token += c;
    }
  }
  endRow();
  return { kind: 'matrix', rows, rowAt };
}

function parseCellLiteral(src: SourceText, text: string, at: number): Value {
  const items: string[] = [];
  const itemAt: number[] = [];
  const re = /'((?:[^']|'')*)'|(\S)/g;
  const body = text.slice(1, -1);
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1] !== undefined) {
      items.push(m[1].replace(/''/g, "'"));
      itemAt.push(at + 1 + m.index);
    } else if (m[2] !== ';' && m[2] !== ',') {
      throw new InputError(src.where(at + 1 + m.index), m[2], 'a quoted string in the cell array');
    }
  }
  return { kind: 'cell', items, itemAt };
}

function evaluate(env: CaseEnvironment, e: Expr): Value {
  const { src } = env;
  switch (e.t) {
    case 'num':
      return e.v;
    case 'str':
      return e.v;
    case 'name': {
      const key = e.parts.join('.');
      const v = e.parts.length <= 2 ? getVar(env, key) : undefined;
      if (v === undefined)
        throw new InputError(src.where(e.at), key, 'a name assigned earlier in the file');
      return v;
    }
    case 'list': {
      const items = e.items.map((x) => evaluate(env, x));
      if (items.every((x) => typeof x === 'number'))
        return { kind: 'matrix', rows: [items as number[]], rowAt: [e.at] };
      throw new InputError(src.where(e.at), 'a list of non-numbers', 'a list of numbers');
    }
    case 'neg':
      return arithmetic(env, '*', -1, evaluate(env, e.e), e.at);
    case 'bin':
      return arithmetic(env, e.op, evaluate(env, e.l), evaluate(env, e.r), e.at);
    case 'index': {
      const key = e.target.parts.join('.');
      const m = getVar(env, key);
      if (!m || typeof m !== 'object' || m.kind !== 'matrix')
        throw new InputError(src.where(e.at), key, 'a matrix assigned earlier in the file');
      const [rows, cols] = indexSets(env, e.args, m, e.at);
      if (rows.length === 1 && cols.length === 1)
        return (m.rows[rows[0] as number] as number[])[cols[0] as number] as number;
      return {
        kind: 'matrix',
        rows: rows.map((r) => cols.map((c) => (m.rows[r] as number[])[c] as number)),
        rowAt: rows.map((r) => m.rowAt[r] as number),
      };
    }
  }
}

function indexSets(
  env: CaseEnvironment,
  args: readonly (Expr | 'all')[],
  m: Matrix,
  at: number,
): [number[], number[]] {
  if (args.length !== 2)
    throw new InputError(env.src.where(at), `${args.length} indices`, 'two indices (row, column)');
  const width = m.rows[0]?.length ?? 0;
  const dims = [m.rows.length, width];
  return args.map((a, d) => {
    const n = dims[d] as number;
    if (a === 'all') return Array.from({ length: n }, (_, i) => i);
    const v = evaluate(env, a);
    const list =
      typeof v === 'number'
        ? [v]
        : typeof v === 'object' && v.kind === 'matrix' && v.rows.length === 1
          ? (v.rows[0] as number[])
          : undefined;
    if (!list)
      throw new InputError(
        env.src.where(at),
        'a non-numeric index',
        'a number, a list of numbers or :',
      );
    return list.map((k) => {
      if (!Number.isInteger(k) || k < 1 || k > n)
        throw new InputError(env.src.where(at), k, `an index in 1..${n}`);
      return k - 1;
    });
  }) as [number[], number[]];
}

function assignIndexed(
  env: CaseEnvironment,
  key: string,
  args: readonly (Expr | 'all')[],
  value: Value,
  at: number,
): void {
  const m = getVar(env, key);
  if (!m || typeof m !== 'object' || m.kind !== 'matrix')
    throw new InputError(env.src.where(at), key, 'a matrix assigned earlier in the file');
  const [rows, cols] = indexSets(env, args, m, at);
  rows.forEach((r, i) =>
    cols.forEach((c, j) => {
      let v: number;
      if (typeof value === 'number') v = value;
      else if (
        typeof value === 'object' &&
        value.kind === 'matrix' &&
        value.rows.length === rows.length &&
        value.rows[0]?.length === cols.length
      )
        v = (value.rows[i] as number[])[j] as number;
      else
        throw new InputError(
          env.src.where(at),
          'a value of another shape',
          `a number or a ${rows.length}×${cols.length} matrix`,
        );
      (m.rows[r] as number[])[c] = v;
    }),
  );
}

function arithmetic(env: CaseEnvironment, op: string, a: Value, b: Value, at: number): Value {
  const scalar = (x: number, y: number): number => {
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return x / y;
      default:
        return x ** y;
    }
  };
  if (typeof a === 'number' && typeof b === 'number') return scalar(a, b);
  const isM = (v: Value): v is Matrix => typeof v === 'object' && v.kind === 'matrix';
  if (isM(a) && typeof b === 'number')
    return { kind: 'matrix', rows: a.rows.map((r) => r.map((x) => scalar(x, b))), rowAt: a.rowAt };
  if (typeof a === 'number' && isM(b) && op !== '/' && op !== '^')
    return { kind: 'matrix', rows: b.rows.map((r) => r.map((y) => scalar(a, y))), rowAt: b.rowAt };
  if (
    isM(a) &&
    isM(b) &&
    (op === '+' || op === '-') &&
    a.rows.length === b.rows.length &&
    a.rows[0]?.length === b.rows[0]?.length
  ) {
    return {
      kind: 'matrix',
      rows: a.rows.map((r, i) => r.map((x, j) => scalar(x, (b.rows[i] as number[])[j] as number))),
      rowAt: a.rowAt,
    };
  }
  throw new InputError(
    env.src.where(at),
    op,
    'arithmetic between numbers, or a matrix and a number',
  );
}
