import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';

import { runCli } from '../src/cli/runCli.js';
import { launchChromium } from './launchChromium.js';

/**
 * `npm run screenshots`: what an operator sees, as PNG files in out/, in English and French — the
 * dashboard on a desktop (1440 × 900) and a phone (390 × 844, list then a finding's details) and
 * the digest in a 600 px mail pane. It runs `demo --serve` in this process (the samples, lookups
 * replayed, the dashboard on loopback), photographs it, then stops it as Ctrl-C would.
 */
async function screenshots(outDir: string): Promise<string[]> {
  const written: string[] = [];
  const browser = await launchChromium();
  // One context for every page: under --single-process (the packaged Chromium) a second context fails.
  const context = await browser.newContext();
  const newPage = async (width: number, height: number) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    return page;
  };
  try {
    for (const lang of ['en', 'fr'] as const) {
      const stop = new AbortController();
      const stdout = new PassThrough();
      let printed = '';
      stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
      const demo = runCli(['demo', '--lang', lang, '--serve', '--out', join(outDir, `demo-${lang}`)], {
        stdin: Readable.from([]),
        stdout,
        stderr: process.stderr,
        cwd: process.cwd(),
        signal: stop.signal,
      });
      const url = await new Promise<string>((done, fail) => {
        const timer = setInterval(() => {
          const match = /(https?:\/\/127\.0\.0\.1:\d+\/api\/dashboard\S*)/.exec(printed);
          if (match !== null) {
            clearInterval(timer);
            done(match[1]!);
          }
        }, 100);
        demo.then(
          () => fail(new Error(`demo ended before serving the dashboard:\n${printed}`)),
          (error: unknown) => fail(error as Error),
        );
      });
      try {
        const page = await newPage(1440, 900);
        await page.goto(url);
        await page.waitForSelector('#findings[data-state="ready"]');
        const desktop = join(outDir, `dashboard-desktop-${lang}.png`);
        await page.screenshot({ path: desktop });
        written.push(desktop);
        // The finding a notification's "Details" opens: its own page.
        await page.locator('#findings tbody tr a').nth(1).click();
        await page.waitForSelector('#details:not([hidden])');
        await page.waitForTimeout(300);
        const details = join(outDir, `dashboard-details-${lang}.png`);
        await page.screenshot({ path: details });
        written.push(details);
        await page.setViewportSize({ width: 390, height: 844 });
        await page.keyboard.press('Escape');
        await page.evaluate('window.scrollTo(0, 0)');
        const phone = join(outDir, `dashboard-phone-${lang}.png`);
        await page.screenshot({ path: phone });
        written.push(phone);
        await page.locator('#findings tbody tr a').first().click();
        await page.waitForSelector('#details:not([hidden])');
        await page.waitForTimeout(300);
        const phoneDetails = join(outDir, `dashboard-phone-details-${lang}.png`);
        await page.screenshot({ path: phoneDetails });
        written.push(phoneDetails);
        await page.close();

        const mail = await newPage(600, 900);
        await mail.goto(`file://${resolve(outDir, `demo-${lang}`, 'digest.html')}`);
        const digest = join(outDir, `digest-600-${lang}.png`);
        await mail.screenshot({ path: digest, fullPage: true });
        written.push(digest);
        await mail.close();
      } finally {
        stop.abort();
        await demo;
      }
    }
  } finally {
    await browser.close();
  }
  return written;
}

if (process.argv[1]?.endsWith('screenshots.js')) {
  const outDir = resolve(process.argv[2] ?? 'out');
  await mkdir(outDir, { recursive: true });
  const written = await screenshots(outDir);
  await writeFile(join(outDir, 'screenshots.txt'), `${written.join('\n')}\n`);
  console.log(`Screenshots written:\n${written.map((file) => `  ${file}`).join('\n')}`);
}

export { screenshots };
