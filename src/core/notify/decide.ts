import { reprioritize, resolveEvent } from '../explain/explain.js';
import { hoursSinceLastSuccess, latestSuccess } from '../explain/hoursSinceLastSuccess.js';
import type { PriorityContext, PriorityThresholds } from '../explain/prioritize.js';
import type { EnrichedEvent, LastSuccess, Priority } from '../types.js';
import { findingPartitionKey, findingRowKey, itemKeyOf, vaultKeyOf } from './findingKeys.js';
import type { FindingState, NotifyPolicy, UpdateReason } from './types.js';

const RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };
const HOUR = 3_600_000;

/**
 * How long a failure is remembered by its job id, counted back from the finding's latest failure:
 * no redelivery is older (an event hub keeps events at most 7 days on the Standard tier), and a
 * failure older than that is history. The memory holds the jobs of a week, whatever their number.
 */
export const JOB_MEMORY_MS = 7 * 24 * HOUR;

/** `seen` with the job added and the jobs started more than `JOB_MEMORY_MS` before `latest` dropped. */
function remember(seen: Record<string, string>, id: string, at: string, latest: string): Record<string, string> {
  const horizon = Date.parse(latest) - JOB_MEMORY_MS;
  const kept: Record<string, string> = {};
  for (const [job, start] of Object.entries(seen)) if (!(Date.parse(start) < horizon)) kept[job] = start;
  kept[id] = at;
  return kept;
}

export interface FailureDecision {
  state: FindingState;
  /** The event with its priority recomputed from the finding's history. */
  event: EnrichedEvent;
  notify?: { kind: 'new' } | { kind: 'update'; reason: UpdateReason };
  /** False when the job was already counted (a redelivery): nothing changed. */
  changed: boolean;
}

/**
 * A failed job against what is remembered of its finding (backup item, code). A repeat within
 * the window is counted and stays quiet; a rise in priority, or a repeat once the window has
 * passed, sends an update; findings below the notification threshold are kept quiet until they
 * reach it. Pure: the caller reads and writes the state (with ETags).
 */
export function decideFailure(
  current: FindingState | undefined,
  incoming: EnrichedEvent,
  policy: NotifyPolicy,
  thresholds: PriorityThresholds | undefined,
  now: Date,
  /** The item's last success the store knows (`lastStoredSuccess` over all its findings). */
  storedSuccess?: LastSuccess,
): FailureDecision {
  const at = incoming.job.startedAt ?? now.toISOString();
  if (current !== undefined && (Object.hasOwn(current.seenJobs, incoming.id) || isForgotten(current, at)))
    return { state: current, event: current.lastEvent, changed: false };
  // A failure that started before the success that closed its finding arrives late (another
  // partition, a retry): it is history, kept and counted as seen, not news.
  if (current?.status === 'resolved' && current.resolvedAt !== null && Date.parse(at) < Date.parse(current.resolvedAt))
    return {
      state: { ...current, seenJobs: remember(current.seenJobs, incoming.id, at, current.lastFailedAt) },
      event: incoming,
      changed: true,
    };
  const reopened = current === undefined || current.status === 'resolved';
  const itemKey = itemKeyOf(incoming);
  const base: FindingState = reopened
    ? {
        partitionKey: findingPartitionKey(itemKey),
        rowKey: findingRowKey(incoming.classification.code),
        status: 'open',
        itemKey,
        code: incoming.classification.code,
        vaultKey: vaultKeyOf(incoming),
        vmName: incoming.job.vmName,
        vaultName: incoming.job.vaultName,
        firstFailedAt: at,
        lastFailedAt: at,
        occurrences: 0,
        notifiedLevel: null,
        notifiedAt: null,
        seenJobs: current?.seenJobs ?? {},
        lastEvent: incoming,
        resolvedAt: null,
        resolvedByJobId: null,
        lastSuccessAt: current?.lastSuccessAt ?? current?.resolvedAt ?? null,
      }
    : current;
  const occurrences = base.occurrences + 1;
  const firstFailedAt = at < base.firstFailedAt ? at : base.firstFailedAt;
  const lastFailedAt = at > base.lastFailedAt ? at : base.lastFailedAt;
  const event = prioritizeWithHistory(incoming, occurrences, storedSuccess, thresholds);
  const level = event.priority.level;
  let state: FindingState = {
    ...base,
    occurrences,
    firstFailedAt,
    lastFailedAt,
    seenJobs: remember(base.seenJobs, incoming.id, at, lastFailedAt),
    lastEvent: event,
    vmName: event.job.vmName ?? base.vmName,
  };

  let notify: FailureDecision['notify'];
  if (event.resolvedBy !== undefined) {
    // Failed and already fixed within the same input: recorded, not worth a message.
  } else if (state.notifiedLevel === null) {
    if (RANK[level] <= RANK[policy.minPriority]) notify = { kind: 'new' };
  } else if (RANK[level] < RANK[state.notifiedLevel]) {
    notify = { kind: 'update', reason: { rule: 'escalated', from: state.notifiedLevel, to: level } };
  } else if (state.notifiedAt !== null && now.getTime() - Date.parse(state.notifiedAt) >= policy.dedupWindowMs) {
    notify = { kind: 'update', reason: { rule: 'reminder', occurrences, since: firstFailedAt } };
  }
  if (notify !== undefined) state = { ...state, notifiedLevel: level, notifiedAt: now.toISOString() };
  if (event.resolvedBy !== undefined)
    state = {
      ...state,
      status: 'resolved',
      resolvedAt: event.resolvedBy.at ?? now.toISOString(),
      resolvedByJobId: event.resolvedBy.jobId,
      lastSuccessAt: later(state.lastSuccessAt ?? null, event.resolvedBy.at),
    };
  return { state, event, ...(notify !== undefined && { notify }), changed: true };
}

