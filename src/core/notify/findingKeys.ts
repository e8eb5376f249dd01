import { createHash } from 'node:crypto';

import { itemKeyOfEvent } from '../itemKey.js';
import type { EnrichedEvent } from '../types.js';

/** Table keys may not hold `/ \ # ?` nor control characters: ids are hashed, codes normalised. */
const hash = (text: string) => createHash('sha256').update(text.toLowerCase()).digest('hex').slice(0, 40);

/** The backup item of an event, normalised: what a success shares with a failure. */
export function itemKeyOf(event: EnrichedEvent): string {
  return itemKeyOfEvent(event);
}

export function findingPartitionKey(itemKey: string): string {
  return `item-${hash(itemKey)}`;
}

export function findingRowKey(code: string): string {
  return (
    code
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '_')
      .slice(0, 200) || 'unknown'
  );
}

/** The finding an event belongs to (item and code), as stored: `<partition>|<row>`. */
export function findingKeyOf(event: EnrichedEvent): string {
  return `${findingPartitionKey(itemKeyOf(event))}|${findingRowKey(event.classification.code)}`;
}

/**
 * A finding as a member of a storm group: a short hash of its key (64 bits, so a vault's items
 * never collide in practice), for the group's membership set.
 */
export function memberIdOf(event: EnrichedEvent): string {
  return hash(findingKeyOf(event)).slice(0, 16);
}

/** The vault an event's storm is counted in: its id, else its name, lower-cased. */
export function vaultKeyOf(event: { job: { vaultId?: string | null; vaultName?: string | null } }): string {
  return (event.job.vaultId ?? event.job.vaultName ?? 'unknown-vault').toLowerCase();
}

/** A stable message id: the same decision taken twice (a redelivery, a second instance) gives the same id. */
export function messageId(...parts: string[]): string {
  return `msg-${hash(parts.join('|'))}`;
}
