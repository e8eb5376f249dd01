import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';

import type { InputBody } from '../core/types.js';
import { UsageError } from './io.js';

/**
 * Reads the CLI's inputs as Event Hub bodies. A file holding one JSON document is one body; a file
 * of JSON lines (NDJSON, one body per line, as `az eventhubs` captures and log exports produce)
 * is one body per line, in UTF-8 or in the UTF-16 Windows PowerShell writes. Bodies stay bytes:
 * decoding, and its errors, belong to the pipeline.
 */
export async function readInputs(args: readonly string[], stdin: Readable, cwd: string): Promise<InputBody[]> {
  const sources = args.length === 0 ? ['-'] : args;
  const bodies: InputBody[] = [];
  for (const source of sources) {
    const name = source === '-' ? '<stdin>' : source;
    const bytes = source === '-' ? await readAll(stdin) : await readFileOrUsage(resolve(cwd, source), source);
    for (const { body, line } of splitBodies(toUtf8(bytes))) {
      bodies.push({ body, origin: { bodyIndex: bodies.length, file: name, ...(line !== undefined && { line }) } });
    }
  }
  return bodies;
}

/**
 * Windows PowerShell writes text files in UTF-16 (`Out-File`, `>`): with a byte order mark, or,
 * for some tools, without one. They are turned into UTF-8 before the lines are split, since a line
 * feed is two bytes there. A file that is not valid UTF-16 is left as it is, for the pipeline to
 * reject with its reason.
 */
export function toUtf8(bytes: Buffer): Buffer {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  const bareLe =
    !le && !be && bytes.length >= 4 && bytes.length % 2 === 0 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0;
  if (!le && !be && !bareLe) return bytes;
  try {
    const text = new TextDecoder(be ? 'utf-16be' : 'utf-16le', { fatal: true, ignoreBOM: false }).decode(bytes);
    return Buffer.from(text, 'utf8');
  } catch {
    return bytes;
  }
}

async function readFileOrUsage(path: string, shown: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** NDJSON when there are several non-empty lines and the first one is a JSON document by itself. */
export function splitBodies(bytes: Buffer): Array<{ body: Buffer; line?: number }> {
  const lines: Array<{ start: number; end: number; line: number }> = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      let end = i;
      if (end > start && bytes[end - 1] === 0x0d) end -= 1;
      if (bytes.subarray(start, end).toString('latin1').trim() !== '') lines.push({ start, end, line });
      start = i + 1;
      line += 1;
    }
  }
  const first = lines[0];
  if (lines.length > 1 && first !== undefined && isJsonDocument(bytes.subarray(first.start, first.end))) {
    return lines.map(({ start: s, end, line: n }) => ({ body: bytes.subarray(s, end), line: n }));
  }
  return [{ body: bytes }];
}

function isJsonDocument(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
