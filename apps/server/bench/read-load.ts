// Read endpoints under load: the service runs here (embedded PGlite in a temporary folder, and
// Postgres when DATABASE_URL is set) with the demo data; bench/load-client.ts loads it from a
// separate process over loopback. Prints a markdown table (ratios against /api/health measured in
// the same run) and writes bench-results/read-load.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv, loadEnv, postgresTarget } from '../src/env';
import { loadDemoData } from '../src/demo/demo-data';
import { startHttp } from '../src/http/server';
import { createCaller } from '../src/routers/index';
import { startServices } from '../src/services';
import { createContext } from '../src/trpc/context';

const CONNECTIONS = 16;
const SECONDS = 5;
const root = fileURLToPath(new URL('..', import.meta.url));

interface Row {
  backend: string;
  path: string;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

async function measure(backend: 'pglite' | 'postgres'): Promise<Row[]> {
  process.stderr.write(`read load on ${backend}: loading the demo data...\n`);
  const dir = mkdtempSync(join(tmpdir(), 'gridhaul-bench-'));
  const env = loadEnv();
  const schema = `bench_${process.pid}`;
  const services = await startServices({
    database: backend === 'pglite' ? { kind: 'pglite', dataDir: join(dir, 'db') } : { kind: 'postgres', ...postgresTarget(env.DATABASE_URL as string), schema },
    queue: 'inprocess',
    threads: 1,
    publicReads: true,
  });
  try {
    const key = await services.repos.apiKeys.create('bench');
    const api = createCaller(createContext(services, key.key));
    const ids = await loadDemoData(api);
    const grid14 = await api.prices.compute({ gridNetworkId: ids.case14, name: 'bench case14' });
    for (let i = 0; i < 600 && (await services.repos.jobs.get(grid14.id)).status !== 'succeeded'; i++) await new Promise((r) => setTimeout(r, 100));
    const [series] = await api.prices.list({ jobId: grid14.id });
    const http = await startHttp(services, { port: 0, host: '127.0.0.1', maxBodyBytes: 1_000_000 });
    const q = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const targets: Array<[string, string]> = [
      ['health', '/api/health'],
      ['batteries.list', '/api/batteries.list'],
      ['networks.list', '/api/networks.list'],
      ['prices.query (bus 9, 1 period)', `/api/prices.query${q({ seriesId: series?.id, buses: [9] })}`],
      ['networks.getGrid (case14)', `/api/networks.getGrid${q({ id: ids.case14 })}`],
      ['networks.getGrid (case118)', `/api/networks.getGrid${q({ id: ids.case118 })}`],
    ];
    const paths = targets.map(([, p]) => p);
    // Asynchronous: the server answers on this process's event loop while the client runs.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'load-client.ts'), http.url, String(CONNECTIONS), String(SECONDS), ...paths], { cwd: root, env: childEnv() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    await http.close();
    if (run.status !== 0) throw new Error(`load client failed: ${run.stderr}`);
    return run.stdout
      .trim()
      .split('\n')
      .map((line, i) => ({ backend, ...(JSON.parse(line) as Omit<Row, 'backend'>), path: targets[i]?.[0] ?? '?' }));
  } finally {
    if (backend === 'postgres') await services.db.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const backends: Array<'pglite' | 'postgres'> = loadEnv().DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const rows: Row[] = [];
for (const b of backends) rows.push(...(await measure(b)));

const lines = [
  `Read endpoints, ${CONNECTIONS} keep-alive connections from a separate process, ${SECONDS} s each, loopback; ratio = req/s ÷ health req/s (same backend, same run).`,
  '',
  '| backend | endpoint | requests | errors | req/s | ratio | p50 ms | p99 ms |',
  '|---|---|---:|---:|---:|---:|---:|---:|',
];
for (const r of rows) {
  const baseline = rows.find((x) => x.backend === r.backend && x.path === 'health')?.reqPerSec ?? NaN;
  lines.push(`| ${r.backend} | ${r.path} | ${r.requests} | ${r.errors} | ${r.reqPerSec.toFixed(0)} | ${(r.reqPerSec / baseline).toFixed(2)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} |`);
}
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'read-load.json'), JSON.stringify(rows, null, 2));
