import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

import type { InputLimits } from './limits.js';
import { previewBytes, previewText, previewValue, type RawPreview } from './rawPreview.js';
import type { RejectionReason } from '../types.js';

/** A body turned into a JSON value, or the reason it could not be. */
export type DecodeResult =
  | { ok: true; value: unknown; text: string | undefined }
  | { ok: false; reason: RejectionReason; detail: string; preview: RawPreview };

const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

/**
 * Event Hub bodies arrive as objects (the host parsed JSON), strings, or bytes. All three become a
 * JSON value here, with size limits checked before any parsing so a 1 GB body costs nothing.
 */
export function decodeBody(body: unknown, limits: InputLimits): DecodeResult {
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : body;
    return decodeBytes(bytes, limits);
  }
  if (typeof body === 'string') return decodeText(body, limits, undefined);
  if (body === undefined || body === null) {
    return {
      ok: false,
      reason: 'empty_body',
      detail: 'The message has no body.',
      preview: previewText(String(body), limits.maxRawChars),
    };
  }
  if (typeof body === 'object') return { ok: true, value: body, text: undefined };
  return {
    ok: false,
    reason: 'unsupported_type',
    detail: `A ${typeof body} body is not an Azure Backup event: expected JSON text, bytes or an object.`,
    preview: previewValue(body, limits.maxRawChars),
  };
}

function decodeBytes(bytes: Uint8Array, limits: InputLimits): DecodeResult {
  if (bytes.byteLength > limits.maxBodyBytes)
    return tooLarge(bytes.byteLength, limits, previewBytes(bytes.subarray(0, limits.maxRawChars), limits.maxRawChars));
  let text: string;
  try {
    const utf16 =
      bytes[0] === 0xff && bytes[1] === 0xfe ? utf16le : bytes[0] === 0xfe && bytes[1] === 0xff ? utf16be : undefined;
    if (utf16 !== undefined) text = utf16.decode(bytes);
    else if (isUtf8(bytes)) text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    else throw new TypeError('invalid UTF-8');
  } catch {
    return {
      ok: false,
      reason: 'invalid_utf8',
      detail: 'The body is not valid UTF-8 text; check the sender’s encoding (the raw bytes are kept in base64).',
      preview: previewBytes(bytes, limits.maxRawChars),
    };
  }
  return decodeText(text, limits, bytes.byteLength);
}

function decodeText(input: string, limits: InputLimits, byteLength: number | undefined): DecodeResult {
  if (byteLength === undefined && input.length * 3 > limits.maxBodyBytes) {
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > limits.maxBodyBytes)
      return tooLarge(bytes, limits, previewText(input.slice(0, limits.maxRawChars), limits.maxRawChars, bytes));
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') {
    return {
      ok: false,
      reason: 'empty_body',
      detail: 'The body is empty or only whitespace.',
      preview: previewText(text, limits.maxRawChars, byteLength),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: 'invalid_json',
      detail: `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}); it may be truncated.`,
      preview: previewText(text, limits.maxRawChars, byteLength),
    };
  }
  // Some senders JSON-encode an already JSON-encoded body: unwrap exactly one level.
  if (typeof value === 'string') {
    const inner = value.trimStart();
    if (inner.startsWith('{') || inner.startsWith('[')) {
      try {
        value = JSON.parse(inner);
      } catch {
        // Keep the string: the shape check rejects it with the body preserved.
      }
    }
  }
  return { ok: true, value, text };
}

function tooLarge(bytes: number, limits: InputLimits, preview: RawPreview): DecodeResult {
  return {
    ok: false,
    reason: 'too_large',
    detail: `The body is ${bytes} bytes, over the ${limits.maxBodyBytes}-byte limit; split it at the sender.`,
    preview: { ...preview, rawBytes: bytes, rawTruncated: true },
  };
}
