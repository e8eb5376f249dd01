import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serveLocally } from '../src/adapters/localDashboardServer.js';
import { startLocalReceiver } from '../src/adapters/localReceiver.js';
import { openLookups } from '../src/cli/openLookups.js';
import { readInputs } from '../src/cli/readInputs.js';
import { loadSettings } from '../src/config/settings.js';
import { createDashboard } from '../src/dashboard/httpDashboard.js';
import { createBatchHandler } from '../src/pipeline/createBatchHandler.js';
import { freshStore, stopAzurite } from './helpers/azurite.js';
import { launchChromium } from './helpers/browser.js';
import type { EnrichedEvent } from '../src/core/types.js';
import { cli } from './helpers/cli.js';
import { dataStringsOf, report, scanFrench, type Leftover } from './helpers/frenchScan.js';

const SAMPLES = fileURLToPath(new URL('../samples/', import.meta.url));
const FILES = readdirSync(join(SAMPLES, 'events'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => `events/${name}`);
const LOOKUPS = ['--azure-fixtures', 'azure/state.json'];

let data: string[];
const surfaces = new Map<string, string>();

/** Every string of a chat message a person may read (texts, titles, buttons, the push text). */
function visible(body: string): string {
  const out: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (['text', 'title', 'summary', 'fallbackText', 'headline', 'reason'].includes(key)) out.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(JSON.parse(body), '');
  return out.join('\n');
}

/** The text of an HTML mail: blocks on lines of their own, entities decoded. */
function textOfHtml(html: string): string {
  return html
    .replace(/<(p|div|h1|h2|tr|br|li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

beforeAll(async () => {
  const json = await cli(['triage', '--lang', 'fr', ...LOOKUPS, ...FILES], '', SAMPLES);
  const events = json.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as EnrichedEvent);
  data = dataStringsOf(events);

  const out = mkdtempSync(join(tmpdir(), 'fr-'));
  const demo = await cli(['demo', '--lang', 'fr', '--out', out]);
  surfaces.set('demo (CLI text)', demo.stdout);
  surfaces.set('digest (HTML)', textOfHtml(readFileSync(join(out, 'digest.html'), 'utf8')));
  surfaces.set('digest (text)', readFileSync(join(out, 'digest.txt'), 'utf8'));
  const markdown = await cli(['triage', '--render', 'markdown', '--lang', 'fr', ...LOOKUPS, ...FILES], '', SAMPLES);
  surfaces.set('triage --render markdown', markdown.stdout);
  for (const format of ['teams', 'slack', 'markdown', 'generic'] as const) {
    const receiver = await startLocalReceiver();
    await cli(
      ['run', '--format', format, '--lang', 'fr', '--webhook', receiver.url, ...LOOKUPS, ...FILES],
      '',
      SAMPLES,
    );
    surfaces.set(
      `run --format ${format}`,
      receiver
        .accepted()
        .map((request) => (format === 'markdown' ? request.body : visible(request.body)))
        .join('\n\n'),
    );
    await receiver.close();
  }

  // The dashboard of a French deployment over the same samples: the page, then a finding's details.
  const store = await freshStore();
  const lookups = (await openLookups({ fixtures: 'azure/state.json' }, SAMPLES, {}))!;
  try {
    await createBatchHandler({
      settings: loadSettings({ TRIAGE_LANG: 'fr' }),
      lookups: async () => lookups.options,
      notifications: async () => ({ store, format: 'generic' }),
    })(await readInputs(FILES, process.stdin, SAMPLES));
  } finally {
    await lookups.close();
  }
  const dashboard = await serveLocally(
    createDashboard({
      store: async () => store,
      lang: 'fr',
      rpoHours: 24,
      now: () => new Date('2026-11-26T06:00:00Z'),
    }),
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${dashboard.url}?from=2026-11-19&to=2026-11-25&status=all`);
    await page.waitForSelector('#findings[data-state="ready"]');
    // Every data table behind the charts opened, so their words are read too.
    await page.evaluate(`document.querySelectorAll('details').forEach((d) => (d.open = true))`);
    const texts = [await page.evaluate<string>('document.title + "\\n" + document.body.innerText')];
    for (const link of (await page.locator('#findings tbody tr a').all()).slice(0, 6)) {
      await link.click();
      await page.waitForSelector('#details-title:not(:has-text("Chargement"))');
      texts.push(await page.locator('#details').innerText());
      await page.keyboard.press('Escape');
    }
    surfaces.set('dashboard', texts.join('\n'));
  } finally {
    await browser.close();
    await dashboard.close();
  }
}, 180_000);

afterAll(stopAzurite);

describe('French output of the demo', () => {
  it('has something to scan on every surface', () => {
    for (const [surface, text] of surfaces) expect(text.length, surface).toBeGreaterThan(500);
  });

  it('has no English fragment, internal id, or colon without its space', () => {
    const leftovers: Leftover[] = [];
    for (const [surface, text] of surfaces) leftovers.push(...scanFrench(surface, text, data));
    expect(report(leftovers)).toEqual([]);
  });
});
