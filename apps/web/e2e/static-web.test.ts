// apps/server/src/http/static-web.ts on a plain node:http server over a temp dist folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStaticWeb } from '@gridhaul/server';

let dist: string;
let missing: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'gridhaul-dist-'));
  missing = join(dist, 'not-built');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'gridhaul-secret.txt'), 'TOP-SECRET-CONTENT');
  server = createServer((req, res) => {
    const dir = req.headers['x-dist'] === 'missing' ? missing : dist;
    if (!serveStaticWeb(req, res, dir)) {
      res.writeHead(418);
      res.end('api');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'gridhaul-secret.txt'), { force: true });
});

describe('serveStaticWeb', () => {
  it('serves index.html at / and for app paths, revalidated every time', async () => {
    for (const path of ['/', '/networks']) {
      const r = await fetch(base + path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(await r.text()).toContain('id="app"');
    }
  });

  it('serves hashed assets with a long cache and their type', async () => {
    const r = await fetch(`${base}/assets/app-1234.js`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('cache-control')).toContain('immutable');
  });

  it('answers 404 for a missing asset instead of the page', async () => {
    expect((await fetch(`${base}/assets/gone.js`)).status).toBe(404);
  });

  it('leaves the API and non-GET requests to the server', async () => {
    for (const path of ['/trpc/health', '/api/health', '/openapi.json', '/trpc']) expect((await fetch(base + path)).status).toBe(418);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(418);
  });

  it('never serves files outside dist', async () => {
    const r = await fetch(`${base}/..%2fgridhaul-secret.txt`);
    expect(await r.text()).not.toContain('TOP-SECRET-CONTENT');
    expect(r.status).toBe(404);
  });

  it('explains how to build when dist is missing', async () => {
    const r = await fetch(`${base}/`, { headers: { 'x-dist': 'missing' } });
    expect(r.status).toBe(503);
    expect(await r.text()).toContain('npm run build -w @gridhaul/web');
  });
});
