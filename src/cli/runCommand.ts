import { startAzurite, type Azurite } from '../adapters/startAzurite.js';
import { describeTarget } from '../adapters/webhookSender.js';
import { createBatchHandler } from '../pipeline/createBatchHandler.js';
import { parseCommandLine } from './commandLine.js';
import { write, type CliIo } from './io.js';
import { openLookupsFromFlags } from './openLookups.js';
import { openStore } from './openStore.js';
import { readInputs } from './readInputs.js';
import { settingsWithFlags } from './settingsWithFlags.js';
import { RUN } from './specs.js';

/**
 * `run [FILE…]`: the Event Hub function's path from the command line (triage, lookups, store,
 * dedup, grouping, delivery or outbox) with local defaults: Azurite in memory unless
 * STATE_STORAGE_CONNECTION_STRING names a store.
 */
export async function runCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseCommandLine(RUN, argv);
  const settings = settingsWithFlags(env, [
    { flag: '--webhook', setting: 'WEBHOOK_URL', value: values.webhook },
    { flag: '--secret', setting: 'WEBHOOK_SECRET', value: values.secret },
    { flag: '--format', setting: 'WEBHOOK_FORMAT', value: values.format },
    { flag: '--shell', setting: 'NOTIFY_SHELL', value: values.shell },
    { flag: '--lang', setting: 'TRIAGE_LANG', value: values.lang },
  ]);
  const bodies = await readInputs(positionals, io.stdin, io.cwd);
  let azurite: Azurite | undefined;
  const lookups = await openLookupsFromFlags(values, io.cwd, env);
  try {
    if (settings.notify.storage === undefined) azurite = await startAzurite({ disableTelemetry: true });
    const runtime = await openStore(settings.notify, azurite);
    const handle = createBatchHandler({
      settings,
      ...(lookups !== undefined && { lookups: async () => lookups.options }),
      notifications: async () => runtime.options,
    });
    // The summary line is all `run` prints: the events stay in the store, a chunk at a time.
    const { result, notified } = await handle(bodies, {});
    const n = notified!;
    await write(
      io.stdout,
      `${result.stats.findings} findings, ${result.stats.resolutions} resolutions, ${result.stats.rejected.total} rejected → ` +
        `${n.messages.new} new, ${n.messages.update} update, ${n.messages.resolved} resolved, ${n.messages.group} group message(s); ${n.quiet} quiet, ${n.duplicates} already seen. ` +
        `${settings.notify.webhook !== undefined ? `Delivered to ${describeTarget(settings.notify.webhook)}: ${n.delivered}; waiting in the outbox: ${n.pending}; dead-lettered: ${n.dead}.` : `No webhook: ${n.pending} message(s) wait in the outbox.`}\n`,
    );
    if (values.stats)
      await write(
        io.stderr,
        `${JSON.stringify({ kind: 'stats', ...result.stats, notifications: n, tableOperations: runtime.store.operations })}\n`,
      );
    return 0;
  } finally {
    await lookups?.close();
    await azurite?.stop();
  }
}
