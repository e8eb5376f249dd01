import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { EnrichedEvent } from '../../src/core/types.js';
import { cli, lines } from '../helpers/cli.js';
import { cliVmJob, type CliJob } from '../helpers/jobs.js';
import { expectValidEnrichedEvent } from '../helpers/schema.js';

const DIR = mkdtempSync(join(tmpdir(), 'triage-inputs-'));
const VAULT = {
  subscriptionId: '3f2b6c1e-8d4a-4e5b-9c7d-2a1b0c9d8e7f',
  vaultResourceGroup: 'rg-backup-prod',
  vaultName: 'rsv-prod-we-01',
  vmResourceGroup: 'rg-app-prod',
};
const job = (vmName: string, jobId: string, rest: Partial<CliJob>) =>
  cliVmJob({ ...VAULT, vmName, jobId, status: 'Failed', ...rest });

/** What `az backup job list -o json` prints for a vault with three failed jobs among five. */
const VAULT_JOBS = [
  job('vm-app-01', '6513270e-0001-4d37-b2a7-4de452e6b438', {
    error: {
      code: 'UserErrorGuestAgentStatusUnavailable',
      message: 'VM Agent unable to communicate with Azure Backup',
    },
  }),
  job('vm-app-02', '6513270e-0002-4d37-b2a7-4de452e6b438', { status: 'InProgress' }),
  job('vm-app-03', '6513270e-0003-4d37-b2a7-4de452e6b438', {
    error: {
      code: 'UserErrorRpCollectionLimitReached',
      message: 'The Restore Point collection max limit has reached.',
    },
  }),
  job('vm-app-04', '6513270e-0004-4d37-b2a7-4de452e6b438', { status: 'Completed' }),
  job('vm-app-05', '6513270e-0005-4d37-b2a7-4de452e6b438', {
    operation: 'ConfigureBackup',
    error: { code: 'UserErrorGuestAgentStatusUnavailable' },
  }),
];

function file(name: string, content: string | Buffer): string {
  const path = join(DIR, name);
  writeFileSync(path, content);
  return path;
}

describe('backup-triage triage: every way jobs reach us', () => {
  it('turns `az backup job list -o json` of a vault into one finding per failed job', async () => {
    const run = await cli([
      'triage',
      '--no-lookups',
      '--stats',
      file('jobs.json', JSON.stringify(VAULT_JOBS, null, 2)),
    ]);
    expect(run.status).toBe(0);
    const events = lines(run.stdout) as unknown as EnrichedEvent[];
    events.forEach(expectValidEnrichedEvent);
    expect(events.map((event) => [event.id, event.job.operation, event.classification.code, event.job.vmName])).toEqual(
      [
        ['6513270e-0001-4d37-b2a7-4de452e6b438', 'Backup', 'UserErrorGuestAgentStatusUnavailable', 'vm-app-01'],
        ['6513270e-0003-4d37-b2a7-4de452e6b438', 'Backup', 'UserErrorRpCollectionLimitReached', 'vm-app-03'],
        [
          '6513270e-0005-4d37-b2a7-4de452e6b438',
          'ConfigureBackup',
          'UserErrorGuestAgentStatusUnavailable',
          'vm-app-05',
        ],
      ],
    );
    // The VM comes from the job's container name and the vault's subscription.
    expect(events[0]!.job).toMatchObject({
      vmResourceId:
        '/subscriptions/3f2b6c1e-8d4a-4e5b-9c7d-2a1b0c9d8e7f/resourceGroups/rg-app-prod/providers/Microsoft.Compute/virtualMachines/vm-app-01',
      vmIdSource: 'container-name',
      workload: 'azure-vm',
      vaultResourceGroup: 'rg-backup-prod',
    });
    expect(events[0]!.summary.headline).toBe(
      'Backup of vm-app-01 failed in vault rsv-prod-we-01 (resource group rg-app-prod): VM agent unable to communicate with Azure Backup [UserErrorGuestAgentStatusUnavailable]',
    );
    expect(events[2]!.summary.headline).toMatch(/^Enabling backup of vm-app-05 failed in vault rsv-prod-we-01/);
    const stats = lines(run.stderr).at(-1)!;
    expect(stats).toMatchObject({ records: 5, findings: 3, resolutions: 1, ignored: { total: 1 } });
  });

  it('reads the same jobs as JSON lines in UTF-16, as Windows PowerShell writes them', async () => {
    const text = VAULT_JOBS.map((entry) => JSON.stringify(entry)).join('\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const run = await cli(['triage', '--no-lookups', file('jobs.utf16.jsonl', utf16)]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const events = lines(run.stdout) as unknown as EnrichedEvent[];
    expect(events.map((event) => [event.id, event.source.line])).toEqual([
      ['6513270e-0001-4d37-b2a7-4de452e6b438', 1],
      ['6513270e-0003-4d37-b2a7-4de452e6b438', 3],
      ['6513270e-0005-4d37-b2a7-4de452e6b438', 5],
    ]);
  });

  it('reads pages of the REST list (`value`, with nextLink) kept in one file', async () => {
    const pages = [
      { value: VAULT_JOBS.slice(0, 2), nextLink: 'https://management.azure.com/…?$skiptoken=1' },
      { value: VAULT_JOBS.slice(2) },
    ];
    const run = await cli(['triage', '--no-lookups', file('pages.json', JSON.stringify(pages))]);
    expect(lines(run.stdout)).toHaveLength(3);
  });

  it('keeps a job that completed with warnings as a warning with its code: not a resolution, at most P3', async () => {
    const warned = job('vm-app-01', '6513270e-0006-4d37-b2a7-4de452e6b438', {
      status: 'CompletedWithWarnings',
      error: { code: 'UserErrorGuestAgentStatusUnavailable' },
    });
    for (const lang of ['en', 'fr']) {
      const run = await cli([
        'triage',
        '--no-lookups',
        '--stats',
        '--lang',
        lang,
        file('warned.json', JSON.stringify(warned)),
      ]);
      const [event] = lines(run.stdout) as unknown as EnrichedEvent[];
      expectValidEnrichedEvent(event);
      expect(event!.job.status).toBe('CompletedWithWarnings');
      expect(event!.classification.code).toBe('UserErrorGuestAgentStatusUnavailable');
      expect(event!.priority.level).toBe('P3');
      expect(event!.priority.reasons[0]!.rule).toBe('warning');
      expect(event!.summary.headline).toMatch(
        lang === 'en'
          ? /^Backup of vm-app-01 completed with warnings in vault/
          : /^La sauvegarde de vm-app-01 s’est terminée avec des avertissements/,
      );
      expect(lines(run.stderr).at(-1)).toMatchObject({ findings: 1, resolutions: 0 });
    }
  });
});
