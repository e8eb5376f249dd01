import { writeFileSync } from 'node:fs';

import { AzureState, vmId } from './azureState.js';

/**
 * Writes samples/azure/state.json: the Azure state `npm start` replays behind the sample events,
 * so that several causes are confirmed, several ruled out, and some lookups fail the way real
 * ones do (a 403, a deleted VM, an unreadable answer). Run: node dist/scripts/buildSampleState.js
 */
const WE = '3f2b6c1e-8d4a-4e5b-9c7d-2a1b0c9d8e7f';
const NE = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const WORKSPACE = 'd2f0a6c7-3b5e-4c8a-9f1e-6b7d8c9e0a1b';
const item = (region: string, opaque: string, rg: string, vm: string) =>
  `${region};${opaque};iaasvmcontainerv2;${rg};${vm}`;
const we = (rg: string, vm: string) => item('westeurope', '4415223099861234512', rg, vm);

const state = new AzureState()
  // UserErrorGuestAgentStatusUnavailable: the agent is Not Ready (the real capture).
  .vm({ subscriptionId: WE, resourceGroup: 'rg-app-prod', name: 'vm-app-01', agent: 'not-ready' })
  // GuestAgentSnapshotTaskStatusError: shut down from inside, still allocated.
  .vm({ subscriptionId: WE, resourceGroup: 'rg-web-prod', name: 'vm-web-02', agent: 'not-ready', power: 'stopped' })
  // UserErrorRpCollectionLimitReached: a lock on the restore-point group, 18 points, three backups a day.
  .vm({ subscriptionId: WE, resourceGroup: 'rg-data-prod', name: 'vm-sql-01' })
  .locks(WE, 'rg-data-prod', [])
  .locks(WE, 'AzureBackupRG_westeurope_1', [
    { name: 'do-not-delete', level: 'CanNotDelete', notes: 'Set by the landing-zone policy' },
  ])
  .restorePoints(WE, 'AzureBackupRG_westeurope_1', 'AzureBackup_vm-sql-01_1', vmId(WE, 'rg-data-prod', 'vm-sql-01'), 18)
  // UserErrorKeyvaultPermissionsNotConfigured: ADE key vault without backup rights.
  .vm({
    subscriptionId: WE,
    resourceGroup: 'rg-hr-prod',
    name: 'vm-hr-01',
    encryptedWith: `/subscriptions/${WE}/resourceGroups/rg-hr-prod/providers/Microsoft.KeyVault/vaults/kv-hr-prod`,
  })
  .keyVault(`/subscriptions/${WE}/resourceGroups/rg-hr-prod/providers/Microsoft.KeyVault/vaults/kv-hr-prod`, [
    {
      objectId: '7d3b2a10-5c4e-4f8a-9b6d-1e2f3a4b5c6d',
      keys: ['get', 'list', 'wrapKey', 'unwrapKey'],
      secrets: ['get', 'list'],
    },
  ])
  // ExtensionSnapshotFailedNoNetwork: the backup extension failed.
  .vm({
    subscriptionId: WE,
    resourceGroup: 'rg-dmz',
    name: 'vm-dmz-01',
    snapshotExtension: {
      failed: 'Snapshot operation failed: unable to reach the storage endpoint (network unreachable)',
    },
  })
  // ExtentionOperationFailedForManagedDisks: a Linux VM with an old agent.
  .vm({ subscriptionId: WE, resourceGroup: 'rg-devops', name: 'vm-build-01', os: 'linux', agentVersion: '2.2.45' })
  // BackUpOperationFailed: everything healthy (resolved by a later success).
  .vm({ subscriptionId: WE, resourceGroup: 'rg-files', name: 'vm-files-01' })
  .locks(WE, 'rg-files', [])
  .restorePoints(WE, 'AzureBackupRG_westeurope_1', 'AzureBackup_vm-files-01_1', vmId(WE, 'rg-files', 'vm-files-01'), 6)
  // BackUpOperationFailedV2: vm-print-01 has no entry at all: it was deleted (404).
  // UserErrorUnsupportedDiskSize: an 8 TB data disk on a VM encrypted with Azure Disk Encryption (limit 4 TB).
  .vm({
    subscriptionId: WE,
    resourceGroup: 'rg-archive',
    name: 'vm-archive-01',
    dataDisksGb: [1024, 8192],
    encryptedWith: `/subscriptions/${WE}/resourceGroups/rg-archive/providers/Microsoft.KeyVault/vaults/kv-archive`,
  })
  // UserErrorBackupOperationInProgress: the previous backup still runs.
  .runningJobs(WE, 'rg-backup-prod', 'rsv-prod-we-01', ['vm-erp-01'])
  // UserErrorVmProvisioningStateFailed: another extension failed.
  .vm({
    subscriptionId: WE,
    resourceGroup: 'rg-linux',
    name: 'vm-lnx-01',
    os: 'linux',
    provisioning: 'failed',
    failedExtension: {
      name: 'CustomScript',
      message: 'Command execution finished, but failed because it returned a non-zero exit code of: 1',
    },
  })
  // Second vault: the identity lacks Reader on rg-pay for vm-pay-02; vm-pay-03 is healthy;
  // vm-pay-01 gets an unreadable answer.
  .raw({
    path: `/subscriptions/${NE}/resourceGroups/rg-pay/providers/Microsoft.Compute/virtualMachines/vm-pay-02/instanceView`,
    status: 403,
    body: {
      error: {
        code: 'AuthorizationFailed',
        message:
          "The client does not have authorization to perform action 'Microsoft.Compute/virtualMachines/instanceView/read' over scope '/subscriptions/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/resourceGroups/rg-pay'.",
      },
    },
  })
  .raw({
    path: `/subscriptions/${NE}/resourceGroups/rg-pay/providers/Microsoft.Compute/virtualMachines/vm-pay-02`,
    status: 403,
    body: { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } },
  })
  .vm({ subscriptionId: NE, resourceGroup: 'rg-pay', name: 'vm-pay-03' })
  .raw({
    path: `/subscriptions/${NE}/resourceGroups/rg-pay/providers/Microsoft.Compute/virtualMachines/vm-pay-01/instanceView`,
    fault: 'garbage',
  })
  .history(WORKSPACE, [
    {
      item: we('rg-app-prod', 'vm-app-01'),
      lastSuccess: '2026-11-21T01:00:40Z',
      failuresSinceSuccess: 4,
      backupsLast24h: 1,
    },
    {
      item: we('rg-data-prod', 'vm-sql-01'),
      lastSuccess: '2026-11-24T13:01:05Z',
      failuresSinceSuccess: 2,
      backupsLast24h: 3,
    },
    {
      item: we('rg-files', 'vm-files-01'),
      lastSuccess: '2026-11-24T01:03:10Z',
      failuresSinceSuccess: 1,
      backupsLast24h: 1,
    },
  ]);

const fixture = { workspaceId: WORKSPACE, ...state.toFixture() };
const target = new URL('../../samples/azure/state.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`wrote ${fixture.requests.length} replay entries to ${target.pathname}`);
