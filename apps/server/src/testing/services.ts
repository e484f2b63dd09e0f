import { InProcessQueue } from '../jobs/in-process-queue';
import { createRepositories, type Repositories } from '../data';
import { createCaller } from '../routers/index';
import { createContext, type Services } from '../trpc/context';
import { openTestDatabase, type Backend, type TestDatabase } from './databases';

export interface TestServices extends Services {
  db: TestDatabase;
  repos: Repositories;
  queue: InProcessQueue;
  /** A valid API key created for the test. */
  key: string;
  keyId: string;
  /** A caller presenting `apiKey` (null: none). */
  as(apiKey: string | null): ReturnType<typeof createCaller>;
  dispose(): Promise<void>;
}

/** A migrated test database with the in-process queue (1 thread) and an API key. */
export async function openTestServices(backend: Backend, label: string, opts: { publicReads?: boolean } = {}): Promise<TestServices> {
  const db = await openTestDatabase(backend, label);
  const repos = createRepositories(db.prisma);
  const queue = await InProcessQueue.start({ repos, threads: 1, pollMs: 200 });
  const created = await repos.apiKeys.create('test');
  const services: Services = { db, repos, queue, config: { publicReads: opts.publicReads ?? true } };
  return {
    ...services,
    db,
    queue,
    key: created.key,
    keyId: created.id,
    as: (apiKey) => createCaller(createContext(services, apiKey)),
    dispose: async () => {
      await queue.close();
      await db.dispose();
    },
  };
}

/** Polls until the job ends; returns its final state. */
export async function waitForJob(s: Services, id: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = await s.repos.jobs.get(id);
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > end) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
