import { mkdirSync } from 'node:fs';

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serveLocally, type LocalDashboard } from '../../src/adapters/localDashboardServer.js';
import { dashboardRoutes } from '../../src/dashboard/dashboardRoutes.js';
import { createDashboard } from '../../src/dashboard/httpDashboard.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { launchChromium } from '../helpers/browser.js';
import { failedJob } from '../helpers/lookups.js';

const CODES = [
  'UserErrorGuestAgentStatusUnavailable',
  'BackUpOperationFailed',
  'UserErrorRpCollectionLimitReached',
  'UserErrorUnsupportedDiskSize',
];
const KEY = 'k3y_Zr9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789==';
let browser: Browser;
// One context for every page: under --single-process (the packaged Chromium) a second context fails.
let context: BrowserContext;
let server: LocalDashboard;
let keyed: LocalDashboard;
const keyedRequests: Array<{ path: string; query: string; key: string | null }> = [];

type Handler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * What the Functions host does before our handler runs: a route registered with authLevel
 * `function` answers 401 unless the request carries a function key (`x-functions-key` header or
 * `code` query parameter, "Work with access keys in Azure Functions", Use access keys).
 */
function behindFunctionKeys(handler: Handler, key: string): Handler {
  const routes = dashboardRoutes('key').map((route) => ({
    ...route,
    pattern: new RegExp(`^/api/${route.route.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  return async (request, context) => {
    const url = new URL(request.url);
    const route = routes.find((r) => r.pattern.test(url.pathname));
    keyedRequests.push({ path: url.pathname, query: url.search, key: request.headers.get('x-functions-key') });
    const given = request.headers.get('x-functions-key') ?? url.searchParams.get('code');
    if (route?.authLevel === 'function' && given !== key) return { status: 401 };
    return handler(request, context);
  };
}

beforeAll(async () => {
  const store = await freshStore();
  for (let day = 19; day <= 25; day += 1) {
    const records = Array.from({ length: 4 + (day % 4) * 3 }, (_, i) => {
      const record = failedJob(
        { resourceGroup: 'rg-app', name: `vm-${i % 6}` },
        CODES[(i + day) % CODES.length]!,
        `job-${day}-${i}`,
      );
      Object.assign(record['properties'] as object, {
        JobStartDateTime: `2026-11-${day} 0${i % 10}:00:00Z`,
        VaultName: i % 3 ? 'rsv-prod' : 'rsv-dev',
      });
      record['resourceId'] =
        `/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-BACKUP/PROVIDERS/MICROSOFT.RECOVERYSERVICES/VAULTS/${i % 3 ? 'RSV-PROD' : 'RSV-DEV'}`;
      return record;
    });
    const result = triage([{ body: { records }, origin: { bodyIndex: 0 } }]);
    // Lookups that failed, for the lookup failure-rate chart.
    for (const [n, event] of result.events.entries())
      event.lookups = [
        {
          probe: 'vm-agent',
          status: n % 5 === 0 ? 'failed' : 'ok',
          durationMs: 12,
          ...(n % 5 === 0 && { error: '403: the identity needs Reader on resource group rg-app' }),
        },
      ];
    await notifyBatch(result, { store, format: 'generic', now: () => new Date(`2026-11-${day}T12:00:00Z`) });
  }
  const handler = createDashboard({
    store: async () => store,
    lang: 'en',
    rpoHours: 24,
    now: () => new Date('2026-11-26T06:00:00Z'),
  });
  server = await serveLocally(handler);
  keyed = await serveLocally(behindFunctionKeys(handler, KEY));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await keyed?.close();
  await stopAzurite();
});

describe('dashboard page in headless Chromium', () => {
  it('draws its charts, lists the failures, filters them, opens details, logs no error', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1')) external.push(request.url());
    });

    await page.goto(`${server.url}?from=2026-11-19&to=2026-11-25`);
    await page.waitForSelector('#events[data-state="ready"] tbody tr');
    expect(await page.locator('#chart-days rect').count()).toBeGreaterThan(7);
    expect(await page.locator('#chart-priority rect').count()).toBe(4);
    expect(await page.locator('#chart-vms rect').count()).toBeGreaterThan(3);
    expect(await page.locator('#chart-lookups rect').count()).toBe(1);
    expect(await page.locator('#lookup-rate').textContent()).toMatch(/^\d+ % of \d+$/);
    expect(await page.locator('#legend-days span').count()).toBe(CODES.length);
    const allRows = await page.locator('#events tbody tr').count();
    expect(allRows).toBeGreaterThan(10);

    await page.selectOption('select[name="vault"]', 'rsv-dev');
    await page.locator('#events').evaluate((table) => table.setAttribute('data-state', 'stale'));
    await page.click('#filters button[type="submit"]');
    await page.waitForSelector('#events[data-state="ready"]');
    await expect.poll(() => page.locator('#events[data-state="ready"] tbody tr').count()).toBeLessThan(allRows);
    const vaults = await page
      .locator('#events tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-vault')));
    expect(vaults.length).toBeGreaterThan(0);
    expect(new Set(vaults)).toEqual(new Set(['rsv-dev']));

    await page.locator('#events tbody tr').first().click();
    await page.waitForSelector('#details:not([hidden])');
    expect(await page.locator('#details-title').textContent()).toMatch(/^Backup of vm-\d failed in vault rsv-dev/);
    expect(await page.locator('#details-causes li').count()).toBeGreaterThan(0);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('behind function keys: the page sends the key from its fragment as x-functions-key, and `code` stays the error-code filter', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    keyedRequests.length = 0;

    await page.goto(`${keyed.url}?from=2026-11-19&to=2026-11-25#key=${encodeURIComponent(KEY)}`);
    await page.waitForSelector('#events[data-state="ready"] tbody tr');
    await page.selectOption('select[name="code"]', 'UserErrorRpCollectionLimitReached');
    await page.locator('#events').evaluate((table) => table.setAttribute('data-state', 'stale'));
    await page.click('#filters button[type="submit"]');
    await page.waitForSelector('#events[data-state="ready"] tbody tr');
    const codes = await page
      .locator('#events tbody tr td:nth-child(5)')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent));
    expect(new Set(codes)).toEqual(new Set(['UserErrorRpCollectionLimitReached']));

    const data = keyedRequests.filter((r) => !r.path.startsWith('/api/dashboard'));
    expect(data.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/summary', '/api/events']));
    expect(data.every((r) => r.key === KEY)).toBe(true);
    expect(keyedRequests.some((r) => r.query.includes(encodeURIComponent(KEY)) || r.query.includes(KEY))).toBe(false);
    expect(keyedRequests.filter((r) => r.path.startsWith('/api/dashboard/assets/')).length).toBe(2);
    expect(problems).toEqual([]);

    // Without the key the data routes refuse, and the page says how to open it.
    await page.goto(`${keyed.url}?from=2026-11-19&to=2026-11-25`);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/HTTP 401: open the page as .*#key=/);
    await page.close();
  });
});
