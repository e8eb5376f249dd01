import { app, type InvocationContext } from '@azure/functions';

import { fromEventHubBatch } from '../src/adapters/fromEventHubBatch.js';
import { createLiveLookups } from '../src/adapters/liveLookups.js';
import { loadSettings } from '../src/config/settings.js';
import { createBatchHandler, type BatchHandlerOptions } from '../src/pipeline/createBatchHandler.js';

/**
 * Event Hub trigger (`cardinality: 'many'`) for a handler of batches. Every body is accounted for
 * in the summary line (`kind: stats`); rejected records are logged whole, with their Event Hub
 * coordinates, at warning level. Returns nothing: a return value would be sent back to the host.
 */
export function createBackupFailures(options: BatchHandlerOptions) {
  const handle = createBatchHandler(options);
  return async function backupFailures(messages: unknown[], context: InvocationContext): Promise<void> {
    const result = await handle(fromEventHubBatch(messages, context.triggerMetadata));
    for (const event of result.events) {
      context.info(`${event.priority.level} ${event.summary.headline} | ${event.summary.firstAction.text}`);
    }
    for (const rejection of result.rejected) context.warn(JSON.stringify(rejection));
    context.info(JSON.stringify({ kind: 'stats', ...result.stats }));
  };
}

const settings = loadSettings(process.env);

/** The registered handler: lookups with the app's managed identity unless LOOKUPS_ENABLED=false. */
export const backupFailures = createBackupFailures({
  settings,
  ...(settings.lookups.enabled && { lookups: () => createLiveLookups(settings.lookups) }),
});

app.eventHub('backupFailures', {
  connection: 'EventHubConnection',
  eventHubName: '%EVENTHUB_NAME%',
  consumerGroup: '%EVENTHUB_CONSUMER_GROUP%',
  cardinality: 'many',
  handler: backupFailures,
});
