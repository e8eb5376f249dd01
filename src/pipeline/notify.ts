import { decideFailure, decideSuccess, lastStoredSuccess } from '../core/notify/decide.js';
import {
  findingKeyOf,
  findingPartitionKey,
  findingRowKey,
  itemKeyOf,
  memberIdOf,
  vaultKeyOf,
} from '../core/notify/findingKeys.js';
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
import type { EnrichedEvent, RejectedRecord } from '../core/types.js';
import { deliverAll, type Deliver, type DeliveryCounts } from './deliver.js';
import { mapConcurrent } from './mapConcurrent.js';
import type { NotificationStore, OutboxMessage, Versioned } from './store.js';
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
  /**
   * How long an instance holds a message it is sending, taken when it starts sending it; a send
   * is cut before its lease ends, so no one else sends the message meanwhile. @default 120_000
   */
  leaseMs?: number;
  /** Messages sent at the same time. @default 8 */
  deliveryConcurrency?: number;
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
  /** Waiting in the outbox for the redelivery timer (receiver failing, or sent by another instance). */
  pending: number;
  dead: number;
  /** Events published to the second event hub, and those too large to publish. */
  published?: { sent: number; tooLarge: number };
}

/** The notification stage of one batch, fed chunk by chunk so a storm never sits whole in memory. */
export interface BatchNotifier {
  /** Stores rejected records (idempotent: a record's row key is a hash of it). */
  rejected(records: readonly RejectedRecord[]): Promise<void>;
  /** Decides, writes to the outbox, saves the finding states and stores one chunk of events; gives them as stored. */
  events(events: readonly EnrichedEvent[]): Promise<EnrichedEvent[]>;
  /** Closes the open findings of the items a success resolves. */
  resolve(resolutions: readonly Resolution[]): Promise<void>;
  /** Sends what the batch decided (bounded concurrency, a lease per message) and says what happened. */
  finish(): Promise<NotifyOutcome>;
}

/** A group message created by this batch, completed by the later chunks of the same storm. */
interface GroupDraft {
  stormKey: string;
  notification: Notification;
  /** The message as stored, with its ETag, to rewrite it before anyone sends it. */
  created: OutboxMessage | undefined;
  grown: boolean;
}

const MAX_CONFLICT_RETRIES = 8;
/** Findings read or written at the same time: they are independent. */
const STORE_CONCURRENCY = 16;
/** A group message lists at most this many items (renderers show at most 25). */
const GROUP_EVENTS = 25;

/**
 * The stateful half of a batch, chunk by chunk: store the events and rejections, decide per
 * finding (new, repeat, escalation), fold storms into one message, write every message to the
 * outbox before the state that records it, close findings that a success resolves, then deliver.
 * Idempotent across redeliveries and safe across concurrent instances (deterministic ids, storm
 * membership as a set, ETags, a lease per message taken when it is sent).
 */
