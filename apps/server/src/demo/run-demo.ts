import type { DcOpfResult } from '@gridhaul/grid';
import type { Job, Solution } from '../data';
import { createCaller } from '../routers/index';
import { createContext, type Services } from '../trpc/context';
import { DEMO_SCENARIO, loadDemoData } from './demo-data';

export interface DemoReport {
  job: Job;
  solution: Solution;
  /** The short cost table `npm start` prints. */
  table: string;
  loaded: boolean;
}

async function waitForJob(services: Services, id: string, timeoutMs: number): Promise<Job> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = await services.repos.jobs.get(id);
    if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') return job;
    if (Date.now() > end) throw new Error(`demo job ${id} is still ${job.status} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function formatTable(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  const valueWidth = Math.max(...rows.map(([, v]) => v.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v.padStart(valueWidth)}`).join('\n');
}

/**
 * Loads the demo data (once), solves the demo scenario through the job queue and returns its cost
 * table. Uses a short-lived API key of its own, revoked when done.
 */
export async function runDemo(services: Services, timeoutMs = 300_000): Promise<DemoReport> {
  const key = await services.repos.apiKeys.create('demo loader (revoked after use)');
  try {
    const api = createCaller(createContext(services, key.key));
    const { scenarioId, loaded } = await loadDemoData(api);
    const queued = await api.jobs.enqueue({ scenarioId });
    const job = await waitForJob(services, queued.id, timeoutMs);
    if (job.status !== 'succeeded') throw new Error(`demo job ${job.id} ended ${job.status}: ${job.error?.message ?? ''}`);
    const solution = await api.jobs.result({ id: job.id });
    const scenario = await api.scenarios.get({ id: scenarioId });
    const profile = (scenario.document as { problem: { profile: { storageMW: Array<{ bus: number; mw: number[] }> } } }).problem.profile;
    const storage = profile.storageMW[0] as { bus: number; mw: number[] };
    const result = solution.plan as DcOpfResult;
    const lmpAt = result.periods.map((p) => p.buses.find((b) => b.bus === storage.bus)?.lmp ?? NaN);
    const energyMWh = storage.mw.reduce((a, b) => a + b, 0);
    const chargingUsd = storage.mw.reduce((sum, mw, t) => sum + mw * (lmpAt[t] ?? NaN), 0);
    const low = Math.min(...lmpAt);
    const high = Math.max(...lmpAt);
    const hour = (v: number) => String(lmpAt.indexOf(v)).padStart(2, '0');
    const table = formatTable([
      ['cost component', 'value'],
      ['grid generation cost over the day, $', (solution.objective ?? NaN).toFixed(2)],
      [`MESS charging at bus ${storage.bus}, MWh`, energyMWh.toFixed(3)],
      ['MESS charging cost at the LMP, $', chargingUsd.toFixed(2)],
      [`LMP at bus ${storage.bus}: lowest (${hour(low)}:00), $/MWh`, low.toFixed(2)],
      [`LMP at bus ${storage.bus}: highest (${hour(high)}:00), $/MWh`, high.toFixed(2)],
      ['independent check', solution.check.feasible ? 'feasible' : `FAILED (${solution.check.problems.length} problems)`],
    ]);
    return { job, solution, table: `${DEMO_SCENARIO} (job ${job.id}, ${solution.status}, seed ${solution.seed})\n${table}`, loaded };
  } finally {
    await services.repos.apiKeys.revoke(key.id);
  }
}
