import type { TokenCredential } from '@azure/core-auth';
import type { EventData, EventHubProducerClient, OperationOptions } from '@azure/event-hubs';

import type { EnrichedEvent } from '../core/types.js';

/** The part of the producer we use: tests give a fake with the SDK's own types. */
export type EventsProducer = Pick<EventHubProducerClient, 'createBatch' | 'sendBatch'>;

export interface SendOutcome {
  sent: number;
  batches: number;
  /** Indexes of events larger than the hub accepts in one message: reported, never sent, never blocking. */
  tooLarge: number[];
}

/**
 * Sends events in order, in as few batches as the hub's message size allows. One oversized event
 * is reported instead of thrown so it cannot hold back the others; a failing send throws (the
 * caller's batch is then retried, and readers deduplicate by `messageId`).
 */
export async function sendInBatches(
  producer: EventsProducer,
  events: readonly EventData[],
  options: OperationOptions = {},
): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, batches: 0, tooLarge: [] };
  if (events.length === 0) return outcome;
  let batch = await producer.createBatch(options);
  for (const [index, event] of events.entries()) {
    if (batch.tryAdd(event)) continue;
    if (batch.count === 0) {
      outcome.tooLarge.push(index);
      continue;
    }
    // Tried on a fresh batch first: an event that fits no batch must not cut the current one short.
    const next = await producer.createBatch(options);
    if (!next.tryAdd(event)) {
      outcome.tooLarge.push(index);
      continue;
    }
    await producer.sendBatch(batch, options);
    outcome.sent += batch.count;
    outcome.batches += 1;
    batch = next;
  }
  if (batch.count > 0) {
    await producer.sendBatch(batch, options);
    outcome.sent += batch.count;
    outcome.batches += 1;
  }
  return outcome;
}

/** An enriched event as an Event Hubs message: JSON body, its job id as message id, filterable properties. */
export function toEventData(event: EnrichedEvent): EventData {
  return {
    body: event,
    contentType: 'application/json',
    messageId: event.id,
    properties: {
      schemaVersion: event.schemaVersion,
      priority: event.priority.level,
      code: event.classification.code,
      vaultName: event.job.vaultName ?? '',
    },
  };
}

/** Publishes enriched events (the optional fan-out to a second hub). */
export type PublishEvents = (events: readonly EnrichedEvent[]) => Promise<SendOutcome>;

/** A producer that can also be closed (the CLI's, which ends with the command). */
export type ClosableProducer = EventsProducer & { close(): Promise<void> };

/**
 * A producer on `<namespace>.servicebus.windows.net`, authenticated with Entra ID (managed identity
 * in Azure, `az login` on a workstation): never a connection string. The SDK loads on first use.
 */
export async function openProducer(
  namespaceHost: string,
  eventHubName: string,
  credential?: TokenCredential,
): Promise<ClosableProducer> {
  const { EventHubProducerClient } = await import('@azure/event-hubs');
  return new EventHubProducerClient(
    namespaceHost,
    eventHubName,
    credential ?? new (await import('@azure/identity')).DefaultAzureCredential(),
  );
}

/** The fan-out producer, with the app's managed identity; the SDK is loaded only when enabled. */
export async function openEventsPublisher(
  output: { namespace: string; eventHubName: string },
  credential?: TokenCredential,
): Promise<PublishEvents> {
  const producer = await openProducer(output.namespace, output.eventHubName, credential);
  return (events) => sendInBatches(producer, events.map(toEventData));
}
