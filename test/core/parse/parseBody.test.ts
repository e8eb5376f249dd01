import { describe, expect, it } from 'vitest';

import { DEFAULT_LIMITS } from '../../../src/core/parse/limits.js';
import { parseBody } from '../../../src/core/parse/parseBody.js';
import type { JobRecord, ParsedItem } from '../../../src/core/types.js';
import { ALERT, DOC_ENVELOPE, RECONSTRUCTED, fixtureBytes, fixtureJson } from '../../helpers/fixtures.js';
import { expectValidRejectedRecord } from '../../helpers/schema.js';

const AT = '2026-11-26T06:00:00.000Z';
const parse = (body: unknown, bodyIndex = 0) => parseBody({ body, origin: { bodyIndex } }, DEFAULT_LIMITS, AT);
const jobs = (items: ParsedItem[]) =>
  items.filter((item): item is Extract<ParsedItem, { kind: 'job' }> => item.kind === 'job').map((item) => item.job);

type Envelope = { records: Array<{ properties: Record<string, unknown> } & Record<string, unknown>> };

describe('parseBody: resource-log envelope (reconstructed AddonAzureBackupJobs / CoreAzureBackup / AzureBackupReport)', () => {
  const items = parse(fixtureBytes(RECONSTRUCTED));

  it('accounts for every record with its position', () => {
    expect(items.map((item) => item.kind)).toEqual(['job', 'mapping', 'job']);
    expect(
      items.map(
        (item) =>
          (item.kind === 'rejected' ? item.rejection.origin : item.kind === 'job' ? item.job.origin : item.origin)
            .recordIndex,
      ),
    ).toEqual([0, 1, 2]);
  });

  it('reads the failed AddonAzureBackupJobs record', () => {
    const [job] = jobs(items);
    expect(job).toMatchObject<Partial<JobRecord>>({
      category: 'AddonAzureBackupJobs',
      jobId: '8f0c1a52-0000-0000-0000-000000000000',
      status: 'Failed',
      errorCode: 'UserErrorGuestAgentStatusUnavailable',
      errorCodeSource: 'field',
      startedAt: '2025-01-15T01:00:12.000Z',
      durationSec: 5460,
      vaultName: 'rsv-prod-01',
      vaultResourceGroup: 'rg-backup',
      vaultId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-01',
      region: 'westeurope',
      backupItemName: 'vm-app-01',
      datasourceResourceId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-01',
      richness: 3,
    });
  });

  it('learns the backup item → VM mapping from CoreAzureBackup', () => {
    expect(items[1]).toMatchObject({
      kind: 'mapping',
      mapping: {
        backupItemUniqueId: 'westeurope;1234567890123456789;iaasvmcontainerv2;rg-app;vm-app-01',
        datasourceResourceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-01',
      },
    });
  });

  it('reads the legacy AzureBackupReport record (numbers as strings, vault only from the upper-cased resourceId)', () => {
    const legacy = jobs(items)[1]!;
    expect(legacy).toMatchObject({
      category: 'AzureBackupReport',
      jobId: '8f0c1a52-0000-0000-0000-000000000000',
      durationSec: 5460,
      richness: 1,
    });
    expect(legacy.vaultName).toBe('RSV-PROD-01');
  });

  it('ignores legacy V1 records, which duplicate the V2 ones', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    doc.records[2]!.properties['SchemaVersion'] = 'V1';
    expect(parse(JSON.stringify(doc))[2]).toMatchObject({ kind: 'ignored', reason: 'legacy_v1_duplicate' });
  });

  it('reads field names in any case and with Log Analytics suffixes', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    const record = doc.records[0]!;
    const lowered = Object.fromEntries(
      Object.entries(record.properties).map(([key, value]) => [key.toLowerCase(), value]),
    );
    const suffixed = Object.fromEntries(Object.entries(record.properties).map(([key, value]) => [`${key}_s`, value]));
    for (const properties of [lowered, suffixed]) {
      const variant = {
        TIME: record['time'],
        ResourceID: record['resourceId'],
        Category: record['category'],
        properties,
      };
      const [job] = jobs(parse({ records: [variant] }));
      expect(job).toMatchObject({
        status: 'Failed',
        errorCode: 'UserErrorGuestAgentStatusUnavailable',
        vaultName: 'rsv-prod-01',
      });
    }
  });

  it('reads properties sent as a JSON string', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    const record = { ...doc.records[0]!, properties: JSON.stringify(doc.records[0]!.properties) };
    expect(jobs(parse({ records: [record] }))[0]?.errorCode).toBe('UserErrorGuestAgentStatusUnavailable');
  });

  it('treats JobFailureCode "Success" on a completed job as no error', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    Object.assign(doc.records[0]!.properties, { JobStatus: 'Completed', JobFailureCode: 'Success' });
    const [job] = jobs(parse(doc));
    expect(job?.status).toBe('Completed');
    expect(job?.errorCode).toBeUndefined();
  });

  it.each([
    ['JobOperation', 'DeleteBackupData', 'operation:DeleteBackupData'],
    ['JobStatus', 'InProgress', 'status:InProgress'],
    ['JobStatus', 'Cancelled', 'status:Cancelled'],
  ])('ignores %s = %s, counted as %s', (field, value, reason) => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    doc.records[0]!.properties[field] = value;
    expect(parse(doc)[0]).toMatchObject({ kind: 'ignored', reason });
  });

  it('accepts a bare record (one record object, no envelope)', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    const [job] = jobs(parse(doc.records[0]));
    expect(job).toMatchObject({ format: 'bare-record', errorCode: 'UserErrorGuestAgentStatusUnavailable' });
  });

  it('accepts a flat Log Analytics row (job fields at the top level, no category)', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    const [job] = jobs(parse({ TimeGenerated: '2025-01-15T02:41:07Z', ...doc.records[0]!.properties }));
    expect(job).toMatchObject({
      status: 'Failed',
      vaultName: 'rsv-prod-01',
      subscriptionId: '00000000-0000-0000-0000-000000000000',
    });
  });

  it('derives a stable job id when JobUniqueId is missing', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    delete doc.records[0]!.properties['JobUniqueId'];
    const first = jobs(parse(doc))[0]!;
    const second = jobs(parse(JSON.stringify(doc)))[0]!;
    expect(first.jobIdDerived).toBe(true);
    expect(first.jobId).toMatch(/^derived-[0-9a-f]{32}$/);
    expect(second.jobId).toBe(first.jobId);
  });
});

