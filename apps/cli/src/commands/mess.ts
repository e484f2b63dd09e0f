import { Option, type Command } from 'commander';
import {
  bundledGrid,
  bundledPrices,
  chargingCycleText,
  coOptText,
  dcOpfPriceTable,
  deliveryText,
  LMP_REALISATIONS,
  planChargingCycle,
  planCoOpt,
  planDelivery,
  readChargingCycleData,
  readCoOptData,
  readDeliveryData,
  resultToJson,
  type Chemistry,
  type LmpRealisation,
  type PriceTable,
} from '@gridhaul/optimizer';
import { ExitCode, printJson, progress } from '../output';
import { UsageError, withCommonOptions, type CommonOptions } from '../program';

interface MessOptions extends CommonOptions {
  policy: 'exact' | 'heuristic';
  chemistry: Chemistry;
  method?: 'milp' | 'dp';
  greedy: 'cost-optimised' | 'distance-minimised';
  compat: boolean;
  clusterRadius?: number;
  stepMinutes: number;
  socGrid: number;
  prices?: string;
  amounts: 'ceil' | 'nearest';
}

/**
 * `gridhaul mess delivery|charging-cycle|coopt <data>`: the MESS models of @gridhaul/optimizer, each
 * plan checked independently; text summary or --json.
 */
