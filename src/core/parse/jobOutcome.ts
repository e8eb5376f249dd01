import type { JobOperation, JobRecord } from '../types.js';

/**
 * The operation of a job as every emitter spells it: `Backup`, `Backup (Full)` (REST workload
 * jobs), `ConfigureBackup` / `Configure Backup` (the data-model article), `Restore`,
 * `CrossRegionRestore`. Other operations (Register, DeleteBackupData, …) produce no finding.
 */
export function toJobOperation(text: string | undefined): JobOperation | undefined {
  if (text === undefined) return undefined;
  const key = text
    .replace(/\(.*\)/, '')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();
  if (key === 'backup') return 'Backup';
  if (key === 'configurebackup') return 'ConfigureBackup';
  if (key === 'restore' || key === 'crossregionrestore') return 'Restore';
  return undefined;
}

/** Finished outcomes only: `InProgress`, `Cancelled`, `Cancelling` produce no finding. */
export function toJobStatus(text: string | undefined): JobRecord['status'] | undefined {
  switch (text?.replace(/\s+/g, '').toLowerCase()) {
    case 'failed':
      return 'Failed';
    case 'completed':
      return 'Completed';
    case 'completedwithwarnings':
      return 'CompletedWithWarnings';
    default:
      return undefined;
  }
}

/**
 * Whether a job's code is worth keeping: failures and warnings keep theirs; `Success` (what the
 * tables put in JobFailureCode of a good job) and the codes of clean completions are not codes.
 */
export function keepsCode(status: JobRecord['status'], code: string | undefined): code is string {
  return status !== 'Completed' && code !== undefined && code.toLowerCase() !== 'success';
}
