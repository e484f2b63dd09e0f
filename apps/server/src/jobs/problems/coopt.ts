import {
  checkCoOptPlan,
  coOptSettings,
  exchangeRequests,
  parseCoOptFiles,
  planCoOpt,
  type Chemistry,
  type CoOptCase,
  type CoOptPlan,
  type CoOptSettings,
  type ExchangeRequest,
} from '@gridhaul/optimizer';
import { z } from 'zod';
import { defineProblem } from '../problem-type';
import { addInputIssue, fileText, finiteCosts, finiteOrNull, hasPlan, messPolicy, mipProgress } from './mess-common';

/** The Co-OPT_MESS data set's files as text (shared/data/co-opt-mess/csv and lmp-realisations). */
const coOptFilesShape = z.object({
  format: z.literal('files'),
  name: z.string().min(1).max(200).default('coopt'),
  /** `Distance_matrix_between_the_nodes_*.csv`; nodes named "Charging site ..." are charging sites. */
  distanceCsv: fileText,
  terrainCsv: fileText,
  trafficCsv: fileText,
  vehiclesCsv: fileText,
  demandCsv: fileText,
  excavatorCsv: fileText,
  /** `lmp_*.csv`: hour, bus, LMP in cents/kWh. */
  lmpCsv: fileText,
  lmpSource: z.string().max(200).default('lmpCsv'),
  /** Charging-site node → grid bus it buys from (the notebooks': small {"1": 6, "3": 10}). */
  busMap: z.record(z.string().regex(/^\d+$/, 'a node id'), z.number().int()),
});

/** The case is validated by the package's parsers on its own, so its problems are listed whatever else is wrong. */
const coOptFiles = coOptFilesShape.superRefine((f, ctx) => {
  try {
    readCoOptCase(f);
  } catch (error) {
    addInputIssue(ctx, [fileField(error)], error);
  }
});

const setting = z.number();
/** Overrides of the model's constants (CoOptSettings); coOptSettings checks their ranges. */
const coOptSettingsInput = z
  .object({
    startH: setting,
    endH: setting,
    slotH: setting,
    socGridPct: setting,
    fullSoc: setting,
    socFloor: setting,
    deliverySoc: setting,
    replaceSoc: setting,
    requestWindowH: setting,
    demandEndH: setting,
    chargerKW: setting,
    swapH: setting,
    depotPriceUsdPerKWh: setting,
    clock: z.enum(['integrated', 'at-departure']),
    messReplacementUsd: setting,
    endOfLifeFraction: setting,
    wearAgeEfc: setting,
    wearDepth: setting,
    wearTempC: setting,
    toll: setting,
    maintenance: setting,
    excavatorChargeKW: setting,
    excavatorTriggerSoc: setting,
    excavatorTargetSoc: setting,
    messIdleLossKWhPerH: setting,
  })
  .partial()
  .strict()
  .superRefine((given, ctx) => {
    try {
      settingsOf({ settings: given, chemistry: 'generalized' });
    } catch (error) {
      addInputIssue(ctx, [], error, true);
    }
  });

export const coOptInput = z
  .object({
    instance: coOptFiles,
    policy: messPolicy,
    /** Exact method: the fleet MILP on time-space networks, or the one-truck DP (first truck class). */
    method: z.enum(['milp', 'dp']).default('milp'),
    /** Heuristic: which published greedy policy, and whether to keep its choice rule. */
    greedy: z.enum(['cost-optimised', 'distance-minimised']).default('cost-optimised'),
    compat: z.boolean().default(true),
    /** MESS wear model: Wang generalized cycle life vs DoD, Schmalstieg NMC, or Wang LFP. */
    chemistry: z.enum(['nmc', 'lfp', 'generalized'] satisfies Chemistry[]).default('generalized'),
    /** Overrides of the package's defaults, except the SOC grid: 5 % as in `gridhaul mess coopt` (the package's 2.5 % is slower). */
    settings: coOptSettingsInput.default({}),
    /** Use only these trucks (default the whole fleet). */
    truckIds: z.array(z.number().int()).min(1).max(10_000).optional(),
    /** Serve only each site's first k exchanges (a shorter day; default all the site simulation asks for). */
    exchangesPerSite: z.number().int().min(1).max(1000).optional(),
    mipRelGap: z.number().min(0).max(1).optional(),
  })
  .superRefine((input, ctx) => {
    let c: CoOptCase;
    let settings: CoOptSettings;
    try {
      c = readCoOptCase(input.instance);
      settings = settingsOf(input);
    } catch {
      return; // reported by the instance's and the settings' own checks (zod runs this one as well)
    }
    try {
      requestsFor(c, settings, input.exchangesPerSite);
    } catch (error) {
      addInputIssue(ctx, ['settings'], error, true);
    }
    const ids = new Set(c.trucks.map((t) => t.id));
    input.truckIds?.forEach((id, i) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['truckIds', i], message: `no truck ${id} in vehiclesCsv (ids ${[...ids].join(', ')})` });
    });
  });

