import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { DEFAULT_LIMITS } from '../../../src/core/parse/limits.js';
import { parseBody } from '../../../src/core/parse/parseBody.js';
import type { JobRecord, ParsedItem } from '../../../src/core/types.js';
import { cliVmJob, jobFixture } from '../../helpers/jobs.js';

const AT = '2026-11-26T06:00:00.000Z';
const parse = (body: unknown) => parseBody({ body, origin: { bodyIndex: 0 } }, DEFAULT_LIMITS, AT);
const jobs = (items: ParsedItem[]) =>
  items.filter((item): item is Extract<ParsedItem, { kind: 'job' }> => item.kind === 'job').map((item) => item.job);
const SUB = '3f2b6c1e-8d4a-4e5b-9c7d-2a1b0c9d8e7f';

describe('parseBody: backup job resources (REST, az backup job show / list, Resource Graph rows)', () => {
  it('reads a page of the REST list: a running backup is not a finding, a completed ConfigureBackup is a success', () => {
    const page = jobFixture('ListJobsWithStartTimeAndEndTimeFilters.json').responses['200'].body;
    const items = parse(page);
    expect(items.map((item) => item.kind)).toEqual(['ignored', 'job']);
    expect(items[0]).toMatchObject({ reason: 'status:InProgress' });
    expect(jobs(items)[0]).toMatchObject<Partial<JobRecord>>({
      format: 'job-resource',
      category: 'AzureIaaSVMJob',
      operation: 'ConfigureBackup',
      status: 'Completed',
      workload: 'azure-vm',
      vaultName: 'NetSDKTestRsVault',
      vaultResourceGroup: 'SwaggerTestRg',
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      backupItemName: 'testvm',
      startedAt: '2017-08-03T05:30:32.448Z',
      durationSec: 31.307,
    });
  });

  it('reads the documented failed SQL Server job: string code from errorTitle, its number, message and advice', () => {
    const [job] = jobs(parse(jobFixture('sql-workload-failed-job.docs-example.json')));
    expect(job).toMatchObject<Partial<JobRecord>>({
      jobId: 'c22eca5d-0c1c-48a0-a40d-69bef708d92a',
      operation: 'Backup',
      status: 'Failed',
      workload: 'sql-in-vm',
      datasourceType: 'SQLDataBase',
      backupManagementType: 'AzureWorkload',
      errorCode: 'OperationCancelledBecauseConflictingOperationRunningUserError',
      errorCodeSource: 'field',
      errorNumber: 510008,
      errorMessage: 'Operation cancelled as a conflicting operation was already running on the same database.',
      recommendedAction: 'Please try again after sometime.',
      backupItemName: 'MSSQLSERVER/msDB [sqlserver-0.contoso.com]',
      vaultName: 'SQLServer2012',
      vaultResourceGroup: 'SQLServerSelfHost',
      durationSec: 193.644,
    });
  });

  it('reads a file-share job: the storage account is its container', () => {
    const [job] = jobs(parse(jobFixture('afs-storage-job-get.docs-example.json')));
    expect(job).toMatchObject<Partial<JobRecord>>({
      operation: 'ConfigureBackup',
      workload: 'azure-files',
      backupItemName: 'testshare',
      containerName: 'testvault2',
      durationSec: 43.181,
    });
  });

  it('reads what the Azure CLI prints (its resourceGroup gives the vault group its case; Python durations)', () => {
    const output = jobFixture('az-backup-restore-azurewl.hana-restore-as-files.output.json');
    expect(parse(output)[0]).toMatchObject({ kind: 'ignored', reason: 'status:InProgress' });
    output.properties.status = 'Failed';
    const [job] = jobs(parse(output));
    expect(job).toMatchObject<Partial<JobRecord>>({
      operation: 'Restore',
      workload: 'sap-hana-in-vm',
      vaultName: 'SAPHANAVault',
      vaultResourceGroup: 'saphanaResourceGroup',
      subscriptionId: 'ef4ab5a7-c2c0-4304-af80-af49f48af3d1',
      startedAt: '2020-07-08T07:20:29.336Z',
      durationSec: 1.782,
    });
    expect(job?.errorCode).toBeUndefined();
  });

  it('reads a list as `az backup job list -o json` prints it: every job accounted for, in order', () => {
    const base = { subscriptionId: SUB, vaultResourceGroup: 'rg-backup-prod', vaultName: 'rsv-prod-we-01' };
    const list = [
      cliVmJob({
        ...base,
        vmResourceGroup: 'rg-app-prod',
        vmName: 'vm-app-01',
        jobId: 'a1',
        status: 'Failed',
        error: { code: 'UserErrorGuestAgentStatusUnavailable', number: 400081 },
      }),
      cliVmJob({ ...base, vmResourceGroup: 'rg-app-prod', vmName: 'vm-app-02', jobId: 'a2', status: 'InProgress' }),
      cliVmJob({ ...base, vmResourceGroup: 'rg-app-prod', vmName: 'vm-app-03', jobId: 'a3', status: 'Completed' }),
    ];
    const items = parse(JSON.stringify(list));
    expect(items.map((item) => item.kind)).toEqual(['job', 'ignored', 'job']);
    expect(jobs(items)[0]).toMatchObject<Partial<JobRecord>>({
      jobId: 'a1',
      errorCode: 'UserErrorGuestAgentStatusUnavailable',
      containerName: 'iaasvmcontainerv2;rg-app-prod;vm-app-01',
      vaultResourceGroup: 'rg-backup-prod',
    });
  });

  it('keeps the number as the code when a job gives only a number the catalog does not know', () => {
    const job = cliVmJob({
      subscriptionId: SUB,
      vaultResourceGroup: 'rg-backup-prod',
      vaultName: 'rsv-prod-we-01',
      vmResourceGroup: 'rg-app-prod',
      vmName: 'vm-app-01',
      jobId: 'n1',
      status: 'Failed',
      error: { number: 999_999 },
    });
    expect(jobs(parse(job))[0]).toMatchObject({ errorCode: '999999', errorCodeSource: 'field', errorNumber: 999_999 });
  });

  it('rejects a job without status, with its reason, and never throws on odd values', () => {
    const job = jobFixture('test_backup_job.job-get-inprogress.body.json');
    delete job.properties.status;
    expect(parse(job)[0]).toMatchObject({ kind: 'rejected', rejection: { reason: 'missing_field:properties.status' } });
    job.properties.status = 'Failed';
    job.properties.operation = { nested: true };
    expect(parse(job)[0]).toMatchObject({ kind: 'rejected', rejection: { reason: 'invalid_field:operation' } });
  });
});

