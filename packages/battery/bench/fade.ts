// Fade evaluation throughput for a one-year profile at 1-minute resolution (525 600 points), per model,
// against rainflow counting alone on the same SOC series (measured in the same run).
// Run: npm run bench -w @gridhaul/battery   (writes bench-results/fade.md)
import { mkdirSync, writeFileSync } from 'node:fs';
import { Rng } from '@gridhaul/common';
import {
  cycleLifeModel,
  naumannLfp,
  rainflow,
  schimpe2018Lfp,
  schmalstieg2014Nmc,
  uniformProfile,
  validateProfile,
  wang2011Lfp,
  xu2018,
  type DegradationModel,
  type SocProfile,
} from '../src/index';

const SEED = 2024;
const POINTS = 525_600;
const REPEATS = 5;

function yearProfile(seed: number): SocProfile {
  const rng = new Rng(seed);
  const soc = new Float64Array(POINTS);
  const temp = new Float64Array(POINTS);
  let noise = 0;
  for (let i = 0; i < POINTS; i++) {
    const h = (i / 60) % 24;
    const day = i / 1440;
    // a MESS day: full at 07:00, morning work, midday top-up, afternoon work, overnight recharge
    const base =
      h < 7
        ? 0.3 + (0.6 * h) / 7
        : h < 12
          ? 0.9 - (0.5 * (h - 7)) / 5
          : h < 13
            ? 0.4 + 0.2 * (h - 12)
            : h < 19
              ? 0.6 - (0.3 * (h - 13)) / 6
              : 0.3;
    noise = 0.98 * noise + rng.normal(0, 0.002);
    soc[i] = Math.min(0.98, Math.max(0.02, base + noise));
    temp[i] =
      12 +
      10 * Math.sin((2 * Math.PI * (day - 110)) / 365) +
      4 * Math.sin((2 * Math.PI * (h - 9)) / 24);
  }
  return uniformProfile(1 / 60, soc, temp);
}

function medianMs(f: () => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(REPEATS / 2)] as number;
}

const profile = yearProfile(SEED);
validateProfile(profile);
const models: DegradationModel[] = [
  schmalstieg2014Nmc,
  schimpe2018Lfp,
  naumannLfp,
  wang2011Lfp,
  cycleLifeModel(0.8),
  xu2018,
];

medianMs(() => rainflow(profile.soc)); // warm-up
const baselineMs = medianMs(() => rainflow(profile.soc));
const cycles = rainflow(profile.soc).length;
const rows: string[] = [];
const pps = (ms: number): string => (POINTS / (ms / 1000) / 1e6).toFixed(2);
rows.push(
  `| rainflow alone (baseline) | ${baselineMs.toFixed(1)} | ${pps(baselineMs)} | 1.00 | – |`,
);
for (const m of models) {
  m.fade(profile); // warm-up
  let fade = 0;
  const ms = medianMs(() => (fade = m.fade(profile).total));
  rows.push(
    `| ${m.id} | ${ms.toFixed(1)} | ${pps(ms)} | ${(baselineMs / ms).toFixed(2)} | ${(100 * fade).toFixed(2)} % |`,
  );
}

const table = [
  `Fade of a one-year SOC/temperature profile, 1-minute steps (${POINTS} points, ${cycles} rainflow cycles; seed ${SEED}), median of ${REPEATS} runs, Node ${process.version}.`,
  '',
  '| model | ms | Mpoints/s | speed vs rainflow alone | fade after 1 year |',
  '|---|---:|---:|---:|---:|',
  ...rows,
].join('\n');
console.log(table);
mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench-results/fade.md', import.meta.url), table + '\n');
