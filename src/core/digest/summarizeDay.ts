import { hoursSinceLastSuccess } from '../explain/hoursSinceLastSuccess.js';
import { byPriorityThenAge } from '../render/worstFirst.js';
import type { EnrichedEvent, Lang, LastSuccess, Priority } from '../types.js';
import { type CountedEvent, findingOf, itemOf } from './countedEvent.js';

/** A finding as the store's index keeps it (open now, or resolved on the day). */
export interface FindingSummary {
  key: string;
  vmName: string | null;
  vaultName: string | null;
  code: string;
  priority: Priority;
  firstFailedAt: string;
  occurrences: number;
  headline: string;
  firstAction: string;
  resolvedAt: string | null;
  /** The item's last success as the finding's last event knew it; absent when unknown. */
  lastSuccess?: LastSuccess;
}

export interface DigestInput {
  /** The UTC day summarised (YYYY-MM-DD). */
  day: string;
  lang: Lang;
  now: Date;
  /** Failed jobs of the day (enriched events, or what the store's rows count of them). */
  events: ReadonlyArray<EnrichedEvent | CountedEvent>;
  /** Failed jobs per day: the day and the 7 before it. */
  trend: Readonly<Record<string, number>>;
  open: readonly FindingSummary[];
  resolved: readonly FindingSummary[];
  rpoHours: number;
}

export interface DigestSummary {
  day: string;
  lang: Lang;
  /** The time the figures speak for: the end of `day`, or now while the day is not over. */
  asOf: string;
  allClear: boolean;
  totals: {
    failedJobs: number;
    findings: number;
    items: number;
    vaults: number;
    newFindings: number;
    recurringFindings: number;
    resolved: number;
    openNow: number;
  };
  byCode: Array<{ code: string; title: string; jobs: number; findings: number }>;
  byPriority: Record<Priority, number>;
  byVault: Array<{ vault: string; jobs: number; findings: number }>;
  /** Open findings whose item had no successful backup for more than the RPO, as of `asOf` (known ages only). */
  atRisk: Array<{ key: string; vmName: string; vaultName: string; code: string; hoursWithoutSuccess: number }>;
  /** Open findings, the worst first: priority, then the oldest. */
  open: Array<{
    /** The finding's key (its dashboard page). */
    key: string;
    vmName: string;
    vaultName: string;
    code: string;
    priority: Priority;
    /** Hours since the finding's first failure, as of `asOf`. */
    ageHours: number;
    /** Hours since the item's last successful backup as of `asOf` (`hoursSinceLastSuccess`); null when unknown. */
    hoursSinceLastSuccess: number | null;
    occurrences: number;
    firstAction: string;
  }>;
  trend: Array<{ day: string; failedJobs: number }>;
  /** The day against the average of the 7 days before it, in percent (null when they had none). */
  trendChangePercent: number | null;
}

const RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };
const HOUR = 3_600_000;

/**
 * The figures of one day for the morning digest and the dashboard. A finding (item, code) failing
 * five times counts once among findings and five times among failed jobs; "new" means opened that
 * day, "recurring" opened before it.
 */
