import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';

const SAMPLES = fileURLToPath(new URL('../../samples/events/', import.meta.url));
const FILES = readdirSync(SAMPLES).filter((name) => name.endsWith('.json'));
const digests = new Map<string, string>();
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // The samples' day, through the pipeline, as the morning timer renders it (with a dashboard to link to).
  const dir = mkdtempSync(join(tmpdir(), 'digest-layout-'));
  process.env['DASHBOARD_URL'] = 'https://func-triage.azurewebsites.net/api/dashboard';
  try {
    for (const lang of ['en', 'fr'] as const) {
      const out = join(dir, `digest-${lang}.html`);
      const run = await cli(['digest', '--date', '2026-11-25', '--lang', lang, '--out', out, ...FILES], '', SAMPLES);
      expect(run.status).toBe(0);
      digests.set(lang, readFileSync(out, 'utf8'));
    }
  } finally {
    delete process.env['DASHBOARD_URL'];
  }
  browser = await launchChromium();
  // One context for every page: under --single-process (the packaged Chromium) a second context fails.
  context = await browser.newContext();
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

describe('the digest in a mail pane', () => {
  it.each([
    ['en', 375],
    ['en', 600],
    ['fr', 320],
    ['fr', 375],
    ['fr', 600],
  ] as const)('%s at %i px: no horizontal overflow, the open list first', async (lang, width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(digests.get(lang)!);
    // Evaluated in the page (a string: the project's types have no DOM).
    const layout = await page.evaluate<{
      scrollWidth: number;
      clientWidth: number;
      widest: number;
      headings: string[];
    }>(`({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      widest: Math.max(...[...document.querySelectorAll('body *')].map((el) => el.getBoundingClientRect().right)),
      headings: [...document.querySelectorAll('h2')].map((h) => h.textContent ?? ''),
    })`);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.widest).toBeLessThanOrEqual(width);
    expect(layout.headings[0]).toBe(
      lang === 'en' ? 'Still open, worst first' : 'Toujours ouverts, les plus graves d’abord',
    );
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: `test-results/digest-${lang}-${width}.png`, fullPage: true });
    await page.close();
  });

  it('links every open finding to its dashboard page', async () => {
    const page = await context.newPage();
    await page.setContent(digests.get('en')!);
    const links = await page.locator('a[href*="?finding="]').count();
    expect(links).toBe(17);
    await page.close();
  });
});
