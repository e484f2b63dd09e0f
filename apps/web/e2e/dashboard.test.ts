// The dashboard in a real browser (Debian's Chromium via playwright-core) against the real server
// on loopback: demo data, a solve started from the form and followed live, every plan view,
// keyboard use, and axe's accessibility rules. Screenshots go to .test-results/web-screens/.
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, type Demo } from './demo-data';
import { buildWeb, launchBrowser, requireChromium, SCREENS, startServer, type RunningServer } from './harness';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let demo: Demo;

let setupError: unknown;

beforeAll(async () => {
  try {
    requireChromium(); // fail at once, with the apt package to install, before building anything
    buildWeb();
    server = await startServer();
    demo = await loadDemo(server);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    const key = server.apiKey;
    await page.addInitScript((k) => localStorage.setItem('gridhaul.apiKey', k), key);
    mkdirSync(SCREENS, { recursive: true });
  } catch (error) {
    // Reported by every test below as a failure (vitest would count a failed hook as skipped tests).
    setupError = error;
  }
}, 180_000);

/** A browser test: fails, never skips, when the server or Chromium could not be started. */
function test(name: string, body: () => Promise<void>, timeout?: number): void {
  it(
    name,
    async () => {
      if (setupError) throw setupError;
      await body();
    },
    timeout,
  );
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash: string): Promise<void> {
  await page.goto(`${server.url}/#/${hash}`);
  await page.locator('main h1').first().waitFor();
}

