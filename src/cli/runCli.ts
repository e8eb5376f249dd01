import { demoCommand } from './demoCommand.js';
import { UsageError, write, type CliIo } from './io.js';
import { triageCommand } from './triageCommand.js';

export const USAGE = `Usage: backup-triage <command> [options]

Commands:
  triage [FILE…|-]   Classify and explain failed backup jobs; one enriched event per line (NDJSON)
                     on stdout, rejected inputs as NDJSON on stderr.
      --lang en|fr        language of the messages (default en)
      --render json|markdown
      --stats             one final JSON line of counters on stderr
      --no-lookups        do not query Azure (the default until lookups are configured)
  demo [--lang en|fr]  Run the pipeline over the bundled samples and print the findings (npm start).
  help                 Show this text.

Exit status: 0 when the input was processed (even with rejections), 2 on usage errors.
`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  triage: triageCommand,
  demo: demoCommand,
};

/** Runs one command line; returns the exit status instead of exiting, so tests can call it. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    await write(name === undefined ? io.stderr : io.stdout, USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    await write(io.stderr, `backup-triage: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    const err = error as Error;
    if (err.name === 'UsageError' || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      await write(io.stderr, `backup-triage ${name}: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

export { UsageError };
