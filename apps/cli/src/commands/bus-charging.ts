import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { maxSeconds } from '@gridhaul/common';
import {
  anneal,
  CCCV_CHARGING,
  LINEAR_CHARGING,
  parseInstanceJson,
  parseVisitsCsv,
  reportSchedule,
  solvePositionAllocation,
  type Instance,
  type ScheduleReport,
} from '@gridhaul/bus-charging';
import { ExitCode, printJson, progress } from '../output';
import { UsageError, withCommonOptions, type CommonOptions } from '../program';

interface BusChargingOptions extends CommonOptions {
  method: 'sa' | 'milp';
  nonlinear?: boolean;
  minSoc?: number;
  finalSoc?: number;
}

const DEFAULT_SECONDS = { sa: 30, milp: 60 } as const;

/** `gridhaul bus-charging <visits.csv>`: charger schedule for battery-electric buses at a depot. */
export function registerBusCharging(program: Command): void {
  withCommonOptions(
    program
      .command('bus-charging')
      .description('Charger schedule for battery-electric buses: which visit charges where and when, at least charger, energy and demand cost')
      .argument('<visits>', 'visits CSV (bus, arrival_h, departure_h, discharge_after_kWh; UTA fleet and depot defaults) or instance JSON')
      .addOption(new Option('--method <name>', 'simulated annealing or the position-allocation MILP').choices(['sa', 'milp']).default('sa'))
      .addOption(new Option('--nonlinear', 'CC-CV charging (constant power to 80 % SOC, then an exponential tail); SA only'))
      .addOption(new Option('--min-soc <fraction>', 'minimum SOC for a CSV fleet (default 0.2)').argParser(fraction('--min-soc')))
      .addOption(new Option('--final-soc <fraction>', 'end-of-day SOC for a CSV fleet (default 0.7)').argParser(fraction('--final-soc'))),
  ).action(async (file: string, options: BusChargingOptions) => {
    if (options.nonlinear && options.method === 'milp') throw new UsageError('--nonlinear needs --method sa: the MILP has linear battery dynamics');
    const instance = readInstance(file, options);
    const seconds = options.timeLimit ?? DEFAULT_SECONDS[options.method];
    if (!options.json) progress(`${instance.name}: ${instance.buses.length} buses, ${instance.visits.length} visits, ${instance.chargers.length} chargers; ${options.method}, ${seconds} s, seed ${options.seed}`);
    let summary: Record<string, unknown>;
    let report: ScheduleReport | undefined;
    if (options.method === 'sa') {
      const charging = options.nonlinear ? CCCV_CHARGING : LINEAR_CHARGING;
      const r = anneal(instance, {
        seed: options.seed,
        stop: maxSeconds(seconds),
        cooling: { seconds },
        charging,
        ...(options.json ? {} : { onProgress: (p) => progress(`  ${p.seconds.toFixed(0)} s: ${p.iterations} moves, best cost ${p.bestCost.toFixed(2)}`) }),
      });
      report = reportSchedule(instance, r.schedule, r.check);
      summary = { method: 'sa', seed: r.seed, charging: charging.kind, status: r.check.feasible ? 'feasible' : 'infeasible', iterations: r.iterations, seconds: r.seconds };
    } else {
      const r = await solvePositionAllocation(instance, { timeLimitSec: seconds, seed: options.seed });
      if (r.schedule && r.check) report = reportSchedule(instance, r.schedule, r.check);
      summary = { method: 'milp', seed: r.seed, status: r.status, objective: r.objective ?? null, bound: r.bound ?? null, gap: r.gap ?? null, seconds: r.seconds, size: r.size };
    }
    if (options.json) printJson(toJson(instance, summary, report));
    else printTables(summary, report);
    if (!report?.feasible) process.exitCode = ExitCode.noSolution;
  });
}

function readInstance(file: string, options: BusChargingOptions): Instance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read visits file "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (file.endsWith('.json')) return parseInstanceJson(text, basename(file));
  return parseVisitsCsv(text, {
    source: basename(file),
    ...(options.minSoc !== undefined ? { minSocFraction: options.minSoc } : {}),
    ...(options.finalSoc !== undefined ? { finalSocFraction: options.finalSoc } : {}),
  });
}

function toJson(instance: Instance, summary: Record<string, unknown>, report: ScheduleReport | undefined): Record<string, unknown> {
  return {
    instance: instance.name,
    ...summary,
    checked: report?.feasible ?? false,
    energyKWh: report?.energyKWh ?? null,
    peakKW: report?.peakKW ?? null,
    peakAlignedKW: report?.peakAlignedKW ?? null,
    instantaneousPeakKW: report?.instantaneousPeakKW ?? null,
    minSocKWh: report?.minSocKWh ?? null,
    cost: report?.cost ?? null,
    chargers: report?.chargerCounts ?? null,
    violations: report?.violations ?? [],
    perCharger: report?.perCharger ?? [],
    perBus: report?.perBus ?? [],
    powerProfile: report?.powerProfile ?? null,
  };
}

function printTables(summary: Record<string, unknown>, report: ScheduleReport | undefined): void {
  const out: string[] = [];
  out.push(Object.entries(summary).filter(([, v]) => typeof v !== 'object' || v === null).map(([k, v]) => `${k} ${typeof v === 'number' ? +v.toFixed(4) : String(v)}`).join(', '));
  if (!report) {
    out.push('no schedule');
    process.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  out.push(`checked: ${report.feasible ? 'feasible' : `${report.violations.length} violations (first: ${JSON.stringify(report.violations[0])})`}`);
  out.push(`energy ${report.energyKWh.toFixed(2)} kWh; peak ${report.peakKW.toFixed(2)} kW (15-min), ${report.peakAlignedKW.toFixed(2)} kW (billing periods), ${report.instantaneousPeakKW.toFixed(2)} kW instantaneous; min SOC ${report.minSocKWh.toFixed(2)} kWh`);
  out.push(`chargers: ${Object.entries(report.chargerCounts).map(([t, c]) => `${t} ${c.used} used, at most ${c.maxParallel} at once`).join('; ')}`);
  out.push(`cost: chargers ${report.cost.chargers.toFixed(2)} + energy ${report.cost.energy.toFixed(2)} + demand ${report.cost.demand.toFixed(2)} + capacity ${report.cost.capacity.toFixed(2)} = ${report.cost.total.toFixed(2)}`);
  out.push('');
  out.push('charger      sessions (bus start–end h, kWh)');
  for (const c of report.perCharger) {
    out.push(`${c.charger.padEnd(12)} ${c.sessions.map((s) => `${s.bus} ${s.startH.toFixed(2)}–${s.endH.toFixed(2)} ${s.energyKWh.toFixed(1)}`).join(', ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function fraction(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(`${flag} must be a fraction in [0, 1], got "${raw}"`);
    return value;
  };
}
