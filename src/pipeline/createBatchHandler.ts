import type { Settings } from '../config/settings.js';
import type { InputBody } from '../core/types.js';
import { BoundedMap } from './boundedMap.js';
import { notifyBatch, type NotifyOptions, type NotifyOutcome } from './notify.js';
import type { LookupOptions } from './runLookups.js';
import { triage, triageWithLookups, type TriageResult } from './triage.js';

export interface BatchHandlerOptions {
  settings: Settings;
  /** Lookups against Azure (or a replay); made on first use so a cold start loads no SDK. */
  lookups?: () => Promise<LookupOptions>;
  /** Store, dedup and delivery; without it the batch is only triaged. */
  notifications?: () => Promise<Omit<NotifyOptions, 'now'>>;
  /** The optional second event hub; made on first use. */
  publish?: () => Promise<NonNullable<NotifyOptions['publish']>>;
  now?: () => Date;
}

export interface BatchOutcome {
  result: TriageResult;
  notified?: NotifyOutcome;
  published?: { sent: number; tooLarge: number };
}

/**
 * What the Event Hub function does with a batch, kept out of `functions/` so the binding stays a
 * binding: pipeline → lookups → store → dedup/group → deliver or outbox. State that must outlive a
 * batch (backup-item mappings, the read cache and ARM budget, the store clients) lives here.
 */
export function createBatchHandler(options: BatchHandlerOptions): (bodies: InputBody[]) => Promise<BatchOutcome> {
  const mappings = new BoundedMap<string, string>(50_000);
  let lookups: Promise<LookupOptions> | undefined;
  let notifications: Promise<Omit<NotifyOptions, 'now'>> | undefined;
  let publisher: Promise<NonNullable<NotifyOptions['publish']>> | undefined;
  const triageOptions = {
    lang: options.settings.lang,
    thresholds: options.settings.thresholds,
    mappings,
    ...(options.now !== undefined && { now: options.now }),
  };
  return async (bodies) => {
    let result: TriageResult;
    if (options.lookups === undefined) result = triage(bodies, triageOptions);
    else {
      lookups ??= options.lookups();
      result = await triageWithLookups(bodies, triageOptions, await lookups);
    }
    const publish = options.publish === undefined ? undefined : await (publisher ??= options.publish());
    if (options.notifications === undefined) {
      if (publish === undefined) return { result };
      const published = await publish(result.events);
      return { result, published: { sent: published.sent, tooLarge: published.tooLarge.length } };
    }
    notifications ??= options.notifications();
    const notified = await notifyBatch(result, {
      ...(await notifications),
      thresholds: options.settings.thresholds,
      ...(publish !== undefined && { publish }),
      ...(options.now !== undefined && { now: options.now }),
    });
    return { result, notified, ...(notified.published !== undefined && { published: notified.published }) };
  };
}
