import { createNetwork, networkToJson } from '@gridhaul/grid';
import type { Repositories, Scenario } from '../data';

/** A stored grid network as the 'lmp' job input expects it (gridhaul.network JSON). */
export async function gridNetworkJson(repos: Repositories, gridNetworkId: string): Promise<Record<string, unknown>> {
  const stored = await repos.networks.getGrid(gridNetworkId);
  return networkToJson(createNetwork(stored.network)) as Record<string, unknown>;
}

/**
 * The job input for a scenario: its `problem`, completed from stored data where the problem type
 * needs it (an 'lmp' scenario names its grid by gridNetworkId instead of embedding it).
 */
export async function inputFromScenario(repos: Repositories, s: Scenario): Promise<unknown> {
  const doc = s.document as { problem?: unknown; gridNetworkId?: string };
  if (s.problemType === 'lmp' && doc.gridNetworkId) {
    const problem = (typeof doc.problem === 'object' && doc.problem !== null ? doc.problem : {}) as Record<string, unknown>;
    if (problem['network'] === undefined) {
      return { ...problem, network: await gridNetworkJson(repos, doc.gridNetworkId), gridNetworkId: doc.gridNetworkId, seriesName: problem['seriesName'] ?? s.name };
    }
  }
  return doc.problem;
}
