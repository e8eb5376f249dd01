/** A bounded text copy of an input for a rejected record: never throws, never grows unbounded. */
export interface RawPreview {
  raw: string;
  rawBytes: number;
  rawTruncated: boolean;
}

/** Preview of text we already hold: the cheap and faithful case. */
export function previewText(text: string, maxChars: number, rawBytes?: number): RawPreview {
  const truncated = text.length > maxChars;
  return {
    raw: truncated ? text.slice(0, maxChars) : text,
    rawBytes: rawBytes ?? Buffer.byteLength(text, 'utf8'),
    rawTruncated: truncated,
  };
}

/** Preview of bytes that are not valid UTF-8: base64 keeps them exact. */
export function previewBytes(bytes: Uint8Array, maxChars: number): RawPreview {
  const keep = Math.floor((maxChars / 4) * 3);
  const slice = bytes.subarray(0, keep);
  return {
    raw: `base64:${Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength).toString('base64')}`,
    rawBytes: bytes.byteLength,
    rawTruncated: bytes.byteLength > keep,
  };
}

/**
 * Preview of an already-parsed value (a body the host parsed, a record of an envelope): its JSON,
 * as `JSON.stringify` would write it, kept up to `maxChars`, and its full size in UTF-8 bytes.
 * Written without recursion, so a value nested 100,000 levels deep still keeps its raw text and
 * its true size; only a value that has no JSON (a cycle, a BigInt) ends with a marker at that
 * point, its size counted up to there.
 */
export function previewValue(value: unknown, maxChars: number): RawPreview {
  const out = new JsonPreview(maxChars);
  try {
    writeJson(value, out);
  } catch (error) {
    out.mark(error instanceof Error && error.name === 'CycleError' ? 'circular value' : 'value without JSON form');
  }
  return out.result();
}

/** The text kept so far, and the bytes of everything written. */
class JsonPreview {
  #parts: string[] = [];
  #chars = 0;
  #bytes = 0;
  #marker: string | undefined;

  constructor(readonly maxChars: number) {}

  write(token: string): void {
    this.#bytes += Buffer.byteLength(token, 'utf8');
    if (this.#chars < this.maxChars) {
      const kept = token.slice(0, this.maxChars - this.#chars);
      this.#parts.push(kept);
      this.#chars += kept.length;
    }
  }

  mark(reason: string): void {
    this.#marker = `[unserializable: ${reason}]`;
  }

  result(): RawPreview {
    const text = this.#parts.join('');
    if (this.#marker !== undefined) {
      const raw = `${text.slice(0, Math.max(0, this.maxChars - this.#marker.length))}${this.#marker}`;
      return { raw, rawBytes: this.#bytes, rawTruncated: true };
    }
    return { raw: text, rawBytes: this.#bytes, rawTruncated: this.#bytes > Buffer.byteLength(text, 'utf8') };
  }
}

type Frame =
  | { kind: 'array'; items: readonly unknown[]; index: number; owner: object }
  | { kind: 'object'; entries: Array<[string, unknown]>; index: number; first: boolean; owner: object };

/** `JSON.stringify(value)` written token by token with an explicit stack (same rules: toJSON, omitted keys). */
function writeJson(root: unknown, out: JsonPreview): void {
  const ancestors = new Set<object>();
  const stack: Frame[] = [];
  const open = (v: unknown, inArray: boolean): void => {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return out.write('null');
    if (typeof v === 'bigint') throw new TypeError('BigInt has no JSON form');
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return out.write(JSON.stringify(v));
    if (typeof v !== 'object') return out.write(inArray ? 'null' : '');
    if (ancestors.has(v)) throw Object.assign(new Error('circular value'), { name: 'CycleError' });
    ancestors.add(v);
    if (Array.isArray(v)) {
      out.write('[');
      stack.push({ kind: 'array', items: v, index: 0, owner: v });
    } else {
      out.write('{');
      stack.push({ kind: 'object', entries: Object.entries(v), index: 0, first: true, owner: v });
    }
  };
  open(jsonValue(root), false);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.kind === 'array') {
      if (frame.index >= frame.items.length) {
        out.write(']');
        ancestors.delete(frame.owner);
        stack.pop();
        continue;
      }
      if (frame.index > 0) out.write(',');
      const item = jsonValue(frame.items[frame.index]);
      frame.index += 1;
      open(omitted(item) ? null : item, true);
      continue;
    }
    if (frame.index >= frame.entries.length) {
      out.write('}');
      ancestors.delete(frame.owner);
      stack.pop();
      continue;
    }
    const [key, raw] = frame.entries[frame.index]!;
    const item = jsonValue(raw);
    frame.index += 1;
    if (omitted(item)) continue;
    out.write(`${frame.first ? '' : ','}${JSON.stringify(key)}:`);
    frame.first = false;
    open(item, false);
  }
}

/** A value as JSON sees it: through its `toJSON` (dates, buffers). */
function jsonValue(value: unknown): unknown {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON: () => unknown }).toJSON()
    : value;
}

/** What JSON leaves out of an object (and writes `null` for in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
