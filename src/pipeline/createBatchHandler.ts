import type { Settings } from '../config/settings.js';
import type { EnrichedEvent, InputBody, OsType, RejectedRecord } from '../core/types.js';
import { BoundedMap } from './boundedMap.js';
import { startNotifier, type NotifyOptions, type NotifyOutcome } from './notify.js';
import { retriedSetup } from './retriedSetup.js';
import type { LookupOptions } from './runLookups.js';
import { triageStream, type TriageResult } from './triage.js';

export interface BatchHandlerOptions {
  settings: Settings;
  /** Lookups against Azure (or a replay); made on first use so a cold start loads no SDK. */
  lookups?: () => Promise<LookupOptions>;
  /** Store, dedup and delivery; without it the batch is only triaged. */
  notifications?: () => Promise<Omit<NotifyOptions, 'now'>>;
  /** The optional second event hub; made on first use. */
  publish?: () => Promise<NonNullable<NotifyOptions['publish']>>;
  now?: () => Date;
  /** Failures explained, stored and published at a time. @default 500 */
  chunkSize?: number;
}

/**
 * Where a batch's events (as stored) and rejected records go, a chunk at a time, once stored. With
 * a sink the outcome's `result.events` and `result.rejected` stay empty: a storm of any size is
 * never held whole.
 */
export interface BatchSink {
  events?(events: readonly EnrichedEvent[]): void | Promise<void>;
  rejected?(records: readonly RejectedRecord[]): void | Promise<void>;
}

export interface BatchOutcome {
  result: TriageResult;
  notified?: NotifyOutcome;
  published?: { sent: number; tooLarge: number };
}

/**
 * What the Event Hub function does with a batch, kept out of `functions/` so the binding stays a
 * binding: parse → lookups → explain → store → dedup/group, a chunk of failures at a time, then
 * resolutions and delivery or outbox. State that must outlive a batch (backup-item mappings, the
 * read cache and ARM budget, the store clients) lives here.
 */
export function createBatchHandler(
  options: BatchHandlerOptions,
): (bodies: InputBody[], sink?: BatchSink) => Promise<BatchOutcome> {
  const mappings = new BoundedMap<string, string>(50_000);
  const osTypes = new BoundedMap<string, OsType>(50_000);
  const lookups = options.lookups === undefined ? undefined : retriedSetup(options.lookups);
  const notifications = options.notifications === undefined ? undefined : retriedSetup(options.notifications);
  const publisher = options.publish === undefined ? undefined : retriedSetup(options.publish);
  const triageOptions = {
    lang: options.settings.lang,
    thresholds: options.settings.thresholds,
    mappings,
    osTypes,
    ...(options.now !== undefined && { now: options.now }),
    ...(options.chunkSize !== undefined && { chunkSize: options.chunkSize }),
  };
  return async (bodies, sink) => {
    // Independent set-ups (storage, the output hub, the lookups' credential) at once.
    const [notifyOptions, publish, looked] = await Promise.all([notifications?.(), publisher?.(), lookups?.()]);
    const notifier =
      notifyOptions === undefined
        ? undefined
        : startNotifier({
            ...notifyOptions,
            thresholds: options.settings.thresholds,
            ...(options.now !== undefined && { now: options.now }),
          });
    const kept: { events: EnrichedEvent[]; rejected: RejectedRecord[] } = { events: [], rejected: [] };
    const published = { sent: 0, tooLarge: 0 };
    const { resolutions, stats } = await triageStream(
      bodies,
      { ...triageOptions, ...(looked !== undefined && { lookups: looked }) },
      {
        rejected: async (records) => {
          await notifier?.rejected(records);
          if (sink === undefined) kept.rejected.push(...records);
          else await sink.rejected?.(records);
        },
        events: async (chunk) => {
          const stored = notifier === undefined ? chunk : await notifier.events(chunk);
          if (publish !== undefined) {
            const outcome = await publish(stored);
            published.sent += outcome.sent;
            published.tooLarge += outcome.tooLarge.length;
          }
          if (sink === undefined) kept.events.push(...stored);
          else await sink.events?.(stored);
        },
      },
    );
    const result: TriageResult = { ...kept, resolutions, stats };
    if (notifier === undefined) return { result, ...(publish !== undefined && { published }) };
    await notifier.resolve(resolutions);
    const notified = await notifier.finish();
    if (publish !== undefined) notified.published = published;
    return { result, notified, ...(publish !== undefined && { published }) };
  };
}
