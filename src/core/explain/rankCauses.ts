import type { EnrichedCause, Verdict } from '../types.js';

const VERDICT_ORDER: Record<Verdict, number> = { confirmed: 0, unknown: 1, ruled_out: 2 };

/**
 * Orders causes for the reader: confirmed first (what a lookup observed, such as a deleted VM,
 * before the article's causes), then the untested ones in the article's order, and the ruled-out
 * ones last (kept, with their evidence, so nobody re-checks them by hand).
 */
export function rankCauses(causes: readonly EnrichedCause[]): EnrichedCause[] {
  const observed = (cause: EnrichedCause) => (cause.documentedIn === 'observed' ? 0 : 1);
  return [...causes]
    .sort(
      (a, b) =>
        VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
        observed(a) - observed(b) ||
        a.documentedOrder - b.documentedOrder,
    )
    .map((cause, index) => ({ ...cause, rank: index + 1 }));
}
