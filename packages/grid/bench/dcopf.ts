/**
 * DC OPF benchmark: every bundled case from 5 to 3012 buses. For each case: read time, model build
 * time, HiGHS-wasm solve time, end-to-end time (read → build → solve → results → independent
 * check), and the same LP solved by native CBC in the same run (the baseline; ratio = CBC / wasm
 * solve time). Quadratic-cost cases have no CBC column (CBC solves LPs only). Then the two targets
 * of issue 5: the 3012-bus LP end to end under 10 s, a 24-period case118 run under 5 s.
 *
 *   npm run bench -w @gridhaul/grid        (writes bench-results/dcopf.md too)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { solve } from '@gridhaul/lp';
import { buildBThetaModel } from '../src/dc/btheta-model';
import { dcParameters } from '../src/dc/parameters';
import { periodLoadsMW, solveMultiPeriodDcOpf } from '../src/dc/profiles';
import { solveDcOpf } from '../src/dc/solve-dcopf';
import { readMatpower } from '../src/matpower/read-matpower';
import { TEST_DATA_DIR } from '../src/test-cases';

const CASES = [
  'matpower/case5.m',
  'pglib-opf/pglib_opf_case5_pjm.m',
  'matpower/t_case9_opf.m',
  'matpower/case14.m',
  'pglib-opf/pglib_opf_case14_ieee.m',
  'pglib-opf/pglib_opf_case24_ieee_rts.m',
  'matpower/case30.m',
  'pglib-opf/pglib_opf_case30_ieee.m',
  'matpower/case39.m',
  'pglib-opf/pglib_opf_case39_epri.m',
  'matpower/case57.m',
  'pglib-opf/pglib_opf_case57_ieee.m',
  'matpower/case118.m',
  'pglib-opf/pglib_opf_case118_ieee.m',
  'matpower/case300.m',
  'pglib-opf/pglib_opf_case300_ieee.m',
  'pglib-opf/pglib_opf_case2383wp_k.m',
  'matpower/case3012wp.m',
  'pglib-opf/pglib_opf_case3012wp_k.m',
];
const REPEATS = 3;

const ms = (t0: number) => performance.now() - t0;
const best = async (f: () => Promise<number>) => {
  let m = Infinity;
  for (let i = 0; i < REPEATS; i++) m = Math.min(m, await f());
  return m;
};
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');

async function main(): Promise<void> {
  const lines: string[] = [];
  const say = (s: string) => {
    lines.push(s);
    console.log(s);
  };
  // warm the HiGHS worker so the first case does not pay for WebAssembly start-up
  await solveDcOpf(
    readMatpower(readFileSync(TEST_DATA_DIR + 'matpower/case5.m', 'utf8'), 'case5.m'),
  );

  say('## DC OPF (B-θ, MATPOWER convention), best of 3, ms');
  say('');
  say(
    '| case | buses | rows × cols | read | build | solve wasm | end to end | PTDF end to end | CBC solve | CBC / wasm | objective $/h | |Δobj| CBC |',
  );
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  let e2e3012 = NaN;
  for (const file of CASES) {
    const text = readFileSync(TEST_DATA_DIR + file, 'utf8');
    const name = file.replace(/^.*\//, '');
    const readMs = await best(async () => {
      const t = performance.now();
      readMatpower(text, name);
      return ms(t);
    });
    const network = readMatpower(text, name);
    const p = dcParameters(network);
    const loads = [p.buses.map((b) => b.loadMW)];
    const buildMs = await best(async () => {
      const t = performance.now();
      buildBThetaModel(dcParameters(network), loads);
      return ms(t);
    });
    const dc = buildBThetaModel(p, loads);
    const lp = dc.model.quadratic.length === 0;
    let objective = NaN;
    const wasmMs = await best(async () => {
      const r = await solve(dc.model);
      objective = r.objective ?? NaN;
      return r.timeSec * 1000;
    });
    const e2eMs = await best(async () => {
      const t = performance.now();
      const r = await solveDcOpf(readMatpower(text, name));
      if (r.status !== 'optimal') throw new Error(`${name}: ${r.status}`);
      return ms(t);
    });
    const ptdfMs = await best(async () => {
      const t = performance.now();
      await solveDcOpf(readMatpower(text, name), { formulation: 'ptdf' });
      return ms(t);
    });
    let cbcMs = NaN;
    let cbcDiff = NaN;
    if (lp) {
      cbcMs = await best(async () => {
        const r = await solve(dc.model, { backend: 'cbc' });
        cbcDiff = Math.abs((r.objective ?? NaN) - objective);
        return r.timeSec * 1000;
      });
    }
    if (name === 'case3012wp.m') e2e3012 = e2eMs;
    say(
      `| ${name} | ${p.buses.length} | ${dc.model.numRows} × ${dc.model.numCols} | ${fmt(readMs)} | ${fmt(buildMs)} | ${fmt(wasmMs)} | ${fmt(e2eMs)} | ${fmt(ptdfMs)} | ${lp ? fmt(cbcMs) : 'QP'} | ${lp ? fmt(cbcMs / wasmMs, 2) : '–'} | ${objective.toFixed(4)} | ${lp ? cbcDiff.toExponential(1) : '–'} |`,
    );
  }

  say('');
  say('## Targets (issue 5)');
  say('');
  say('| run | end to end, ms (best of 3) | target |');
  say('|---|---:|---:|');
  say(
    `| case3012wp.m, one period (read + build + solve + results + check) | ${fmt(e2e3012)} | 10000 |`,
  );
  // a winter-weekday shape (fraction of peak), the same at every bus
  const day = [
    0.62, 0.58, 0.56, 0.55, 0.57, 0.63, 0.74, 0.86, 0.93, 0.96, 0.97, 0.97, 0.96, 0.95, 0.94, 0.94,
    0.96, 1.0, 1.0, 0.98, 0.93, 0.85, 0.76, 0.68,
  ];
  for (const file of ['matpower/case118.m', 'pglib-opf/pglib_opf_case118_ieee.m']) {
    const text = readFileSync(TEST_DATA_DIR + file, 'utf8');
    const name = file.replace(/^.*\//, '');
    let how = '';
    const t24 = await best(async () => {
      const t = performance.now();
      const r = await solveMultiPeriodDcOpf(readMatpower(text, name), {
        periods: 24,
        loadScale: day,
      });
      if (r.status !== 'optimal') throw new Error(`${name} 24 h: ${r.status}`);
      how = r.notes.some((n) => n.includes('one by one')) ? '24 QPs, one per period' : 'one LP';
      return ms(t);
    });
    say(
      `| ${name}, 24 periods (${how}; read + build + solve + results + check) | ${fmt(t24)} | 5000 |`,
    );
  }
  // the 24-period LP itself, HiGHS-wasm vs CBC
  const n118 = readMatpower(
    readFileSync(TEST_DATA_DIR + 'pglib-opf/pglib_opf_case118_ieee.m', 'utf8'),
    'case118_ieee',
  );
  const p118 = dcParameters(n118);
  const m24 = buildBThetaModel(p118, periodLoadsMW(n118, p118, { periods: 24, loadScale: day }));
  const w24 = await best(async () => (await solve(m24.model)).timeSec * 1000);
  const c24 = await best(async () => (await solve(m24.model, { backend: 'cbc' })).timeSec * 1000);
  say('');
  say(
    `24-period pglib case118 LP (${m24.model.numRows} × ${m24.model.numCols}): HiGHS-wasm ${fmt(w24)} ms, CBC ${fmt(c24)} ms, CBC / wasm ${fmt(c24 / w24, 2)}`,
  );
  mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../bench-results/dcopf.md', import.meta.url), `${lines.join('\n')}\n`);
  process.exit(0);
}

await main();
