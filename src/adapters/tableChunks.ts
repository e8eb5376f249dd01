/** A Table property holds at most 64 KiB (32K UTF-16 characters): long JSON is split across properties. */
const CHUNK = 30_000;
const MAX_CHUNKS = 15;

export function toChunks(prefix: string, json: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i * CHUNK < json.length && i < MAX_CHUNKS; i += 1)
    out[`${prefix}${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return out;
}

export function fromChunks(prefix: string, entity: Record<string, unknown>): string {
  let json = '';
  for (let i = 0; i < MAX_CHUNKS; i += 1) {
    const part = entity[`${prefix}${i}`];
    if (typeof part !== 'string') break;
    json += part;
  }
  return json;
}
