import type { EnrichedEvent, JobOperation, JobRecord } from './types.js';
import type { Workload } from './workload.js';

/** The fields an item key is made of, as a job record and an enriched event both hold them. */
interface ItemFields {
  operation: JobOperation;
  workload: Workload | undefined;
  backupItemUniqueId: string | undefined;
  backupItemId: string | undefined;
  vmResourceId: string | undefined;
  vaultId: string | undefined;
  containerName: string | undefined;
  protectedItemName: string | undefined;
  backupItemName: string | undefined;
  fallback: string;
}

/** The prefix of restore item keys. */
export const RESTORE_PREFIX = 'restore|';

/**
 * The identity of a protected item across formats and emitters, lower-cased: what a success must
 * share with a failure to resolve it, and what deduplication keys on. An item that is not a VM is
 * named by its vault, host (VM or container) and own name (several databases share one VM).
 * Restores are keyed apart: a successful backup says nothing about a failed restore.
 */
function itemKeyFrom(fields: ItemFields): string {
  const ownVm = fields.workload === undefined || fields.workload === 'azure-vm' || fields.workload === 'unknown';
  const name = fields.protectedItemName ?? fields.backupItemName;
  const host = fields.vmResourceId ?? fields.containerName;
  const item = (
    fields.backupItemUniqueId ??
    fields.backupItemId ??
    (ownVm ? fields.vmResourceId : undefined) ??
    (!ownVm && host !== undefined && name !== undefined ? `${fields.vaultId ?? ''}|${host}|${name}` : undefined) ??
    fields.fallback
  ).toLowerCase();
  return fields.operation === 'Restore' ? `${RESTORE_PREFIX}${item}` : item;
}

/** The item key of a parsed job, with the VM it resolved to. */
export function itemKey(job: JobRecord, vmResourceId: string | undefined): string {
  return itemKeyFrom({
    operation: job.operation,
    workload: job.workload,
    backupItemUniqueId: job.backupItemUniqueId,
    backupItemId: job.backupItemId,
    vmResourceId,
    vaultId: job.vaultId,
    containerName: job.containerName,
    protectedItemName: job.protectedItemName,
    backupItemName: job.backupItemName,
    fallback: job.jobId,
  });
}

/** The item key of an enriched event (older stored events lack the 1.1 fields and key as before). */
export function itemKeyOfEvent(event: EnrichedEvent): string {
  return itemKeyFrom({
    operation: event.job.operation ?? 'Backup',
    workload: event.job.workload,
    backupItemUniqueId: event.job.backupItemUniqueId ?? undefined,
    backupItemId: event.job.backupItemId ?? undefined,
    vmResourceId: event.job.vmResourceId ?? undefined,
    vaultId: event.job.vaultId ?? undefined,
    containerName: event.job.containerName ?? undefined,
    protectedItemName: event.job.protectedItemName ?? undefined,
    backupItemName: event.job.backupItemName ?? undefined,
    fallback: event.id,
  });
}
