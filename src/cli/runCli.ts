import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { formatCommandHelp, formatOverview, wantsHelp, type CommandSpec } from './commandLine.js';
import { describeFault } from './describeFault.js';
import { UsageError, write, type CliIo } from './io.js';
import { projectRoot } from './paths.js';
import { DEMO, DIGEST, RUN, SCAN, SEND, TRIAGE } from './specs.js';

interface Command {
  spec: CommandSpec;
  run: (argv: string[], io: CliIo) => Promise<number>;
}

// Loaded on demand: `triage` should not pay for Azurite, SMTP or the dashboard at start.
const COMMANDS: readonly Command[] = [
  { spec: TRIAGE, run: async (argv, io) => (await import('./triageCommand.js')).triageCommand(argv, io) },
  { spec: SCAN, run: async (argv, io) => (await import('./scanCommand.js')).scanCommand(argv, io) },
  { spec: RUN, run: async (argv, io) => (await import('./runCommand.js')).runCommand(argv, io) },
  { spec: DIGEST, run: async (argv, io) => (await import('./digestCommand.js')).digestCommand(argv, io) },
  { spec: SEND, run: async (argv, io) => (await import('./sendCommand.js')).sendCommand(argv, io) },
  { spec: DEMO, run: async (argv, io) => (await import('./demoCommand.js')).demoCommand(argv, io) },
];

/** The package's version, as `--version` prints it. */
export async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const overview = async () =>
  formatOverview(
    COMMANDS.map((command) => command.spec),
    await version(),
  );

/**
 * Runs one command line; returns the exit status instead of exiting, so tests can call it.
 * `<command> --help` and `help <command>` print that command's options (exit 0); a usage or
 * configuration mistake prints one line per problem naming what was typed (exit 2); an expected
 * fault (store unreachable, port in use) prints one line saying what to do (exit 1). Only a bug
 * shows a stack trace.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    await write(io.stdout, `backup-triage ${await version()}\n`);
    return 0;
  }
  if (name === undefined) {
    await write(io.stderr, await overview());
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    if (topic === undefined) {
      await write(io.stdout, await overview());
      return 0;
    }
    const command = COMMANDS.find((c) => c.spec.name === topic);
    if (command === undefined) return unknownCommand(topic, io);
    await write(io.stdout, formatCommandHelp(command.spec));
    return 0;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (command === undefined) return unknownCommand(name, io);
  if (wantsHelp(rest)) {
    await write(io.stdout, formatCommandHelp(command.spec));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const fault = describeFault(error);
    if (fault === undefined) throw error;
    await write(io.stderr, fault.lines.map((line) => `backup-triage ${name}: ${line}\n`).join(''));
    return fault.status;
  }
}

async function unknownCommand(name: string, io: CliIo): Promise<number> {
  const names = COMMANDS.map((c) => c.spec.name);
  await write(
    io.stderr,
    `backup-triage: unknown command "${name}": the commands are ${names.join(', ')} ("backup-triage --help" says what each does)\n`,
  );
  return 2;
}

export { UsageError };
