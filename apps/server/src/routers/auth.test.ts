import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mess550, tableCounts } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, type TestServices } from '../testing/services';
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
});
