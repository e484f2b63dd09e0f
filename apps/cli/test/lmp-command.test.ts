import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matpowerCaseText } from '@gridhaul/datasets';
import { expectClose } from '@gridhaul/common/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './spawn-gridhaul';

interface LmpJson {
  case: string;
  status: string;
  lmp: { bus: number; lmp: number }[];
  binding: number[];
}

// An empty working folder: no file there is called case14, so the bundled case is meant.
const cwd = mkdtempSync(join(tmpdir(), 'gridhaul-lmp-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('gridhaul lmp with a bundled case name (issue 9)', { timeout: 120_000 }, () => {
  it('lmp case14 --json: the bundled MATPOWER case14, uniform LMP 39.02 $/MWh at all 14 buses, no binding branch', async () => {
    const run = await runCli(['lmp', 'case14', '--json'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as LmpJson;
    expect(out).toMatchObject({ case: 'case14', status: 'optimal', binding: [] });
    expect(out.lmp.map((b) => b.bus)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    // lanl-ansi/PowerModels.jl @dd45675 test/output.jl "14 bus - kcl duals": lam_kcl_r ≈ −39.02 (atol 1e-2)
    // at every bus; MATPOWER's case14 has the same loads and costs and no RATE_A limits (packages/grid
    // dcopf-references.test.ts asserts the same for matpower/case14.m).
    for (const b of out.lmp) expectClose(b.lmp, 39.02, { abs: 1e-2 }, `LMP bus ${b.bus}`);
  });

  it('an existing file of that name wins over the bundled case', async () => {
    writeFileSync(join(cwd, 'case14'), matpowerCaseText('case30'));
    try {
      const run = await runCli(['lmp', 'case14', '--json'], { cwd });
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as LmpJson).lmp).toHaveLength(30);
    } finally {
      rmSync(join(cwd, 'case14'));
    }
  });

  it('a missing file exits 2 (bad input) naming the path and the bundled cases', async () => {
    const run = await runCli(['lmp', 'no-such-dir/case99.m', '--json'], { cwd });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('"no-such-dir/case99.m"');
    expect(run.stderr).toContain('ENOENT');
    expect(run.stderr).toContain('case14, case30, case118');
  });
});
