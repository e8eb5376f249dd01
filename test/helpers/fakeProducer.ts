import {
  MessagingError,
  type CreateBatchOptions,
  type EventData,
  type EventDataBatch,
  type OperationOptions,
} from '@azure/event-hubs';

import type { EventsProducer } from '../../src/adapters/eventHubPublisher.js';

type Message = Parameters<EventDataBatch['tryAdd']>[0];

/** Per-message overhead of the AMQP envelope (header, properties, section descriptors), about what the SDK counts. */
const ENVELOPE_BYTES = 64;

function sizeOf(event: Message): number {
  const body = 'body' in event ? event.body : undefined;
  const bytes =
    Buffer.isBuffer(body) || body instanceof Uint8Array
      ? body.byteLength
      : Buffer.byteLength(JSON.stringify(body) ?? '');
  const properties =
    'properties' in event && event.properties !== undefined ? Buffer.byteLength(JSON.stringify(event.properties)) : 0;
  return ENVELOPE_BYTES + bytes + properties;
}

/** An Event Hubs batch with the SDK's contract: `tryAdd` refuses what would exceed `maxSizeInBytes`. */
class FakeBatch implements EventDataBatch {
  readonly events: Array<Message> = [];
  sizeInBytes = 0;
  constructor(
    readonly maxSizeInBytes: number,
    readonly partitionKey?: string,
    readonly partitionId?: string,
  ) {}
  get count(): number {
    return this.events.length;
  }
  tryAdd(event: Message): boolean {
    const size = sizeOf(event);
    if (this.sizeInBytes + size > this.maxSizeInBytes) return false;
    this.events.push(event);
    this.sizeInBytes += size;
    return true;
  }
}

/**
 * The producer's interface over an in-memory hub: what `sendBatch` receives is what a consumer
 * would read. `failSends` makes the next sends throw as the SDK does when the service refuses.
 */
export class FakeProducer implements EventsProducer {
  readonly sent: Array<Message> = [];
  readonly batches: FakeBatch[] = [];
  failSends = 0;
  constructor(private readonly maxSizeInBytes = 1_048_576) {}

  async createBatch(options: CreateBatchOptions = {}): Promise<EventDataBatch> {
    if (options.abortSignal?.aborted) throw new Error('The operation was aborted.');
    return new FakeBatch(
      Math.min(options.maxSizeInBytes ?? this.maxSizeInBytes, this.maxSizeInBytes),
      options.partitionKey,
      options.partitionId,
    );
  }

  async sendBatch(batch: EventDataBatch | EventData[] | Message[], _options?: OperationOptions): Promise<void> {
    if (this.failSends > 0) {
      this.failSends -= 1;
      const error = new MessagingError('The service was unable to process the request; please retry the operation.');
      error.code = 'ServerBusyError';
      error.retryable = true;
      throw error;
    }
    if (!(batch instanceof FakeBatch)) throw new TypeError('sendBatch was given a batch this producer did not create');
    this.batches.push(batch);
    this.sent.push(...batch.events);
  }
}
