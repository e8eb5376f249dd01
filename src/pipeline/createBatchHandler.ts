import type { Settings } from '../config/settings.js';
import type { InputBody, OsType } from '../core/types.js';
import { BoundedMap } from './boundedMap.js';
import { retriedSetup } from './retriedSetup.js';
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
  };
  return async (bodies) => {
    let result: TriageResult;
    if (lookups === undefined) result = triage(bodies, triageOptions);
    else result = await triageWithLookups(bodies, triageOptions, await lookups());
    const publish = publisher === undefined ? undefined : await publisher();
    if (notifications === undefined) {
      if (publish === undefined) return { result };
      const published = await publish(result.events);
      return { result, published: { sent: published.sent, tooLarge: published.tooLarge.length } };
    }
    const notified = await notifyBatch(result, {
      ...(await notifications()),
      thresholds: options.settings.thresholds,
      ...(publish !== undefined && { publish }),
      ...(options.now !== undefined && { now: options.now }),
    });
    return { result, notified, ...(notified.published !== undefined && { published: notified.published }) };
  };
}
