import type { InputBody } from '../core/types.js';

/**
 * The Event Hub trigger's batch (`cardinality: 'many'`) as input bodies with their coordinates.
 * The host passes per-message metadata as parallel arrays (`sequenceNumberArray`, `offsetArray`,
 * `enqueuedTimeUtcArray`) and the partition in `partitionContext`; a missing or short array only
 * loses coordinates, never a message.
 */
export function fromEventHubBatch(
  messages: unknown,
  triggerMetadata: Record<string, unknown> | undefined,
): InputBody[] {
  const list: unknown[] = Array.isArray(messages) ? (messages as unknown[]) : [messages];
  const meta = triggerMetadata ?? {};
  const partitionContext = meta['partitionContext'];
  const partitionId =
    typeof partitionContext === 'object' && partitionContext !== null && 'partitionId' in partitionContext
      ? String(partitionContext.partitionId)
      : undefined;
  const sequences = arrayOf(meta['sequenceNumberArray']);
  const offsets = arrayOf(meta['offsetArray']);
  const enqueued = arrayOf(meta['enqueuedTimeUtcArray']);

  return list.map((body, index) => {
    const sequence = Number(sequences[index]);
    const offset = offsets[index];
    const enqueuedAt = toIso(enqueued[index]);
    return {
      body,
      origin: {
        bodyIndex: index,
        ...(partitionId !== undefined && { partitionId }),
        ...(sequences[index] !== undefined && Number.isSafeInteger(sequence) && { sequenceNumber: sequence }),
        ...((typeof offset === 'string' || typeof offset === 'number') && { offset: String(offset) }),
        ...(enqueuedAt !== undefined && { enqueuedAt }),
      },
    };
  });
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function toIso(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
