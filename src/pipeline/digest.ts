import { addDays, trendWindow, utcDay } from '../core/days.js';
import { summarizeDay, type DigestSummary, type FindingSummary } from '../core/digest/summarizeDay.js';
import { renderDigest, type RenderedDigest } from '../core/render/renderDigest.js';
import type { EnrichedEvent, Lang } from '../core/types.js';

/** What the digest reads from the store. */
export interface DigestStore {
  listEventsOfDay(day: string): Promise<EnrichedEvent[]>;
  countEventsByDay(days: readonly string[]): Promise<Record<string, number>>;
  listOpenFindings(): Promise<FindingSummary[]>;
  listResolvedOn(day: string): Promise<FindingSummary[]>;
}

export interface DigestOptions {
  day: string;
  lang: Lang;
  rpoHours: number;
  now: Date;
  dashboardUrl?: string;
}

/** The previous UTC day: what the morning digest is about. */
export function previousUtcDay(now: Date): string {
  return addDays(utcDay(now), -1);
}

/** Reads a day from the store and renders its digest. */
export async function buildDigest(
  store: DigestStore,
  options: DigestOptions,
): Promise<{ summary: DigestSummary; rendered: RenderedDigest }> {
  const [events, trend, open, resolved] = await Promise.all([
    store.listEventsOfDay(options.day),
    store.countEventsByDay(trendWindow(options.day)),
    store.listOpenFindings(),
    store.listResolvedOn(options.day),
  ]);
  const summary = summarizeDay({
    day: options.day,
    lang: options.lang,
    now: options.now,
    events,
    trend,
    open,
    resolved,
    rpoHours: options.rpoHours,
  });
  return {
    summary,
    rendered: renderDigest(summary, {
      rpoHours: options.rpoHours,
      ...(options.dashboardUrl !== undefined && { dashboardUrl: options.dashboardUrl }),
    }),
  };
}
