import { findingKeyOf, itemKeyOf } from '../notify/findingKeys.js';
import type { EnrichedEvent, LookupRecord, Priority } from '../types.js';

/**
 * What the digest and the dashboard count of an enriched event: the columns of its stored row, so
 * a day or a range is summarised without reading (or holding) whole events.
 */
export interface CountedEvent {
  id: string;
  receivedAt: string;
  /**
   * The finding (`findingKeyOf`) and the backup item it belongs to: `itemKeyOf`, or in stored rows
   * the finding key's item part (a hash of it), which counts items the same.
   */
  findingKey: string;
  itemKey: string;
  job: Pick<EnrichedEvent['job'], 'startedAt' | 'vaultName' | 'vmName' | 'backupItemName'>;
  classification: Pick<EnrichedEvent['classification'], 'code' | 'title'>;
  priority: { level: Priority; context?: { consecutiveFailures?: number } };
  lookups: ReadonlyArray<Pick<LookupRecord, 'probe' | 'status'>>;
}

/** The counted part of a whole event. */
export function toCountedEvent(event: EnrichedEvent): CountedEvent {
  const consecutive = event.priority.context?.consecutiveFailures;
  return {
    id: event.id,
    receivedAt: event.receivedAt,
    findingKey: findingKeyOf(event),
    itemKey: itemKeyOf(event),
    job: {
      startedAt: event.job.startedAt,
      vaultName: event.job.vaultName,
      vmName: event.job.vmName,
      backupItemName: event.job.backupItemName,
    },
    classification: { code: event.classification.code, title: event.classification.title },
    priority: {
      level: event.priority.level,
      ...(consecutive !== undefined && { context: { consecutiveFailures: consecutive } }),
    },
    lookups: event.lookups.map((lookup) => ({ probe: lookup.probe, status: lookup.status })),
  };
}

/** The finding of a whole or counted event. */
export function findingOf(event: EnrichedEvent | CountedEvent): string {
  return 'findingKey' in event ? event.findingKey : findingKeyOf(event);
}

/** The backup item of a whole or counted event. */
export function itemOf(event: EnrichedEvent | CountedEvent): string {
  return 'itemKey' in event ? event.itemKey : itemKeyOf(event);
}
