import { mkdirSync } from 'node:fs';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDashboard } from '../../src/dashboard/httpDashboard.js';
import { serveLocally, type LocalDashboard } from '../../src/adapters/localDashboardServer.js';
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
let browser: Browser;
let server: LocalDashboard;

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
  server = await serveLocally(
    createDashboard({
      store: async () => store,
      lang: 'en',
      rpoHours: 24,
      now: () => new Date('2026-11-26T06:00:00Z'),
    }),
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await stopAzurite();
});

describe('dashboard page in headless Chromium', () => {
  it('draws its charts, lists the failures, filters them, opens details, logs no error', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
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
});
