import { decideFailure, decideSuccess, lastStoredSuccess } from '../core/notify/decide.js';
import { findingKeyOf, findingPartitionKey, findingRowKey, itemKeyOf, vaultKeyOf } from '../core/notify/findingKeys.js';
import { notificationIds, toFindingNotification } from '../core/notify/toNotification.js';
import {
  DEFAULT_NOTIFY_POLICY,
  type FindingState,
  type Notification,
  type NotifyPolicy,
} from '../core/notify/types.js';
import type { PriorityThresholds } from '../core/explain/prioritize.js';
import { NOTIFICATION_LABELS } from '../core/render/notificationLabels.js';
import { renderNotification, type Format } from '../core/render/renderNotification.js';
import type { Shell } from '../core/render/shells.js';
import type { EnrichedEvent } from '../core/types.js';
import { sendClaimed, type Deliver } from './deliver.js';
import { mapConcurrent } from './mapConcurrent.js';
import type { NotificationStore, OutboxMessage } from './store.js';
import type { Resolution, TriageResult } from './triage.js';

export interface NotifyOptions {
  store: NotificationStore;
  /** The webhook's format; messages are rendered once, at decision time, and stored rendered. */
  format: Format;
  /** Sends one message; absent when no webhook is configured (messages then wait in the outbox). */
  deliver?: Deliver;
  policy?: NotifyPolicy;
  thresholds?: PriorityThresholds;
  now?: () => Date;
  /** The shell of the one command a message shows. @default 'cli' */
  shell?: Shell;
  /** The dashboard's public URL: each message links to its finding's page (a group, to the filtered view). */
  dashboardUrl?: string;
  /** How long an instance holds a message it is sending. @default 120_000 */
  leaseMs?: number;
  /** Also publishes the events as stored (the optional second event hub), after delivery. */
  publish?: (events: readonly EnrichedEvent[]) => Promise<{ sent: number; tooLarge: readonly number[] }>;
}

export interface NotifyOutcome {
  messages: Record<Notification['kind'], number>;
  /** Repeats and below-threshold findings: counted, not sent. */
  quiet: number;
  /** Jobs already counted before (a redelivered batch). */
  duplicates: number;
  delivered: number;
  pending: number;
  dead: number;
  /** Events published to the second event hub, and those too large to publish. */
  published?: { sent: number; tooLarge: number };
}

interface Planned {
  notification: Notification;
  /** Created by this instance, already leased to it when a webhook is configured. */
  message: OutboxMessage;
}

const MAX_CONFLICT_RETRIES = 8;
/** Findings read at the same time: their reads are independent. */
const READ_CONCURRENCY = 16;

/**
 * The stateful half of a batch: store the events and rejections, decide per finding (new,
 * repeat, escalation), close findings that a success resolves, fold storms into one message,
 * write every message to the outbox before the state that records it, then deliver. Idempotent
 * across redeliveries and safe across concurrent instances (deterministic ids, ETags, leases).
 */
