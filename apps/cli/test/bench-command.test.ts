import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './spawn-gridhaul';

/**
 * A throw-away npm workspace whose `bench` scripts take a moment, not the real long benchmarks:
 * `fast` prints its arguments and writes bench-results/args.json (next to a stale file from an
 * earlier run), `broken` exits 3, `plain` has no bench script.
 */
function fixtureWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'gridhaul-bench-'));
  const pkg = (dir: string, json: object, files: Record<string, string> = {}) => {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, 'package.json'), JSON.stringify(json));
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(join(root, dir, f, '..'), { recursive: true });
      writeFileSync(join(root, dir, f), text);
    }
  };
  pkg('.', { name: 'fixture', private: true, workspaces: ['packages/*', 'apps/*'] });
  pkg('packages/fast', { name: '@fx/fast', version: '1.0.0', scripts: { bench: 'node bench.mjs' } }, {
    'bench.mjs': `import { writeFileSync } from 'node:fs';
const args = process.argv.slice(2);
console.log('fast bench args: ' + JSON.stringify(args));
writeFileSync('bench-results/args.json', JSON.stringify(args));`,
    'bench-results/stale.md': 'from an earlier run\n',
  });
  pkg('packages/broken', { name: '@fx/broken', version: '1.0.0', scripts: { bench: 'node fail.mjs' } }, { 'fail.mjs': 'process.exit(3);' });
  pkg('apps/plain', { name: '@fx/plain', version: '1.0.0', scripts: { test: 'true' } });
  return root;
}

describe('gridhaul bench', { timeout: 180_000 }, () => {
  let fixture: string;
  beforeAll(() => {
    fixture = fixtureWorkspace();
  });
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('--list names the suites of this repository: the packages and apps with a bench script', async () => {
    const run = await runCli(['bench', '--list']);
    expect(run.code).toBe(0);
    const names = run.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual(expect.arrayContaining(['evrp', 'optimizer', 'bus-charging', 'routing', 'grid', 'server']));
    expect(run.stdout).toMatch(/^evrp\s+@gridhaul\/evrp\s+tsx bench\/index\.ts$/m);
  });

  it('an unknown suite is a usage error (exit 2) that names it and the choices', async () => {
    const run = await runCli(['bench', 'evrp', 'nosuch']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no benchmark suite "nosuch"; the suites are ');
    expect(run.stderr).toContain('evrp');
  });

  it('runs the chosen suite with the arguments after --, streams its output and reports the files it wrote', async () => {
    const run = await runCli(['bench', 'fast', '--json', '--', '--quick', 'small'], { cwd: fixture });
    expect(run.stderr).toContain('fast bench args: ["--quick","small"]'); // under --json the suites' output goes to stderr
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { extraArgs: string[]; suites: Array<{ name: string; exitCode: number; resultFiles: string[] }>; failed: string[] };
    expect(summary).toMatchObject({ extraArgs: ['--quick', 'small'], failed: [] });
    expect(summary.suites).toEqual([{ name: 'fast', exitCode: 0, signal: null, resultFiles: [join(fixture, 'packages/fast/bench-results/args.json')] }]);
  });

  it('runs every suite by default and exits non-zero when one fails, after running the others', async () => {
    const run = await runCli(['bench', '--', '--seed', '7'], { cwd: fixture });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('fast bench args: ["--seed","7"]');
    expect(run.stdout).toMatch(/^broken\s+failed \(exit 3\)\s+no result files$/m);
    expect(run.stdout).toMatch(/^fast\s+ok\s+.*packages\/fast\/bench-results\/args\.json$/m);
    expect(run.stdout).not.toContain('plain');
    expect(run.stderr).toContain('benchmark suites failed: broken');
  });
});
