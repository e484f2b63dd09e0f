import { createNetwork, networkToJson } from '@gridhaul/grid';
import type { GridNetworkData, Repositories, Scenario } from '../data';

/** A stored grid network as the 'lmp' job input expects it (gridhaul.network JSON). */
export function storedGridJson(stored: GridNetworkData): Record<string, unknown> {
  return networkToJson(createNetwork(stored.network)) as Record<string, unknown>;
}

/** A stored grid network, looked up by id, as gridhaul.network JSON. */
export async function gridNetworkJson(repos: Repositories, gridNetworkId: string): Promise<Record<string, unknown>> {
  return storedGridJson(await repos.networks.getGrid(gridNetworkId));
}

const record = (v: unknown) => (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;

/**
 * The id of the stored grid network a scenario's problem takes from the database, if any: an 'lmp'
 * scenario names its grid by gridNetworkId instead of embedding the network.
 */
export function storedGridNeeded(problemType: string, problem: unknown, gridNetworkId: string | undefined): string | undefined {
  return problemType === 'lmp' && gridNetworkId && record(problem)['network'] === undefined ? gridNetworkId : undefined;
}

/** The problem input with the stored grid network filled in (see storedGridNeeded). */
export function withStoredGrid(problem: unknown, grid: GridNetworkData & { id: string }, scenarioName: string): Record<string, unknown> {
  const p = record(problem);
  return { ...p, network: storedGridJson(grid), gridNetworkId: grid.id, seriesName: p['seriesName'] ?? scenarioName };
}

/** A scenario's problem input completed from stored data where the problem type needs it. */
export async function completeProblem(repos: Repositories, problemType: string, problem: unknown, gridNetworkId: string | undefined, scenarioName: string): Promise<unknown> {
  const gridId = storedGridNeeded(problemType, problem, gridNetworkId);
  return gridId === undefined ? problem : withStoredGrid(problem, await repos.networks.getGrid(gridId), scenarioName);
}

/** The job input for a stored scenario. */
export async function inputFromScenario(repos: Repositories, s: Scenario): Promise<unknown> {
  const doc = s.document as { problem?: unknown; gridNetworkId?: string };
  return completeProblem(repos, s.problemType, doc.problem, doc.gridNetworkId, s.name);
}
