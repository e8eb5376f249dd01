import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { screenshots } from '../../scripts/screenshots.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('npm run screenshots', () => {
  it('writes the dashboard (desktop, phone, details) and the 600 px digest, in English and French', async () => {
    const out = mkdtempSync(join(tmpdir(), 'screenshots-'));
    const files = await screenshots(out);
    const sizes = Object.fromEntries(files.map((file) => [basename(file), pngSize(file)]));
    for (const lang of ['en', 'fr']) {
      expect(sizes[`dashboard-desktop-${lang}.png`]).toEqual({ width: 1440, height: 900 });
      expect(sizes[`dashboard-details-${lang}.png`]).toEqual({ width: 1440, height: 900 });
      expect(sizes[`dashboard-phone-${lang}.png`]).toEqual({ width: 390, height: 844 });
      expect(sizes[`dashboard-phone-details-${lang}.png`]).toEqual({ width: 390, height: 844 });
      // The whole digest, as tall as it is, never wider than the pane.
      expect(sizes[`digest-600-${lang}.png`]!.width).toBe(600);
      expect(sizes[`digest-600-${lang}.png`]!.height).toBeGreaterThan(900);
    }
  }, 120_000);
});
