// npm run bench -w @gridhaul/lp  (or: npx nx run lp:bench)
// 1. Capacitated facility location 30 × 120 (seeded) by HiGHS-wasm and native CBC on the same model.
// 2. Model build throughput for a 10^6-nonzero model.
import { execFileSync } from 'node:child_process';
import { Model, solve, writeLp, writeMps, type SolveResult } from '../src/index';
import { compile } from '../src/compiled';
import { facilityLocation } from './facility-location';

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const fmt = (x: number, d = 2) => x.toFixed(d);
const limit = Number(process.env['BENCH_TIME_LIMIT'] ?? 600);

function hasCbc(): boolean {
  try {
    execFileSync('cbc', ['-quit'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function facilityTable(seeds: number[]) {
  const rows: string[] = [];
  rows.push('| instance | build s | write MPS s | HiGHS-wasm s | CBC s | CBC / HiGHS | objective HiGHS | objective CBC | build+write share of HiGHS total |');
  rows.push('|---|---|---|---|---|---|---|---|---|');
  for (const seed of seeds) {
    let t0 = performance.now();
    const { model } = facilityLocation(30, 120, seed);
    const build = seconds(t0);
    t0 = performance.now();
    writeMps(model);
    const write = seconds(t0);
    process.stderr.write(`seed ${seed}: ${model.numCols} columns, ${model.numRows} rows; solving with HiGHS-wasm...\n`);
    const highs = await solve(model, { timeLimitSec: limit, mipRelGap: 1e-4 });
    let cbc: SolveResult | undefined;
    if (hasCbc()) {
      process.stderr.write(`seed ${seed}: solving with CBC...\n`);
      cbc = await solve(model, { backend: 'cbc', timeLimitSec: limit, mipRelGap: 1e-4, threads: 1 });
    }
    const share = (build + write) / (build + write + highs.timeSec);
    rows.push(
      `| cfl-30x120-s${seed} | ${fmt(build, 3)} | ${fmt(write, 3)} | ${fmt(highs.timeSec)} (${highs.status}) | ${cbc ? `${fmt(cbc.timeSec)} (${cbc.status})` : 'n/a'} | ${cbc ? fmt(cbc.timeSec / highs.timeSec) : 'n/a'} | ${fmt(highs.objective ?? NaN, 3)} | ${cbc ? fmt(cbc.objective ?? NaN, 3) : 'n/a'} | ${fmt(100 * share, 2)} % |`,
    );
  }
  return rows.join('\n');
}

function buildThroughput() {
  // 100,000 rows × 10 nonzeros over 200,000 columns; the baseline is filling the same CSR arrays
  // directly (the fastest any builder could be), so the ratio is the modelling layer's overhead.
  const rowsN = 100_000;
  const perRow = 10;
  const cols = 200_000;
  const idx = new Array<number>(perRow);
  const val = new Array<number>(perRow);
  let t0 = performance.now();
  const m = new Model('throughput');
  for (let j = 0; j < cols; j++) m.addVar({ name: `x[j=${j}]`, ub: 1, obj: (j % 7) + 1 });
  for (let i = 0; i < rowsN; i++) {
    for (let k = 0; k < perRow; k++) {
      idx[k] = (i * 7 + k * 19_997) % cols;
      val[k] = 1 + ((i + k) % 5);
    }
    m.addRow(idx, val, -Infinity, 100, `r[i=${i}]`);
  }
  const build = seconds(t0);
  t0 = performance.now();
  compile(m);
  const compileT = seconds(t0);
  t0 = performance.now();
  const lp = writeLp(m);
  const lpT = seconds(t0);
  t0 = performance.now();
  const mps = writeMps(m);
  const mpsT = seconds(t0);

  t0 = performance.now();
  const starts = new Int32Array(rowsN + 1);
  const ind = new Int32Array(rowsN * perRow);
  const vals = new Float64Array(rowsN * perRow);
  for (let i = 0; i < rowsN; i++) {
    for (let k = 0; k < perRow; k++) {
      ind[i * perRow + k] = (i * 7 + k * 19_997) % cols;
      vals[i * perRow + k] = 1 + ((i + k) % 5);
    }
    starts[i + 1] = (i + 1) * perRow;
  }
  const raw = seconds(t0);
  const nnz = m.numNonzeros;
  return [
    '| step | seconds | rows/s | nonzeros/s | ratio to raw typed-array fill |',
    '|---|---|---|---|---|',
    `| build (addVar + addRow, named) | ${fmt(build, 3)} | ${fmt(rowsN / build, 0)} | ${fmt(nnz / build, 0)} | ${fmt(build / raw, 1)} |`,
    `| compile to solver arrays | ${fmt(compileT, 3)} | ${fmt(rowsN / compileT, 0)} | ${fmt(nnz / compileT, 0)} | ${fmt(compileT / raw, 1)} |`,
    `| write LP (${(lp.length / 1e6).toFixed(1)} MB) | ${fmt(lpT, 3)} | ${fmt(rowsN / lpT, 0)} | ${fmt(nnz / lpT, 0)} | ${fmt(lpT / raw, 1)} |`,
    `| write MPS (${(mps.length / 1e6).toFixed(1)} MB) | ${fmt(mpsT, 3)} | ${fmt(rowsN / mpsT, 0)} | ${fmt(nnz / mpsT, 0)} | ${fmt(mpsT / raw, 1)} |`,
    `| baseline: raw typed-array CSR fill | ${fmt(raw, 3)} | ${fmt(rowsN / raw, 0)} | ${fmt(nnz / raw, 0)} | 1.0 |`,
    '',
    `${nnz.toLocaleString('en')} nonzeros, ${rowsN.toLocaleString('en')} rows, ${cols.toLocaleString('en')} columns.`,
  ].join('\n');
}

const seeds = (process.env['BENCH_SEEDS'] ?? '1,2,3').split(',').map(Number);
console.log('## @gridhaul/lp: capacitated facility location 30 × 120\n');
console.log(await facilityTable(seeds));
console.log('\n## @gridhaul/lp: model build throughput (10^6 nonzeros)\n');
console.log(buildThroughput());
