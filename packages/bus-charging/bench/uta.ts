// UTA benchmark (issue 8): the annealer (linear and CC-CV charging, 5 seeds, 60 s each) and the
// position-allocation MILP (10-minute limit) against Brown's published schedules, replayed through
// the same checker in the same run. Run: `npm run bench -w @gridhaul/bus-charging`
// (BENCH_SECONDS, BENCH_SEEDS=1,2,3, BENCH_MILP_SECONDS (0: no MILP), BENCH_CBC=1 shorten or extend it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { maxSeconds } from '@gridhaul/common';
import type { ChargingModel, CheckReport, Instance } from '../src/index';
import { anneal, CCCV_CHARGING, checkSchedule, LINEAR_CHARGING, scheduleFromBrownCsv, solvePositionAllocation, utaInstance } from '../src/index';
import { testData } from '../src/test-data';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const seeds = (process.env.BENCH_SEEDS ?? '1,2,3,4,5').split(',').map(Number);
const milpSeconds = Number(process.env.BENCH_MILP_SECONDS ?? 600);

// Cost weights of Brown & Droge's SA paper: 1 per kWh, 10 000 per kW of 15-minute demand, and — as
// their published scores do — 10 000 per kW of instantaneous peak; 1000 per charger used.
const COSTS = { energyPerKWh: 1, demandPerKW: 10_000, capacityPerKW: 10_000 } as const;
const routes = testData('uta/routes.csv');
const settings = [
  {
    name: 'SA paper (ν = 25 %, end ≥ 25 %)',
    key: 'sa-paper',
    instance: utaInstance(routes, { minSocFraction: 0.25, finalSocFraction: 0.25, costs: COSTS }),
    baselineName: 'published SA "heuristic" (Future Transp. 2024), replayed',
    baselineFile: 'results/futuretransp-2024-sa-heuristic-schedule.csv',
  },
  {
    name: 'Frontiers (ν = 20 %, β = 70 %)',
    key: 'frontiers',
    instance: utaInstance(routes, { costs: COSTS }),
    baselineName: 'published MILP (Front. Energy Res. 2024), replayed',
    baselineFile: 'results/frontiers-2024-milp-schedule.csv',
  },
];

// The MILP prices the 15-minute demand only (no instantaneous term), on billing periods.
const milpInstance: Instance = utaInstance(routes, { costs: { energyPerKWh: 1, demandPerKW: 10_000 } });
let bestSaAsMilp = Infinity;

interface Row {
  setting: string;
  method: string;
  seed: number | null;
  feasible: boolean;
  energyKWh: number;
  peakKW: number;
  instantaneousKW: number;
  slowUsed: number;
  fastUsed: number;
  slowParallel: number;
  fastParallel: number;
  cost: number;
  seconds: number;
  note: string;
}

function row(setting: string, method: string, seed: number | null, c: CheckReport, secs: number, note = ''): Row {
  return {
    setting,
    method,
    seed,
    feasible: c.feasible,
    energyKWh: c.energyKWh,
    peakKW: c.peakKW,
    instantaneousKW: c.instantaneousPeakKW,
    slowUsed: c.chargerCounts.slow?.used ?? 0,
    fastUsed: c.chargerCounts.fast?.used ?? 0,
    slowParallel: c.chargerCounts.slow?.maxParallel ?? 0,
    fastParallel: c.chargerCounts.fast?.maxParallel ?? 0,
    cost: c.cost.total,
    seconds: secs,
    note,
  };
}

const rows: Row[] = [];
const baselines = new Map<string, Row>();
for (const s of settings) {
  const schedule = scheduleFromBrownCsv(s.instance, testData(s.baselineFile));
  const c = checkSchedule(s.instance, schedule, { toleranceKWh: 1e-3 });
  const b = row(s.key, 'baseline', null, c, NaN, `${s.baselineName}; ${c.violations.length} violations`);
  baselines.set(s.key, b);
  rows.push(b);
}

for (const s of settings) {
  for (const [label, charging] of [
    ['SA linear', LINEAR_CHARGING],
    ['SA CC-CV', CCCV_CHARGING],
  ] as [string, ChargingModel][]) {
    for (const seed of seeds) {
      const t0 = performance.now();
      const r = anneal(s.instance, { seed, stop: maxSeconds(seconds), cooling: { seconds }, charging });
      const secs = (performance.now() - t0) / 1000;
      rows.push(row(s.key, label, seed, r.check, secs, `${r.iterations} moves`));
      if (s.key === 'frontiers' && r.check.feasible) {
        bestSaAsMilp = Math.min(bestSaAsMilp, checkSchedule(milpInstance, r.schedule, { charging: LINEAR_CHARGING, demand: 'aligned' }).cost.total);
      }
      process.stderr.write(`${s.key} ${label} seed ${seed}: ${summarize(rows[rows.length - 1] as Row)}\n`);
    }
  }
}

