import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueStreamToken, STREAM_TOKEN_TTL_SEC } from '../trpc/stream-token';
import { mess550, tableCounts, wyndorLp } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, waitForJob, type TestServices } from '../testing/services';
import { createCaller } from './index';

describe.each(testBackends())('API keys and access on %s', (backend) => {
  let s: TestServices;
  beforeAll(async () => {
    s = await openTestServices(backend, 'auth');
  });
  afterAll(async () => s?.dispose());
  const counts = () => tableCounts((sql) => s.db.sql.query(sql));

  it('refuses a mutation with no key, a wrong key and a revoked key (UNAUTHORIZED), and writes nothing', async () => {
    const before = await counts();
    await expect(s.as(null).batteries.create(mess550)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(s.as(`${s.key}x`).batteries.create(mess550)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const revoked = await s.as(s.key).apiKeys.create({ name: 'to revoke' });
    await s.as(s.key).apiKeys.revoke({ id: revoked.id });
    await expect(s.as(revoked.key).batteries.create(mess550)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(s.as(revoked.key).jobs.enqueue({ problemType: 'lp', input: {} })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const after = await counts();
    expect({ ...after, ApiKey: before.ApiKey }).toEqual(before); // only the key made for this test was added
  });

  it('accepts a valid key; a key created through the API works at once and its hash, not the key, is stored', async () => {
    const created = await s.as(s.key).apiKeys.create({ name: 'ops' });
    const b = await s.as(created.key).batteries.create({ ...mess550, name: 'via new key' });
    expect(b.name).toBe('via new key');
    const listed = await s.as(s.key).apiKeys.list();
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const rows = await s.db.sql.query<{ hash: string }>('SELECT hash FROM "ApiKey"');
    expect(rows.some((r) => r.hash.includes(created.key))).toBe(false);
  });

  it('serves reads without a key when reads are public', async () => {
    await expect(s.as(null).batteries.list()).resolves.toBeInstanceOf(Array);
  });

  it('requires a key for reads too when reads are private', async () => {
    const privateCaller = (key: string | null) => createCaller({ ...s, config: { publicReads: false }, apiKey: key });
    await expect(privateCaller(null).batteries.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(privateCaller(s.key).batteries.list()).resolves.toBeInstanceOf(Array);
  });

  describe('job progress with private reads: a stream token stands in for the header EventSource cannot send', () => {
    const privateStream = (streamToken: string | undefined) =>
      createCaller({ ...s, config: { publicReads: false }, apiKey: null, ...(streamToken ? { streamToken } : {}) });
    const statuses = async (iterable: AsyncIterable<{ status: string }>) => {
      const seen: string[] = [];
      for await (const snapshot of iterable) seen.push(snapshot.status);
      return seen;
    };
    let jobId: string;
    beforeAll(async () => {
      jobId = (await s.as(s.key).jobs.enqueue({ problemType: 'lp', input: wyndorLp })).id;
      await waitForJob(s, jobId);
    });

    it('refuses the subscription with neither key nor token', async () => {
      await expect(privateStream(undefined).jobs.progress({ id: jobId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    });

    it('accepts a token issued for a valid key (5 minutes), for subscriptions only', async () => {
      const { token, expiresAt } = await s.as(s.key).apiKeys.streamToken();
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan((STREAM_TOKEN_TTL_SEC - 60) * 1000);
      expect(await statuses(await privateStream(token).jobs.progress({ id: jobId }))).toEqual(['succeeded']);
      await expect(privateStream(token).jobs.get({ id: jobId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(privateStream(token).batteries.create(mess550)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(s.as(null).apiKeys.streamToken()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    });

    it('refuses a token whose key was revoked, an expired token and a forged one', async () => {
      const key = await s.as(s.key).apiKeys.create({ name: 'stream, then revoked' });
      const { token } = await s.as(key.key).apiKeys.streamToken();
      expect(await statuses(await privateStream(token).jobs.progress({ id: jobId }))).toEqual(['succeeded']);
      await s.as(s.key).apiKeys.revoke({ id: key.id });
      await expect(privateStream(token).jobs.progress({ id: jobId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const expired = issueStreamToken(s.keyId, Date.now() - (STREAM_TOKEN_TTL_SEC + 1) * 1000).token;
      await expect(privateStream(expired).jobs.progress({ id: jobId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const valid = issueStreamToken(s.keyId).token;
      const forged = `${valid.slice(0, -2)}${valid.endsWith('AA') ? 'BB' : 'AA'}`;
      await expect(privateStream(forged).jobs.progress({ id: jobId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const otherKeyId = issueStreamToken(key.id).token.split('.')[1];
      const swapped = valid.replace(valid.split('.')[1] as string, otherKeyId as string); // another key's id under this signature
      await expect(privateStream(swapped).jobs.progress({ id: jobId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    });
  });
});
