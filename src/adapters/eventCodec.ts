import { deflateRawSync, gunzipSync, inflateRawSync } from 'node:zlib';

import type { EnrichedEvent } from '../core/types.js';
import { EVENT_DICTIONARIES_V1 } from './eventDictionary.v1.js';
import { fromChunks } from './tableChunks.js';

/** A binary property holds at most 64 KiB: a compressed event is split across `z0`, `z1`, … */
const PART = 60_000;
const MAX_PARTS = 15;
const VERSION = 'v1';

interface Dictionaries {
  byKey: Map<string, number>;
  buffers: Buffer[];
}

let v1: Dictionaries | undefined;

/** An event is stored twice (its row, and its finding's last event): it is compressed once. */
const compressed = new WeakMap<EnrichedEvent, { index: number; data: Buffer }>();

/** The v1 dictionaries, unpacked the first time an event is stored or read. */
function dictionaries(): Dictionaries {
  if (v1 === undefined) {
    const { keys, texts } = JSON.parse(gunzipSync(Buffer.from(EVENT_DICTIONARIES_V1, 'base64')).toString('utf8')) as {
      keys: string[];
      texts: string[];
    };
    v1 = { byKey: new Map(keys.map((key, index) => [key, index])), buffers: texts.map((text) => Buffer.from(text)) };
  }
  return v1;
}

/**
 * An enriched event as stored: its JSON, raw DEFLATE with a preset dictionary — an event of the
 * same code and language (its causes, steps and commands are what events of that code repeat), or
 * one for any code — in binary properties: a few hundred bytes instead of 10 to 25 KB. `<prefix>c`
 * names the dictionary (`v1:<index>`); dictionaries are versioned and never change, so every row
 * stays readable.
 */
export function toStoredEvent(prefix: string, event: EnrichedEvent): Record<string, string | Uint8Array> {
  let done = compressed.get(event);
  if (done === undefined) {
    const { byKey, buffers } = dictionaries();
    const lang = event.lang === 'fr' ? 'fr' : 'en';
    const index = byKey.get(`${lang}:${event.classification.code.toLowerCase()}`) ?? byKey.get(`${lang}:*`)!;
    const data = deflateRawSync(Buffer.from(JSON.stringify(event), 'utf8'), { level: 6, dictionary: buffers[index]! });
    compressed.set(event, (done = { index, data }));
  }
  const { index, data } = done;
  const out: Record<string, string | Uint8Array> = { [`${prefix}c`]: `${VERSION}:${index}` };
  // Each part in a buffer of its own: the Table client sends a view's whole underlying buffer.
  for (let i = 0; i * PART < data.length && i < MAX_PARTS; i += 1)
    out[`${prefix}${i}`] = Uint8Array.prototype.slice.call(data, i * PART, (i + 1) * PART);
  return out;
}

/**
 * The event of a stored row: compressed (`<prefix>c` names the dictionary) or, in rows written
 * before compression, JSON split across `<legacy>0`, `<legacy>1`, …
 */
export function fromStoredEvent(prefix: string, legacy: string, entity: Record<string, unknown>): EnrichedEvent {
  const codec = entity[`${prefix}c`];
  if (typeof codec !== 'string') return JSON.parse(fromChunks(legacy, entity)) as EnrichedEvent;
  const [version, index] = codec.split(':');
  const dictionary = version === VERSION ? dictionaries().buffers[Number(index)] : undefined;
  if (dictionary === undefined) throw new Error(`stored event in an unknown format "${codec}": upgrade to read it`);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < MAX_PARTS; i += 1) {
    const part = entity[`${prefix}${i}`];
    if (!(part instanceof Uint8Array)) break;
    parts.push(part);
  }
  return JSON.parse(inflateRawSync(Buffer.concat(parts), { dictionary }).toString('utf8')) as EnrichedEvent;
}