describe('parseBody: resource-log envelope of other categories (Microsoft doc sample)', () => {
  it('ignores and counts records of other categories', () => {
    expect(parse(fixtureBytes(DOC_ENVELOPE))).toEqual([
      { kind: 'ignored', reason: 'category:WorkflowRuntime', origin: { bodyIndex: 0, recordIndex: 0 } },
      { kind: 'ignored', reason: 'category:WorkflowRuntime', origin: { bodyIndex: 0, recordIndex: 1 } },
    ]);
  });
});

describe('parseBody: Azure Monitor common alert schema (real Backup Failure alert)', () => {
  type Alert = {
    data: {
      essentials: Record<string, unknown>;
      alertContext: Record<string, unknown> & { extendedInfo: Record<string, unknown> };
    };
  };

  it('recovers the code from the aka.ms link, the host VM from linkedResourceId, the vault from protectedItemId', () => {
    const [job] = jobs(parse(fixtureBytes(ALERT)));
    expect(job).toMatchObject<Partial<JobRecord>>({
      format: 'common-alert',
      status: 'Failed',
      jobId: '88df0be3-7c77-46c9-bfc2-fb92e3b1918a',
      errorCode: 'UserErrorParentFullBackupMissing',
      errorCodeSource: 'aka-link',
      errorMessage: 'First full backup is missing for this datasource.',
      vaultName: 'rsv-infra-prod-01',
      vaultResourceGroup: 'rg-Infrastructure-Prod-rsv',
      subscriptionId: 'fca54459-0e45-471d-918a-7059ac54e7ee',
      workload: 'sql-in-vm',
      hostVmResourceId:
        '/subscriptions/fca54459-0e45-471d-918a-7059ac54e7ee/resourceGroups/rg-infrastructure-prod-legacy-sql/providers/Microsoft.Compute/virtualMachines/vm-sql-prod-02',
      containerName: 'VMAppContainer;Compute;rg-infrastructure-prod-legacy-sql;vm-sql-prod-02',
      protectedItemName: 'SQLDataBase;MSSQLSERVER;Clara_migtotest_20260313',
      datasourceType: 'SQLDataBase',
      backupItemName: 'Clara_migtotest_20260313',
      startedAt: '2026-03-13T11:56:13.939Z',
    });
  });

  it('falls back to the code embedded in originAlertId, in the catalog spelling', () => {
    const alert = fixtureJson<Alert>(ALERT);
    alert.data.alertContext.extendedInfo['recommendedActions'] = 'Retry later.';
    alert.data.essentials['originAlertId'] =
      '2516288980568183370_0_46882796573241193411846827691315511505iaasvmbackupoperationfailedv2log';
    expect(jobs(parse(alert))[0]).toMatchObject({
      errorCode: 'BackUpOperationFailedV2',
      errorCodeSource: 'origin-alert-id',
    });
  });

  it('falls back to the description when it is a documented message', () => {
    const alert = fixtureJson<Alert>(ALERT);
    alert.data.alertContext.extendedInfo['recommendedActions'] = null;
    alert.data.essentials['originAlertId'] = '2516288980568183370_0_4688';
    alert.data.essentials['description'] = 'VM Agent unable to communicate with Azure Backup.';
    expect(jobs(parse(alert))[0]).toMatchObject({
      errorCode: 'UserErrorGuestAgentStatusUnavailable',
      errorCodeSource: 'description',
    });
  });

  it('maps a known code from the link to its catalog spelling', () => {
    const alert = fixtureJson<Alert>(ALERT);
    alert.data.alertContext.extendedInfo['recommendedActions'] =
      'See https://aka.ms/AB-usererrorrpcollectionlimitreached';
    expect(jobs(parse(alert))[0]).toMatchObject({ errorCode: 'UserErrorRpCollectionLimitReached' });
  });

  it('reads a resolved alert as a success of the item', () => {
    const alert = fixtureJson<Alert>(ALERT);
    alert.data.essentials['monitorCondition'] = 'Resolved';
    expect(jobs(parse(alert))[0]).toMatchObject({ status: 'Completed' });
  });

  it.each([
    ['monitoringService', 'Platform', 'alert_service:Platform'],
    ['alertRule', 'Restore Failure', 'alert_rule:Restore Failure'],
  ])('ignores %s = %s', (field, value, reason) => {
    const alert = fixtureJson<Alert>(ALERT);
    alert.data.essentials[field] = value;
    expect(parse(alert)[0]).toMatchObject({ kind: 'ignored', reason });
  });

  it('accepts the alert without its schemaId/data wrapper', () => {
    const alert = fixtureJson<Alert>(ALERT);
    expect(jobs(parse(alert.data))[0]?.jobId).toBe('88df0be3-7c77-46c9-bfc2-fb92e3b1918a');
  });
});

describe('parseBody: rejections keep the input', () => {
  it('rejects a record without JobStatus and keeps its neighbours', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    delete doc.records[0]!.properties['JobStatus'];
    const items = parse(doc);
    expect(items.map((item) => item.kind)).toEqual(['rejected', 'mapping', 'job']);
    const rejected = items[0] as Extract<ParsedItem, { kind: 'rejected' }>;
    expect(rejected.rejection).toMatchObject({
      reason: 'missing_field:JobStatus',
      origin: { bodyIndex: 0, recordIndex: 0 },
    });
    expect(rejected.rejection.raw).toContain('8f0c1a52-0000-0000-0000-000000000000');
    expectValidRejectedRecord(rejected.rejection);
  });

  it('rejects a job field of the wrong type', () => {
    const doc = fixtureJson<Envelope>(RECONSTRUCTED);
    doc.records[0]!.properties['JobFailureCode'] = { code: 'x' };
    expect(parse(doc)[0]).toMatchObject({ kind: 'rejected', rejection: { reason: 'invalid_field:JobFailureCode' } });
  });
});
