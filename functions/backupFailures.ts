import { app, type InvocationContext } from '@azure/functions';

import { openEventsPublisher } from '../src/adapters/eventHubPublisher.js';
import { fromEventHubBatch } from '../src/adapters/fromEventHubBatch.js';
import { createLiveLookups } from '../src/adapters/liveLookups.js';
import { sharedNotifications } from '../src/adapters/notificationRuntime.js';
import { eventHubRegions, loadSettings } from '../src/config/settings.js';
import { createBatchHandler, type BatchHandlerOptions } from '../src/pipeline/createBatchHandler.js';

/**
 * Event Hub trigger (`cardinality: 'many'`) for a handler of batches. Every body is accounted for
 * in the summary line (`kind: stats`); rejected records are stored and logged whole, with their
 * Event Hub coordinates. An error of the store itself is thrown, so the trigger's retry policy
 * runs the batch again: every step is idempotent.
 */
export function createBackupFailures(options: BatchHandlerOptions) {
  const handle = createBatchHandler(options);
  return async function backupFailures(messages: unknown[], context: InvocationContext): Promise<void> {
    // Logged a chunk at a time, once stored: a storm is never held whole.
    const { result, notified, published } = await handle(fromEventHubBatch(messages, context.triggerMetadata), {
      events: (events) => {
        for (const event of events)
          context.info(`${event.priority.level} ${event.summary.headline} | ${event.summary.firstAction.text}`);
      },
      rejected: (records) => {
        for (const rejection of records) context.warn(JSON.stringify(rejection));
      },
    });
    context.info(
      JSON.stringify({ kind: 'stats', ...result.stats, ...(notified !== undefined && { notifications: notified }) }),
    );
    if (published !== undefined && published.tooLarge > 0)
      context.warn(
        `${published.tooLarge} enriched event(s) too large for the output event hub: stored in the events table only.`,
      );
    if (notified !== undefined && notified.dead > 0)
      context.error(`${notified.dead} notification(s) dead-lettered: see the outbox table (status "dead").`);
    const problems = options.settings.notify.problems;
    if (problems !== undefined)
      context.error(
        `Webhook delivery is off: ${problems.join(' ')} Events are stored and ${notified?.pending ?? 0} message(s) of this batch wait in the outbox; once the setting is fixed, the redelivery timer sends them.`,
      );
  };
}

// Every setting, the host's too, checked as the app loads: a misconfigured app fails at start, naming each one;
// a wrong webhook or mail setting only turns delivery or the digest off (the functions that deliver say why).
const settings = loadSettings(process.env, 'all');
const eventsOutput = settings.eventsOutput;

/** The registered handler: lookups with the app's managed identity, state in its storage account. */
export const backupFailures = createBackupFailures({
  settings,
  ...(settings.lookups.enabled && { lookups: () => createLiveLookups(settings.lookups) }),
  ...(settings.notify.storage !== undefined && {
    notifications: async () => (await sharedNotifications(settings.notify)).options,
  }),
  ...(eventsOutput !== undefined && { publish: () => openEventsPublisher(eventsOutput) }),
});

// One trigger per region of the vaults (a vault streams only to an event hub in its region): the app's own
// namespace on EventHubConnection, each other on EventHubConnection_<region> (EVENTHUB_REGIONS). Same handler,
// same store: deduplication holds across regions.
const triggers: Array<[name: string, connection: string]> = [
  ['backupFailures', 'EventHubConnection'],
  ...eventHubRegions(process.env).map((region): [string, string] => [
    `backupFailures-${region}`,
    `EventHubConnection_${region}`,
  ]),
];
for (const [name, connection] of triggers) {
  app.eventHub(name, {
    connection,
    eventHubName: '%EVENTHUB_NAME%',
    consumerGroup: '%EVENTHUB_CONSUMER_GROUP%',
    cardinality: 'many',
    retry: {
      strategy: 'exponentialBackoff',
      maxRetryCount: 5,
      minimumInterval: { seconds: 10 },
      maximumInterval: { minutes: 5 },
    },
    handler: backupFailures,
  });
}
