import type { JobRecord } from './types.js';

/**
 * The identity of a protected item across formats and emitters, lower-cased: what a success must
 * share with a failure to resolve it, and what deduplication keys on.
 */
export function itemKey(job: JobRecord, vmResourceId: string | undefined): string {
  return (
    job.backupItemUniqueId ??
    job.backupItemId ??
    vmResourceId ??
    job.datasourceResourceId ??
    job.jobId
  ).toLowerCase();
}