/** axe-core's WCAG 2 A/AA rules on the current page: no violations. */
async function expectAccessible(what: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe violations on ${what}`).toEqual([]);
}

/** Saves a full-page screenshot and checks it is a real picture, not a blank page. */
async function screenshot(name: string): Promise<string> {
  const file = join(SCREENS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size, `${name}.png is more than an empty page`).toBeGreaterThan(20_000);
  return file;
}

describe('dashboard in Chromium', () => {
  test('serves the app at / and the API beside it', async () => {
    const html = await fetch(`${server.url}/`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<div id="app">');
    const api = await fetch(`${server.url}/openapi.json`);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  test('shows the demo on the overview and moves through the navigation by keyboard', async () => {
    await open('');
    await expect.poll(() => page.locator('main').innerText()).toContain('IEEE 14-bus');
    await expect.poll(() => page.locator('main').innerText()).toContain('Co-OPT 7-node roads');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Networks');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/networks/);
    await expectAccessible('overview → networks');
  });

  test('draws the road network with traffic zones and the grid with its buses', async () => {
    await open(`networks/${demo.roadId}`);
    const road = page.locator('figure.network svg');
    await road.locator('circle').first().waitFor();
    expect(await road.locator('circle').count()).toBe(7);
    // 7-node CSV: 20 off-diagonal entries other than −1 (no road), one directed road each
    expect(await road.locator('line').count()).toBe(20);
    expect(await road.locator('title').allTextContents()).toContain('node 1 (Charging site 1)');
    await screenshot('networks-road');
    await expectAccessible('road network');

    await page.getByLabel('Network', { exact: true }).selectOption(demo.gridId);
    await expect.poll(() => page.locator('main').innerText()).toContain('14 buses, 20 branches, 5 generators');
    const grid = page.locator('figure.network svg');
    expect((await grid.locator('circle').count()) + (await grid.locator('rect').count())).toBe(14);
    expect(await grid.locator('rect').count()).toBe(5); // generator buses 1, 2, 3, 6, 8
    await screenshot('networks-grid');
    await expectAccessible('grid network');
  });

  test('draws the LMP heat map, reads components by keyboard, and shows the scenario spread', async () => {
    await open(`prices/${demo.seriesId}`);
    const cells = page.locator('.heatmap svg rect[data-bus]');
    await cells.first().waitFor();
    expect(await cells.count()).toBe(3 * 24);
    await page.locator('.heatmap').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    // lmp_Model1_SmallScale.csv (scenario 0), hour 1, bus 10: 34.4832 cents/kWh = 344.83 $/MWh
    await expect.poll(() => page.locator('.readout').first().innerText()).toBe('Bus 10, hour 1: LMP 344.83 $/MWh = energy 344.83 + congestion 0 + loss 0');
    await cells.nth(5).hover();
    await expect.poll(() => page.locator('.readout').first().innerText()).toContain('Bus 6, hour 5');
    expect(await page.locator('figure.chart').nth(1).locator('ul.legend').innerText()).toContain('min–max over 2 scenarios');
    await screenshot('prices-lmp');
    await expectAccessible('prices');
  });

  test('creates a scenario from the form, starts a solve and follows it to its result', async () => {
    const streams: string[] = [];
    page.on('request', (r) => r.url().includes('jobs.progress') && streams.push(r.url()));
    await open('scenarios');
    await page.getByLabel('Scenario name').fill('Wyndor from the browser');
    await page.getByLabel('Fleet').selectOption({ label: 'Hub fleet' });
    await page.getByLabel('Problem type').selectOption('lp');
    await expectAccessible('scenario form');
    await page.getByRole('button', { name: 'Create scenario' }).click();
    const solve = page.getByRole('button', { name: 'Solve Wyndor from the browser' });
    await solve.waitFor();
    await solve.click();
    await page.waitForURL(/#\/jobs\//);
    const progress = page.getByLabel('Solve progress');
    await progress.waitFor();
    await expect.poll(() => progress.innerText(), { timeout: 60_000 }).toContain('succeeded');
    expect(streams.length, 'the job page follows the job over the SSE subscription').toBeGreaterThan(0);
    const result = page.locator('section', { has: page.getByRole('heading', { name: 'Result' }) });
    await expect.poll(() => result.innerText()).toContain('Independent check: feasible');
    // Wyndor Glass (Hillier & Lieberman): x = 2, y = 6, 3x + 5y = 36.
    expect(await result.innerText()).toMatch(/objective 36,/);
    const values = await result.locator('table.events tbody tr').allInnerTexts();
    expect(values.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['x 2', 'y 6']);
    await screenshot('job-lp');
    await expectAccessible('job page');
  }, 150_000);

  test('computes case14 LMPs from the prices page and follows the job to its heat map', async () => {
    const calls: string[] = [];
    page.on('request', (r) => calls.push(r.url()));
    await open('prices');
    await page.getByLabel('Grid network').selectOption({ label: 'IEEE 14-bus' });
    await page.getByLabel('Load profile').selectOption('daily');
    await page.getByRole('button', { name: 'Compute LMPs' }).click();
    await page.waitForURL(/#\/jobs\//);
    const progress = page.getByLabel('Solve progress');
    await expect.poll(() => progress.innerText(), { timeout: 90_000 }).toContain('succeeded');
    // followed over the event stream: one subscription, no polling (one jobs.get when it ends)
    expect(calls.filter((u) => u.includes('/trpc/jobs.progress')).length).toBe(1);
    expect(calls.filter((u) => /\/trpc\/[^?]*jobs\.get/.test(u)).length).toBeLessThanOrEqual(1);
    const cells = page.locator('.heatmap svg rect[data-bus]');
    await cells.first().waitFor();
    expect(await cells.count()).toBe(14 * 24);
    await page.locator('.heatmap').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 18; i++) await page.keyboard.press('ArrowRight');
    // At 18:00 the shape is 1.0 × base load: PowerModels' case14 DC-OPF prices every bus at
    // 39.02 $/MWh with no congestion (shared/data/lmp-reference/dcopf-expected.json, pm-dcp-case14-lmp).
    await expect.poll(() => page.locator('.readout').first().innerText()).toMatch(/^Bus 1, hour 18: LMP 39\.02 \$\/MWh = energy 39\.02 \+ congestion 0 \+ loss 0$/);
    expect(await page.locator('main').innerText()).toContain('Binding branches per period: none');
    await screenshot('job-lmp');
    await expectAccessible('LMP job');
  }, 150_000);

  test('shows a scenario the server rejects with every problem listed', async () => {
    await open('scenarios');
    await page.getByLabel('Problem input (JSON)').fill('{"sense": "max", "variables": []}');
    await page.getByRole('button', { name: 'Create scenario' }).click();
    const alert = page.locator('form [role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('problem.variables');
  });

  test('plays a MESS plan with the time slider: trucks move, SOC and charging with prices', async () => {
    await open(`jobs/${demo.jobs.mess}`);
    const slider = page.getByLabel(/Time of day/);
    await slider.waitFor();
    const readout = page.locator('.slider .readout');
    expect(await readout.innerText()).toContain('truck 1 driving 0 → 2 with M1');
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => readout.innerText()).toContain('truck 1 at 0; truck 2 at 0');
    await page.keyboard.press('Home');
    for (let i = 0; i < 18; i++) await page.keyboard.press('ArrowRight'); // 18 × 5 min: 08:30
    await expect.poll(() => readout.innerText()).toContain('truck 1 at 2; truck 2 driving 4 → 0');
    await expect.poll(() => page.getByLabel(/Time of day/).getAttribute('aria-valuetext')).toBe('08:30');
    expect(await page.locator('.truck').count()).toBe(2);
    expect(await page.getByRole('img', { name: /truck truck 1: 0→2/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'SOC of each MESS over the day' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'SOC of each excavator over the day' }).count()).toBe(1);
    const charging = await page.locator('table.events', { hasText: 'Charging events' }).innerText();
    expect(charging).toContain('250.1');
    expect(charging).toContain('$96.29'); // 385 kWh × 250.1 $/MWh
    expect(await page.locator('.cost-bars').innerText()).toContain('degradation');
    await screenshot('plan-mess');
    await expectAccessible('MESS plan');
  });

  test('draws the bus-charging Gantt chart and marks the 15-minute peak', async () => {
    await open(`jobs/${demo.jobs.bus}`);
    await page.getByRole('group', { name: /Charger schedule/ }).waitFor();
    expect(await page.locator('g.bar').count()).toBe(4);
    // 40 kW fast + 10 kW slow from 00:00: 50 kW average in the first quarter hour
    expect(await page.getByRole('img', { name: /15-minute peak 50 kW at 00:00–00:15/ }).count()).toBe(1);
    await page.locator('g.bar').first().focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^charger \w+: bus \d/);
    await screenshot('plan-bus-charging');
    await expectAccessible('bus-charging plan');
  });

  test('draws E-VRPTW routes with station visits and SOC along each route', async () => {
    await open(`jobs/${demo.jobs.evrp}`);
    const map = page.getByRole('img', { name: /E-VRPTW routes: 2 vehicles/ });
    await map.waitFor();
    expect(await map.locator('polyline').count()).toBe(2);
    const visits = await page.locator('table.events', { hasText: 'Station visits' }).locator('tbody tr').allInnerTexts();
    expect(visits).toHaveLength(1);
    expect(visits[0]!.replace(/\s+/g, ' ')).toContain('S1 126 0.9 60 60.9');
    await screenshot('plan-evrp');
    await expectAccessible('E-VRPTW plan');
  });

  test('compares two solutions side by side', async () => {
    await open(`compare?a=${demo.jobs.mess}&b=${demo.jobs.bus}`);
    const costs = page.locator('.cost-bars');
    await costs.waitFor();
    const text = await costs.innerText();
    expect(text).toContain('$412.50');
    expect(text).toContain('$400.00');
    expect(await page.locator('.compare .card').count()).toBe(2);
    await screenshot('compare');
    await expectAccessible('compare');
  });
});