export async function notifyBatch(result: TriageResult, options: NotifyOptions): Promise<NotifyOutcome> {
  const now = (options.now ?? (() => new Date()))();
  const policy = options.policy ?? DEFAULT_NOTIFY_POLICY;
  const outcome: NotifyOutcome = {
    messages: { new: 0, update: 0, resolved: 0, group: 0 },
    quiet: 0,
    duplicates: 0,
    delivered: 0,
    pending: 0,
    dead: 0,
  };
  await options.store.saveRejected(result.rejected);

  // Failures, finding by finding, in job order.
  const byFinding = new Map<string, EnrichedEvent[]>();
  for (const event of result.events) {
    const key = findingKeyOf(event);
    const list = byFinding.get(key) ?? [];
    list.push(event);
    byFinding.set(key, list);
  }
  const planned: Planned[] = [];
  // 1. Read and decide, writing nothing yet.
  const decided = await mapConcurrent([...byFinding.values()], READ_CONCURRENCY, (events) => {
    events.sort((a, b) => (a.job.startedAt ?? '').localeCompare(b.job.startedAt ?? ''));
    return decideFinding(events, options, policy, now);
  });
  // 2. Every message goes to the outbox before the state that says it was sent: a crash in
  //    between replays the same decision, with the same message ids, at the next delivery.
  const fresh = decided.flatMap((entry) =>
    entry.messages
      .filter((m) => m.kind === 'new')
      .map((notification) => ({ notification, event: notification.events[0]! })),
  );
  await foldStorms(fresh, options, policy, now, planned);
  for (const entry of decided)
    for (const notification of entry.messages.filter((m) => m.kind === 'update'))
      await enqueue(notification, options, planned, now);
  // 3. Save the states; a lost race replays read-decide-enqueue-save for that finding alone.
  for (const entry of decided) {
    let current = entry;
    for (let attempt = 1; ; attempt += 1) {
      if (current.state === undefined || current.duplicates === current.events.length) {
        outcome.duplicates += current.duplicates;
        break;
      }
      if ((await options.store.saveFinding(current.state, current.etag)) === 'saved') {
        outcome.quiet += current.quiet;
        outcome.duplicates += current.duplicates;
        break;
      }
      if (attempt >= MAX_CONFLICT_RETRIES)
        throw new Error(
          `Gave up after ${MAX_CONFLICT_RETRIES} write conflicts on finding ${current.key}: the store is contended.`,
        );
      await new Promise((done) => setTimeout(done, Math.random() * 20 * attempt));
      current = await decideFinding(current.events, options, policy, now);
      entry.final = current.final;
      for (const notification of current.messages) await enqueue(notification, options, planned, now);
    }
  }

  await resolve(result.resolutions, options, now, planned);
  // Events are stored with the priority their finding's history gave them (what was notified).
  const final = new Map(result.events.map((event) => [event.id, event]));
  for (const entry of decided) for (const event of entry.final) final.set(event.id, event);
  const stored = [...final.values()];
  await options.store.saveEvents(stored);

  for (const { notification } of planned) outcome.messages[notification.kind] += 1;
  if (options.deliver !== undefined) {
    for (const { message } of planned) {
      const settled = await sendClaimed(message, options.store, options.deliver, now);
      if (settled === 'delivered') outcome.delivered += 1;
      else if (settled === 'dead') outcome.dead += 1;
      else outcome.pending += 1;
    }
  } else outcome.pending += planned.length;
  if (options.publish !== undefined) {
    const published = await options.publish(stored);
    outcome.published = { sent: published.sent, tooLarge: published.tooLarge.length };
  }
  return outcome;
}

interface Decided {
  key: string;
  events: EnrichedEvent[];
  state: FindingState | undefined;
  etag: string | undefined;
  messages: Notification[];
  /** The events as decided: their priority recomputed against the finding's history. */
  final: EnrichedEvent[];
  quiet: number;
  duplicates: number;
}

/** One finding's events against its stored state: the state to write and the messages it calls for. */
async function decideFinding(
  events: EnrichedEvent[],
  options: NotifyOptions,
  policy: NotifyPolicy,
  now: Date,
): Promise<Decided> {
  const first = events[0]!;
  const partitionKey = findingPartitionKey(itemKeyOf(first));
  const rowKey = findingRowKey(first.classification.code);
  // One partition read: this finding, and the item's other findings for its last success on record.
  const itemFindings = await options.store.listItemFindings(partitionKey);
  const stored = itemFindings.find((entry) => entry.value.rowKey === rowKey);
  const storedSuccess = lastStoredSuccess(itemFindings.map((entry) => entry.value));
  let state = stored?.value;
  const previousResolvedAt = state?.status === 'resolved' ? state.resolvedAt : null;
  const messages: Notification[] = [];
  const final: EnrichedEvent[] = [];
  let quiet = 0;
  let duplicates = 0;
  for (const event of events) {
    const before = state;
    const decision = decideFailure(state, event, policy, options.thresholds, now, storedSuccess);
    if (!decision.changed) {
      duplicates += 1;
      continue;
    }
    final.push(decision.event);
    state = decision.state;
    if (decision.notify === undefined) {
      quiet += 1;
      continue;
    }
    const created = now.toISOString();
    if (decision.notify.kind === 'new') {
      messages.push(
        toFindingNotification(notificationIds.new(state, previousResolvedAt), 'new', decision.event, state, created),
      );
    } else {
      const reason = decision.notify.reason;
      const id =
        reason.rule === 'escalated'
          ? notificationIds.escalation(state, before?.notifiedLevel ?? 'none', decision.event.priority.level)
          : notificationIds.reminder(state, Math.floor(now.getTime() / policy.dedupWindowMs));
      messages.push(
        toFindingNotification(id, 'update', decision.event, state, created, {
          reason: NOTIFICATION_LABELS[decision.event.lang].reason(reason),
          update: reason,
        }),
      );
    }
  }
  return { key: `${partitionKey}|${rowKey}`, events, state, etag: stored?.etag, messages, final, quiet, duplicates };
}

/**
 * Storm control: per vault and code, the new findings of a window are sent one by one up to the
 * threshold; past it, they become one group message, and later ones join the group quietly.
 */
