import { daysBetween } from '../core/digest/dashboardSummary.js';
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
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** Reads a day from the store and renders its digest. */
export async function buildDigest(store: DigestStore, options: DigestOptions): Promise<{ summary: DigestSummary; rendered: RenderedDigest }> {
  const week = daysBetween(new Date(Date.parse(`${options.day}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10), options.day);
  const [events, trend, open, resolved] = await Promise.all([store.listEventsOfDay(options.day), store.countEventsByDay(week), store.listOpenFindings(), store.listResolvedOn(options.day)]);
  const summary = summarizeDay({ day: options.day, lang: options.lang, now: options.now, events, trend, open, resolved, rpoHours: options.rpoHours });
  return { summary, rendered: renderDigest(summary, { rpoHours: options.rpoHours, ...(options.dashboardUrl !== undefined && { dashboardUrl: options.dashboardUrl }) }) };
}
