import { UsageError, write, type CliIo } from './io.js';

export const USAGE = `Usage: backup-triage <command> [options]

Commands:
  triage [FILE…|-]   Classify and explain failed backup jobs; one enriched event per line (NDJSON)
                     on stdout, rejected inputs as NDJSON on stderr.
      --lang en|fr        language of the messages (default en)
      --render json|markdown
      --stats             one final JSON line of counters on stderr
      --azure-fixtures FILE  look the Azure state up in a replay of recorded answers
      --live              look it up in Azure (DefaultAzureCredential)
      --no-lookups        do not look anything up
  run [FILE…|-]        The Event Hub function's whole path: triage, lookups, store (Azurite in memory
                     unless STATE_STORAGE_CONNECTION_STRING), dedup, grouping, delivery or outbox.
      --webhook URL       where to post (https; http only to localhost); default WEBHOOK_URL
      --format generic|teams|slack|markdown   --secret whsec_…   --lang en|fr   --stats
      --azure-fixtures FILE | --live | --no-lookups
  digest [--date YYYY-MM-DD] [--out FILE] [--send] [--lang en|fr] [FILE…]
                     The daily digest of a UTC day (yesterday by default), from the store
                     (STATE_STORAGE_CONNECTION_STRING) or from event files run through the pipeline;
                     written as HTML (+ .txt) and/or sent by SMTP.
  send --namespace NS --hub H FILE…
                     Publish bodies to an event hub as a vault would (Entra ID sign-in: az login or a
                     managed identity; defaults: EventHubConnection__fullyQualifiedNamespace,
                     EVENTHUB_NAME). The smoke test after azd up.
  demo [--lang en|fr] [--serve]
                     Run everything over the bundled samples (npm start): findings, lookups,
                     notifications to a local webhook, out/digest.html, and the dashboard.
  help                 Show this text.

Exit status: 0 when the input was processed (even with rejections), 2 on usage errors.
`;

// Loaded on demand: `triage` should not pay for Azurite, SMTP or the dashboard at start.
const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  triage: async (argv, io) => (await import('./triageCommand.js')).triageCommand(argv, io),
  run: async (argv, io) => (await import('./runCommand.js')).runCommand(argv, io),
  digest: async (argv, io) => (await import('./digestCommand.js')).digestCommand(argv, io),
  demo: async (argv, io) => (await import('./demoCommand.js')).demoCommand(argv, io),
  send: async (argv, io) => (await import('./sendCommand.js')).sendCommand(argv, io),
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
    if (
      err.name === 'UsageError' ||
      err.name === 'ConfigurationError' ||
      (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      await write(io.stderr, `backup-triage ${name}: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

export { UsageError };
