import { PassThrough, Readable } from 'node:stream';

import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/runCli.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Real streams for a command run in-process, and what was written to them. */
export function captureIo(
  stdin = '',
  cwd = process.cwd(),
): { io: CliIo; output: () => { stdout: string; stderr: string } } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return {
    io: { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, cwd },
    output: () => ({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
  };
}

/** Runs the CLI in-process with real streams, as a shell would, and collects its output. */
export async function cli(args: string[], stdin = '', cwd = process.cwd()): Promise<CliRun> {
  const { io, output } = captureIo(stdin, cwd);
  const status = await runCli(args, io);
  return { status, ...output() };
}

export const lines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