async function foldStorms(
  fresh: Array<{ notification: Notification; event: EnrichedEvent }>,
  options: NotifyOptions,
  policy: NotifyPolicy,
  now: Date,
  planned: Planned[],
): Promise<void> {
  const byStorm = new Map<string, typeof fresh>();
  const windowIndex = Math.floor(now.getTime() / policy.groupWindowMs);
  for (const entry of fresh) {
    const key = `${vaultKeyOf(entry.event)}|${entry.event.classification.code.toLowerCase()}|${windowIndex}`;
    const list = byStorm.get(key) ?? [];
    list.push(entry);
    byStorm.set(key, list);
  }
  for (const [key, entries] of byStorm) {
    await withConflictRetry(async () => {
      const group = (await options.store.getGroup(key)) ?? { key, count: 0, items: [], messageId: null };
      const names = entries.map((entry) => entry.event.job.vmName ?? entry.event.id);
      const count = group.count + entries.length;
      if (group.messageId === null && count <= policy.groupThreshold) {
        for (const entry of entries) await enqueue(entry.notification, options, planned, now);
        return options.store.saveGroup({ ...group, count, items: [...group.items, ...names] });
      }
      let messageId = group.messageId;
      if (messageId === null) {
        messageId = notificationIds.group(key);
        const events = entries.map((entry) => entry.event).sort((a, b) => rank(a) - rank(b));
        const level = events[0]!.priority.level;
        await enqueue(
          {
            id: messageId,
            kind: 'group',
            lang: events[0]!.lang,
            priority: level,
            createdAt: now.toISOString(),
            events,
            occurrences: entries.length,
            groupSize: count,
          },
          options,
          planned,
          now,
        );
      }
      return options.store.saveGroup({ ...group, count, items: [...group.items, ...names], messageId });
    });
  }
}

const rank = (event: EnrichedEvent) => Number(event.priority.level.slice(1));

/** A success closes every open finding of its item; those that were ever notified get one "resolved". */
async function resolve(
  resolutions: readonly Resolution[],
  options: NotifyOptions,
  now: Date,
  planned: Planned[],
): Promise<void> {
  for (const resolution of resolutions) {
    const partitionKey = findingPartitionKey(resolution.itemKey);
    for (const { value } of await options.store.listItemFindings(partitionKey)) {
      if (value.status !== 'open') continue;
      await withConflictRetry(async () => {
        const stored = await options.store.getFinding(partitionKey, value.rowKey);
        if (stored === undefined) return 'saved';
        const decision = decideSuccess(stored.value, resolution.jobId, resolution.completedAt, now, options.thresholds);
        if (!decision.changed) return 'saved';
        if (decision.notify) {
          const id = notificationIds.resolved(stored.value);
          await enqueue(
            toFindingNotification(id, 'resolved', decision.state.lastEvent, decision.state, now.toISOString(), {
              resolvedBy: { jobId: resolution.jobId, at: resolution.completedAt },
            }),
            options,
            planned,
            now,
          );
        }
        return options.store.saveFinding(decision.state, stored.etag);
      });
    }
  }
}

async function enqueue(
  notification: Notification,
  options: NotifyOptions,
  planned: Planned[],
  now: Date,
): Promise<void> {
  if (planned.some((entry) => entry.notification.id === notification.id)) return;
  const rendered = renderNotification(options.format, notification, {
    shell: options.shell ?? 'cli',
    ...(options.dashboardUrl !== undefined && { dashboardUrl: options.dashboardUrl }),
    ...(options.policy !== undefined && { groupWindowMinutes: options.policy.groupWindowMs / 60_000 }),
  });
  const message: OutboxMessage = {
    id: notification.id,
    kind: notification.kind,
    priority: notification.priority,
    headline: notification.events[0]?.summary.headline ?? '',
    contentType: rendered.contentType,
    body: rendered.body,
    // With a webhook, the creator sends it at once: it is created leased, so no one else takes it
    // unless this instance dies before settling it.
    status: options.deliver !== undefined ? 'sending' : 'pending',
    ...(options.deliver !== undefined && {
      leaseUntil: new Date(now.getTime() + (options.leaseMs ?? 120_000)).toISOString(),
    }),
    attempts: 0,
    rounds: 0,
    createdAt: notification.createdAt,
    nextAttemptAt: notification.createdAt,
  };
  const created = await options.store.enqueue(message);
  if (created !== 'exists') planned.push({ notification, message: { ...message, etag: created.etag } });
}

/** Runs a read-decide-write step again while its conditional write loses a race. */
async function withConflictRetry(step: () => Promise<'saved' | 'conflict'>): Promise<void> {
  for (let attempt = 1; attempt <= MAX_CONFLICT_RETRIES; attempt += 1) {
    if ((await step()) === 'saved') return;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
  }
  throw new Error(`Gave up after ${MAX_CONFLICT_RETRIES} write conflicts on the same finding: the store is contended.`);
}
