import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serveLocally, type LocalDashboard } from '../../src/adapters/localDashboardServer.js';
import type { TableStore } from '../../src/adapters/tableStore.js';
import { openLookups } from '../../src/cli/openLookups.js';
import { readInputs } from '../../src/cli/readInputs.js';
import { loadSettings } from '../../src/config/settings.js';
import { dashboardRoutes } from '../../src/dashboard/dashboardRoutes.js';
import { createDashboard } from '../../src/dashboard/httpDashboard.js';
import { createBatchHandler } from '../../src/pipeline/createBatchHandler.js';
import { buildDigest } from '../../src/pipeline/digest.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { launchChromium } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const FILES = readdirSync(`${SAMPLES}/events`)
  .filter((name) => name.endsWith('.json'))
  .map((name) => `events/${name}`);
const RANGE = '?from=2026-11-19&to=2026-11-25';
const NOW = new Date('2026-11-26T06:00:00Z');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const KEY = 'k3y_Zr9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789==';
let browser: Browser;
// One context for every page: under --single-process (the packaged Chromium) a second context fails.
let context: BrowserContext;
let store: TableStore;
let frenchStore: TableStore;
let server: LocalDashboard;
let french: LocalDashboard;
let down: LocalDashboard;
let keyed: LocalDashboard;
let cliFindings: number;
let digestOpen: number;
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
  return async (request, ctx) => {
    const url = new URL(request.url);
    const route = routes.find((r) => r.pattern.test(url.pathname));
    keyedRequests.push({ path: url.pathname, query: url.search, key: request.headers.get('x-functions-key') });
    const given = request.headers.get('x-functions-key') ?? url.searchParams.get('code');
    if (route?.authLevel === 'function' && given !== key) return { status: 401 };
    return handler(request, ctx);
  };
}

beforeAll(async () => {
  // The samples through the Event Hub function's path, lookups replayed: what `npm start` shows.
  store = await freshStore();
  const settings = loadSettings({});
  const lookups = (await openLookups({ fixtures: 'azure/state.json' }, SAMPLES, {}))!;
  try {
    const handle = createBatchHandler({
      settings,
      lookups: async () => lookups.options,
      notifications: async () => ({ store, format: 'generic' }),
      now: () => NOW,
    });
    await handle(await readInputs(FILES, process.stdin, SAMPLES));
  } finally {
    await lookups.close();
  }
  // What the command line counts for the same input, and what the digest says is open.
  const stats = await cli(['triage', '--stats', '--azure-fixtures', 'azure/state.json', ...FILES], '', SAMPLES);
  cliFindings = (JSON.parse(stats.stderr.trim().split('\n').at(-1)!) as { findings: number }).findings;
  digestOpen = (await buildDigest(store, { day: '2026-11-25', lang: 'en', rpoHours: 24, now: NOW })).summary.totals
    .openNow;

  // The same samples triaged in French, as a French deployment (TRIAGE_LANG=fr) stores them.
  frenchStore = await freshStore();
  await createBatchHandler({
    settings: loadSettings({ TRIAGE_LANG: 'fr' }),
    notifications: async () => ({ store: frenchStore, format: 'generic' }),
    now: () => NOW,
  })(await readInputs(FILES, process.stdin, SAMPLES));

  const deps = { store: async () => store, rpoHours: 24, now: () => NOW };
  const handler = createDashboard({ ...deps, lang: 'en' });
  server = await serveLocally(handler);
  french = await serveLocally(createDashboard({ ...deps, store: async () => frenchStore, lang: 'fr' }));
  down = await serveLocally(
    createDashboard({
      ...deps,
      lang: 'en',
      store: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
    }),
  );
  keyed = await serveLocally(behindFunctionKeys(handler, KEY));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const s of [server, french, down, keyed]) await s?.close();
  await stopAzurite();
});

