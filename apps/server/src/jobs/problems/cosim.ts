import { InputError } from '@gridhaul/common';
import { networkFromJson, type Network } from '@gridhaul/grid';
import { z } from 'zod';
import { checkStorageSchedule } from '../../cosim/check-schedule';
import { storageShortfall } from '../../cosim/feasibility';
import { runCosim } from '../../cosim/loop';
import { gridPricer } from '../../cosim/price-grid';
import { planStorage } from '../../cosim/storage-plan';
import type { CosimResult, StorageUnit } from '../../cosim/types';
import { defineProblem } from '../problem-type';

const busSeries = z.object({ bus: z.number().int().positive(), mw: z.array(z.number()).max(8760) });
const fraction = z.number().min(0).max(1);
const efficiency = z.number().gt(0).max(1);

/** A storage unit (MESS, or a pool of them) at a bus: MWh, MW, SOC as fractions of capacity. */
export const storageUnitInput = z.object({
  name: z.string().trim().min(1).max(200),
  bus: z.number().int().positive(),
  capacityMWh: z.number().positive(),
  maxChargeMW: z.number().nonnegative(),
  /** Power fed back to the grid; 0 (default): the unit only charges. */
  maxDischargeMW: z.number().nonnegative().default(0),
  chargeEfficiency: efficiency.default(1),
  dischargeEfficiency: efficiency.default(1),
  socMin: fraction.default(0),
  socMax: fraction.default(1),
  initialSoc: fraction,
  /** Default: the initial SOC (the day can be repeated). */
  finalSoc: fraction.optional(),
  /** The demand the unit covers off the grid per period (its site's draw), MW; default none. */
  demandMW: z.array(z.number().nonnegative()).max(8760).optional(),
  wearUsdPerMWh: z.number().nonnegative().default(0),
});

/**
 * A co-simulation: the grid as an 'lmp' job sees it (a network, or the id of a stored one, and a
 * load profile) plus storage units at its buses, iterated until LMPs and storage schedules agree.
 * cosim.start adds the run's id (`runId`) to the job's stored input; the record keeper
 * (cosim/records.ts) files the iterations under it.
 */
export const cosimInput = z
  .object({
    /** gridhaul.network JSON; or, for cosim.start, a stored grid network's id here or in the scenario document. */
    network: z.record(z.string(), z.unknown()).optional(),
    /** A stored grid network, used when `network` is absent (cosim.start fills `network` from it). */
    gridNetworkId: z.string().trim().min(1).max(100).optional(),
    convention: z.enum(['matpower', 'powermodels-dcp']).default('matpower'),
    /** Period length, h. */
    stepH: z.number().positive().max(24).default(1),
    profile: z.object({
      periods: z.number().int().min(1).max(8760),
      loadScale: z.array(z.number().nonnegative()).max(8760).optional(),
      renewableMW: z.array(busSeries).max(10_000).optional(),
    }),
    storage: z.array(storageUnitInput).min(1).max(1000),
    toleranceUsdPerMWh: z.number().positive().max(1000).default(0.05),
    maxIterations: z.number().int().min(1).max(1000).default(50),
  })
  .superRefine((input, ctx) => {
    const periods = input.profile.periods;
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (input.profile.loadScale && input.profile.loadScale.length !== periods) issue(['profile', 'loadScale'], `${periods} values (profile.periods), got ${input.profile.loadScale.length}`);
    input.profile.renewableMW?.forEach((s, i) => s.mw.length !== periods && issue(['profile', 'renewableMW', i, 'mw'], `${periods} values (profile.periods), got ${s.mw.length}`));
    const names = new Set<string>();
    input.storage.forEach((u, i) => {
      const at = (field: string) => ['storage', i, field];
      if (names.has(u.name)) issue(at('name'), `duplicate storage unit name "${u.name}"`);
      names.add(u.name);
      if (u.socMin > u.socMax) issue(at('socMax'), `at least socMin (${u.socMin}), got ${u.socMax}`);
      else if (u.initialSoc < u.socMin || u.initialSoc > u.socMax) issue(at('initialSoc'), `a SOC in [socMin, socMax] = [${u.socMin}, ${u.socMax}], got ${u.initialSoc}`);
      else if (u.finalSoc !== undefined && u.finalSoc > u.socMax) issue(at('finalSoc'), `at most socMax (${u.socMax}), got ${u.finalSoc}`);
      else if (u.demandMW && u.demandMW.length !== periods) issue(at('demandMW'), `${periods} values (profile.periods), got ${u.demandMW.length}`);
      else {
        const short = storageShortfall(storageUnit(u, input), input.stepH);
        if (short) issue(at(u.demandMW ? 'demandMW' : 'finalSoc'), short.message);
      }
    });
    // Without a network (a stored scenario naming its grid by gridNetworkId), cosim.start checks buses once it is filled in.
    if (input.network === undefined) return;
    let network: Network;
    try {
      network = networkFromJson(input.network);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issue(['network', ...error.field.split(/[.[\]]+/).filter(Boolean)], error.message);
      return;
    }
    const inService = new Set(network.buses.filter((b) => b.type !== 4).map((b) => b.id));
    const where = `an in-service bus of ${network.name}`;
    input.storage.forEach((u, i) => !inService.has(u.bus) && issue(['storage', i, 'bus'], `${where}, got ${u.bus}`));
    input.profile.renewableMW?.forEach((s, i) => !inService.has(s.bus) && issue(['profile', 'renewableMW', i, 'bus'], `${where}, got ${s.bus}`));
  });

