import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { JobProgress } from '../data';
import { testBackends } from '../testing/databases';
import { openTestServices, type TestServices } from '../testing/services';
import { createContext, type Services } from '../trpc/context';
import { createCaller } from './index';

const POLLS = 24; // twice Node's default limit of 10 listeners per event before MaxListenersExceededWarning

describe.each(testBackends())('jobs.progress stream on %s', (backend) => {
  let s: TestServices;
  beforeAll(async () => {
    s = await openTestServices(backend, 'jobs_progress');
  });
  afterAll(async () => s?.dispose());

  /**
   * A caller whose services count the stream's database polls and hand the test the stream's
   * local-progress listener. The job's problem type is one no worker claims, so it stays queued
   * and the stream keeps polling without a solver running.
   */
  async function queuedJobStream(controller: AbortController) {
    const job = await s.repos.jobs.create({ problemType: 'issue-9-never-claimed', input: {}, seed: 1 });
    let polls = 0;
    let progress: ((p: JobProgress) => void) | undefined;
    const services: Services = {
      ...s,
      // Counted once the read is back, when the stream is about to wait again.
      repos: { ...s.repos, jobs: { ...s.repos.jobs, get: async (id: string) => s.repos.jobs.get(id).finally(() => (polls += 1)) } },
      queue: {
        kind: s.queue.kind,
        enqueue: (j) => s.queue.enqueue(j),
        cancel: (id) => s.queue.cancel(id),
        subscribe: (id, listener) => ((progress = listener), s.queue.subscribe(id, listener)),
        close: () => s.queue.close(),
      },
    };
    const stream = (await createCaller(createContext(services, s.key), { signal: controller.signal }).jobs.progress({ id: job.id }))[Symbol.asyncIterator]();
    // Even when an assertion fails, the stream ends before the database closes.
    onTestFinished(async () => {
      controller.abort();
      await stream.return?.().catch(() => undefined);
    });
    const first = await stream.next();
    expect(first.value).toMatchObject({ id: job.id, status: 'queued' });
    const untilPolls = async (n: number) => {
      while (polls < n) await new Promise((r) => setTimeout(r, 5));
    };
    return { stream, polls: () => polls, untilPolls, report: (p: JobProgress) => progress?.(p) };
  }

  const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

  it(`issue 9: ${POLLS} polls of a queued job leave at most one abort listener on the request signal, and none after the stream ends`, async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const { stream, untilPolls } = await queuedJobStream(controller);
      const next = stream.next(); // the job never changes: this call keeps polling until the abort
      await untilPolls(POLLS);
      expect(abortListeners(controller.signal)).toBeLessThanOrEqual(1);
      controller.abort();
      expect(await next).toEqual({ done: true, value: undefined });
      expect(abortListeners(controller.signal)).toBe(0);
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it(`issue 9: ${POLLS} wake-ups in quick succession by local progress reports leave at most one abort listener`, async () => {
    const controller = new AbortController();
    const { stream, polls, untilPolls, report } = await queuedJobStream(controller);
    report({ timeSec: 0 });
    expect((await stream.next()).value).toMatchObject({ status: 'queued', progress: { timeSec: 0 } });
    const next = stream.next();
    for (let i = 0; i < POLLS; i++) {
      const before = polls();
      report({ timeSec: 0 }); // wakes the waiting stream at once; the snapshot is unchanged, so nothing is yielded
      await untilPolls(before + 1);
    }
    expect(abortListeners(controller.signal)).toBeLessThanOrEqual(1);
    controller.abort();
    expect(await next).toEqual({ done: true, value: undefined });
    expect(abortListeners(controller.signal)).toBe(0);
  });
});
