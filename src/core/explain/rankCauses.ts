import type { CausalVerdict, EnrichedCause, Evidence, Verdict } from '../types.js';

const ORDER: Record<CausalVerdict, number> = { implicated: 0, unknown: 1, present: 2, ruled_out: 3 };

/**
 * Orders causes for the reader: implicated first (what a lookup observed, such as a deleted VM,
 * before the article's causes), then the undetermined ones in the article's order, then the
 * conditions present but not implicated (a risk worth one line), and the ruled-out ones last
 * (kept, with their evidence, so nobody re-checks them by hand).
 */
export function rankCauses(causes: readonly EnrichedCause[]): EnrichedCause[] {
  // Most events have nothing to reorder (no lookups: all undetermined, in the article's order).
  if (
    causes.every(
      (cause, index) => cause.rank === index + 1 && (index === 0 || compareCauses(causes[index - 1]!, cause) <= 0),
    )
  )
    return causes as EnrichedCause[];
  return [...causes].sort(compareCauses).map((cause, index) => ({ ...cause, rank: index + 1 }));
}

const observed = (cause: EnrichedCause) => (cause.documentedIn === 'observed' ? 0 : 1);

/** The reading order: verdict, then what a lookup observed, then the article's order. */
function compareCauses(a: EnrichedCause, b: EnrichedCause): number {
  return (
    ORDER[a.causalVerdict] - ORDER[b.causalVerdict] ||
    observed(a) - observed(b) ||
    a.documentedOrder - b.documentedOrder
  );
}

/** Whether a piece of evidence was read from Azure (not what the code reports, a rule, or a failed read). */
export function isReadEvidence(entry: Evidence): boolean {
  return entry.probe !== 'event' && entry.probe !== 'rule' && entry.unread !== true;
}

/** The schema 1.0 verdict: `confirmed` iff implicated; a condition present but not the cause is ruled out. */
export function toLegacyVerdict(verdict: CausalVerdict): Verdict {
  return verdict === 'implicated' ? 'confirmed' : verdict === 'present' ? 'ruled_out' : verdict;
}

/** The causal verdict of a stored cause, also for events written before schema 1.1 (no `causalVerdict`). */
export function causalVerdictOf(
  cause: Pick<EnrichedCause, 'verdict'> & { causalVerdict?: CausalVerdict },
): CausalVerdict {
  return cause.causalVerdict ?? (cause.verdict === 'confirmed' ? 'implicated' : cause.verdict);
}
