import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { generateRecords } from '../bench/generateRecords.js';
import { LANGS } from '../src/core/types.js';
import { triage } from '../src/pipeline/triage.js';

/** The DEFLATE window: a dictionary longer than this is not used beyond its last 32 KiB. */
const WINDOW = 32_768;

/** The last `WINDOW` bytes of a text, cut on a character boundary. */
function lastWindow(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let start = Math.max(0, bytes.length - WINDOW);
  while (start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start += 1;
  return bytes.subarray(start).toString('utf8');
}

/**
 * The preset dictionaries stored events are compressed with: per language, one of each catalog
 * code (an enriched event of that code, as JSON: its causes, steps and commands are what the
 * code's events repeat) and one for anything else (events of every code, the last 32 KiB).
 */
export function buildEventDictionaries(): { keys: string[]; texts: string[] } {
  const keys: string[] = [];
  const texts: string[] = [];
  const input = generateRecords(4_000, { failureRate: 1 });
  for (const lang of LANGS) {
    const { events } = triage(
      input.bodies.map((body, bodyIndex) => ({ body, origin: { bodyIndex } })),
      { lang, now: () => new Date('2026-01-01T00:00:00Z') },
    );
    const byCode = new Map<string, string>();
    for (const event of events)
      if (!byCode.has(event.classification.code)) byCode.set(event.classification.code, JSON.stringify(event));
    keys.push(`${lang}:*`);
    texts.push(lastWindow([...byCode.values()].join('')));
    for (const [code, json] of byCode) {
      keys.push(`${lang}:${code.toLowerCase()}`);
      texts.push(lastWindow(json));
    }
  }
  return { keys, texts };
}

if (process.argv[1]?.endsWith('buildEventDictionary.js')) {
  const version = process.argv[2] ?? 'v1';
  const file = new URL(`../../src/adapters/eventDictionary.${version}.ts`, import.meta.url);
  const packed = gzipSync(JSON.stringify(buildEventDictionaries()), { level: 9 }).toString('base64');
  writeFileSync(
    file,
    [
      `/**`,
      ` * Preset DEFLATE dictionaries of stored events, ${version} (gzip of {keys, texts}, base64): generated once by`,
      ` * scripts/buildEventDictionary.ts and never changed, since rows name the dictionary they were written with.`,
      ` */`,
      `export const EVENT_DICTIONARIES_${version.toUpperCase()} =`,
      `  '${packed}';`,
      '',
    ].join('\n'),
  );
  console.log(`${file.pathname} written (${packed.length} characters)`);
}
