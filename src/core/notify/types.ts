import type { EnrichedEvent, Lang, Priority } from '../types.js';

/** What kind of message a notification is. */
export type NotificationKind = 'new' | 'update' | 'resolved' | 'group';

/** Why an update is sent: the priority rose, or the finding is still failing once the dedup window passed. */
export type UpdateReason =
  { rule: 'escalated'; from: Priority; to: Priority } | { rule: 'reminder'; occurrences: number; since: string };

/** The remembered state of one finding: a (backup item, error code) pair. */
export interface FindingState {
  /** Partition: the backup item; row: the error code (both normalised). */
  partitionKey: string;
  rowKey: string;
  status: 'open' | 'resolved';
  itemKey: string;
  code: string;
  vaultKey: string;
  vmName: string | null;
  vaultName: string | null;
  /** Start of the first failure of this open period (job time). */
  firstFailedAt: string;
  /** Start of the latest failure seen. */
  lastFailedAt: string;
  occurrences: number;
  /** Priority of the last message sent about it; null while it was never worth a message. */
  notifiedLevel: Priority | null;
  notifiedAt: string | null;
  /**
   * The jobs counted, id → start time, so a redelivered job is not counted twice. Kept while they
   * started within `JOB_MEMORY_MS` of the latest failure: the set is bounded by how often the
   * item is backed up, not by a count.
   */
  seenJobs: Record<string, string>;
  /** The latest enriched event, for resolution messages and the dashboard. */
  lastEvent: EnrichedEvent;
  resolvedAt: string | null;
  resolvedByJobId: string | null;
  /**
   * Start of the latest success of the item the store saw (the one that closed this finding, kept
   * when it reopens): the stored job history "time since the last success" falls back on.
   */
  lastSuccessAt?: string | null;
}

/** One message to send, in a renderer-neutral shape (see schema/notification.v1.json). */
export interface Notification {
  /** Stable across retries and instances: the idempotency key (`webhook-id`). */
  id: string;
  kind: NotificationKind;
  lang: Lang;
  priority: Priority;
  createdAt: string;
  /** The finding(s) it is about; a group lists several. */
  events: EnrichedEvent[];
  occurrences: number;
  /** When the finding's open period began (its first failure). */
  firstFailedAt?: string;
  /** For `group`: how many items of the vault fail with the code in the window. */
  groupSize?: number;
  /** For `update`: why it is sent again, in the message's language. */
  reason?: string;
  /** For `update`: the same, as data. */
  update?: UpdateReason;
  /** For `resolved`: the successful job. */
  resolvedBy?: { jobId: string; at: string | null };
}

/** Rules of the notification stage, from configuration. */
export interface NotifyPolicy {
  /** A repeat within this window stays quiet unless priority rises. @default 24 h */
  dedupWindowMs: number;
  /** New findings of one code in one vault within this window are grouped… @default 15 min */
  groupWindowMs: number;
  /** …once there are more than this many. @default 5 */
  groupThreshold: number;
  /** Findings below this priority are stored but not sent (P4 is for the digest). @default 'P3' */
  minPriority: Priority;
}

export const DEFAULT_NOTIFY_POLICY: NotifyPolicy = Object.freeze({
  dedupWindowMs: 24 * 3_600_000,
  groupWindowMs: 15 * 60_000,
  groupThreshold: 5,
  minPriority: 'P3',
});

/** What one delivery attempt sequence ended with, for the outbox to record. */
export type DeliveryResult =
  | { ok: true; status: number; attempts: number }
  | { ok: false; status: number | null; attempts: number; error: string; permanent: boolean; retryAfterMs?: number };
