import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mess550, tableCounts, threeBus } from '../testing/fixtures';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases';
import { createRepositories, type Repositories } from './repositories';

describe.each(testBackends())('repositories on %s', (backend) => {
  let db: TestDatabase;
  let repos: Repositories;
  const counts = () => tableCounts((sql) => db.sql.query(sql));
  beforeAll(async () => {
    db = await openTestDatabase(backend, 'repos');
    repos = createRepositories(db.prisma);
  });
  afterAll(async () => db?.dispose());

  it('imports a grid network whole and reads it back identically (infinite reactive limits included)', async () => {
    const data = threeBus();
    const summary = await repos.networks.importGrid(data);
    expect(summary).toMatchObject({ kind: 'grid', nodes: 3, edges: 3 });
    const { id, ...back } = await repos.networks.getGrid(summary.id);
    expect(id).toBe(summary.id);
    expect(back).toEqual(data);
  });

  it('imports a road network (segments, geometry, traffic profiles) and reads it back identically', async () => {
    const data = {
      format: 'json',
      network: {
        name: 'two-town',
        crs: 'lonlat' as const,
        nodes: [{ id: 'a', x: 10.0, y: 59.9, elevationM: 20 }, { id: 'b', x: 10.1, y: 59.95 }],
        edges: [
          { key: 'a->b', from: 'a', to: 'b', lengthKm: 8, freeFlowSpeedKmh: 60, zone: 'z1', segments: [{ lengthKm: 2, zone: 'z1' }, { lengthKm: 6, gradePercent: 1.5 }], geometry: [[10.0, 59.9], [10.1, 59.95]] as [number, number][] },
          { key: 'b->a', from: 'b', to: 'a', lengthKm: 8, freeFlowSpeedKmh: 60, tollUsd: 2.5 },
        ],
      },
      nodeNames: { a: 'Depot' },
      traffic: [{ zone: 'z1', startsH: [0, 7, 9], factors: [1, 0.5, 1], periodH: 24 }],
    };
    const summary = await repos.networks.importRoad(data);
    const { id: _id, ...back } = await repos.networks.getRoad(summary.id);
    expect(back).toEqual(data);
    expect(await repos.networks.delete(summary.id)).toBe('road');
    await expect(repos.networks.getRoad(summary.id)).rejects.toMatchObject({ tag: 'NOT_FOUND' });
  });

  it('rolls a failing import back whole: a duplicate bus number leaves no network, bus or branch behind', async () => {
    const before = await counts();
    const good = threeBus('duplicate-bus');
    const bad = { ...good, network: { ...good.network, buses: [...good.network.buses, good.network.buses[0]!] } };
    await expect(repos.networks.importGrid(bad)).rejects.toMatchObject({ tag: 'CONFLICT' });
    expect(await counts()).toEqual(before);
  });

  it('reports a duplicate battery name as CONFLICT and an unknown id as NOT_FOUND', async () => {
    await repos.batteries.create(mess550);
    await expect(repos.batteries.create(mess550)).rejects.toMatchObject({ tag: 'CONFLICT' });
    await expect(repos.batteries.get('no-such-id')).rejects.toMatchObject({ tag: 'NOT_FOUND', entity: 'battery' });
    await expect(repos.batteries.delete('no-such-id')).rejects.toMatchObject({ tag: 'NOT_FOUND' });
  });

  it('accepts a result only from the attempt that owns the job, and stores exactly one solution', async () => {
    const job = await repos.jobs.create({ problemType: 'lp', input: { x: 1 }, seed: 7 });
    const first = await repos.jobs.start(job.id, 'worker-a');
    const second = await repos.jobs.start(job.id, 'worker-b'); // worker-a presumed dead, job retried
    expect(first?.attempt).toBe(1);
    expect(second?.attempt).toBe(2);
    const solution = { status: 'optimal', objective: 3, costs: { totalUsd: 3 }, plan: {}, check: { feasible: true, objective: 3, problems: [] }, seed: 7, solveSec: 0.1 };
    expect(await repos.jobs.succeed(first!, solution)).toBe(false);
    expect(await repos.jobs.succeed(second!, solution)).toBe(true);
    expect(await repos.jobs.succeed(second!, solution)).toBe(false);
    expect(await repos.jobs.countSolutions(job.id)).toBe(1);
    expect(await repos.jobs.start(job.id, 'worker-c')).toBeNull(); // a redelivered message does nothing
    expect((await repos.jobs.get(job.id)).status).toBe('succeeded');
  });

  it('claims queued jobs oldest first, each once', async () => {
    const a = await repos.jobs.create({ problemType: 'claim-test', input: {}, seed: 1 });
    const b = await repos.jobs.create({ problemType: 'claim-test', input: {}, seed: 1 });
    const claims = await Promise.all([repos.jobs.claimNext(['claim-test'], 'w1'), repos.jobs.claimNext(['claim-test'], 'w2'), repos.jobs.claimNext(['claim-test'], 'w3')]);
    const ids = claims.filter((c) => c !== null).map((c) => c.id).sort();
    expect(ids).toEqual([a.id, b.id].sort());
  });

  it('verifies API keys by hash and stops accepting a revoked key', async () => {
    const created = await repos.apiKeys.create('ops');
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const stored = await db.sql.query<{ hash: string }>('SELECT hash FROM "ApiKey" WHERE id = $1', [created.id]);
    expect(stored[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.hash).not.toContain(created.key);
    expect(await repos.apiKeys.verify(created.key)).toBe(created.id);
    expect(await repos.apiKeys.verify(`${created.key}x`)).toBeNull();
    await repos.apiKeys.revoke(created.id);
    expect(await repos.apiKeys.verify(created.key)).toBeNull();
  });
});
