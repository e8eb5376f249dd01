import { readFileSync } from 'node:fs';

/** A copied real job resource (test/fixtures/jobs), parsed. */
export function jobFixture<T = Record<string, any>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/jobs/${name}`, import.meta.url), 'utf8')) as T;
}

export interface CliJob {
  subscriptionId: string;
  vaultResourceGroup: string;
  vaultName: string;
  vmResourceGroup: string;
  vmName: string;
  jobId: string;
  status: 'Failed' | 'Completed' | 'CompletedWithWarnings' | 'InProgress';
  operation?: string;
  startTime?: string;
  /** errorTitle (the string code) and errorCode (its number). */
  error?: { code?: string; number?: number; message?: string; recommendations?: string[] };
}

/**
 * What `az backup job show` prints for an Azure VM job, and `az backup job list -o json` lists:
 * the CLI's own top level (eTag, id, location, name, resourceGroup, tags, type: the SAP HANA CLI
 * tutorial's output), the AzureIaaSVMJob properties of the Azure CLI's recorded job, and an
 * errorDetails entry in the shape of the documented failed workload job. Only values change.
 */
export function cliVmJob(job: CliJob): Record<string, unknown> {
  const cli = jobFixture('az-backup-restore-azurewl.hana-restore-as-files.output.json');
  const recorded = jobFixture('test_backup_job.job-get-inprogress.body.json');
  const documented = jobFixture('sql-workload-failed-job.docs-example.json');
  const properties = structuredClone(recorded.properties);
  Object.assign(properties, {
    actionsInfo: cli.properties.actionsInfo,
    containerName: `iaasvmcontainerv2;${job.vmResourceGroup};${job.vmName}`,
    duration: cli.properties.duration,
    entityFriendlyName: job.vmName,
    operation: job.operation ?? 'Backup',
    status: job.status,
    startTime: job.startTime ?? '2026-11-26T01:00:12.884816+00:00',
    endTime: job.status === 'InProgress' ? null : '2026-11-26T02:31:40.102339+00:00',
    errorDetails: null,
  });
  properties.extendedInfo.propertyBag['VM Name'] = job.vmName;
  properties.extendedInfo.dynamicErrorMessage = null;
  if (job.error !== undefined) {
    const detail = structuredClone(documented.properties.errorDetails[0]);
    if (job.error.code === undefined) delete detail.errorTitle;
    else detail.errorTitle = job.error.code;
    if (job.error.number === undefined) delete detail.errorCode;
    else detail.errorCode = job.error.number;
    detail.errorString = job.error.message ?? detail.errorString;
    detail.recommendations = job.error.recommendations ?? detail.recommendations;
    properties.errorDetails = [detail];
  }
  return {
    eTag: cli.eTag,
    id: `/subscriptions/${job.subscriptionId}/resourceGroups/${job.vaultResourceGroup}/providers/Microsoft.RecoveryServices/vaults/${job.vaultName}/backupJobs/${job.jobId}`,
    location: cli.location,
    name: job.jobId,
    properties,
    resourceGroup: job.vaultResourceGroup,
    tags: cli.tags,
    type: cli.type,
  };
}

/**
 * A `RecoveryServicesResources` row of Azure Resource Graph for a job: the job resource's `id`,
 * `name` and `properties` with the table's own columns (`type` lower-cased, `location`,
 * `resourceGroup`, `subscriptionId`), the columns Microsoft's documented queries read. No public
 * row shows whether `properties.errorDetails` is there: `withErrorDetails: false` leaves it out.
 */
export function graphJobRow(
  job: Record<string, unknown>,
  location: string,
  options: { withErrorDetails?: boolean } = {},
): Record<string, unknown> {
  const id = String(job['id']);
  const properties = structuredClone(job['properties']) as Record<string, unknown>;
  if (options.withErrorDetails === false) delete properties['errorDetails'];
  delete properties['actionsInfo'];
  return {
    id,
    name: job['name'],
    type: 'microsoft.recoveryservices/vaults/backupjobs',
    location,
    resourceGroup: (typeof job['resourceGroup'] === 'string' ? job['resourceGroup'] : id.split('/')[4]!).toLowerCase(),
    subscriptionId: id.split('/')[2],
    properties,
  };
}
