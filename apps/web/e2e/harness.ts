// Starts the real GridHaul server (embedded PGlite in a temp folder, a free loopback port) and
// Debian's Chromium driven by playwright-core, for the dashboard's browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnv, serviceOptionsFromEnv, startHttp, startServices, type RunningServices } from '@gridhaul/server';
import { chromium, type BrowserContext } from 'playwright-core';

export const WEB_ROOT = join(import.meta.dirname, '..');
export const DIST = join(WEB_ROOT, 'dist');
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots for people to look at (gitignored). */
export const SCREENS = join(WEB_ROOT, '..', '..', '.test-results', 'web-screens');

/** Builds apps/web/dist with the package's own build script, so the tests see the current source. */
export function buildWeb(): void {
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: WEB_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface RunningServer {
  url: string;
  services: RunningServices;
  apiKey: string;
  close(): Promise<void>;
}

/** `publicReads: false` makes queries and subscriptions need a key, as GRIDHAUL_PUBLIC_READS=false does. */
export async function startServer(opts: { publicReads?: boolean } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridhaul-web-e2e-'));
  const env = loadEnv({ GRIDHAUL_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', GRIDHAUL_PUBLIC_READS: String(opts.publicReads ?? true) });
  const services = await startServices(serviceOptionsFromEnv(env));
  const http = await startHttp(services, { port: 0, host: '127.0.0.1', maxBodyBytes: env.GRIDHAUL_MAX_BODY_BYTES });
  const { key } = await services.repos.apiKeys.create('browser tests');
  return {
    url: http.url,
    services,
    apiKey: key,
    close: async () => {
      await http.close();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fails (never skips) when Chromium is missing: CI must install it (`apt-get install -y chromium`). */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: the dashboard's browser tests need Debian's chromium package (apt-get install -y chromium).`);
  }
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'gridhaul-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
