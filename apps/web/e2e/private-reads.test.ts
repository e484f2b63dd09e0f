// The dashboard in Chromium against a server whose reads are private (GRIDHAUL_PUBLIC_READS=false):
// with the API key configured, the job page follows a solve over the event stream, which carries a
// stream token (apiKeys.streamToken) because EventSource cannot send the Authorization header.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './demo-data';
import { buildWeb, launchBrowser, requireChromium, startServer, type RunningServer } from './harness';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let setupError: unknown;

beforeAll(async () => {
  try {
    requireChromium();
    buildWeb();
    server = await startServer({ publicReads: false });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    await page.addInitScript((k) => localStorage.setItem('gridhaul.apiKey', k), server.apiKey);
  } catch (error) {
    setupError = error; // reported by the test as a failure, never a skip
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard in Chromium, private reads', () => {
  it('follows a job over SSE with a stream token in connectionParams: the stream delivers the job up to succeeded', async () => {
    if (setupError) throw setupError;
    const job = await apiClient(server).jobs.enqueue.mutate({
      problemType: 'lp',
      input: { sense: 'max', variables: [{ name: 'x', ub: 4, obj: 3 }, { name: 'y', obj: 5 }], constraints: [{ name: 'c', terms: [{ var: 'x', coef: 3 }, { var: 'y', coef: 2 }], sense: '<=', rhs: 18 }] },
    });
    const streams: string[] = [];
    page.on('request', (r) => r.url().includes('/trpc/jobs.progress') && streams.push(r.url()));
    // What the browser's EventSource received, as Chromium's network log reports it.
    const cdp = await browser.context.newCDPSession(page);
    const messages: Array<{ eventName: string; data: string }> = [];
    cdp.on('Network.eventSourceMessageReceived', (m) => messages.push(m));
    await cdp.send('Network.enable');

    await page.goto(`${server.url}/#/jobs/${job.id}`);
    const progress = page.getByLabel('Solve progress');
    await expect.poll(() => progress.innerText(), { timeout: 60_000 }).toContain('succeeded');

    expect(streams).toHaveLength(1);
    const params = JSON.parse(new URL(streams[0] as string).searchParams.get('connectionParams') ?? 'null') as { token?: string } | null;
    expect(params?.token).toMatch(/^st1\./);
    expect(messages.filter((m) => m.eventName === 'serialized-error')).toEqual([]);
    expect(messages.some((m) => m.data.includes('"status":"succeeded"'))).toBe(true);
  }, 150_000);
});
