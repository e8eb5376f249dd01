import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { AzureState } from '../../scripts/azureState.js';
import type { EnrichedEvent } from '../../src/core/types.js';
import { startReplayServer } from '../../src/replay/replayServer.js';
import { cli, lines } from '../helpers/cli.js';
import { cliVmJob, graphJobRow, type CliJob } from '../helpers/jobs.js';
import { expectValidEnrichedEvent } from '../helpers/schema.js';

const SUB = '3f2b6c1e-8d4a-4e5b-9c7d-2a1b0c9d8e7f';
const VAULT = { subscriptionId: SUB, vaultResourceGroup: 'rg-backup-prod', vaultName: 'rsv-prod-we-01' };
const RG = 'rg-app-prod';
const NOW = new Date();
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const job = (vmName: string, jobId: string, rest: Partial<CliJob>) =>
  cliVmJob({ ...VAULT, vmResourceGroup: RG, vmName, jobId, status: 'Failed', ...rest });

// Five jobs of the last day over two pages: two failures with their details in the row, one
// without (read from the vault), a later success that resolves a failure, and a warning.
const AGENT = job('vm-app-01', '0a1b2c3d-0001-4d37-b2a7-4de452e6b438', {
  startTime: hoursAgo(5),
  error: { code: 'UserErrorGuestAgentStatusUnavailable', message: 'VM Agent unable to communicate with Azure Backup' },
});
const POLICY = job('vm-app-03', '0a1b2c3d-0003-4d37-b2a7-4de452e6b438', {
  startTime: hoursAgo(4),
  error: { code: 'UserErrorRequestDisallowedByPolicy' },
});
const TRANSIENT = job('vm-app-04', '0a1b2c3d-0004-4d37-b2a7-4de452e6b438', {
  startTime: hoursAgo(6),
  error: { code: 'CopyingVHDsFromBackUpVaultTakingLongTime' },
});
const LATER_SUCCESS = job('vm-app-04', '0a1b2c3d-0005-4d37-b2a7-4de452e6b438', {
  status: 'Completed',
  startTime: hoursAgo(2),
});
const WARNING = job('vm-app-05', '0a1b2c3d-0006-4d37-b2a7-4de452e6b438', {
  status: 'CompletedWithWarnings',
  startTime: hoursAgo(3),
  error: { code: 'UserErrorFsFreezeFailed' },
});

function estate(): AzureState {
  return new AzureState()
    .resourceGraph([
      [graphJobRow(AGENT, 'westeurope'), graphJobRow(TRANSIENT, 'westeurope'), graphJobRow(WARNING, 'westeurope')],
      [graphJobRow(POLICY, 'westeurope', { withErrorDetails: false }), graphJobRow(LATER_SUCCESS, 'westeurope')],
    ])
    .backupJob(POLICY)
    .vm({ subscriptionId: SUB, resourceGroup: RG, name: 'vm-app-01', agent: 'not-ready' })
    .vm({ subscriptionId: SUB, resourceGroup: RG, name: 'vm-app-03' })
    .vm({ subscriptionId: SUB, resourceGroup: RG, name: 'vm-app-05', os: 'linux' })
    .policies(SUB, 'AzureBackupRG_westeurope_1', [{ name: 'require-naming', definition: 'naming' }]);
}

function fixtureFile(state: AzureState): string {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  const path = join(dir, 'azure.json');
  writeFileSync(path, JSON.stringify(state.toFixture()));
  return path;
}

