import type { DeliveryResult } from '../core/notify/types.js';
import { redactSecrets } from '../core/redactSecrets.js';
import { mapConcurrent } from './mapConcurrent.js';
import type { NotificationStore, OutboxMessage } from './store.js';

/** Sends one outbox message to the configured webhook, giving up when `signal` fires. */
export type Deliver = (message: OutboxMessage, options?: { signal?: AbortSignal }) => Promise<DeliveryResult>;

/** When the next attempt of an undelivered message is due: 1 min, 5 min, 30 min, 2 h, then every 5 h. */
export const REDELIVERY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000];

/**
 * A send is cut this long before its lease ends (or a quarter of the lease, if shorter), so its
 * outcome is recorded while the lease still holds.
 */
export const LEASE_MARGIN_MS = 10_000;

export interface RedeliveryPolicy {
  /** A message still undelivered this long after it was created is dead-lettered. @default 24 h */
  maxAgeMs: number;
}

/** What became of each message a delivery round tried. */
export type DeliveryCounts = Record<'delivered' | 'pending' | 'dead' | 'busy', number>;

export interface DeliveryOptions {
  /** The clock, read at each claim and each settlement (never once for a whole round). */
  now?: () => Date;
  /** The lease taken on each message when its send starts. @default 120_000 */
  leaseMs?: number;
  /** Messages sent at the same time. @default 8 */
  concurrency?: number;
  policy?: RedeliveryPolicy;
}

/** After this many sends in a row fail without an answer worth waiting for, the rest wait for the timer. */
const BREAKER = 3;

/**
 * Claims one outbox message (so no other instance sends it at the same time), sends it within its
 * lease, and records what happened: delivered; pending again with the next attempt scheduled
 * (honouring a long `Retry-After`); or dead, when the receiver refused it for good or it grew too
 * old. `busy` when someone else holds it, it was delivered already, or the lease was lost.
 */
export async function deliverMessage(
  id: string,
  store: NotificationStore,
  deliver: Deliver,
  options: DeliveryOptions = {},
): Promise<'delivered' | 'pending' | 'dead' | 'busy'> {
  const clock = options.now ?? (() => new Date());
  // The batch's durable work is done by now: a storage error while claiming or recording leaves
  // the message to the redelivery timer (pending, or `sending` until its lease expires).
  let message: OutboxMessage | undefined;
  try {
    message = await store.claim(id, clock(), options.leaseMs ?? 120_000);
  } catch {
    return 'pending';
  }
  if (message === undefined) return 'busy';
  let settled: Awaited<ReturnType<typeof sendClaimed>>;
  try {
    settled = await sendClaimed(message, store, deliver, clock, options.policy);
  } catch {
    return 'pending';
  }
  return settled === 'lost' ? 'busy' : settled;
}

/**
 * Sends a message this instance holds and records the outcome under its ETag. The send is aborted
 * before the lease ends; a settlement that finds the lease lost (another instance took the message
 * after it expired) is a normal outcome, not an error.
 */
export async function sendClaimed(
  message: OutboxMessage,
  store: NotificationStore,
  deliver: Deliver,
  clock: () => Date,
  policy: RedeliveryPolicy = { maxAgeMs: 24 * 3_600_000 },
): Promise<'delivered' | 'pending' | 'dead' | 'lost'> {
  const leaseLeft = Date.parse(message.leaseUntil ?? '') - clock().getTime();
  const budget = Number.isFinite(leaseLeft)
    ? Math.max(500, Math.floor(leaseLeft - Math.min(LEASE_MARGIN_MS, leaseLeft / 4)))
    : 60_000;
  const result = await deliver(message, { signal: AbortSignal.timeout(budget) });
  const attempts = message.attempts + result.attempts;
  const rounds = message.rounds + 1;
  const settledAt = clock();
  if (result.ok) {
    const settled = await store.settle({
      ...message,
      status: 'delivered',
      attempts,
      rounds,
      deliveredAt: settledAt.toISOString(),
      lastStatus: result.status,
    });
    return settled === 'lost' ? 'lost' : 'delivered';
  }
  const age = settledAt.getTime() - Date.parse(message.createdAt);
  const delay = Math.max(
    REDELIVERY_DELAYS_MS[Math.min(rounds - 1, REDELIVERY_DELAYS_MS.length - 1)]!,
    result.retryAfterMs ?? 0,
  );
  const dead = result.permanent || age + delay > policy.maxAgeMs;
  const settled = await store.settle({
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
  if (settled === 'lost') return 'lost';
  return dead ? 'dead' : 'pending';
}

/**
 * Sends independent messages, `concurrency` at a time, each under its own lease taken when its
 * send starts. When several sends in a row fail (the receiver is down or silent), the messages not
 * started yet are left pending for the redelivery timer instead of each waiting out its retries.
 */
export async function deliverAll(
  ids: readonly string[],
  store: NotificationStore,
  deliver: Deliver,
  options: DeliveryOptions = {},
): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { delivered: 0, pending: 0, dead: 0, busy: 0 };
  let failuresInARow = 0;
  await mapConcurrent(ids, options.concurrency ?? 8, async (id) => {
    if (failuresInARow >= BREAKER) {
      counts.pending += 1;
      return;
    }
    const outcome = await deliverMessage(id, store, deliver, options);
    counts[outcome] += 1;
    if (outcome === 'pending') failuresInARow += 1;
    else if (outcome === 'delivered') failuresInARow = 0;
  });
  return counts;
}

/** The redelivery timer: every due message (pending, or a lease that expired mid-send), oldest first. */
export async function redeliver(
  store: NotificationStore,
  deliver: Deliver,
  options: DeliveryOptions & { limit?: number } = {},
): Promise<DeliveryCounts> {
  const clock = options.now ?? (() => new Date());
  const due = (await store.listDue(clock(), options.limit ?? 200)).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  return deliverAll(
    due.map((message) => message.id),
    store,
    deliver,
    options,
  );
}
