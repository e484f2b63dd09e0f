// The dashboard's API client against the real server with private reads (GRIDHAUL_PUBLIC_READS=false),
// in Node: the key in the headers of queries and mutations, and the stream token for subscriptions.
// The browser suite (e2e/private-reads.test.ts) follows a job through httpSubscriptionLink itself.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../e2e/harness';
import { createApiClient, setApiKey, streamConnectionParams, TRPC_PATH } from './client';

const wyndorLp = {
  sense: 'max' as const,
  variables: [
    { name: 'x', ub: 4, obj: 3 },
    { name: 'y', obj: 5 },
  ],
  constraints: [
    { name: 'plant2', terms: [{ var: 'y', coef: 2 }], sense: '<=' as const, rhs: 12 },
    { name: 'plant3', terms: [{ var: 'x', coef: 3 }, { var: 'y', coef: 2 }], sense: '<=' as const, rhs: 18 },
  ],
};

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ publicReads: false });
}, 120_000);
afterAll(async () => server?.close());
afterEach(() => setApiKey(''));

/** The events of `jobs.progress` at the URL httpSubscriptionLink opens: `?connectionParams=<json>&input=<json>`. */
async function progressEvents(jobId: string, params: { token: string } | null): Promise<string> {
  const url = `${server.url}${TRPC_PATH}/jobs.progress?connectionParams=${encodeURIComponent(JSON.stringify(params))}&input=${encodeURIComponent(JSON.stringify({ id: jobId }))}`;
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: AbortSignal.timeout(60_000) });
  return res.text(); // the server ends the stream with the job, or at once with an error event
}

describe('dashboard API client, server with private reads', () => {
  it('sends the configured key with queries and mutations; without it a read is refused', async () => {
    setApiKey(server.apiKey);
    const api = createApiClient(server.url);
    expect(await api.jobs.list.query({ limit: 1 })).toBeInstanceOf(Array);
    setApiKey('');
    await expect(api.jobs.list.query({ limit: 1 })).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('with a key, a subscription carries a stream token that opens the job stream to its end', async () => {
    setApiKey(server.apiKey);
    const api = createApiClient(server.url);
    const job = await api.jobs.enqueue.mutate({ problemType: 'lp', input: wyndorLp });
    const params = await streamConnectionParams(api);
    expect(params?.token).toMatch(/^st1\./);
    const events = await progressEvents(job.id, params);
    expect(events).not.toContain('serialized-error');
    expect(events).toMatch(/"status":"succeeded"/);
  });

  it('without a key, or with a revoked one, no token: the stream is refused (UNAUTHORIZED) by the server', async () => {
    setApiKey(server.apiKey);
    const api = createApiClient(server.url);
    const job = await api.jobs.enqueue.mutate({ problemType: 'lp', input: wyndorLp });
    const revoked = await api.apiKeys.create.mutate({ name: 'revoked in the client test' });
    await api.apiKeys.revoke.mutate({ id: revoked.id });
    for (const key of ['', revoked.key]) {
      setApiKey(key);
      expect(await streamConnectionParams(api)).toBeNull();
      expect(await progressEvents(job.id, null)).toMatch(/^event: serialized-error\ndata: .*UNAUTHORIZED/m);
    }
  });
});
