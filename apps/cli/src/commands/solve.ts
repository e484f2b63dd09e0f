import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkScenarioDocument, formatTable, solveRequest, type JobProgress, type ScenarioCheck, type ScenarioDocument, type SolutionData } from '@gridhaul/server';
import { ExitCode, printJson, progress } from '../output';
import { UsageError, withCommonOptions, type CommonOptions } from '../program';

/**
 * `gridhaul solve <scenario.json>`: a scenario document as the server's scenarios API takes it,
 * solved in this process with the server's problem registry (any problem type, no database), the
 * plan re-checked by the problem type's independent checker.
 */
export function registerSolve(program: Command): void {
  withCommonOptions(
    program
      .command('solve')
      .description("Solve a scenario document (the JSON the server's scenarios API accepts) in-process and check the plan: plan and cost table, or --json")
      .argument('<scenario>', 'scenario JSON: {"name", "problemType", "problem", "seed"?, "timeLimitSec"?, ...}; quantities like "550 kWh" accepted'),
  ).action(async (file: string, options: CommonOptions, command: Command) => {
    const doc = readScenario(file);
    const seed = command.getOptionValueSource('seed') === 'cli' ? options.seed : doc.seed;
    const timeLimitSec = options.timeLimit ?? doc.timeLimitSec;
    progress(`${doc.name}: ${doc.problemType}, seed ${seed}${timeLimitSec === undefined ? '' : `, time limit ${timeLimitSec} s`}`);
    const abort = new AbortController();
    const onInterrupt = () => abort.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const solution = await solveRequest({ problemType: doc.problemType, input: doc.problem, seed, timeLimitSec }, abort.signal, throttled(progress));
      if (options.json) printJson(toJson(doc, solution, timeLimitSec));
      else process.stdout.write(`${toText(doc, solution)}\n`);
      if (solution.objective === null || !solution.check.feasible) process.exitCode = ExitCode.noSolution;
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  });
}

/** Reads and validates the document; every failure is a UsageError naming the file (and the line of a JSON syntax error). */
function readScenario(file: string): ScenarioDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read scenario file "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const { line, column } = jsonErrorPosition(text, message);
    throw new UsageError(`${file}:${line}:${column}: invalid JSON: ${message}`);
  }
  const { problems, document, unresolved } = checkScenarioDocument(raw);
  const all = [...problems, ...unresolved.map(needsServer)];
  if (document && all.length === 0) return document;
  const list = all.map((p) => `  ${p.field}: ${p.message}`).join('\n');
  throw new UsageError(`${file}: not a valid scenario (${all.length} problem${all.length === 1 ? '' : 's'}):\n${list}`);
}

/** Line and column of a JSON.parse error: V8 names them, or gives the character position. */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const named = /line (\d+) column (\d+)/.exec(message);
  if (named) return { line: Number(named[1]), column: Number(named[2]) };
  const at = /position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : text.length;
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Stored road and grid networks live in the server's database, which a local solve does not have. */
function needsServer({ field, id }: ScenarioCheck['unresolved'][number]): { field: string; message: string } {
  const what = field === 'roadNetworkId' ? 'road' : 'grid';
  return { field, message: `needs a server: "${id}" names a stored ${what} network, which is in the server's database; embed the network in "problem", or enqueue the scenario on a server` };
}

/** Progress lines on stderr: every message, and solver statistics at most once a second. */
function throttled(write: (line: string) => void): (p: JobProgress) => void {
  let last = -Infinity;
  return (p) => {
    if (p.message === undefined && p.timeSec - last < 1) return;
    last = p.timeSec;
    const stats = [
      p.incumbent === undefined ? '' : `incumbent ${fmt(p.incumbent)}`,
      p.bound === undefined ? '' : `bound ${fmt(p.bound)}`,
      p.gap === undefined ? '' : `gap ${(100 * p.gap).toFixed(2)} %`,
      p.iteration === undefined ? '' : `iteration ${p.iteration}`,
    ].filter(Boolean);
    write(`  ${p.timeSec.toFixed(1)} s: ${[p.message ?? '', ...stats].filter(Boolean).join(', ')}`);
  };
}

/** The relative gap where the problem type reports one in its plan (MILPs), else null. */
function gapOf(solution: SolutionData): number | null {
  const plan = solution.plan as { gap?: unknown } | null;
  return typeof plan?.gap === 'number' ? plan.gap : null;
}

