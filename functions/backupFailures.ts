import { app, type InvocationContext } from '@azure/functions';

import { fromEventHubBatch } from '../src/adapters/fromEventHubBatch.js';
import { loadSettings } from '../src/config/settings.js';
import { BoundedMap } from '../src/pipeline/boundedMap.js';
import { triage } from '../src/pipeline/triage.js';

const settings = loadSettings(process.env);
/** CoreAzureBackup mappings outlive a batch: the mapping and the failure rarely arrive together. */
const mappings = new BoundedMap<string, string>(50_000);

/**
 * Event Hub trigger (`cardinality: 'many'`): one batch of vault diagnostic bodies through the
 * triage pipeline. Every body is accounted for in the summary line (`kind: stats`); rejected records
 * are logged whole, with their Event Hub coordinates, at warning level. Returns nothing: a return
 * value would be serialised back to the host for nothing.
 */
export async function backupFailures(messages: unknown[], context: InvocationContext): Promise<void> {
  const bodies = fromEventHubBatch(messages, context.triggerMetadata);
  const result = triage(bodies, { lang: settings.lang, thresholds: settings.thresholds, mappings });
  for (const event of result.events) {
    context.info(`${event.priority.level} ${event.summary.headline} | ${event.summary.firstAction.text}`);
  }
  for (const rejection of result.rejected) context.warn(JSON.stringify(rejection));
  context.info(JSON.stringify({ kind: 'stats', ...result.stats }));
}

app.eventHub('backupFailures', {
  connection: 'EventHubConnection',
  eventHubName: '%EVENTHUB_NAME%',
  consumerGroup: '%EVENTHUB_CONSUMER_GROUP%',
  cardinality: 'many',
  handler: backupFailures,
});