export function summarizeDay(input: DigestInput): DigestSummary {
  const dayStart = Date.parse(`${input.day}T00:00:00Z`);
  const dayEnd = dayStart + 24 * HOUR;
  const known = new Map<string, FindingSummary>(
    [...input.open, ...input.resolved].map((finding) => [finding.key, finding]),
  );
  const findings = new Map<string, { events: Array<EnrichedEvent | CountedEvent>; priority: Priority }>();
  for (const event of input.events) {
    const key = findingOf(event);
    const entry = findings.get(key) ?? { events: [], priority: 'P4' as Priority };
    entry.events.push(event);
    if (RANK[event.priority.level] < RANK[entry.priority]) entry.priority = event.priority.level;
    findings.set(key, entry);
  }

  let newFindings = 0;
  const byPriority: Record<Priority, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  for (const [key, entry] of findings) {
    byPriority[entry.priority] += 1;
    const stored = known.get(key);
    const opened =
      stored !== undefined
        ? Date.parse(stored.firstFailedAt)
        : Math.min(...entry.events.map((e) => Date.parse(e.job.startedAt ?? e.receivedAt)));
    const recurringByHistory = entry.events.some(
      (e) => (e.priority.context?.consecutiveFailures ?? 1) > entry.events.length,
    );
    if (opened >= dayStart && !recurringByHistory) newFindings += 1;
  }

  const tally = <K extends string>(key: (event: EnrichedEvent | CountedEvent) => K) => {
    const out = new Map<K, { jobs: number; findings: Set<string>; sample: EnrichedEvent | CountedEvent }>();
    for (const event of input.events) {
      const k = key(event);
      const entry = out.get(k) ?? { jobs: 0, findings: new Set<string>(), sample: event };
      entry.jobs += 1;
      entry.findings.add(`${itemOf(event)}|${event.classification.code.toLowerCase()}`);
      out.set(k, entry);
    }
    return [...out].sort((a, b) => b[1].jobs - a[1].jobs || a[0].localeCompare(b[0]));
  };

  const trendDays = Object.keys(input.trend).sort();
  const previous = trendDays.filter((day) => day < input.day);
  const average =
    previous.length > 0 ? previous.reduce((sum, day) => sum + (input.trend[day] ?? 0), 0) / previous.length : 0;
  const today = input.trend[input.day] ?? input.events.length;
  // A past day's digest speaks for that day: ages at its end, findings that existed by then.
  const asOf = Math.min(input.now.getTime(), dayEnd);
  const asOfDate = new Date(asOf);
  const openThen = input.open.filter((finding) => Date.parse(finding.firstFailedAt) < dayEnd);
  const sinceSuccess = (finding: FindingSummary) => {
    const hours = hoursSinceLastSuccess(finding.lastSuccess, asOfDate);
    return hours === undefined ? null : Math.round(hours);
  };

  return {
    day: input.day,
    lang: input.lang,
    asOf: asOfDate.toISOString(),
    allClear: input.events.length === 0 && openThen.length === 0,
    totals: {
      failedJobs: input.events.length,
      findings: findings.size,
      items: new Set(input.events.map(itemOf)).size,
      vaults: new Set(input.events.map((event) => (event.job.vaultName ?? '?').toLowerCase())).size,
      newFindings,
      recurringFindings: findings.size - newFindings,
      resolved: input.resolved.filter(
        (finding) =>
          finding.resolvedAt !== null &&
          Date.parse(finding.resolvedAt) >= dayStart &&
          Date.parse(finding.resolvedAt) < dayEnd,
      ).length,
      openNow: openThen.length,
    },
    byCode: tally((event) => event.classification.code).map(([code, entry]) => ({
      code,
      title: entry.sample.classification.title,
      jobs: entry.jobs,
      findings: entry.findings.size,
    })),
    byPriority,
    byVault: tally((event) => event.job.vaultName ?? '?').map(([vault, entry]) => ({
      vault,
      jobs: entry.jobs,
      findings: entry.findings.size,
    })),
    atRisk: openThen
      .map((finding) => ({
        key: finding.key,
        vmName: finding.vmName ?? '?',
        vaultName: finding.vaultName ?? '?',
        code: finding.code,
        hoursWithoutSuccess: sinceSuccess(finding),
      }))
      .filter(
        (finding): finding is typeof finding & { hoursWithoutSuccess: number } =>
          finding.hoursWithoutSuccess !== null && finding.hoursWithoutSuccess > input.rpoHours,
      )
      .sort((a, b) => b.hoursWithoutSuccess - a.hoursWithoutSuccess),
    open: [...openThen]
      .sort((a, b) => byPriorityThenAge({ ...a, since: a.firstFailedAt }, { ...b, since: b.firstFailedAt }))
      .map((finding) => ({
        key: finding.key,
        vmName: finding.vmName ?? '?',
        vaultName: finding.vaultName ?? '?',
        code: finding.code,
        priority: finding.priority,
        ageHours: Math.max(0, Math.round((asOf - Date.parse(finding.firstFailedAt)) / HOUR)),
        hoursSinceLastSuccess: sinceSuccess(finding),
        occurrences: finding.occurrences,
        firstAction: finding.firstAction,
      })),
    trend: trendDays.map((day) => ({ day, failedJobs: input.trend[day] ?? 0 })),
    trendChangePercent: average > 0 ? Math.round(((today - average) / average) * 100) : null,
  };
}