describe('parseBody: Log Analytics query answers', () => {
  /** The reconstructed AddonAzureBackupJobs record as the query API returns it: columns and positional rows. */
  function answer(typed: boolean): Record<string, unknown> {
    // The API's own answer (tables[].name/columns/rows) from the spec example, with backup columns.
    const oms = JSON.parse(
      readFileSync(new URL('../../fixtures/arm/loganalytics/oms-post-example.json', import.meta.url), 'utf8'),
    ).responses['200'].body as { tables: Array<{ columns: Array<{ name: string; type: string }>; rows: unknown[][] }> };
    const record = {
      TimeGenerated: '2025-01-15T02:41:07Z',
      ResourceId:
        '/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-BACKUP/PROVIDERS/MICROSOFT.RECOVERYSERVICES/VAULTS/RSV-PROD-01',
      Category: 'AddonAzureBackupJobs',
      OperationName: 'Job',
      BackupItemUniqueId: 'westeurope;1234567890123456789;iaasvmcontainerv2;rg-app;vm-app-01',
      BackupManagementType: 'IaaSVM',
      JobDurationInSecs: typed ? 5460 : '5460',
      JobFailureCode: 'UserErrorGuestAgentStatusUnavailable',
      JobOperation: 'Backup',
      JobStartDateTime: '2025-01-15T01:00:12Z',
      JobStatus: 'Failed',
      JobUniqueId: '8f0c1a52-0000-0000-0000-000000000000',
      ExtendedProperties: '{"k":"v"}',
      VaultName: 'rsv-prod-01',
      ResourceGroupName: 'rg-backup',
      SubscriptionId: '00000000-0000-0000-0000-000000000000',
    };
    const table = oms.tables[0]!;
    table.columns = Object.keys(record).map((name) => ({
      name,
      type: name === 'ExtendedProperties' ? 'dynamic' : name === 'JobDurationInSecs' ? 'real' : 'string',
    }));
    table.rows = [Object.values(record), Object.values({ ...record, JobUniqueId: 'second', JobStatus: 'Completed' })];
    return oms;
  }

  it.each([true, false])('reads each row as a job (typed values: %s)', (typed) => {
    const items = parse(answer(typed));
    expect(items.map((item) => item.kind)).toEqual(['job', 'job']);
    expect(jobs(items)[0]).toMatchObject<Partial<JobRecord>>({
      format: 'log-analytics',
      category: 'AddonAzureBackupJobs',
      status: 'Failed',
      errorCode: 'UserErrorGuestAgentStatusUnavailable',
      durationSec: 5460,
      vaultName: 'rsv-prod-01',
      vaultResourceGroup: 'rg-backup',
      workload: 'azure-vm',
    });
    expect(jobs(items)[1]?.status).toBe('Completed');
  });

  it('rejects a row that does not match its columns, and keeps the others', () => {
    const body = answer(true) as { tables: Array<{ rows: unknown[][] }> };
    body.tables[0]!.rows.splice(1, 0, ['too', 'short']);
    const items = parse(body);
    expect(items.map((item) => item.kind)).toEqual(['job', 'rejected', 'job']);
    expect(items[1]).toMatchObject({ rejection: { reason: 'invalid_field:rows', origin: { recordIndex: 1 } } });
  });
});

describe('parseBody: operations and outcomes', () => {
  it('reads the operation in every spelling', () => {
    const job = jobFixture('test_backup_job.job-get-inprogress.body.json');
    job.properties.status = 'Failed';
    for (const [spelling, operation] of [
      ['Backup (Full)', 'Backup'],
      ['ConfigureBackup', 'ConfigureBackup'],
      ['Configure Backup', 'ConfigureBackup'],
      ['CrossRegionRestore', 'Restore'],
    ]) {
      job.properties.operation = spelling;
      expect(jobs(parse(job))[0]?.operation).toBe(operation);
    }
    job.properties.operation = 'DeleteBackupData';
    expect(parse(job)[0]).toMatchObject({ kind: 'ignored', reason: 'operation:DeleteBackupData' });
  });

  it('keeps the code of a job that completed with warnings', () => {
    const job = cliVmJob({
      subscriptionId: SUB,
      vaultResourceGroup: 'rg-backup-prod',
      vaultName: 'rsv-prod-we-01',
      vmResourceGroup: 'rg-app-prod',
      vmName: 'vm-app-01',
      jobId: 'w1',
      status: 'CompletedWithWarnings',
      error: { code: 'UserErrorFsFreezeFailed' },
    });
    expect(jobs(parse(job))[0]).toMatchObject({
      status: 'CompletedWithWarnings',
      errorCode: 'UserErrorFsFreezeFailed',
    });
  });
});