/** A failure that started longer than `JOB_MEMORY_MS` before the finding's latest one: too old to count. */
function isForgotten(current: FindingState, at: string): boolean {
  return Date.parse(at) < Date.parse(current.lastFailedAt) - JOB_MEMORY_MS;
}

export interface SuccessDecision {
  state: FindingState;
  notify: boolean;
  changed: boolean;
}

/**
 * A successful backup of the item closes its open finding; one "resolved" message if it was ever
 * sent. The finding's last event is told so: nothing to do (never "remove the lock").
 */
export function decideSuccess(
  current: FindingState,
  jobId: string,
  at: string | null,
  now: Date,
  thresholds?: PriorityThresholds,
): SuccessDecision {
  if (current.status !== 'open' || (at !== null && at < current.lastFailedAt))
    return { state: current, notify: false, changed: false };
  return {
    state: {
      ...current,
      status: 'resolved',
      resolvedAt: at ?? now.toISOString(),
      resolvedByJobId: jobId,
      lastSuccessAt: later(current.lastSuccessAt ?? null, at ?? now.toISOString()),
      lastEvent: resolveEvent(current.lastEvent, { jobId, at }, thresholds),
    },
    notify: current.notifiedLevel !== null,
    changed: true,
  };
}

/**
 * The item's last success the store knows, over all its findings: the success that closed each,
 * and the last success each one's latest event knew (from the history lookup or the job records).
 */
export function lastStoredSuccess(findings: readonly FindingState[]): LastSuccess | undefined {
  let best: LastSuccess | undefined;
  for (const finding of findings) {
    const closed = later(finding.lastSuccessAt ?? null, finding.resolvedAt);
    if (closed !== null) best = latestSuccess(best, { at: closed, source: 'job-records' });
    best = latestSuccess(best, finding.lastEvent.priority.context?.lastSuccess);
  }
  return best;
}

function later(a: string | null, b: string | null | undefined): string | null {
  if (b === null || b === undefined) return a;
  return a === null || b > a ? b : a;
}

/**
 * The priority again, with what the finding's history adds: failures in a row, and the item's
 * last success the store knows when the event had none later. The time since the last success is
 * always `hoursSinceLastSuccess(lastSuccess, receivedAt)`: never counted from the first failure.
 */
function prioritizeWithHistory(
  event: EnrichedEvent,
  occurrences: number,
  storedSuccess: LastSuccess | undefined,
  thresholds: PriorityThresholds | undefined,
): EnrichedEvent {
  const before = event.priority.context ?? {};
  const lastSuccess = latestSuccess(before.lastSuccess, storedSuccess);
  const hours = hoursSinceLastSuccess(lastSuccess, event.receivedAt);
  const { hoursSinceLastSuccess: _stale, lastSuccess: _old, ...rest } = before;
  const context: PriorityContext = {
    ...rest,
    consecutiveFailures: Math.max(before.consecutiveFailures ?? 1, occurrences),
    ...(lastSuccess !== undefined && { lastSuccess }),
    ...(hours !== undefined && { hoursSinceLastSuccess: hours }),
  };
  const priority = reprioritize(event, context, thresholds);
  return { ...event, priority: { ...priority, context } };
}
