import type { CausalVerdict, EnrichedCause, Verdict } from '../types.js';

const ORDER: Record<CausalVerdict, number> = { implicated: 0, unknown: 1, present: 2, ruled_out: 3 };

/**
 * Orders causes for the reader: implicated first (what a lookup observed, such as a deleted VM,
 * before the article's causes), then the undetermined ones in the article's order, then the
 * conditions present but not implicated (a risk worth one line), and the ruled-out ones last
 * (kept, with their evidence, so nobody re-checks them by hand).
 */
export function rankCauses(causes: readonly EnrichedCause[]): EnrichedCause[] {
  const observed = (cause: EnrichedCause) => (cause.documentedIn === 'observed' ? 0 : 1);
  // Most events have nothing to reorder (no lookups: all undetermined, in the article's order).
  if (causes.every((cause, index) => cause.rank === index + 1 && (index === 0 || !before(cause, causes[index - 1]!))))
    return causes as EnrichedCause[];
  return [...causes]
    .sort(
      (a, b) =>
        ORDER[a.causalVerdict] - ORDER[b.causalVerdict] ||
        observed(a) - observed(b) ||
        a.documentedOrder - b.documentedOrder,
    )
    .map((cause, index) => ({ ...cause, rank: index + 1 }));
}

/** Whether `a` ranks strictly before `b`. */
function before(a: EnrichedCause, b: EnrichedCause): boolean {
  const observed = (cause: EnrichedCause) => (cause.documentedIn === 'observed' ? 0 : 1);
  const key = (cause: EnrichedCause) => [ORDER[cause.causalVerdict], observed(cause), cause.documentedOrder] as const;
  const [x, y] = [key(a), key(b)];
  return x[0] - y[0] < 0 || (x[0] === y[0] && (x[1] - y[1] < 0 || (x[1] === y[1] && x[2] < y[2])));
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
