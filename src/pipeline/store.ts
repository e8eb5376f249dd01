import type { FindingState } from '../core/notify/types.js';
import type { EnrichedEvent, RejectedRecord } from '../core/types.js';

/** A message waiting in the outbox, or sent, or given up on. */
export interface OutboxMessage {
  id: string;
  kind: string;
  priority: string;
  headline: string;
  contentType: string;
  body: string;
  status: 'pending' | 'sending' | 'delivered' | 'dead';
  /** HTTP attempts made, over every delivery round. */
  attempts: number;
  /** Delivery rounds made (each with its own retries). */
  rounds: number;
  createdAt: string;
  nextAttemptAt: string;
  leaseUntil?: string;
  deliveredAt?: string;
  lastStatus?: number;
  lastError?: string;
  etag?: string;
}

/** The store-wide record of a storm: one code failing in one vault within a window. */
export interface GroupState {
  key: string;
  /**
   * The findings in the storm (`memberIdOf`): a set, so a batch handled twice counts each item
   * once; bounded by the items of one vault, not by a constant.
   */
  members: string[];
  messageId: string | null;
  etag?: string;
}

export type Versioned<T> = { value: T; etag: string };

/**
 * What the notification stage needs from durable storage (Azure Table storage; Azurite locally).
 * Writes that race take an ETag and answer `conflict` instead of overwriting.
 */
export interface NotificationStore {
  getFinding(partitionKey: string, rowKey: string): Promise<Versioned<FindingState> | undefined>;
  listItemFindings(partitionKey: string): Promise<Array<Versioned<FindingState>>>;
  /** `etag` undefined creates (conflict if it exists); otherwise replaces if unchanged. */
  saveFinding(state: FindingState, etag: string | undefined): Promise<'saved' | 'conflict'>;
  /** Brings the open-findings and resolved-per-day index in line with these states (idempotent, batched). */
  indexFindings(states: readonly FindingState[]): Promise<void>;
  getGroup(key: string): Promise<GroupState | undefined>;
  saveGroup(group: GroupState): Promise<'saved' | 'conflict'>;
  /** Adds a message unless one with its id exists (the same decision taken elsewhere); gives its ETag. */
  enqueue(message: OutboxMessage): Promise<{ etag: string } | 'exists'>;
  /**
   * Takes a message for `leaseMs` when it is pending (due or not) or its lease has expired, so
   * one instance sends it; `undefined` when it is delivered, dead, or someone else holds it.
   */
  claim(id: string, now: Date, leaseMs: number): Promise<OutboxMessage | undefined>;
  /**
   * Records an attempt's outcome on a claimed message, under its ETag; `lost` when someone else
   * took the message meanwhile (a normal outcome: it is theirs now).
   */
  settle(message: OutboxMessage): Promise<'settled' | 'lost'>;
  /** Rewrites a message nobody has taken yet (its ETag unchanged); `conflict` otherwise. */
  revise(message: OutboxMessage): Promise<{ etag: string } | 'conflict'>;
  listDue(now: Date, limit: number): Promise<OutboxMessage[]>;
  listOutbox(filter?: { status?: OutboxMessage['status'] }): Promise<OutboxMessage[]>;
  saveEvents(events: readonly EnrichedEvent[]): Promise<void>;
  saveRejected(records: readonly RejectedRecord[]): Promise<void>;
}
