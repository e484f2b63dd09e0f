import { InputError } from '@gridhaul/common';
import { z } from 'zod';
import type { Repositories } from '../data';
import { problemTypes } from '../jobs/registry';
import { completeProblem } from '../jobs/scenario-input';
import { batteryDocument } from '../schemas/batteries';
import { id, label, seed } from '../schemas/common';
import { fleetDocument, siteDocument } from '../schemas/fleets';
import { quantity } from '../schemas/quantity';
import type { Problem } from '../trpc/errors';

/**
 * One JSON document that describes a scenario completely. Numeric fields whose names carry a unit
 * (capacityKWh, speedKmh, timeLimitSec...) also accept quantity strings such as "550 kWh".
 */
export const scenarioDocument = z.object({
  name: label,
  problemType: z.string().min(1).max(100),
  seed: seed.default(1),
  timeLimitSec: quantity('s', (n) => Number.isFinite(n) && n > 0, 'a positive number').optional(),
  batteries: z.array(batteryDocument).max(1000).default([]),
  fleet: fleetDocument.default({ vehicles: [], mess: [] }),
  sites: z.array(siteDocument).max(10_000).default([]),
  roadNetworkId: id.optional(),
  gridNetworkId: id.optional(),
  /** The problem type's own input (for 'lp': variables, constraints, sense). */
  problem: z.unknown(),
});

export type ScenarioDocument = z.output<typeof scenarioDocument>;

const path = (p: ReadonlyArray<PropertyKey>) => p.map(String).join('.') || '(document)';

/** Every problem with a document at once: schema, problem input, cross-references, stored ids. */
export async function validateScenarioDocument(
  raw: unknown,
  repos: Repositories,
): Promise<{ problems: Problem[]; document: ScenarioDocument | null }> {
  const problems: Problem[] = [];
  const parsed = scenarioDocument.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => ({ field: path(i.path), message: i.message })));
  const doc = parsed.success ? parsed.data : null;

  // Parts that can be checked even when other parts failed.
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const type = typeof obj['problemType'] === 'string' ? problemTypes.get(obj['problemType']) : undefined;
  if (typeof obj['problemType'] === 'string' && !type) {
    problems.push({ field: 'problemType', message: `unknown problem type "${obj['problemType']}"; known: ${[...problemTypes.keys()].join(', ')}` });
  }
  if (type) {
    const gridId = typeof obj['gridNetworkId'] === 'string' ? obj['gridNetworkId'] : undefined;
    const problem = await completeProblem(repos, type.name, obj['problem'], gridId, String(obj['name'])).catch(() => obj['problem']);
    const input = type.input.safeParse(problem);
    if (!input.success) problems.push(...input.error.issues.map((i) => ({ field: path(['problem', ...i.path]), message: i.message })));
  }

  // Cross-references are checked on the raw document too, so they are reported alongside schema problems.
  const list = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : []);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const batteryNames = new Set(list(obj['batteries']).map((b) => str(b['name'])));
  const fleet = (typeof obj['fleet'] === 'object' && obj['fleet'] !== null ? obj['fleet'] : {}) as Record<string, unknown>;
  list(fleet['mess']).forEach((m, i) => {
    const name = str(m['battery']);
    if (name !== undefined && !batteryNames.has(name)) problems.push({ field: `fleet.mess.${i}.battery`, message: `no battery named "${name}" in batteries` });
  });
  list(fleet['vehicles']).forEach((v, i) => {
    const name = str(v['battery']);
    if (name !== undefined && !batteryNames.has(name)) problems.push({ field: `fleet.vehicles.${i}.battery`, message: `no battery named "${name}" in batteries` });
  });
  const siteNames = new Set<string>();
  const sites = list(obj['sites']);
  sites.forEach((site, i) => {
    const name = str(site['name']);
    if (name === undefined) return;
    if (siteNames.has(name)) problems.push({ field: `sites.${i}.name`, message: `duplicate site name "${name}"` });
    siteNames.add(name);
  });
  const roadId = str(obj['roadNetworkId']);
  if (roadId) await repos.networks.getRoad(roadId).catch(() => problems.push({ field: 'roadNetworkId', message: `no road network "${roadId}"` }));
  const gridId = str(obj['gridNetworkId']);
  if (gridId) {
    const grid = await repos.networks.getGrid(gridId).catch(() => null);
    if (!grid) problems.push({ field: 'gridNetworkId', message: `no grid network "${gridId}"` });
    else {
      const buses = new Set(grid.network.buses.map((b) => b.id));
      sites.forEach((site, i) => {
        const bus = site['gridBus'];
        if (typeof bus === 'number' && !buses.has(bus)) problems.push({ field: `sites.${i}.gridBus`, message: `bus ${bus} is not in grid network "${grid.network.name}"` });
      });
    }
  }
  return { problems, document: problems.length === 0 ? doc : null };
}

/** An invalid scenario: the InputError names the first problem and carries all of them. */
export class ScenarioInvalidError extends InputError {
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.field ?? 'document', undefined, `a valid scenario (${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ').slice(0, 500)})`);
  }
}
