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

/** Preview of an already-parsed value; circular or absurdly deep values degrade to a marker. */
export function previewValue(value: unknown, maxChars: number): RawPreview {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    text = `[unserializable value: ${name === 'RangeError' ? 'nested too deeply' : 'circular or invalid'}]`;
  }
  return previewText(text, maxChars);
}