/** A page that records every console error, page error and failed or external request. */
async function open(url: string, width = 1440, height = 900): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) problems.push(`external: ${request.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector('#findings[data-state="ready"], #findings[data-state="error"]');
  return { page, problems };
}

const rows = (page: Page) =>
  page.locator('#findings tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute('data-key'),
      priority: tr.getAttribute('data-priority'),
      vault: tr.getAttribute('data-vault'),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      since: tr.querySelector('time')?.getAttribute('datetime') ?? '',
    })),
  );
const tile = async (page: Page, name: string) => Number(await page.locator(`[data-tile="${name}"] .n`).textContent());
const search = (page: Page) => new URL(page.url()).searchParams;

/** axe-core, injected into the page, for the rules that matter most: serious and critical. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays as it is.
  await page.evaluate(AXE);
  const { violations, passes } = await page.evaluate<{
    violations: Array<{ id: string; impact: string; nodes: unknown[] }>;
    passes: number;
  }>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) })) }))`,
  );
  expect(passes).toBeGreaterThan(10); // axe ran its rules
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} ${JSON.stringify(v.nodes)}`);
}

describe('dashboard page in headless Chromium, desktop (1440 × 900)', () => {
  it('lists the open findings worst first, above the fold, with a status column; counts agree with each other and with the CLI', async () => {
    const { page, problems } = await open(`${server.url}${RANGE}`);
    const list = await rows(page);
    expect(list.length).toBe(digestOpen);
    const order = list.map((r) => `${r.priority} ${r.since}`);
    expect(order).toEqual([...order].sort());
    expect(list[0]!.priority).toBe('P1');
    expect(list.every((r) => r.cells[4] === 'Open')).toBe(true);
    const first = await page.locator('#findings tbody tr').first().boundingBox();
    expect(first!.y + first!.height).toBeLessThan(900);
    // The tiles count the table's rows; the priority chart's data table too.
    expect(await tile(page, 'open')).toBe(list.length);
    expect(await tile(page, 'p1')).toBe(list.filter((r) => r.priority === 'P1').length);
    const byPriority = await page
      .locator('#table-priority tbody tr td')
      .evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
    expect(byPriority.reduce((a, b) => a + b, 0)).toBe(list.length);
    // All statuses: every finding the CLI counted (one failed job each in the samples), open or resolved.
    await page.selectOption('select[name="status"]', 'all');
    await page.click('#filters button[type="submit"]');
    await expect.poll(async () => (await rows(page)).length).toBe(cliFindings);
    expect(await tile(page, 'open')).toBe(digestOpen);
    expect(await tile(page, 'resolved')).toBe(cliFindings - digestOpen);
    expect(await page.locator('#status').textContent()).toBe(`${cliFindings} findings shown`);
    expect(problems).toEqual([]);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/dashboard-desktop.png', fullPage: true });
    await page.close();
  });

  it('keeps the filters in the URL, applies them to the table, the tiles and the charts, and reads them back from a link', async () => {
    const { page } = await open(`${server.url}${RANGE}`);
    const all = (await rows(page)).length;
    await page.selectOption('select[name="vault"]', 'rsv-fin-ne-01');
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => search(page).get('vault')).toBe('rsv-fin-ne-01');
    await expect.poll(async () => (await rows(page)).length).toBeLessThan(all);
    const filtered = await rows(page);
    expect(new Set(filtered.map((r) => r.vault))).toEqual(new Set(['rsv-fin-ne-01']));
    expect(await tile(page, 'open')).toBe(filtered.length);
    const days = await page
      .locator('#table-days tbody tr td:nth-child(2)')
      .evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
    expect(days.reduce((a, b) => a + b, 0)).toBe(await tile(page, 'jobs'));
    expect(await tile(page, 'jobs')).toBe(filtered.length); // one failed job per finding in the samples
    // The link, opened anew: the vault filter is selected (its options load with the data) and applied.
    const url = page.url();
    const again = await open(url);
    expect(await again.page.locator('select[name="vault"]').inputValue()).toBe('rsv-fin-ne-01');
    expect((await rows(again.page)).map((r) => r.key)).toEqual(filtered.map((r) => r.key));
    await again.page.close();
    await page.close();
  });

  it('sorts by any column, says so (aria-sort), and keeps the sort in the URL', async () => {
    const { page } = await open(`${server.url}${RANGE}`);
    await page.click('th[data-sort="vm"] button');
    const ascending = (await rows(page)).map((r) => r.cells[1]!);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(await page.locator('th[data-sort="vm"]').getAttribute('aria-sort')).toBe('ascending');
    expect(search(page).get('sort')).toBe('vm');
    await page.click('th[data-sort="vm"] button');
    expect((await rows(page)).map((r) => r.cells[1]!)).toEqual([...ascending].reverse());
    expect(await page.locator('th[data-sort="vm"]').getAttribute('aria-sort')).toBe('descending');
    expect(search(page).get('dir')).toBe('desc');
    await page.close();
  });

  it('by keyboard: Tab reaches a finding, Enter opens its own page with the focus in it, Escape closes it and gives the focus back', async () => {
    const { page } = await open(`${server.url}${RANGE}`);
    const firstLink = page.locator('#findings tbody tr a').first();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await firstLink.evaluate(
        (a: { ownerDocument: { activeElement: unknown } }) => a === a.ownerDocument.activeElement,
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details:not([hidden])');
    await expect.poll(() => page.locator('#details-title').textContent()).toMatch(/^Backup of vm-\S+ failed in vault/);
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('details-title');
    const key = (await rows(page))[0]!.key!;
    expect(search(page).get('finding')).toBe(key);
    expect(await page.locator('#details-causes li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    // Back closes it, Forward opens it again: the finding is a page of its own in the history.
    await page.goBack();
    await expect.poll(() => page.locator('#details').isHidden()).toBe(true);
    await page.goForward();
    await page.waitForSelector('#details:not([hidden])');
    expect(search(page).get('finding')).toBe(key);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#details').isHidden()).toBe(true);
    expect(
      await firstLink.evaluate(
        (a: { ownerDocument: { activeElement: unknown } }) => a === a.ownerDocument.activeElement,
      ),
    ).toBe(true);
    expect(search(page).get('finding')).toBeNull();
    await page.close();
  });

  it("opens a finding's own URL (what messages and the digest link to)", async () => {
    const list = await open(`${server.url}${RANGE}`);
    const chosen = (await rows(list.page))[1]!;
    const key = chosen.key!;
    await list.page.close();
    const { page, problems } = await open(`${server.url}?finding=${encodeURIComponent(key)}`);
    await page.waitForSelector('#details:not([hidden])');
    await expect.poll(() => page.locator('#details-title').textContent()).toMatch(/^Backup of /);
    expect(await page.locator('#details-meta').textContent()).toContain(`Priority${chosen.priority}`);
    expect(await page.locator('#details-commands pre').count()).toBe(2); // Azure CLI and PowerShell, apart
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility violation (axe-core), charts have their data tables, only the status is live', async () => {
    const { page } = await open(`${server.url}${RANGE}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.locator('[aria-live]').evaluateAll((els) => els.map((e) => e.id))).toEqual(['status']);
    for (const id of ['days', 'priority', 'vms', 'lookups'])
      expect(await page.locator(`#table-${id} tbody tr`).count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('error, empty and loading states', () => {
  it("shows the API's own message for a bad request, and no empty chart", async () => {
    const { page } = await open(`${server.url}?from=2026-11-25&to=2026-11-19`);
    expect(await page.locator('#status').textContent()).toBe('Could not load: from must not be after to');
    expect(await page.locator('#message').isVisible()).toBe(true);
    expect(await page.locator('#charts').isHidden()).toBe(true);
    await page.close();
  });

  it('says what to do when the store is down', async () => {
    const { page } = await open(`${down.url}${RANGE}`);
    expect(await page.locator('#status').textContent()).toMatch(
      /^Could not load: The table store could not be read \(ECONNREFUSED\): try again in a minute/,
    );
    expect(await page.locator('#charts').isHidden()).toBe(true);
    await page.close();
  });

  it('says so when nothing matches, with every count at 0', async () => {
    // No sample has that code at P4 (the real SQL alert is P4: transient, seen once).
    const { page } = await open(`${server.url}${RANGE}&priority=P4&code=UserErrorBcmDatasourceNotPresent`);
    expect(await page.locator('#message').textContent()).toMatch(/^No finding matches these filters/);
    expect(await tile(page, 'open')).toBe(0);
    expect(await page.locator('#status').textContent()).toBe('0 findings shown');
    await page.close();
  });
});

describe('phone (390 and 360 px wide)', () => {
  it.each([390, 360])('%i px: nothing wider than the screen; the details fit, close button in view', async (width) => {
    const { page, problems } = await open(`${server.url}${RANGE}`, width, 800);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/dashboard-phone-${width}.png`, fullPage: false });
    // The filters fold away on a phone: the worst finding is in the first half of the screen.
    const first = await page.locator('#findings tbody tr').first().boundingBox();
    expect(first!.y).toBeLessThan(400);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await page.locator('#filter-summary').click();
    expect(await page.locator('#filters').isVisible()).toBe(true);
    await page.locator('#findings tbody tr a').first().click();
    await page.waitForSelector('#details:not([hidden])');
    const panel = await page.locator('#details').boundingBox();
    const close = await page.locator('#close').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(width);
    expect(close!.x + close!.width).toBeLessThanOrEqual(width);
    expect(close!.y).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(
      0,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('French', () => {
  it('speaks French from the root: lang="fr", labels, statuses, the details', async () => {
    const { page, problems } = await open(`${french.url}${RANGE}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('#findings-title').textContent()).toBe('Constats ouverts, les plus graves d’abord');
    expect(await page.locator('th[data-sort="since"]').textContent()).toBe('En échec depuis');
    expect(await page.locator('#status').textContent()).toMatch(/^\d+ constats affichés$/);
    await page.locator('#findings tbody tr a').first().click();
    await expect.poll(() => page.locator('#details-title').textContent()).toMatch(/^Échec de la sauvegarde de /);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('behind function keys', () => {
  it('the page sends the key from its fragment as x-functions-key, and `code` stays the error-code filter', async () => {
    keyedRequests.length = 0;
    const { page, problems } = await open(`${keyed.url}${RANGE}#key=${encodeURIComponent(KEY)}`);
    await page.selectOption('select[name="code"]', 'UserErrorRpCollectionLimitReached');
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => search(page).get('code')).toBe('UserErrorRpCollectionLimitReached');
    await expect
      .poll(async () => new Set((await rows(page)).map((r) => r.cells[3])))
      .toEqual(new Set(['UserErrorRpCollectionLimitReached']));
    expect(new URL(page.url()).hash).toBe(`#key=${encodeURIComponent(KEY)}`);
    const data = keyedRequests.filter((r) => !r.path.startsWith('/api/dashboard'));
    expect(data.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/summary', '/api/findings']));
    expect(data.every((r) => r.key === KEY)).toBe(true);
    expect(keyedRequests.some((r) => r.query.includes(encodeURIComponent(KEY)) || r.query.includes(KEY))).toBe(false);
    expect(keyedRequests.filter((r) => r.path.startsWith('/api/dashboard/assets/')).length).toBe(2);
    expect(problems).toEqual([]);
    await page.close();

    // Without the key the data routes refuse, and the page says how to open it.
    const { page: locked } = await open(`${keyed.url}${RANGE}`);
    expect(await locked.locator('#status').textContent()).toMatch(/HTTP 401: .*open the page as .*#key=/);
    await locked.close();
  });
});