const milpBackends = milpSeconds <= 0 ? [] : process.env.BENCH_CBC ? (['highs-wasm', 'cbc'] as const) : (['highs-wasm'] as const);
const bounds: string[] = [];
for (const s of settings.filter((x) => x.key === 'frontiers')) {
  for (const backend of milpBackends) {
    const t0 = performance.now();
    const r = await solvePositionAllocation(milpInstance, { timeLimitSec: milpSeconds, backend });
    const secs = (performance.now() - t0) / 1000;
    const note = `${backend}: ${r.status}, ${r.size.variables} vars, ${r.size.rows} rows; objective ${fmt(r.objective, 0)}, bound ${fmt(r.bound, 0)}, gap ${r.gap === undefined ? '—' : `${(100 * r.gap).toFixed(1)} %`}`;
    if (r.check && r.schedule) rows.push(row(s.key, `MILP (${backend})`, null, checkSchedule(s.instance, r.schedule, { toleranceKWh: 1e-4 }), secs, note));
    else rows.push({ setting: s.key, method: `MILP (${backend})`, seed: null, feasible: false, energyKWh: NaN, peakKW: NaN, instantaneousKW: NaN, slowUsed: 0, fastUsed: 0, slowParallel: 0, fastParallel: 0, cost: NaN, seconds: secs, note });
    process.stderr.write(`${s.key} MILP ${backend}: ${note}\n`);
    if (r.bound !== undefined && Number.isFinite(r.bound) && Number.isFinite(bestSaAsMilp)) {
      bounds.push(`frontiers: best SA schedule priced as the MILP prices it (billing periods, no instantaneous term) ${bestSaAsMilp.toFixed(0)}; ${backend} bound ${r.bound.toFixed(0)}: gap ${((100 * (bestSaAsMilp - r.bound)) / bestSaAsMilp).toFixed(1)} %`);
    }
  }
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bus-charging-uta.json', JSON.stringify({ seconds, seeds, milpSeconds, rows }, null, 2));

const lines: string[] = [];
lines.push(`UTA 35 buses / 338 visits; SA ${seconds} s × seeds ${seeds.join(',')}; MILP ${milpSeconds} s. Ratios are against the replayed published schedule of the same setting.`);
lines.push('');
lines.push('| setting | method | runs feasible | energy kWh | ×base | 15-min peak kW | ×base | instantaneous kW | ×base | chargers slow+fast (max at once) | cost | time s |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
const groups = new Map<string, Row[]>();
for (const r of rows) groups.set(`${r.setting}|${r.method}`, [...(groups.get(`${r.setting}|${r.method}`) ?? []), r]);
for (const [key, rs] of groups) {
  const [setting, method] = key.split('|') as [string, string];
  const base = baselines.get(setting) as Row;
  const ok = rs.filter((r) => Number.isFinite(r.energyKWh));
  const mean = (f: (r: Row) => number): number => ok.reduce((a, r) => a + f(r), 0) / Math.max(1, ok.length);
  const range = (f: (r: Row) => number, d: number): string => {
    if (ok.length === 0) return '—';
    const v = ok.map(f);
    return ok.length === 1 ? (v[0] as number).toFixed(d) : `${mean(f).toFixed(d)} [${Math.min(...v).toFixed(d)}–${Math.max(...v).toFixed(d)}]`;
  };
  const ratio = (f: (r: Row) => number): string => (ok.length ? (mean(f) / f(base)).toFixed(3) : '—');
  lines.push(
    `| ${setting} | ${method} | ${rs.filter((r) => r.feasible).length}/${rs.length} | ${range((r) => r.energyKWh, 2)} | ${ratio((r) => r.energyKWh)} | ${range((r) => r.peakKW, 1)} | ${ratio((r) => r.peakKW)} | ${range((r) => r.instantaneousKW, 2)} | ${ratio((r) => r.instantaneousKW)} | ${ok.map((r) => `${r.slowUsed}+${r.fastUsed} (${r.slowParallel}/${r.fastParallel})`).join(', ') || '—'} | ${range((r) => r.cost, 0)} | ${method === 'baseline' ? '—' : range((r) => r.seconds, 1)} |`,
  );
}
lines.push('');
for (const r of rows.filter((x) => x.note && (x.method === 'baseline' || x.method.startsWith('MILP')))) lines.push(`- ${r.setting} ${r.method}: ${r.note}`);
for (const b of bounds) lines.push(`- ${b}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);

function summarize(r: Row): string {
  return `${r.feasible ? 'feasible' : 'INFEASIBLE'} ${r.energyKWh.toFixed(2)} kWh, ${r.peakKW.toFixed(1)} kW (15 min), ${r.instantaneousKW.toFixed(2)} kW inst, cost ${r.cost.toFixed(0)}, ${r.seconds.toFixed(1)} s`;
}

function fmt(x: number | undefined, d: number): string {
  return x === undefined ? '—' : x.toFixed(d);
}