describe('backup-triage scan', () => {
  it('prints what is failing across the subscriptions, worst first, after reading every page', async () => {
    const run = await cli(['scan', '--azure-fixtures', fixtureFile(estate()), '--stats']);
    expect(run.status).toBe(0);
    const [header, ...rest] = run.stdout.split('\n');
    expect(header).toBe(
      '3 backup jobs failing in the last 24 h across the subscriptions you can read, 1 resolved since by a later success.',
    );
    const headlines = rest.filter((line) => line.startsWith('### ')).map((line) => line.slice(4));
    // The two P2 failures, the one failing for longest first; the warning; the resolved transient last.
    expect(headlines).toEqual([
      'P2 · Backup of vm-app-01 failed in vault rsv-prod-we-01 (resource group rg-app-prod): VM agent unable to communicate with Azure Backup \\[UserErrorGuestAgentStatusUnavailable\\]',
      'P2 · Backup of vm-app-03 failed in vault rsv-prod-we-01 (resource group rg-app-prod): An Azure Policy prevents the snapshot operation \\[UserErrorRequestDisallowedByPolicy\\]',
      'P3 · Backup of vm-app-05 completed with warnings in vault rsv-prod-we-01 (resource group rg-app-prod): Mount points of the VM could not be frozen for a file-system consistent snapshot \\[UserErrorFsFreezeFailed\\]',
      expect.stringMatching(/^P4 · Backup of vm-app-04 failed .*\[CopyingVHDsFromBackUpVaultTakingLongTime\\\]$/),
    ]);
    // The lookups ran: the agent was read, and the Deny policy on the restore-point group named.
    expect(run.stdout).toContain('Found: agent on vm-app-01 is Not Ready');
    expect(run.stdout).toContain(
      'Found: policy assignment require-naming (Naming Convention, effect Deny) applies to AzureBackupRG\\_westeurope\\_1.',
    );
    const stats = lines(run.stderr).at(-1) as Record<string, any>;
    expect(stats).toMatchObject({
      kind: 'stats',
      findings: 4,
      resolutions: 1,
      resourceGraph: { rows: 5, pages: 2, truncated: false },
      jobDetails: { read: 1, failed: [] },
    });
  });

  it('writes the enriched events worst first with --render json (here for one subscription, without lookups)', async () => {
    const run = await cli([
      'scan',
      '--azure-fixtures',
      fixtureFile(estate()),
      '--no-lookups',
      '--hours',
      '48',
      '--subscription',
      SUB,
      '--render',
      'json',
    ]);
    expect(run.status).toBe(0);
    const events = lines(run.stdout) as unknown as EnrichedEvent[];
    events.forEach(expectValidEnrichedEvent);
    expect(events.map((event) => event.priority.level)).toEqual(['P2', 'P2', 'P3', 'P4']);
    expect(events.map((event) => event.lookups)).toEqual([[], [], [], []]);
    // The row without errorDetails got them from its vault.
    expect(events.find((event) => event.job.vmName === 'vm-app-03')?.classification.code).toBe(
      'UserErrorRequestDisallowedByPolicy',
    );
  });

  it('pages with $skipToken and filters on what it was asked', async () => {
    const state = estate();
    const server = await startReplayServer(state.toFixture());
    const { queryBackupJobs, backupJobsQuery } = await import('../../src/adapters/resourceGraphJobs.js');
    const { StaticTokenCredential } = await import('../../src/adapters/staticTokenCredential.js');
    try {
      const result = await queryBackupJobs(
        { credential: new StaticTokenCredential(), armEndpoint: server.url, ca: server.ca },
        { hours: 48, subscriptions: [SUB] },
      );
      expect(result).toMatchObject({ pages: 2, truncated: false });
      expect(result.rows.map((row) => row['name'])).toEqual([
        AGENT['name'],
        TRANSIENT['name'],
        WARNING['name'],
        POLICY['name'],
        LATER_SUCCESS['name'],
      ]);
      const posts = server.requests.filter((request) => request.method === 'POST');
      expect(posts).toHaveLength(2);
      const [first, second] = posts.map((request) => JSON.parse(request.body) as Record<string, any>);
      expect(first).toMatchObject({ query: backupJobsQuery(48), subscriptions: [SUB], options: { $top: 1000 } });
      expect(first!['query']).toContain(
        "RecoveryServicesResources\n| where type =~ 'microsoft.recoveryservices/vaults/backupjobs'",
      );
      expect(first!['query']).toContain('ago(48h)');
      expect(second).toMatchObject({ options: { $skipToken: 'page-1-of-2' } });
      expect(server.requests.every((request) => request.authorized)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('speaks French', async () => {
    const run = await cli(['scan', '--azure-fixtures', fixtureFile(estate()), '--lang', 'fr', '--no-lookups']);
    expect(run.stdout.split('\n')[0]).toBe(
      '3 travaux de sauvegarde en échec sur les 24 dernières heures dans les abonnements que vous pouvez lire, 1 résolu depuis par une réussite ultérieure.',
    );
    expect(run.stdout).toContain('### P2 · Échec de la sauvegarde de vm-app-01 dans le coffre rsv-prod-we-01');
  });

  it('says when nothing failed', async () => {
    const run = await cli([
      'scan',
      '--azure-fixtures',
      fixtureFile(new AzureState().resourceGraph([[]])),
      '--no-lookups',
    ]);
    expect(run).toMatchObject({
      status: 0,
      stdout: 'No backup job failed in the last 24 h across the subscriptions you can read.\n',
    });
  });

  it.each([
    [['--hours', '0'], '--hours must be a whole number of hours from 1 to 336 (got "0")'],
    [['--subscription', 'prod'], '--subscription "prod" is not a subscription id (a GUID)'],
  ])('refuses %j', async (args, message) => {
    const run = await cli(['scan', ...args, '--azure-fixtures', fixtureFile(new AzureState())]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('says what to do when Resource Graph refuses the query', async () => {
    const state = new AzureState().raw({
      method: 'POST',
      path: '/providers/Microsoft.ResourceGraph/resources',
      status: 403,
      body: { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } },
    });
    const run = await cli(['scan', '--azure-fixtures', fixtureFile(state)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'backup-triage scan: Azure Resource Graph refused the query (403): the identity needs Reader on the subscriptions to scan\n',
    );
  });
});
