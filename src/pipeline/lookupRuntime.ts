import type { LookupSettings } from '../config/settings.js';
import type { ReadResult, StateReader } from '../enrich/readings.js';
import type { LookupOptions } from './runLookups.js';
import { TokenBucket } from './tokenBucket.js';
import { TtlCache } from './ttlCache.js';

/**
 * The lookup options of a long-lived process (a Function App instance, a CLI run): one read cache
 * and one ARM budget per subscription, shared by every batch it handles.
 */
export function createLookupRuntime(
  reader: StateReader,
  settings: LookupSettings,
  now: () => Date = () => new Date(),
): LookupOptions {
  const buckets = new Map<string, TokenBucket>();
  return {
    reader,
    context: {
      ...(settings.workspaceId !== undefined && { workspaceId: settings.workspaceId }),
      ...(settings.backupServiceObjectId !== undefined && { backupServiceObjectId: settings.backupServiceObjectId }),
    },
    now,
    concurrency: settings.concurrency,
    deadlineMs: settings.deadlineMs,
    cache: new TtlCache<ReadResult>(20_000),
    cacheTtlMs: settings.cacheTtlMs,
    limiterFor: (subscriptionId) => {
      const key = subscriptionId.toLowerCase();
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = new TokenBucket({ capacity: settings.armBurst, refillPerSecond: settings.armReadsPerSecond });
        buckets.set(key, bucket);
      }
      return bucket;
    },
  };
}
