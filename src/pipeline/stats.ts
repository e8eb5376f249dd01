import type { LookupStats } from './runLookups.js';

/** Counters of one triage run. Invariant: records = findings + resolutions + ignored + rejected. */
export interface TriageStats {
  bodies: number;
  /** Input units: each record of an envelope, each alert or bare record, each unreadable body. */
  records: number;
  findings: number;
  resolutions: number;
  ignored: { total: number; byReason: Record<string, number> };
  rejected: { total: number; byReason: Record<string, number> };
  /** CoreAzureBackup backup-item → resource mappings learned (they are also counted as ignored). */
  mappingsLearned: number;
  elapsedMs: number;
  /** Present when lookups ran: reads needed, cache hits, outcomes by probe. */
  lookups?: LookupStats;
}

const MAX_REASONS = 50;

export function emptyStats(): TriageStats {
  return {
    bodies: 0,
    records: 0,
    findings: 0,
    resolutions: 0,
    ignored: { total: 0, byReason: {} },
    rejected: { total: 0, byReason: {} },
    mappingsLearned: 0,
    elapsedMs: 0,
  };
}

/** Counts a reason; reasons come partly from input data, so their number is capped. */
export function countReason(bucket: { total: number; byReason: Record<string, number> }, reason: string): void {
  bucket.total += 1;
  const key =
    Object.hasOwn(bucket.byReason, reason) || Object.keys(bucket.byReason).length < MAX_REASONS ? reason : 'other';
  bucket.byReason[key] = (bucket.byReason[key] ?? 0) + 1;
}

/** Adds one run's counters into a running total (the CLI triages file by file). */
export function addStats(total: TriageStats, run: TriageStats): void {
  total.bodies += run.bodies;
  total.records += run.records;
  total.findings += run.findings;
  total.resolutions += run.resolutions;
  total.mappingsLearned += run.mappingsLearned;
  total.elapsedMs += run.elapsedMs;
  for (const bucket of ['ignored', 'rejected'] as const) {
    for (const [reason, count] of Object.entries(run[bucket].byReason)) {
      for (let i = 0; i < count; i += 1) countReason(total[bucket], reason);
    }
  }
}
