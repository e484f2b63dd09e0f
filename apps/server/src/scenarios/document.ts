import { InputError } from '@gridhaul/common';
import { z } from 'zod';
import type { GridNetworkData, Repositories } from '../data';
import { problemTypes } from '../jobs/registry';
import { storedGridNeeded, withStoredGrid } from '../jobs/scenario-input';
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

/** The fields of a document that name a record stored in the server's database. */
export type StoredIdField = 'roadNetworkId' | 'gridNetworkId';

/** The records a document names by id, as the database has them; null: there is no such record. */
export interface StoredReferences {
  roadNetwork?: { id: string } | null;
  gridNetwork?: (GridNetworkData & { id: string }) | null;
}

export interface ScenarioCheck {
  problems: Problem[];
  /** The normalised document when no problem was found. */
  document: ScenarioDocument | null;
  /** Stored ids the check had no record for (offline): whether they exist, and what depends on them, is left to a server. */
  unresolved: Array<{ field: StoredIdField; id: string }>;
}

const record = (v: unknown) => (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Every problem with a document at once, without a database: schema, problem input and
 * cross-references. Records named by id are checked against `stored` where it has them and
 * listed as unresolved where it does not.
 */
export function checkScenarioDocument(raw: unknown, stored: StoredReferences = {}): ScenarioCheck {
  const problems: Problem[] = [];
  const unresolved: ScenarioCheck['unresolved'] = [];
  const parsed = scenarioDocument.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => ({ field: path(i.path), message: i.message })));
  const doc = parsed.success ? parsed.data : null;

  // Parts that can be checked even when other parts failed.
  const obj = record(raw);
  const roadId = str(obj['roadNetworkId']);
  const gridId = str(obj['gridNetworkId']);
  const type = typeof obj['problemType'] === 'string' ? problemTypes.get(obj['problemType']) : undefined;
  if (typeof obj['problemType'] === 'string' && !type) {
    problems.push({ field: 'problemType', message: `unknown problem type "${obj['problemType']}"; known: ${[...problemTypes.keys()].join(', ')}` });
  }
  if (type) {
    const needsGrid = storedGridNeeded(type.name, obj['problem'], gridId) !== undefined;
    const grid = needsGrid ? stored.gridNetwork : undefined;
    let problem = obj['problem'];
    if (grid) {
      try {
        problem = withStoredGrid(problem, grid, String(obj['name']));
      } catch {
        // A stored network that no longer builds: the input check reports the network as missing.
      }
    }
    // Not looked up (offline): a server fills in the network, so its absence is not the document's problem.
    const networkFromServer = needsGrid && grid === undefined;
    const input = type.input.safeParse(problem);
    if (!input.success) {
      const issues = input.error.issues.filter((i) => !(networkFromServer && i.path[0] === 'network'));
      problems.push(...issues.map((i) => ({ field: path(['problem', ...i.path]), message: i.message })));
    }
  }

  // Cross-references are checked on the raw document too, so they are reported alongside schema problems.
  const list = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : []);
  const batteryNames = new Set(list(obj['batteries']).map((b) => str(b['name'])));
  const fleet = record(obj['fleet']);
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
  if (roadId) {
    if (stored.roadNetwork === undefined) unresolved.push({ field: 'roadNetworkId', id: roadId });
    else if (stored.roadNetwork === null) problems.push({ field: 'roadNetworkId', message: `no road network "${roadId}"` });
  }
  if (gridId) {
    const grid = stored.gridNetwork;
    if (grid === undefined) unresolved.push({ field: 'gridNetworkId', id: gridId });
    else if (grid === null) problems.push({ field: 'gridNetworkId', message: `no grid network "${gridId}"` });
    else {
      const buses = new Set(grid.network.buses.map((b) => b.id));
      sites.forEach((site, i) => {
        const bus = site['gridBus'];
        if (typeof bus === 'number' && !buses.has(bus)) problems.push({ field: `sites.${i}.gridBus`, message: `bus ${bus} is not in grid network "${grid.network.name}"` });
      });
    }
  }
  return { problems, document: problems.length === 0 ? doc : null, unresolved };
}

/** Looks up the records a document names by id (a failed lookup counts as no such record). */
export async function lookUpStoredReferences(raw: unknown, repos: Repositories): Promise<StoredReferences> {
  const obj = record(raw);
  const roadId = str(obj['roadNetworkId']);
  const gridId = str(obj['gridNetworkId']);
  const stored: StoredReferences = {};
  if (roadId) stored.roadNetwork = await repos.networks.getRoad(roadId).then(({ id }) => ({ id }), () => null);
  if (gridId) stored.gridNetwork = await repos.networks.getGrid(gridId).catch(() => null);
  return stored;
}

/** Every problem with a document at once, stored ids looked up in the database. */
export async function validateScenarioDocument(raw: unknown, repos: Repositories): Promise<{ problems: Problem[]; document: ScenarioDocument | null }> {
  const { problems, document } = checkScenarioDocument(raw, await lookUpStoredReferences(raw, repos));
  return { problems, document };
}

/** An invalid scenario: the InputError names the first problem and carries all of them. */
export class ScenarioInvalidError extends InputError {
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.field ?? 'document', undefined, `a valid scenario (${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ').slice(0, 500)})`);
  }
}