export function startNotifier(options: NotifyOptions): BatchNotifier {
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
  /** The ids of the messages this batch put in the outbox (or found there from an earlier attempt). */
  const planned = new Set<string>();
  const drafts = new Map<string, GroupDraft>();
  const windowIndex = Math.floor(now.getTime() / policy.groupWindowMs);

  /** Writes a message to the outbox; gives it as stored when this call created it. */
  const enqueue = async (notification: Notification): Promise<OutboxMessage | undefined> => {
    if (planned.has(notification.id)) return undefined;
    const rendered = render(notification);
    const message: OutboxMessage = {
      id: notification.id,
      kind: notification.kind,
      priority: notification.priority,
      headline: notification.events[0]?.summary.headline ?? '',
      contentType: rendered.contentType,
      body: rendered.body,
      status: 'pending',
      attempts: 0,
      rounds: 0,
      createdAt: notification.createdAt,
      // With a webhook, this instance sends it at the end of the batch; the redelivery timer
      // takes it only if this instance did not (it died, or the batch ran long).
      nextAttemptAt: new Date(
        Date.parse(notification.createdAt) + (options.deliver !== undefined ? (options.leaseMs ?? 120_000) : 0),
      ).toISOString(),
    };
    const created = await options.store.enqueue(message);
    // An existing message is the same decision taken by an earlier attempt of this batch, or by
    // another instance: it is sent (or found already sent) under a lease all the same.
    planned.add(notification.id);
    if (created === 'exists') return undefined;
    outcome.messages[notification.kind] += 1;
    return { ...message, etag: created.etag };
  };

  /** Rewrites a group message that later chunks completed, before anyone sends it; then forgets it. */
  const finalize = async (id: string, draft: GroupDraft): Promise<void> => {
    drafts.delete(id);
    if (!draft.grown || draft.created === undefined) return;
    const rendered = render(draft.notification);
    await options.store.revise({ ...draft.created, body: rendered.body });
  };

  const render = (notification: Notification) =>
    renderNotification(options.format, notification, {
      shell: options.shell ?? 'cli',
      ...(options.dashboardUrl !== undefined && { dashboardUrl: options.dashboardUrl }),
      ...(options.policy !== undefined && { groupWindowMinutes: options.policy.groupWindowMs / 60_000 }),
    });

  /**
   * Storm control: per vault and code, the new findings of a window are sent one by one up to the
   * threshold; past it, they become one group message, and later ones join the group quietly.
   * Membership is a set of findings, so a batch handled twice, or retried half-way, counts each
   * item once.
   */
  const foldStorms = async (fresh: Notification[]): Promise<void> => {
    const byStorm = new Map<string, Notification[]>();
    for (const notification of fresh) {
      const key = stormKeyOf(notification.events[0]!, windowIndex);
      const list = byStorm.get(key) ?? [];
      list.push(notification);
      byStorm.set(key, list);
    }
    await mapConcurrent([...byStorm], STORE_CONCURRENCY, ([key, entries]) =>
      withConflictRetry(async () => {
        const group = (await options.store.getGroup(key)) ?? { key, members: [], messageId: null };
        const members = new Set(group.members);
        for (const entry of entries) members.add(memberIdOf(entry.events[0]!));
        const count = members.size;
        if (group.messageId === null && count <= policy.groupThreshold) {
          for (const entry of entries) await enqueue(entry);
          return options.store.saveGroup({ ...group, members: [...members] });
        }
        const messageId = group.messageId ?? notificationIds.group(key);
        const events = entries.map((entry) => entry.events[0]!);
        const draft = drafts.get(messageId);
        if (group.messageId === null) {
          const top = [...events].sort((a, b) => rank(a) - rank(b)).slice(0, GROUP_EVENTS);
          const notification: Notification = {
            id: messageId,
            kind: 'group',
            lang: top[0]!.lang,
            priority: top[0]!.priority.level,
            createdAt: now.toISOString(),
            events: top,
            occurrences: entries.length,
            groupSize: count,
          };
          drafts.set(messageId, { stormKey: key, notification, created: await enqueue(notification), grown: false });
        } else if (draft !== undefined && count > (draft.notification.groupSize ?? 0)) {
          // The same storm continues in a later chunk of this batch: its message, not sent yet, says so.
          const top = [...draft.notification.events, ...events]
            .sort((a, b) => rank(a) - rank(b))
            .slice(0, GROUP_EVENTS);
          draft.notification = {
            ...draft.notification,
            events: top,
            priority: top[0]!.priority.level,
            occurrences: draft.notification.occurrences + entries.length,
            groupSize: count,
          };
          draft.grown = true;
        }
        return options.store.saveGroup({ ...group, members: [...members], messageId });
      }),
    );
  };

  /** Saves one finding's state; a lost race replays read-decide-enqueue-save for that finding alone. */
  const save = async (entry: Decided): Promise<Decided> => {
    let current = entry;
    for (let attempt = 1; ; attempt += 1) {
      if (current.state === undefined || current.duplicates === current.events.length) return current;
      if ((await options.store.saveFinding(current.state, current.etag)) === 'saved') return current;
      if (attempt >= MAX_CONFLICT_RETRIES)
        throw new Error(
          `Gave up after ${MAX_CONFLICT_RETRIES} write conflicts on finding ${current.key}: the store is contended.`,
        );
      await new Promise((done) => setTimeout(done, Math.random() * 20 * attempt));
      current = await decideFinding(current.events, options, policy, now);
      await foldStorms(current.messages.filter((m) => m.kind === 'new'));
      for (const notification of current.messages.filter((m) => m.kind !== 'new')) await enqueue(notification);
    }
  };

  return {
    rejected: (records) => options.store.saveRejected(records),

    async events(chunk) {
      // Storms come in a row: a group whose storm this chunk does not continue is complete.
      const storms = new Set(chunk.map((event) => stormKeyOf(event, windowIndex)));
      for (const [id, draft] of drafts) if (!storms.has(draft.stormKey)) await finalize(id, draft);
      const byFinding = new Map<string, EnrichedEvent[]>();
      for (const event of chunk) {
        const key = findingKeyOf(event);
        const list = byFinding.get(key) ?? [];
        list.push(event);
        byFinding.set(key, list);
      }
      // 1. Read and decide, writing nothing yet.
      const decided = await mapConcurrent([...byFinding.values()], STORE_CONCURRENCY, (events) => {
        events.sort((a, b) => (a.job.startedAt ?? '').localeCompare(b.job.startedAt ?? ''));
        return decideFinding(events, options, policy, now);
      });
      // 2. Every message goes to the outbox before the state that says it was sent: a crash in
      //    between replays the same decision, with the same message ids, at the next delivery.
      await foldStorms(decided.flatMap((entry) => entry.messages.filter((m) => m.kind === 'new')));
      for (const entry of decided)
        for (const notification of entry.messages.filter((m) => m.kind === 'update')) await enqueue(notification);
      // 3. Save the states, then their index rows (also those of findings seen again: a batch
      //    retried after a failure between the two repairs the index).
      const saved = await mapConcurrent(decided, STORE_CONCURRENCY, save);
      const states: FindingState[] = [];
      for (const entry of saved) {
        outcome.duplicates += entry.duplicates;
        if (entry.state !== undefined && entry.duplicates < entry.events.length) outcome.quiet += entry.quiet;
        if (entry.state !== undefined) states.push(entry.state);
      }
      await options.store.indexFindings(states);
      // 4. Events are stored with the priority their finding's history gave them (what was notified).
      const final = new Map(chunk.map((event) => [event.id, event]));
      for (const entry of saved) for (const event of entry.final) final.set(event.id, event);
      const stored = [...final.values()];
      await options.store.saveEvents(stored);
      return stored;
    },

    async resolve(resolutions) {
      // One success per item is enough: the latest.
      const latest = new Map<string, Resolution>();
      for (const resolution of resolutions) {
        const known = latest.get(resolution.itemKey);
        if (known === undefined || (resolution.completedAt ?? '') > (known.completedAt ?? '')) {
          latest.set(resolution.itemKey, resolution);
        }
      }
      const closed = await mapConcurrent([...latest.values()], STORE_CONCURRENCY, (resolution) =>
        resolveItem(resolution, options, now, enqueue),
      );
      await options.store.indexFindings(closed.flat());
    },

    async finish() {
      for (const [id, draft] of drafts) await finalize(id, draft);
      if (options.deliver === undefined) outcome.pending += planned.size;
      else {
        const counts: DeliveryCounts = await deliverAll([...planned], options.store, options.deliver, {
          ...(options.now !== undefined && { now: options.now }),
          leaseMs: options.leaseMs ?? 120_000,
          concurrency: options.deliveryConcurrency ?? 8,
        });
        outcome.delivered += counts.delivered;
        outcome.dead += counts.dead;
        outcome.pending += counts.pending + counts.busy;
      }
      return outcome;
    },
  };
}

