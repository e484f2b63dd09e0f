import { matpowerCaseText } from '@gridhaul/datasets';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mess550, wyndorLp } from '../testing/fixtures';
import { testBackends } from '../testing/databases';
import { openTestServices, waitForJob, type TestServices } from '../testing/services';
import { startHttp, type RunningHttp } from './server';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface OpenApi {
  paths: Record<string, Partial<Record<'get' | 'post', Operation>>>;
}

/** "METHOD /path" of every operation whose 200 response has no schema. */
function operationsWithoutResponseSchema(doc: OpenApi): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => Object.values(op.responses['200']?.content ?? {}).every((c) => c.schema === undefined))
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

describe.each(testBackends())('OpenAPI response schemas (%s)', (backend) => {
  let s: TestServices;
  let http: RunningHttp;
  let doc: OpenApi;
  // An independent JSON Schema 2020-12 validator, not zod: what a client generated from the document would expect.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  const validators = new Map<string, ValidateFunction>();

  /** The declared 200 JSON schema of POST /api/<procedure>, compiled. */
  const validatorFor = (procedure: string): ValidateFunction => {
    let v = validators.get(procedure);
    if (!v) {
      const schema = doc.paths[`/api/${procedure}`]?.post?.responses['200']?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`no response schema for ${procedure}`);
      v = ajv.compile(schema);
      validators.set(procedure, v);
    }
    return v;
  };
  const errorsOf = (procedure: string, body: unknown) => {
    const v = validatorFor(procedure);
    return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
  /** Calls POST /api/<procedure> and returns the JSON body after checking it against the declared schema. */
  const call = async <T = Record<string, unknown>>(procedure: string, input?: unknown): Promise<T> => {
    const res = await fetch(`${http.url}/api/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.key}` },
      ...(input === undefined ? {} : { body: JSON.stringify(input) }),
    });
    const body: unknown = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(errorsOf(procedure, body), procedure).toEqual([]);
    return body as T;
  };

  beforeAll(async () => {
    s = await openTestServices(backend, 'openapi');
    http = await startHttp(s, { port: 0, host: '127.0.0.1', maxBodyBytes: 5_000_000 });
    doc = (await (await fetch(`${http.url}/openapi.json`)).json()) as OpenApi;
  });
  afterAll(async () => {
    await http?.close();
    await s?.dispose();
  });

  it('declares a response schema for every operation (the list names any that lack one)', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(30);
    expect(operationsWithoutResponseSchema(doc)).toEqual([]);
  });

  it('describes a battery as stored: typed fields, the chemistry enum, no other properties', () => {
    const schema = doc.paths['/api/batteries.get']?.get?.responses['200']?.content?.['application/json']?.schema;
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { capacityKWh: { type: 'number' }, chemistry: { enum: ['NMC', 'LFP', 'generic'] }, createdAt: { type: 'string', format: 'date-time' } },
    });
    expect(schema?.['required']).toEqual(expect.arrayContaining(['id', 'name', 'capacityKWh', 'socMin', 'socMax', 'createdAt']));
    expect(doc.paths['/api/prices.exportCsv']?.get?.responses['200']?.content).toEqual({ 'text/csv': { schema: { type: 'string' } } });
  });

  it('answers real calls with bodies that validate against their declared schemas', async () => {
    const battery = await call<{ id: string }>('batteries.create', { ...mess550, name: 'schema check' });
    await call('batteries.get', { id: battery.id });
    await call('fleets.create', { name: 'schema fleet', vehicles: [{ name: 't1', kind: 'truck', messCapacity: 2, massKg: 18000, speedKmh: 50, costPerKm: 1, wagePerH: 30 }], messUnits: [{ name: 'm1', batterySpecId: battery.id, initialSoc: 0.9 }] });
    const grid = await call<{ id: string; nodes: number }>('networks.importMatpower', { text: matpowerCaseText('case14'), fileName: 'case14.m' });
    expect(grid.nodes).toBe(14); // MATPOWER case14: 14 buses
    await call('networks.getGrid', { id: grid.id });
    const line = (coordinates: number[][]) => ({ type: 'Feature', properties: { speedKmh: 50 }, geometry: { type: 'LineString', coordinates } });
    const roads = { type: 'FeatureCollection', features: [line([[10.7, 59.9], [10.71, 59.9], [10.72, 59.905]]), line([[10.72, 59.905], [10.73, 59.91]])] };
    const road = await call<{ id: string }>('networks.importGeoJson', { text: JSON.stringify(roads), name: 'schema roads' });
    await call('networks.getRoad', { id: road.id });
    await call('networks.list');
    await call('scenarios.validate', { document: { name: 'x', problemType: 'nope' } });
    const job = await call<{ id: string }>('jobs.enqueue', { problemType: 'lp', input: wyndorLp });
    expect((await waitForJob(s, job.id)).status).toBe('succeeded');
    await call('jobs.get', { id: job.id });
    const result = await call<{ objective: number }>('jobs.result', { id: job.id });
    expect(result.objective).toBeCloseTo(36, 6); // Wyndor Glass optimum (Hillier & Lieberman)
    await call('jobs.list');
    await call('apiKeys.list');
    await call('apiKeys.streamToken');
    await call('health');
    await call('batteries.delete', { id: (await call<{ id: string }>('batteries.create', { ...mess550, name: 'to delete' })).id });
  });

  it('the validator refuses a body that breaks the schema (a missing field, an extra one, a wrong type)', async () => {
    const battery = await call<Record<string, unknown>>('batteries.get', { id: (await call<{ id: string }>('batteries.create', { ...mess550, name: 'tamper' })).id });
    const { capacityKWh: _gone, ...missing } = battery;
    expect(errorsOf('batteries.get', missing)).toEqual([" must have required property 'capacityKWh'"]);
    expect(errorsOf('batteries.get', { ...battery, extra: 1 })).toEqual([' must NOT have additional properties']);
    expect(errorsOf('batteries.get', { ...battery, chemistry: 'lead-acid' })).toEqual(['/chemistry must be equal to one of the allowed values']);
  });
});