function toJson(doc: ScenarioDocument, s: SolutionData, timeLimitSec: number | undefined): Record<string, unknown> {
  return {
    scenario: doc.name,
    problemType: doc.problemType,
    status: s.status,
    objective: s.objective,
    costs: s.costs,
    gap: gapOf(s),
    seed: s.seed,
    timeLimitSec: timeLimitSec ?? null,
    solveSec: s.solveSec,
    check: s.check,
    solution: s.plan,
  };
}

function toText(doc: ScenarioDocument, s: SolutionData): string {
  const gap = gapOf(s);
  const out = [
    `${doc.name} (${doc.problemType}): ${s.status}${s.objective === null ? ', no plan' : `, objective ${fmt(s.objective)}`}${gap === null ? '' : `, gap ${(100 * gap).toFixed(2)} %`} (seed ${s.seed}, ${s.solveSec.toFixed(1)} s)`,
    `checked: ${s.check.feasible ? 'feasible' : `${s.check.problems.length} problem${s.check.problems.length === 1 ? '' : 's'}`}${s.check.objective === null ? '' : `, objective ${fmt(s.check.objective)}`}`,
    ...s.check.problems.slice(0, 20).map((p) => `  ! ${p}`),
    ...(s.check.problems.length > 20 ? [`  ... ${s.check.problems.length - 20} more (--json lists all)`] : []),
  ];
  const costs = Object.entries(s.costs);
  if (costs.length > 0) out.push('', 'costs', formatTable(costs.map(([k, v]) => [k, fmt(v)])));
  out.push('', 'plan', ...outline(s.plan, '  '));
  return out.join('\n');
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toLocaleString('en-US', { maximumFractionDigits: 4, useGrouping: false }));
const scalar = (v: unknown): string => (typeof v === 'number' ? fmt(v) : v === null ? '-' : String(v));
const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';
const MAX_ROWS = 40;
const MAX_ITEMS = 24;

/**
 * Any plan as indented text: scalars as `key: value`, lists of scalars inline, lists of flat records
 * as tables, everything else nested. Long lists are cut (--json has them whole).
 */
function outline(value: unknown, indent: string): string[] {
  if (isScalar(value)) return [`${indent}${scalar(value)}`];
  if (Array.isArray(value)) return list(value, indent);
  const lines: string[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (isScalar(v)) lines.push(`${indent}${key}: ${scalar(v)}`);
    else if (Array.isArray(v) && v.every(isScalar)) lines.push(`${indent}${key}: ${inline(v)}`);
    else if (Array.isArray(v) && v.length === 0) lines.push(`${indent}${key}: (none)`);
    else lines.push(`${indent}${key}:`, ...outline(v, `${indent}  `));
  }
  return lines;
}

function inline(items: unknown[]): string {
  const shown = items.slice(0, MAX_ITEMS).map(scalar).join(', ');
  return `[${shown}${items.length > MAX_ITEMS ? `, ... ${items.length - MAX_ITEMS} more` : ''}]`;
}

function list(items: unknown[], indent: string): string[] {
  const flat = items.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x) && Object.values(x).every((v) => isScalar(v) || (Array.isArray(v) && v.every(isScalar))));
  if (items.length > 0 && flat) {
    const rows = items as Array<Record<string, unknown>>;
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cells = rows.slice(0, MAX_ROWS).map((r) => columns.map((c) => (Array.isArray(r[c]) ? inline(r[c] as unknown[]) : r[c] === undefined ? '' : scalar(r[c]))));
    const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
    const line = (row: string[]) => `${indent}${row.map((x, i) => x.padStart(widths[i]!)).join('  ')}`.trimEnd();
    return [line(columns), ...cells.map(line), ...(rows.length > MAX_ROWS ? [`${indent}... ${rows.length - MAX_ROWS} more rows (--json has them all)`] : [])];
  }
  const row = (x: unknown, i: number): string[] => {
    if (isScalar(x)) return [`${indent}${i}: ${scalar(x)}`];
    if (Array.isArray(x) && x.every(isScalar)) return [`${indent}${i}: ${inline(x)}`];
    return [`${indent}${i}:`, ...outline(x, `${indent}  `)];
  };
  const lines = items.slice(0, MAX_ROWS).flatMap(row);
  if (items.length > MAX_ROWS) lines.push(`${indent}... ${items.length - MAX_ROWS} more (--json has them all)`);
  return lines;
}