export function registerMess(program: Command): void {
  const mess = program.command('mess').description('Mobile energy storage (MESS): construction-site delivery, charging cycle, co-optimization with prices and wear');
  const common = (c: Command): Command =>
    withCommonOptions(
      c
        .addOption(new Option('--policy <policy>', 'exact model or the published heuristic').choices(['exact', 'heuristic']).default('exact'))
        .addOption(new Option('--chemistry <chemistry>', 'MESS wear model (coopt)').choices(['nmc', 'lfp', 'generalized']).default('generalized')),
    );
  common(mess.command('delivery').description('Construction-site delivery: MILP / subset DP vs the published heuristic').argument('<data>', "'7-node', '12-customer', a folder with the shared CSVs and vehicles.json, or a scenario JSON"))
    .addOption(new Option('--method <method>', 'exact method').choices(['milp', 'dp']).default('milp'))
    .addOption(new Option('--cluster-radius <km>', 'heuristic clustering radius (tables 9-1/9-2: 250/120)').argParser(positive('--cluster-radius')))
    .addOption(new Option('--amounts <rule>', 'exact: round deliveries up (meet demand) or to the nearest 50 kWh as published').choices(['ceil', 'nearest']).default('ceil'))
    .addOption(new Option('--no-compat', 'heuristic: fix the notebook quirks'))
    .action(async (data: string, o: MessOptions) => {
      const instance = readDeliveryData(data);
      if (!o.json) progress(`${instance.name}: ${instance.nodes.length - 1} sites, ${instance.vehicles.length} vehicles; ${o.policy}${o.policy === 'exact' ? ` (${o.method})` : ''}`);
      const r = await planDelivery(instance, {
        policy: o.policy,
        ...(o.method === undefined ? {} : { method: o.method }),
        amountRule: o.amounts === 'nearest' ? 'nearest-unit' : 'ceil-unit',
        compat: o.compat,
        ...(o.clusterRadius === undefined ? {} : { clusterRadiusKm: o.clusterRadius }),
        ...(o.timeLimit === undefined ? {} : { timeLimitSec: o.timeLimit }),
      });
      emit(o, { problem: 'delivery', seed: o.seed, result: resultToJson(r) }, deliveryText(r), r.check.feasible && r.plan.routes.length > 0);
    });
  common(mess.command('charging-cycle').description('Skagerak charging cycle: time-indexed MILP vs the published rule-based run').argument('<data>', "'skagerak', a folder with charging-cycle.json, or that file"))
    .addOption(new Option('--step-minutes <min>', 'MILP time step').argParser(positive('--step-minutes')).default(15))
    .action(async (data: string, o: MessOptions) => {
      const instance = readChargingCycleData(data);
      if (!o.json) progress(`${instance.name}: ${instance.sites.length} sites, ${instance.excavators.length} excavators; ${o.policy}`);
      const r = await planChargingCycle(instance, { policy: o.policy, stepH: o.stepMinutes / 60, ...(o.timeLimit === undefined ? {} : { timeLimitSec: o.timeLimit }) });
      emit(
        o,
        { problem: 'charging-cycle', seed: o.seed, result: resultToJson(r) },
        chargingCycleText(
          r,
          instance.excavators.map((e) => e.id),
          instance.sites.map((s) => s.id),
        ),
        r.check.feasible,
      );
    });
  common(mess.command('coopt').description('Co-optimization of MESS transport, charging at LMP and wear (fleet MILP / one-truck DP vs the published greedy policies)').argument('<data>', "'small', 'large', or a scenario JSON with the shared CSV paths"))
    .addOption(new Option('--method <method>', 'exact method (dp: one truck)').choices(['milp', 'dp']).default('milp'))
    .addOption(new Option('--greedy <policy>', 'heuristic policy').choices(['cost-optimised', 'distance-minimised']).default('cost-optimised'))
    .addOption(new Option('--no-compat', 'heuristic: count charging cost and prefer SOC-feasible routes'))
    .addOption(new Option('--soc-grid <pct>', 'SOC grid of the time-space network (%)').argParser(positive('--soc-grid')).default(5))
    .addOption(new Option('--prices <source>', `stored realisation (${LMP_REALISATIONS.join(', ')}) or 'dcopf' (case14 LMP + tariff)`))
    .action(async (data: string, o: MessOptions) => {
      const c = readCoOptData(data);
      const prices = await readPrices(o.prices);
      if (!o.json) progress(`${c.name}: ${c.network.nodeIds.length} nodes, ${c.sites.length} sites, ${c.trucks.length} trucks; ${o.policy}, ${o.chemistry}, prices ${(prices ?? c.prices).source}`);
      const r = await planCoOpt(c, {
        policy: o.policy,
        ...(o.method === undefined ? {} : { method: o.method }),
        greedy: o.greedy,
        compat: o.compat,
        settings: { chemistry: o.chemistry, socGridPct: o.socGrid },
        ...(prices === undefined ? {} : { prices }),
        ...(o.timeLimit === undefined ? {} : { timeLimitSec: o.timeLimit }),
        ...(o.json ? {} : { onProgress: (p) => progress(`  ${p.timeSec.toFixed(0)} s: incumbent ${p.incumbent?.toFixed(2) ?? '-'}, bound ${p.bound?.toFixed(2) ?? '-'}`) }),
      });
      emit(o, { problem: 'coopt', seed: o.seed, result: resultToJson(r) }, coOptText(r, c.network.names), r.check.feasible && r.objective !== Infinity);
    });
}

async function readPrices(source: string | undefined): Promise<PriceTable | undefined> {
  if (source === undefined) return undefined;
  if (source === 'dcopf') return dcOpfPriceTable(bundledGrid('case14'), { buses: [6, 10, 11] });
  if (!(LMP_REALISATIONS as readonly string[]).includes(source)) throw new UsageError(`--prices must be one of ${LMP_REALISATIONS.join(', ')} or dcopf, got "${source}"`);
  return bundledPrices(source as LmpRealisation);
}

function emit(o: MessOptions, json: unknown, text: string, ok: boolean): void {
  if (o.json) printJson(json);
  else process.stdout.write(`${text}\n`);
  if (!ok) process.exitCode = ExitCode.noSolution;
}

function positive(flag: string) {
  return (raw: string): number => {
    const v = Number(raw);
    if (!Number.isFinite(v) || v <= 0) throw new UsageError(`${flag} must be a positive number, got "${raw}"`);
    return v;
  };
}
