import type { EnrichedCause, Verdict } from './types.js';

const VERDICT_ORDER: Record<Verdict, number> = { confirmed: 0, unknown: 1, ruled_out: 2 };

/**
 * Orders causes for the reader: confirmed first, then the untested ones in the article's order,
 * and the ruled-out ones last (kept, with their evidence, so nobody re-checks them by hand).
 */
export function rankCauses(causes: readonly EnrichedCause[]): EnrichedCause[] {
  return [...causes]
    .sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || a.documentedOrder - b.documentedOrder)
    .map((cause, index) => ({ ...cause, rank: index + 1 }));
}
