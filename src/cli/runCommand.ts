import { parseArgs } from 'node:util';

import { openNotifications } from '../adapters/notificationRuntime.js';
import { startAzurite, type Azurite } from '../adapters/startAzurite.js';
import { describeTarget } from '../adapters/webhookSender.js';
import { loadSettings } from '../config/settings.js';
import { FORMATS, type Format } from '../core/render/renderNotification.js';
import { createBatchHandler } from '../pipeline/createBatchHandler.js';
import { UsageError, write, type CliIo } from './io.js';
import { openLookups } from './openLookups.js';
import { parseLang } from './options.js';
import { readInputs } from './readInputs.js';

/**
 * `run [FILE…]`: the Event Hub function's path from the command line (triage, lookups, store,
 * dedup, grouping, delivery or outbox) with local defaults: Azurite in memory unless
 * STATE_STORAGE_CONNECTION_STRING names a store.
 */
export async function runCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      webhook: { type: 'string' },
      format: { type: 'string' },
      secret: { type: 'string' },
      lang: { type: 'string' },
      'azure-fixtures': { type: 'string' },
      live: { type: 'boolean', default: false },
      'no-lookups': { type: 'boolean', default: false },
      stats: { type: 'boolean', default: false },
    },
  });
  const format = (values.format ?? env['WEBHOOK_FORMAT'] ?? 'generic') as Format;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  const settings = loadSettings({
    ...env,
    ...(values.webhook !== undefined && { WEBHOOK_URL: values.webhook }),
    ...(values.secret !== undefined && { WEBHOOK_SECRET: values.secret }),
    WEBHOOK_FORMAT: format,
    ...(values.lang !== undefined && { TRIAGE_LANG: parseLang(values.lang) }),
  });
  const bodies = await readInputs(positionals, io.stdin, io.cwd);
  let azurite: Azurite | undefined;
  const lookups = values['no-lookups']
    ? undefined
    : await openLookups(
        { ...(values['azure-fixtures'] !== undefined && { fixtures: values['azure-fixtures'] }), live: values.live },
        io.cwd,
        env,
      );
  try {
    if (settings.notify.storage === undefined) azurite = await startAzurite({ disableTelemetry: true });
    const runtime = await openNotifications(
      settings.notify,
      azurite !== undefined ? { connectionString: azurite.connectionString } : {},
    );
    const handle = createBatchHandler({
      settings,
      ...(lookups !== undefined && { lookups: async () => lookups.options }),
      notifications: async () => runtime.options,
    });
    const { result, notified } = await handle(bodies);
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
