import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../routers/index';
import { mess550, wyndorLp } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, type TestServices } from '../testing/services';
import { startHttp, type RunningHttp } from './server';

describe.each(testBackends())('HTTP server on loopback (%s)', (backend) => {
  let s: TestServices;
  let http: RunningHttp;
  const client = (key: string | null) =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${http.url}/trpc`, headers: () => (key ? { authorization: `Bearer ${key}` } : {}) })] });

  beforeAll(async () => {
    s = await openTestServices(backend, 'http');
    http = await startHttp(s, { port: 0, host: '127.0.0.1', maxBodyBytes: 1_000_000 });
  });
  afterAll(async () => {
    await http?.close();
    await s?.dispose();
  });

  it('serves the tRPC procedures to @trpc/client, with typed errors carrying tag and field', async () => {
    const api = client(s.key);
    const b = await api.batteries.create.mutate({ ...mess550, name: 'over http' });
    expect(await api.batteries.get.query({ id: b.id })).toEqual(b);
    const error = await api.batteries.create.mutate({ ...mess550, name: 'bad', capacityKWh: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, tag: 'INVALID_INPUT', field: 'capacityKWh' });
    const unauth = await client(null).batteries.create.mutate(mess550).catch((e: unknown) => e);
    expect((unauth as TRPCClientError<AppRouter>).data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
  });

  it('streams job progress as server-sent events until the job ends', async () => {
    const job = await client(s.key).jobs.enqueue.mutate({ problemType: 'lp', input: wyndorLp });
    const res = await fetch(`${http.url}/trpc/jobs.progress?input=${encodeURIComponent(JSON.stringify({ id: job.id }))}`, { headers: { accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text(); // the server closes the stream when the job ends
    const statuses = [...text.matchAll(/^data: (.+)$/gm)].map((m) => JSON.parse(m[1] as string)).filter((d) => d && typeof d === 'object' && 'status' in d).map((d) => d.status as string);
    expect(statuses.at(-1)).toBe('succeeded');
  });

  it('with private reads, streams progress to a URL that carries a stream token in connectionParams (as httpSubscriptionLink sends it)', async () => {
    const privateHttp = await startHttp({ ...s, config: { publicReads: false } }, { port: 0, host: '127.0.0.1', maxBodyBytes: 1_000_000 });
    try {
      const job = await client(s.key).jobs.enqueue.mutate({ problemType: 'lp', input: wyndorLp });
      const url = (params?: object) =>
        `${privateHttp.url}/trpc/jobs.progress?input=${encodeURIComponent(JSON.stringify({ id: job.id }))}` +
        (params ? `&connectionParams=${encodeURIComponent(JSON.stringify(params))}` : '');
      // A refused subscription is an error event on the stream (tRPC's SSE answers 200 before the procedure runs).
      const refusal = async (params?: object) => {
        const res = await fetch(url(params), { headers: { accept: 'text/event-stream' }, signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        expect(text).not.toMatch(/"status":"succeeded"/);
        return /^event: serialized-error\ndata: (.+)$/m.exec(text)?.[1];
      };
      expect(await refusal()).toContain('UNAUTHORIZED');
      const { token } = await client(s.key).apiKeys.streamToken.mutate();
      const res = await fetch(url({ token }), { headers: { accept: 'text/event-stream' } });
      expect(res.status).toBe(200);
      const text = await res.text();
      const statuses = [...text.matchAll(/^data: (.+)$/gm)].map((m) => JSON.parse(m[1] as string)).filter((d) => d && typeof d === 'object' && 'status' in d);
      expect(statuses.at(-1)?.status).toBe('succeeded');
      expect(await refusal({ token: `${token}x` })).toContain('UNAUTHORIZED');
    } finally {
      await privateHttp.close();
    }
  });

  it('offers the same procedures as plain HTTP/JSON under /api, with JSON errors and HTTP statuses', async () => {
    const post = (path: string, body: unknown, key: string | null = s.key) =>
      fetch(`${http.url}/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });
    const created = await post('batteries.create', { ...mess550, name: 'via REST' });
    expect(created.status).toBe(200);
    const b = (await created.json()) as { id: string };
    const got = await fetch(`${http.url}/api/batteries.get?input=${encodeURIComponent(JSON.stringify({ id: b.id }))}`);
    expect(((await got.json()) as { name: string }).name).toBe('via REST');
    const bad = await post('batteries.create', { ...mess550, name: 'neg', capacityKWh: -3 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_REQUEST', tag: 'INVALID_INPUT', field: 'capacityKWh' } });
    expect((await post('batteries.create', mess550, null)).status).toBe(401);
    expect((await fetch(`${http.url}/api/batteries.get?input=${encodeURIComponent('{"id":"nope"}')}`)).status).toBe(404);
    expect((await post('no.such.procedure', {})).status).toBe(404);
    const notJson = await fetch(`${http.url}/api/batteries.create`, { method: 'POST', headers: { authorization: `Bearer ${s.key}` }, body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('refuses a body over the size limit with 413 on both endpoints', async () => {
    const huge = JSON.stringify({ text: 'x'.repeat(1_100_000) });
    const rest = await fetch(`${http.url}/api/networks.importMatpower`, { method: 'POST', headers: { authorization: `Bearer ${s.key}` }, body: huge });
    expect(rest.status).toBe(413);
    expect(await rest.json()).toMatchObject({ error: { tag: 'PAYLOAD_TOO_LARGE' } });
    const trpc = await fetch(`${http.url}/trpc/networks.importMatpower`, { method: 'POST', headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json' }, body: huge });
    expect(trpc.status).toBe(413);
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const doc = (await (await fetch(`${http.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { properties: Record<string, { exclusiveMinimum?: number }> } } } }; security: unknown[] } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/batteries.create']?.post;
    expect(create?.requestBody.content['application/json'].schema.properties['capacityKWh']).toMatchObject({ type: 'number', exclusiveMinimum: 0 });
    expect(create?.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/jobs.enqueue', '/api/prices.exportCsv', '/api/scenarios.validate', '/api/networks.importMatpower']));
    expect(Object.keys(doc.paths)).not.toContain('/api/jobs.progress'); // SSE lives on /trpc
  });
});
