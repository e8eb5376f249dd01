#!/usr/bin/env node
import { stopStartedAzurites } from '../adapters/startAzurite.js';
import { runCli } from './runCli.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Ctrl-C or a service manager's SIGTERM: tell the command, stop the children (Azurite), then exit
// with the conventional status (128 + the signal's number).
const stop = new AbortController();
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
] as const) {
  process.once(signal, () => {
    stop.abort(signal);
    void stopStartedAzurites().finally(() => process.exit(128 + number));
  });
}

const status = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  signal: stop.signal,
});
process.exitCode = status;
