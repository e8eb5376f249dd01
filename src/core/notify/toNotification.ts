import type { EnrichedEvent } from '../types.js';
import { messageId } from './findingKeys.js';
import type { FindingState, Notification } from './types.js';

/**
 * Message ids come from the decision, not from the job that triggered it: two instances (or a
 * redelivery) taking the same decision about the same finding produce the same id, and the
 * outbox keeps one.
 */
export const notificationIds = {
  new: (state: FindingState, previousResolvedAt: string | null) =>
    messageId('new', state.partitionKey, state.rowKey, previousResolvedAt ?? 'first'),
  escalation: (state: FindingState, from: string, to: string) =>
    messageId('update', state.partitionKey, state.rowKey, state.firstFailedAt, from, to),
  reminder: (state: FindingState, windowIndex: number) =>
    messageId('remind', state.partitionKey, state.rowKey, state.firstFailedAt, String(windowIndex)),
  resolved: (state: FindingState) => messageId('resolved', state.partitionKey, state.rowKey, state.firstFailedAt),
  group: (groupKey: string) => messageId('group', groupKey),
};

export function toFindingNotification(
  id: string,
  kind: Notification['kind'],
  event: EnrichedEvent,
  state: FindingState,
  createdAt: string,
  extra: Partial<Notification> = {},
): Notification {
  return {
    id,
    kind,
    lang: event.lang,
    priority: event.priority.level,
    createdAt,
    events: [event],
    occurrences: state.occurrences,
    firstFailedAt: state.firstFailedAt,
    ...extra,
  };
}
