import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { parseInstance, solveEvrp, VARIANTS, type EvrpInstance, type EvrpResult, type ObjectiveKind, type SolveMethod, type Variant } from '@gridhaul/evrp';
import { ExitCode, printJson, progress } from '../output';
import { UsageError, withCommonOptions, type CommonOptions } from '../program';

interface EvrpOptions extends CommonOptions {
  variant: Variant;
  objective: ObjectiveKind;
  vehicles?: number;
  method: SolveMethod;
  iterations?: number;
}

/** `gridhaul evrp <instance.txt>`: E-VRPTW with recharging and SOC limits on a Schneider et al. (2014) instance. */
export function registerEvrp(program: Command): void {
  withCommonOptions(
    program
      .command('evrp')
      .description('Electric vehicle routing with time windows and recharging (Schneider et al. 2014 instances): routes, times, loads, SOC and charging')
      .argument('<instance>', 'instance file in the Schneider et al. (2014) text format')
      .addOption(new Option('--variant <v>', 'a full recharge; b partial; c partial, SOC >= 25 %; d partial, SOC >= 25 %, charge <= 85 %').choices([...VARIANTS]).makeOptionMandatory())
      .addOption(new Option('--objective <kind>', 'distance: fewest vehicles, then distance; paper: travel + service + charging time + 10 per station visit (Cataldo-Díaz et al. 2022)').choices(['distance', 'paper']).default('distance'))
      .addOption(new Option('--vehicles <m>', 'at most m vehicles (default: fewest vehicles first)').argParser(positiveInteger('--vehicles')))
      .addOption(new Option('--method <name>', 'auto: exact up to 15 customers, else the heuristic').choices(['auto', 'enumeration', 'milp', 'heuristic']).default('auto'))
      .addOption(new Option('--iterations <n>', 'heuristic iteration budget (with no --time-limit the run repeats exactly from --seed)').argParser(positiveInteger('--iterations'))),
  ).action(async (file: string, options: EvrpOptions) => {
    const instance = readInstance(file);
    if (!options.json) progress(`${instance.name}: ${instance.customers.length} customers, ${instance.stations.length} stations; variant ${options.variant}, objective ${options.objective}`);
    const result = await solveEvrp(instance, {
      variant: options.variant,
      objective: options.objective,
      method: options.method,
      seed: options.seed,
      ...(options.vehicles === undefined ? {} : { maxVehicles: options.vehicles }),
      ...(options.timeLimit === undefined ? {} : { timeLimitSec: options.timeLimit }),
      ...(options.iterations === undefined ? {} : { maxIterations: options.iterations }),
      onProgress: (message) => progress(`  ${message}`),
    });
    if (options.json) printJson(toJson(instance, options, result));
    else printTables(result);
    if (result.solution === null) process.exitCode = ExitCode.noSolution;
  });
}

function readInstance(file: string): EvrpInstance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read instance file "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseInstance(text, basename(file).replace(/\.txt$/, ''));
}

function toJson(instance: EvrpInstance, options: EvrpOptions, r: EvrpResult): Record<string, unknown> {
  const s = r.solution;
  return {
    instance: instance.name,
    variant: options.variant,
    objectiveKind: options.objective,
    objective: s?.objective ?? null,
    status: r.status,
    gap: r.gap,
    gapReference: r.gapReference,
    bestKnown: r.bestKnown,
    vehicles: s?.vehicles ?? null,
    distance: s?.distance ?? null,
    method: r.method,
    seed: r.seed,
    iterations: r.iterations,
    seconds: r.timeSec,
    checked: r.check?.feasible ?? false,
    routes: (s?.routes ?? []).map((route) => ({
      distance: route.distance,
      cost: route.cost,
      visits: route.visits.map((v) => ({
        id: v.id,
        kind: v.kind,
        arrival: v.arrival,
        start: v.start,
        departure: v.departure,
        load: v.loadOnArrival,
        socOnArrival: v.socOnArrival,
        charge: v.charge,
        socOnDeparture: v.socOnDeparture,
      })),
    })),
  };
}

function printTables(r: EvrpResult): void {
  const out: string[] = [];
  const s = r.solution;
  const known = r.bestKnown === null ? '' : `best known ${r.bestKnown.vehicles} / ${r.bestKnown.distance.toFixed(2)}`;
  const gap = r.gap === null ? (known && s ? `; ${known} (other fleet size, no gap)` : '') : `, gap ${(100 * r.gap).toFixed(2)} % (${r.gapReference === 'bestKnown' ? known : r.gapReference})`;
  out.push(`${r.status} (${r.method}${r.seed === null ? '' : `, seed ${r.seed}`}, ${r.timeSec.toFixed(1)} s)${s ? `: ${s.vehicles} vehicles, distance ${s.distance.toFixed(2)}, objective ${s.objective.toFixed(2)}` : ''}${gap}`);
  if (s && r.check) out.push(`checked: ${r.check.feasible ? 'feasible' : `${r.check.violations.length} violations`}`);
  for (const [k, route] of (s?.routes ?? []).entries()) {
    out.push('');
    out.push(`route ${k + 1}: distance ${route.distance.toFixed(2)}`);
    out.push('stop    arrive    start   depart    load  SOC in  charge  SOC out');
    for (const v of route.visits) {
      out.push(
        `${v.id.padEnd(6)} ${v.arrival.toFixed(1).padStart(8)} ${v.start.toFixed(1).padStart(8)} ${v.departure.toFixed(1).padStart(8)} ${v.loadOnArrival.toFixed(0).padStart(7)} ${v.socOnArrival.toFixed(2).padStart(7)} ${v.charge.toFixed(2).padStart(7)} ${v.socOnDeparture.toFixed(2).padStart(8)}`,
      );
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function positiveInteger(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive integer, got "${raw}"`);
    return value;
  };
}