/** The parsers label each file with its default name; the case's own checks name sites, trucks, prices. */
const FILE_FIELDS: Array<[RegExp, string]> = [
  [/^distance\.csv|^chargingSites/, 'distanceCsv'],
  [/^terrain\.csv/, 'terrainCsv'],
  [/^traffic\.csv/, 'trafficCsv'],
  [/^vehicles\.csv|^trucks/, 'vehiclesCsv'],
  [/^demand\.csv|^sites/, 'demandCsv'],
  [/^excavators\.csv/, 'excavatorCsv'],
  [/^lmp\.csv|^prices/, 'lmpCsv'],
  [/^busMap/, 'busMap'],
];

function fileField(error: unknown): string {
  const field = error instanceof Error && 'field' in error ? String(error.field) : '';
  return FILE_FIELDS.find(([re]) => re.test(field))?.[1] ?? 'distanceCsv';
}

function readCoOptCase(f: z.output<typeof coOptFilesShape>): CoOptCase {
  return parseCoOptFiles({ ...f, busMap: Object.fromEntries(Object.entries(f.busMap).map(([node, bus]) => [Number(node), bus])) });
}

function settingsOf(input: { settings: Partial<Record<keyof CoOptSettings, unknown>>; chemistry: Chemistry }): CoOptSettings {
  const given = Object.fromEntries(Object.entries(input.settings).filter(([, v]) => v !== undefined)) as Partial<CoOptSettings>;
  return coOptSettings({ socGridPct: 5, ...given, chemistry: input.chemistry });
}

/** The exchanges to serve, derived from the case and settings alone (the checker re-derives them the same way). */
function requestsFor(c: CoOptCase, settings: CoOptSettings, perSite: number | undefined): ExchangeRequest[] {
  return exchangeRequests(c, settings)
    .filter((r) => perSite === undefined || r.ordinal <= perSite)
    .map((r, id) => ({ ...r, id }));
}

interface CoOptJobPlan {
  policy: 'exact' | 'heuristic';
  method: string;
  gap: number | null;
  chemistry: Chemistry;
  requests: ExchangeRequest[];
  /** Each working truck's actions, as the checker reads them. */
  coopt: CoOptPlan;
  charges: Array<{ truckId: number; node: number; bus: number; atH: number; kWh: number; priceUsdPerKWh: number; costUsd: number }>;
  size: { variables: number; rows: number } | null;
}

export const coOptProblem = defineProblem({
  name: 'coopt',
  description:
    'Co-optimization of MESS transport, charging at grid prices (LMP) and battery wear over traffic- and terrain-aware travel: the fleet MILP or one-truck DP, or the published greedy policies, with @gridhaul/optimizer (costs in USD).',
  input: coOptInput,
  async solve(input, ctx) {
    const c = readCoOptCase(input.instance);
    const settings = settingsOf(input);
    const requests = requestsFor(c, settings, input.exchangesPerSite);
    const r = await planCoOpt(c, {
      policy: input.policy,
      method: input.method,
      greedy: input.greedy,
      compat: input.compat,
      settings,
      requests,
      ...(input.truckIds !== undefined ? { truckIds: input.truckIds } : {}),
      ...(input.mipRelGap !== undefined ? { mipRelGap: input.mipRelGap } : {}),
      ...(ctx.timeLimitSec !== undefined ? { timeLimitSec: ctx.timeLimitSec } : {}),
      onProgress: mipProgress(ctx.onProgress),
    });
    const solved = hasPlan(r.status) && Number.isFinite(r.objective);
    const k = r.check;
    const plan: CoOptJobPlan = {
      policy: r.policy,
      method: r.method,
      gap: finiteOrNull(r.gap),
      chemistry: r.settings.chemistry,
      requests: [...r.requests],
      coopt: r.plan,
      charges: k.charges.map((x) => ({ ...x })),
      size: r.size ? { ...r.size } : null,
    };
    return {
      status: r.status,
      objective: solved ? k.totalUsd : null,
      costs: solved ? finiteCosts({ totalUsd: k.totalUsd, ...k.components, distanceKm: k.distanceKm, deliveredKWh: k.deliveredKWh, boughtKWh: k.boughtKWh, trucksUsed: k.trucksUsed }) : {},
      plan,
    };
  },
  check(input, outcome) {
    if (!hasPlan(outcome.status) || outcome.objective === null) return { feasible: false, objective: null, problems: [`no plan to check (status ${outcome.status})`] };
    const c = readCoOptCase(input.instance);
    const settings = settingsOf(input);
    const report = checkCoOptPlan(c, settings, requestsFor(c, settings, input.exchangesPerSite), (outcome.plan as CoOptJobPlan).coopt);
    return { feasible: report.feasible, objective: report.totalUsd, problems: report.violations.map((v) => `${v.kind}${v.truckId === undefined ? '' : ` truck ${v.truckId}`}: ${v.detail}`) };
  },
});