export type CosimInput = z.output<typeof cosimInput>;
type UnitInput = z.output<typeof storageUnitInput>;

function storageUnit(u: UnitInput, input: Pick<CosimInput, 'profile'>): StorageUnit {
  return { ...u, finalSoc: u.finalSoc ?? u.initialSoc, demandMW: u.demandMW ?? new Array<number>(input.profile.periods).fill(0) };
}

export const storageUnits = (input: CosimInput): StorageUnit[] => input.storage.map((u) => storageUnit(u, input));

export const cosimProblem = defineProblem({
  name: 'cosim',
  description:
    'Co-simulation: storage schedules change bus loads, the grid re-prices (DC-OPF LMPs, as an lmp job), the storage units re-plan (LP) and the schedule is averaged, until the LMP change and the schedule gap are within a tolerance ($/MWh) or an iteration cap; each iteration is reported (and stored by cosim.start runs).',
  input: cosimInput,
  async solve(input, ctx) {
    if (input.network === undefined) throw new InputError('network', input.gridNetworkId, 'the grid network (cosim.start fills it from gridNetworkId)');
    const units = storageUnits(input);
    const started = performance.now();
    const price = gridPricer(
      {
        network: input.network,
        convention: input.convention,
        stepH: input.stepH,
        periods: input.profile.periods,
        loadScale: input.profile.loadScale,
        renewableMW: input.profile.renewableMW,
      },
      { seed: ctx.seed, signal: ctx.signal },
    );
    const result = await runCosim(
      { units, periods: input.profile.periods, stepH: input.stepH, toleranceUsdPerMWh: input.toleranceUsdPerMWh, maxIterations: input.maxIterations },
      {
        price,
        plan: (prices) => planStorage(units, prices, input.stepH, { signal: ctx.signal, randomSeed: ctx.seed }),
        signal: ctx.signal,
        deadlineMs: ctx.timeLimitSec !== undefined ? started + ctx.timeLimitSec * 1000 : undefined,
        onIteration: (it) => {
          const change = it.maxPriceChangeUsdPerMWh === null ? 'baseline without storage' : `max LMP change ${it.maxPriceChangeUsdPerMWh.toFixed(4)} $/MWh, gap ${(it.gapUsdPerMWh ?? NaN).toFixed(4)} $/MWh`;
          ctx.onProgress({ timeSec: (performance.now() - started) / 1000, iteration: it.iteration, message: `iteration ${it.iteration}: ${change}`, record: it });
        },
      },
    );
    return {
      status: result.converged ? 'converged' : 'not converged',
      objective: result.final.objective,
      costs: { storageEnergyUsd: result.final.objective, generationUsd: result.final.generationCostUsd },
      plan: result,
    };
  },
  check(input, outcome) {
    const result = outcome.plan as CosimResult;
    const units = storageUnits(input);
    const final = result.final;
    const problems: string[] = [];
    if (final.iteration > 0) problems.push(...checkStorageSchedule(units, final.units, input.stepH, final.schedule).map((p) => `final schedule: ${p}`));
    problems.push(...checkStorageSchedule(units, result.lastPlan, input.stepH).map((p) => `last plan: ${p}`));
    if (result.iterations !== final.iteration + 1 || result.iterations > input.maxIterations) problems.push(`${result.iterations} iterations reported, the last is number ${final.iteration}, the cap ${input.maxIterations}`);
    if (result.converged) {
      const tol = input.toleranceUsdPerMWh;
      if (!(final.maxPriceChangeUsdPerMWh !== null && final.maxPriceChangeUsdPerMWh <= tol)) problems.push(`reported converged, but the last LMP change is ${final.maxPriceChangeUsdPerMWh} $/MWh (tolerance ${tol})`);
      if (!(final.gapUsdPerMWh !== null && final.gapUsdPerMWh <= tol)) problems.push(`reported converged, but the last gap is ${final.gapUsdPerMWh} $/MWh (tolerance ${tol})`);
    }
    // The final cost, recomputed here from the units' schedules and the final LMPs.
    const lmp = new Map(final.prices.map((p) => [p.bus, p.usdPerMWh]));
    let cost = 0;
    final.units.forEach((s, k) => {
      const wear = units[k]?.wearUsdPerMWh ?? NaN;
      s.chargeMW.forEach((c, t) => {
        const d = s.dischargeMW[t] ?? NaN;
        cost += input.stepH * ((lmp.get(s.bus)?.[t] ?? NaN) * (c - d) + wear * (c + d));
      });
    });
    if (!(Math.abs(cost - final.objective) <= 1e-6 * Math.max(1, Math.abs(cost)))) problems.push(`final storage cost ${final.objective} $, recomputed ${cost} $`);
    return { feasible: problems.length === 0, objective: cost, problems };
  },
});
