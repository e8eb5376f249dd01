import type { TokenCredential } from '@azure/core-auth';

import { isVaultId, tryParseArmId } from '../core/armId.js';
import { mapConcurrent } from '../pipeline/mapConcurrent.js';

/** Where and as whom to call ARM: Azure itself, or the local replay (its URL and certificate). */
export interface AzureConnection {
  credential: TokenCredential;
  /** @default "https://management.azure.com" */
  armEndpoint?: string;
  /** Extra trusted CA (PEM): the replay server's self-signed certificate. */
  ca?: string;
}

export interface BackupJobQuery {
  /** Jobs that started in the last `hours` (Resource Graph keeps 14 days of jobs). */
  hours: number;
  /** Subscriptions to query; all those the identity can read when empty. */
  subscriptions?: readonly string[];
  /** Rows asked per page (Resource Graph answers at most 1,000). @default 1000 */
  pageSize?: number;
  /** Stop after this many rows, saying so. @default 50_000 */
  maxRows?: number;
  signal?: AbortSignal;
}

export interface BackupJobRows {
  /** One Resource Graph row per job: the job resource's `id`, `name`, `type`, `properties`, … */
  rows: Array<Record<string, unknown>>;
  pages: number;
  /** More rows matched than `maxRows`. */
  truncated: boolean;
}

/**
 * The backup jobs of the window, failed, with warnings or completed (a later success resolves a
 * failure), from Azure Resource Graph's `RecoveryServicesResources` table: the query Microsoft
 * documents for failed backup jobs ("Automation in Azure Backup"), with the time filter it
 * suggests, backup and configure-backup operations, and `id` projected for stable paging.
 */
export function backupJobsQuery(hours: number): string {
  return [
    'RecoveryServicesResources',
    "| where type =~ 'microsoft.recoveryservices/vaults/backupjobs'",
    '| extend jobOperation = tostring(properties.operation), jobStatus = tostring(properties.status)',
    `| where todatetime(properties.startTime) > ago(${Math.trunc(hours)}h)`,
    "| where jobOperation =~ 'ConfigureBackup' or jobOperation startswith 'Backup'",
    "| where jobStatus in~ ('Failed', 'CompletedWithWarnings', 'Completed')",
    '| project id, name, type, location, resourceGroup, subscriptionId, properties',
    '| order by id asc',
  ].join('\n');
}

function clientOptions(connection: AzureConnection) {
  return {
    ...(connection.armEndpoint !== undefined && { endpoint: connection.armEndpoint }),
    ...(connection.ca !== undefined && { tlsOptions: { ca: connection.ca } }),
    retryOptions: { maxRetries: 2, retryDelayInMs: 800, maxRetryDelayInMs: 10_000 },
  };
}

/**
 * Reads the jobs page by page with the official Resource Graph client, passing each answer's
 * `$skipToken` to the next request until none is left.
 */
export async function queryBackupJobs(connection: AzureConnection, query: BackupJobQuery): Promise<BackupJobRows> {
  const { ResourceGraphClient } = await import('@azure/arm-resourcegraph');
  const client = new ResourceGraphClient(connection.credential, clientOptions(connection));
  const maxRows = query.maxRows ?? 50_000;
  const rows: Array<Record<string, unknown>> = [];
  let skipToken: string | undefined;
  let pages = 0;
  do {
    const answer = await client.resources(
      {
        query: backupJobsQuery(query.hours),
        ...(query.subscriptions !== undefined &&
          query.subscriptions.length > 0 && {
            subscriptions: [...query.subscriptions],
          }),
        options: {
          resultFormat: 'objectArray',
          ...(skipToken === undefined ? { top: query.pageSize ?? 1000 } : { skipToken }),
        },
      },
      { ...(query.signal !== undefined && { abortSignal: query.signal }) },
    );
    pages += 1;
    const data: unknown = answer.data;
    if (Array.isArray(data))
      for (const row of data) if (row !== null && typeof row === 'object') rows.push(row as Record<string, unknown>);
    skipToken = answer.skipToken;
  } while (skipToken !== undefined && rows.length < maxRows);
  return { rows: rows.slice(0, maxRows), pages, truncated: skipToken !== undefined || rows.length > maxRows };
}

/** Why a job's error details could not be read: the row is kept, its code stays unknown. */
export interface DetailFailure {
  jobId: string;
  reason: string;
}

function needsDetails(row: Record<string, unknown>): boolean {
  const properties = row['properties'] as Record<string, unknown> | undefined;
  const raw = properties?.['status'];
  const status = typeof raw === 'string' ? raw.toLowerCase() : '';
  return (status === 'failed' || status === 'completedwithwarnings') && !Array.isArray(properties?.['errorDetails']);
}

/**
 * Resource Graph rows do not always carry `errorDetails` (nothing documents that they do): for a
 * failed job without them, the job is read from the vault (`backupJobs/{name}`, the same object
 * `az backup job show` prints) and its error details copied into the row. A read that fails keeps
 * the row as it is, with the reason.
 */
export async function addJobDetails(
  connection: AzureConnection,
  rows: ReadonlyArray<Record<string, unknown>>,
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<{ rows: Array<Record<string, unknown>>; read: number; failures: DetailFailure[] }> {
  const { RecoveryServicesBackupClient } = await import('@azure/arm-recoveryservicesbackup');
  const clients = new Map<string, InstanceType<typeof RecoveryServicesBackupClient>>();
  const failures: DetailFailure[] = [];
  let read = 0;
  const out = await mapConcurrent(rows, options.concurrency ?? 8, async (row) => {
    if (!needsDetails(row)) return row;
    const id = typeof row['id'] === 'string' ? row['id'] : undefined;
    const vault = tryParseArmId(id);
    const name = typeof row['name'] === 'string' ? row['name'] : id?.split('/').pop();
    if (vault === undefined || !isVaultId(vault) || name === undefined) return row;
    let client = clients.get(vault.subscriptionId);
    if (client === undefined) {
      client = new RecoveryServicesBackupClient(connection.credential, vault.subscriptionId, clientOptions(connection));
      clients.set(vault.subscriptionId, client);
    }
    try {
      const job = await client.jobDetails.get(vault.name, vault.resourceGroup, name, {
        ...(options.signal !== undefined && { abortSignal: options.signal }),
      });
      read += 1;
      const details = (job.properties as { errorDetails?: unknown } | undefined)?.errorDetails;
      if (!Array.isArray(details)) return row;
      return { ...row, properties: { ...(row['properties'] as Record<string, unknown>), errorDetails: details } };
    } catch (error) {
      const err = error as { statusCode?: number; message?: string };
      failures.push({
        jobId: name,
        reason: `${err.statusCode ?? 'error'}: ${(err.message ?? String(error)).split('\n')[0]!.slice(0, 200)}`,
      });
      return row;
    }
  });
  return { rows: out, read, failures };
}
