import type { EnrichedEvent, Priority } from '../types.js';

const RANK: Readonly<Record<Priority, number>> = { P1: 0, P2: 1, P3: 2, P4: 3 };

/** Orders by priority (P1 first), then by age (the oldest first); ties keep their order. */
export function byPriorityThenAge(a: { priority: Priority; since: string }, b: { priority: Priority; since: string }) {
  return RANK[a.priority] - RANK[b.priority] || a.since.localeCompare(b.since);
}

/**
 * Findings the way every human rendering lists them: the worst first, that is the highest
 * priority, and within a priority the one failing for longest. Returns a new array.
 */
export function worstFirst(events: readonly EnrichedEvent[]): EnrichedEvent[] {
  const key = (event: EnrichedEvent) => ({
    priority: event.priority.level,
    since: event.job.startedAt ?? event.receivedAt,
  });
  return [...events].sort((a, b) => byPriorityThenAge(key(a), key(b)));
}
