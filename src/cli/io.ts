import type { Readable, Writable } from 'node:stream';

/** The streams and folders a command uses; tests pass their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  /** Aborted when the process is asked to stop (SIGINT, SIGTERM): long-running commands end on it. */
  signal?: AbortSignal;
}

/** A usage mistake (an option, a value, an argument): printed on one line naming what was typed; exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * An expected failure of the work itself (the store is unreachable, the port is taken): printed on
 * one line that says what to do; exit 1. Anything else that escapes a command is a bug.
 */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}

/** Writes text, waiting when the stream is full; a closed pipe (`| head`) ends quietly. */
export async function write(stream: Writable, text: string): Promise<void> {
  if (text.length === 0 || stream.destroyed) return;
  const ok = stream.write(text);
  if (!ok && !stream.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  }
}

/** Writes one JSON value per line, in chunks, so a day of events does not build one giant string. */
export async function writeNdjson(stream: Writable, values: readonly unknown[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < values.length; i += CHUNK) {
    await write(
      stream,
      values
        .slice(i, i + CHUNK)
        .map((value) => `${JSON.stringify(value)}\n`)
        .join(''),
    );
  }
}
