import { createNetwork, networkToJson } from '@gridhaul/grid';
import type { Repositories, Scenario } from '../data';

/** A stored grid network as the 'lmp' job input expects it (gridhaul.network JSON). */
export async function gridNetworkJson(repos: Repositories, gridNetworkId: string): Promise<Record<string, unknown>> {
  const stored = await repos.networks.getGrid(gridNetworkId);
  return networkToJson(createNetwork(stored.network)) as Record<string, unknown>;
}

/**
 * A scenario's problem input completed from stored data where the problem type needs it: an 'lmp'
 * scenario names its grid by gridNetworkId instead of embedding the network.
 */
export async function completeProblem(repos: Repositories, problemType: string, problem: unknown, gridNetworkId: string | undefined, scenarioName: string): Promise<unknown> {
  if (problemType === 'lmp' && gridNetworkId) {
    const p = (typeof problem === 'object' && problem !== null ? problem : {}) as Record<string, unknown>;
    if (p['network'] === undefined) {
      return { ...p, network: await gridNetworkJson(repos, gridNetworkId), gridNetworkId, seriesName: p['seriesName'] ?? scenarioName };
    }
  }
  return problem;
}

/** The job input for a stored scenario. */
export async function inputFromScenario(repos: Repositories, s: Scenario): Promise<unknown> {
  const doc = s.document as { problem?: unknown; gridNetworkId?: string };
  return completeProblem(repos, s.problemType, doc.problem, doc.gridNetworkId, s.name);
}
