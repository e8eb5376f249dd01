import type { DeliveryResult } from '../core/notify/types.js';
import { redactSecrets } from '../core/redactSecrets.js';
import type { NotificationStore, OutboxMessage } from './store.js';

/** Sends one outbox message to the configured webhook. */
export type Deliver = (message: OutboxMessage) => Promise<DeliveryResult>;

/** When the next attempt of an undelivered message is due: 1 min, 5 min, 30 min, 2 h, then every 5 h. */
export const REDELIVERY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000];

export interface RedeliveryPolicy {
  /** A message still undelivered this long after it was created is dead-lettered. @default 24 h */
  maxAgeMs: number;
}

/**
 * Claims one outbox message (so no other instance sends it at the same time), sends it, and
 * records what happened: delivered; pending again with the next attempt scheduled (honouring a
 * long `Retry-After`); or dead, when the receiver refused it for good or it grew too old.
 */
export async function deliverMessage(
  id: string,
  store: NotificationStore,
  deliver: Deliver,
  now: Date,
  leaseMs: number,
  policy: RedeliveryPolicy = { maxAgeMs: 24 * 3_600_000 },
): Promise<'delivered' | 'pending' | 'dead' | 'busy'> {
  const message = await store.claim(id, now, leaseMs);
  if (message === undefined) return 'busy';
  return sendClaimed(message, store, deliver, now, policy);
}

/**
 * Sends a message this instance holds (claimed, or created already leased) and records the
 * outcome under its ETag.
 */
export async function sendClaimed(
  message: OutboxMessage,
  store: NotificationStore,
  deliver: Deliver,
  now: Date,
  policy: RedeliveryPolicy = { maxAgeMs: 24 * 3_600_000 },
): Promise<'delivered' | 'pending' | 'dead'> {
  const result = await deliver(message);
  const attempts = message.attempts + result.attempts;
  const rounds = message.rounds + 1;
  const settledAt = now;
  if (result.ok) {
    await store.settle({
      ...message,
      status: 'delivered',
      attempts,
      rounds,
      deliveredAt: settledAt.toISOString(),
      lastStatus: result.status,
    });
    return 'delivered';
  }
  const age = settledAt.getTime() - Date.parse(message.createdAt);
  const delay = Math.max(
    REDELIVERY_DELAYS_MS[Math.min(rounds - 1, REDELIVERY_DELAYS_MS.length - 1)]!,
    result.retryAfterMs ?? 0,
  );
  const dead = result.permanent || age + delay > policy.maxAgeMs;
  await store.settle({
    ...message,
    status: dead ? 'dead' : 'pending',
    attempts,
    rounds,
    nextAttemptAt: new Date(settledAt.getTime() + delay).toISOString(),
    ...(result.status !== null && { lastStatus: result.status }),
    lastError: redactSecrets(
      dead && !result.permanent
        ? `${result.error}; undelivered after ${Math.round(age / 60_000)} min: dead-lettered`
        : result.error,
    ),
  });
  return dead ? 'dead' : 'pending';
}

/** The redelivery timer: every due message (pending, or a lease that expired mid-send), oldest first. */
export async function redeliver(
  store: NotificationStore,
  deliver: Deliver,
  options: { now?: () => Date; limit?: number; leaseMs?: number; policy?: RedeliveryPolicy } = {},
): Promise<Record<'delivered' | 'pending' | 'dead' | 'busy', number>> {
  const now = (options.now ?? (() => new Date()))();
  const due = (await store.listDue(now, options.limit ?? 200)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const counts = { delivered: 0, pending: 0, dead: 0, busy: 0 };
  for (const message of due)
    counts[await deliverMessage(message.id, store, deliver, now, options.leaseMs ?? 120_000, options.policy)] += 1;
  return counts;
}
