import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { ExitCode, printJson, progress } from '../output';
import { UsageError } from '../program';

/** A workspace with a `bench` npm script; benchmarks write their tables under its bench-results/. */
export interface BenchSuite {
  /** Folder name, e.g. `evrp`, `server`. */
  name: string;
  packageName: string;
  /** Folder relative to the workspace root, e.g. `packages/evrp`. */
  dir: string;
  script: string;
}

interface SuiteRun {
  name: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Files under bench-results/ that the run created or rewrote (absolute paths). */
  resultFiles: string[];
}

interface BenchOptions {
  list?: boolean;
  json?: boolean;
}

type PackageJson = { name?: string; workspaces?: string[]; scripts?: Record<string, string> };
const readPackageJson = (dir: string): PackageJson | null => {
  const file = join(dir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PackageJson) : null;
};

/** The npm workspace root at or above `from` (the folder whose package.json lists workspaces). */
function workspaceRootAbove(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (readPackageJson(dir)?.workspaces) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** The workspace the user stands in, else the one this command belongs to. */
function workspaceRoot(): string {
  const root = workspaceRootAbove(process.cwd()) ?? workspaceRootAbove(dirname(fileURLToPath(import.meta.url)));
  if (!root) throw new UsageError('no npm workspace (a package.json with "workspaces") in this folder or above it');
  return root;
}

/** Workspaces (globs `dir/*` or plain folders, as npm lists them) with a `bench` script, sorted by name. */
export function listBenchSuites(root: string): BenchSuite[] {
  const dirs = (readPackageJson(root)?.workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${parent}/${d.name}`);
  });
  return dirs
    .flatMap((dir) => {
      const pkg = readPackageJson(join(root, dir));
      const script = pkg?.scripts?.['bench'];
      return script ? [{ name: basename(dir), packageName: pkg?.name ?? basename(dir), dir, script }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Suites named by folder or package name, in the order given; all when none is named. */
function chooseSuites(all: BenchSuite[], names: string[]): BenchSuite[] {
  if (names.length === 0) return all;
  const chosen = names.map((n) => {
    const suite = all.find((s) => s.name === n || s.packageName === n);
    if (!suite) throw new UsageError(`no benchmark suite "${n}"; the suites are ${all.map((s) => s.name).join(', ')}`);
    return suite;
  });
  return [...new Set(chosen)];
}

/** Files under `dir` (recursively) with their modification times. */
function filesWithTimes(dir: string): Map<string, number> {
  if (!existsSync(dir)) return new Map();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
  return new Map(files.filter((f) => statSync(f).isFile()).map((f) => [f, statSync(f).mtimeMs]));
}

/** `npm run bench -w <dir> -- <extra>`, its output streamed; reports what it wrote under bench-results/. */
async function runSuite(root: string, suite: BenchSuite, extra: string[], stdoutTo: 'stdout' | 'stderr'): Promise<SuiteRun> {
  const resultsDir = join(root, suite.dir, 'bench-results');
  const before = filesWithTimes(resultsDir);
  const args = ['run', 'bench', '-w', suite.dir, ...(extra.length > 0 ? ['--', ...extra] : [])];
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const child = spawn('npm', args, { cwd: root, stdio: ['ignore', stdoutTo === 'stdout' ? 'inherit' : process.stderr, 'inherit'] });
    child.once('error', reject);
    child.once('close', (c, s) => resolve({ code: c, signal: s }));
  });
  const after = filesWithTimes(resultsDir);
  const resultFiles = [...after].filter(([f, t]) => before.get(f) !== t).map(([f]) => f).sort();
  return { name: suite.name, exitCode: code, signal, resultFiles };
}

/**
 * Arguments after `--` on the command line. Commander drops the `--` and appends what follows it to
 * the operands, so they are told apart from package names by the raw arguments the program parsed.
 */
function argsAfterDoubleDash(command: Command): string[] {
  let root = command;
  while (root.parent) root = root.parent;
  const raw = (root as Command & { rawArgs?: string[] }).rawArgs ?? [];
  const at = raw.indexOf('--', raw.indexOf(command.name()) + 1);
  return at < 0 ? [] : raw.slice(at + 1);
}

/** `gridhaul bench [package...] [-- args]`: runs the workspaces' `bench` npm scripts one after another. */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('run the benchmark suites (the `bench` npm script of each package; all by default), passing on the arguments after --')
    .argument('[package...]', 'suites by folder or package name (see --list)')
    .addOption(new Option('--list', 'list the benchmark suites and exit'))
    .addOption(new Option('--json', 'machine-readable summary on stdout (the benchmarks\' own output goes to stderr)'))
    .action(async (operands: string[], options: BenchOptions, command: Command) => {
      const root = workspaceRoot();
      const all = listBenchSuites(root);
      const extra = argsAfterDoubleDash(command);
      const suites = chooseSuites(all, operands.slice(0, operands.length - extra.length));
      if (options.list) {
        if (options.json) printJson(suites);
        else for (const s of suites) process.stdout.write(`${s.name.padEnd(14)} ${s.packageName.padEnd(26)} ${s.script}\n`);
        return;
      }
      const runs: SuiteRun[] = [];
      for (const suite of suites) {
        progress(`== ${suite.name}: npm run bench -w ${suite.dir}${extra.length > 0 ? ` -- ${extra.join(' ')}` : ''}`);
        const run = await runSuite(root, suite, extra, options.json ? 'stderr' : 'stdout');
        runs.push(run);
        if (run.signal === 'SIGINT' || run.signal === 'SIGTERM') break; // stopped by the user: run no more suites
      }
      const failed = runs.filter((r) => r.exitCode !== 0).map((r) => r.name);
      if (options.json) printJson({ root, extraArgs: extra, suites: runs, failed });
      else {
        for (const r of runs) {
          const status = r.exitCode === 0 ? 'ok' : `failed (${r.signal ?? `exit ${r.exitCode}`})`;
          const files = r.resultFiles.map((f) => relative(process.cwd(), f)).join(', ') || 'no result files';
          process.stdout.write(`${r.name.padEnd(14)} ${status.padEnd(18)} ${files}\n`);
        }
      }
      if (failed.length > 0) {
        progress(`benchmark suites failed: ${failed.join(', ')}`);
        process.exitCode = ExitCode.internal;
      }
    });
}