/**
 * A whole triage result through the notification stage in one chunk, then delivery and the
 * optional second event hub: for callers that already hold every event (tests, benches, small
 * inputs). The batch handler streams chunks through `startNotifier` instead.
 */
export async function notifyBatch(result: TriageResult, options: NotifyOptions): Promise<NotifyOutcome> {
  const notifier = startNotifier(options);
  await notifier.rejected(result.rejected);
  const stored = await notifier.events(result.events);
  await notifier.resolve(result.resolutions);
  const outcome = await notifier.finish();
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

const rank = (event: EnrichedEvent) => Number(event.priority.level.slice(1));

/** The storm an event belongs to: its vault and code, in one window of time. */
const stormKeyOf = (event: EnrichedEvent, windowIndex: number) =>
  `${vaultKeyOf(event)}|${event.classification.code.toLowerCase()}|${windowIndex}`;

/** A success closes every open finding of its item; those that were ever notified get one "resolved". */
async function resolveItem(
  resolution: Resolution,
  options: NotifyOptions,
  now: Date,
  enqueue: (notification: Notification) => Promise<unknown>,
): Promise<FindingState[]> {
  const partitionKey = findingPartitionKey(resolution.itemKey);
  const closed: FindingState[] = [];
  for (const listed of await options.store.listItemFindings(partitionKey)) {
    if (listed.value.status !== 'open') continue;
    // The listing read the finding with its ETag: read it again only after losing a race.
    let known: Versioned<FindingState> | undefined = listed;
    await withConflictRetry(async () => {
      const stored = known ?? (await options.store.getFinding(partitionKey, listed.value.rowKey));
      known = undefined;
      if (stored === undefined) return 'saved';
      const decision = decideSuccess(stored.value, resolution.jobId, resolution.completedAt, now, options.thresholds);
      if (!decision.changed) return 'saved';
      if (decision.notify) {
        await enqueue(
          toFindingNotification(
            notificationIds.resolved(stored.value),
            'resolved',
            decision.state.lastEvent,
            decision.state,
            now.toISOString(),
            { resolvedBy: { jobId: resolution.jobId, at: resolution.completedAt } },
          ),
        );
      }
      const saved = await options.store.saveFinding(decision.state, stored.etag);
      if (saved === 'saved') closed.push(decision.state);
      return saved;
    });
  }
  return closed;
}

/** Runs a read-decide-write step again while its conditional write loses a race. */
async function withConflictRetry(step: () => Promise<'saved' | 'conflict'>): Promise<void> {
  for (let attempt = 1; attempt <= MAX_CONFLICT_RETRIES; attempt += 1) {
    if ((await step()) === 'saved') return;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
  }
  throw new Error(`Gave up after ${MAX_CONFLICT_RETRIES} write conflicts on the same finding: the store is contended.`);
}
