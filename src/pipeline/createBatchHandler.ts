import type { Settings } from '../config/settings.js';
import type { InputBody } from '../core/types.js';
import { BoundedMap } from './boundedMap.js';
import type { LookupOptions } from './runLookups.js';
import { triage, triageWithLookups, type TriageResult } from './triage.js';

export interface BatchHandlerOptions {
  settings: Settings;
  /** Lookups against Azure (or a replay); made on first use so a cold start loads no SDK. */
  lookups?: () => Promise<LookupOptions>;
}

/**
 * What the Event Hub function does with a batch, kept out of `functions/` so the binding stays a
 * binding: state that must outlive a batch (backup-item mappings, the read cache and ARM budget
 * inside the lookup options) lives in the handler this returns.
 */
export function createBatchHandler(options: BatchHandlerOptions): (bodies: InputBody[]) => Promise<TriageResult> {
  const mappings = new BoundedMap<string, string>(50_000);
  let lookups: Promise<LookupOptions> | undefined;
  const triageOptions = { lang: options.settings.lang, thresholds: options.settings.thresholds, mappings };
  return async (bodies) => {
    if (options.lookups === undefined) return triage(bodies, triageOptions);
    lookups ??= options.lookups();
    return triageWithLookups(bodies, triageOptions, await lookups);
  };
}
