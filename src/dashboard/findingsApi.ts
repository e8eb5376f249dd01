import type { IndexedFinding, TableStore } from '../adapters/tableStore.js';
import { hoursSinceLastSuccess } from '../core/explain/hoursSinceLastSuccess.js';
import { byPriorityThenAge } from '../core/render/worstFirst.js';
import type { CountedEvent } from '../core/digest/countedEvent.js';
import type { EnrichedEvent, Priority } from '../core/types.js';

/** What the dashboard's table, tiles and charts are filtered by: one set, read from the URL. */
export interface FindingFilters {
  status: 'open' | 'resolved' | 'all';
  vault?: string;
  code?: string;
  priority?: Priority;
}

/** A row of the findings table: one backup item failing with one code, open now or resolved in the range. */
export interface FindingRow {
  key: string;
  status: 'open' | 'resolved';
  priority: Priority;
  vmName: string | null;
  vaultName: string | null;
  code: string;
  headline: string;
  firstAction: string;
  firstFailedAt: string;
  lastFailedAt: string;
  occurrences: number;
  resolvedAt: string | null;
  /** Hours since the item's last successful backup, now; null when unknown. */
  hoursSinceLastSuccess: number | null;
}

/** Reads the filters of a request; a sentence saying what is wrong when one is not valid. */
export function readFilters(query: URLSearchParams): FindingFilters | string {
  const status = query.get('status') ?? 'open';
  if (status !== 'open' && status !== 'resolved' && status !== 'all') return 'status must be open, resolved or all';
  const priority = query.get('priority') || undefined;
  if (priority !== undefined && !/^P[1-4]$/.test(priority)) return 'priority must be P1 to P4';
  const vault = query.get('vault') || undefined;
  const code = query.get('code') || undefined;
  if ((vault?.length ?? 0) > 200 || (code?.length ?? 0) > 200) return 'vault and code are at most 200 characters';
  return {
    status,
    ...(vault !== undefined && { vault }),
    ...(code !== undefined && { code }),
    ...(priority !== undefined && { priority: priority as Priority }),
  };
}

const same = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** Whether a finding passes the vault, code and priority filters. */
export function matches(
  finding: { vaultName: string | null; code: string; priority: string },
  filters: FindingFilters,
): boolean {
  return (
    (filters.vault === undefined || same(finding.vaultName, filters.vault)) &&
    (filters.code === undefined || same(finding.code, filters.code)) &&
    (filters.priority === undefined || finding.priority === filters.priority)
  );
}

/** Whether a failed job passes the filters, its status being its finding's. */
export function eventMatches(
  event: EnrichedEvent | CountedEvent,
  findingKey: string,
  filters: FindingFilters,
  open: ReadonlySet<string>,
): boolean {
  if (
    !matches(
      { vaultName: event.job.vaultName, code: event.classification.code, priority: event.priority.level },
      filters,
    )
  )
    return false;
  return filters.status === 'all' || open.has(findingKey) === (filters.status === 'open');
}

function toRow(finding: IndexedFinding, now: Date): FindingRow {
  const hours = hoursSinceLastSuccess(finding.lastSuccess, now);
  return {
    key: finding.key,
    status: finding.resolvedAt !== null ? 'resolved' : 'open',
    priority: finding.priority,
    vmName: finding.vmName,
    vaultName: finding.vaultName,
    code: finding.code,
    headline: finding.headline,
    firstAction: finding.firstAction,
    firstFailedAt: finding.firstFailedAt,
    lastFailedAt: finding.lastFailedAt,
    occurrences: finding.occurrences,
    resolvedAt: finding.resolvedAt,
    hoursSinceLastSuccess: hours === undefined ? null : Math.round(hours),
  };
}

/**
 * The findings the table lists, worst first (priority, then the oldest): the open ones (all of
 * them: open is now, whatever the range) and those resolved on a day of the range, filtered. The
 * page's tiles and its priority chart count this same list, so they cannot disagree with it.
 */
export async function listFindings(
  store: TableStore,
  range: { from: string; to: string },
  filters: FindingFilters,
  now: Date,
): Promise<{ items: FindingRow[]; openKeys: Set<string> }> {
  const [open, resolved] = await Promise.all([
    store.listOpenFindings(),
    filters.status === 'open' ? Promise.resolve([]) : store.listResolvedBetween(range.from, range.to),
  ]);
  const openKeys = new Set(open.map((finding) => finding.key));
  const chosen = [
    ...(filters.status === 'resolved' ? [] : open),
    // A finding resolved, then open again, is listed once: as open.
    ...resolved.filter((finding) => !openKeys.has(finding.key)),
  ];
  const items = chosen
    .filter((finding) => matches(finding, filters))
    .map((finding) => toRow(finding, now))
    .sort((a, b) =>
      byPriorityThenAge(
        { priority: a.priority, since: a.firstFailedAt },
        { priority: b.priority, since: b.firstFailedAt },
      ),
    );
  return { items, openKeys };
}
