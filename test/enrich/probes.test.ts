import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { AzureState, vmId } from '../../scripts/azureState.js';
import { cause, failedJob, replay, SUB, WORKSPACE, type Replay } from '../helpers/lookups.js';
import { expectValidEnrichedEvent } from '../helpers/schema.js';

const VM = { resourceGroup: 'rg-app', name: 'vm-app-01' };
const base = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-01`;
const KV = `/subscriptions/${SUB}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-app`;
const RPG = 'AzureBackupRG_westeurope_1';
const ITEM = 'westeurope;1234567890123456789;iaasvmcontainerv2;rg-app;vm-app-01';

let open: Replay | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** One failed job of `code` for vm-app-01 against `state`: the event, the lookup records, the server. */
async function judge(code: string, state: AzureState, options: Parameters<typeof replay>[1] = {}) {
  open = await replay(state, options);
  const result = await open.run([failedJob(VM, code)]);
  expect(result.events).toHaveLength(1);
  const event = result.events[0]!;
  expectValidEnrichedEvent(event);
  return {
    event,
    result,
    server: open.server,
    lookup: (probe: string) => event.lookups.find((l) => l.probe === probe),
  };
}

const healthy = () => new AzureState().vm({ subscriptionId: SUB, ...VM });

describe('vm-agent', () => {
  it('confirms the Windows agent cause from the real agent-not-ready capture, and ranks it first', async () => {
    const { event, lookup } = await judge(
      'UserErrorGuestAgentStatusUnavailable',
      new AzureState().vm({ subscriptionId: SUB, ...VM, agent: 'not-ready' }),
    );
    expect(cause(event, 'agent-unresponsive-windows')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(cause(event, 'agent-unresponsive-windows').evidence[0]).toMatchObject({
      probe: 'vm-agent',
      summary: 'agent on vm-app-01 is Not Ready: VM Agent is unresponsive.',
      api: 'GET Microsoft.Compute/virtualMachines/vm-app-01/instanceView',
    });
    expect(cause(event, 'agent-outdated-linux').verdict).toBe('ruled_out');
    expect(event.summary.firstAction).toMatchObject({ causeId: 'agent-unresponsive-windows' });
    expect(event.summary.firstAction.text).toContain('Found: agent on vm-app-01 is Not Ready');
    expect(lookup('vm-agent')).toMatchObject({ status: 'ok' });
  });

  it('rules both agent causes out when a supported agent is Ready', async () => {
    const { event } = await judge(
      'UserErrorGuestAgentStatusUnavailable',
      new AzureState().vm({ subscriptionId: SUB, ...VM, agentVersion: '2.7.41491.1102' }),
    );
    expect(cause(event, 'agent-unresponsive-windows')).toMatchObject({ verdict: 'ruled_out' });
    expect(cause(event, 'agent-outdated-linux')).toMatchObject({ verdict: 'ruled_out' });
    expect(event.causes.at(-1)!.verdict).toBe('ruled_out');
  });

  it('confirms an out-of-date Linux agent', async () => {
    const { event } = await judge(
      'UserErrorGuestAgentStatusUnavailable',
      new AzureState().vm({ subscriptionId: SUB, ...VM, os: 'linux', agentVersion: '2.2.45' }),
    );
    expect(cause(event, 'agent-outdated-linux')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(event.summary.firstAction.commands[0]!.text).toMatch(
      /^az vm run-command invoke --resource-group rg-app --name vm-app-01 .*walinuxagent/,
    );
  });

  it('keeps the finding and says what to grant when the read is refused (403)', async () => {
    const state = healthy().raw({
      path: `${base}/instanceView`,
      status: 403,
      body: { error: { code: 'AuthorizationFailed', message: 'no' } },
    });
    const { event, lookup } = await judge('UserErrorGuestAgentStatusUnavailable', state);
    expect(lookup('vm-agent')).toMatchObject({
      status: 'failed',
      error: `403: the identity needs Reader on resource group rg-app (subscription ${SUB})`,
    });
    expect(cause(event, 'agent-unresponsive-windows')).toMatchObject({ verdict: 'unknown' });
    expect(cause(event, 'agent-unresponsive-windows').evidence[0]!.summary).toBe(
      `state unknown: 403: the identity needs Reader on resource group rg-app (subscription ${SUB})`,
    );
  });
});

describe('power-state', () => {
  it('confirms a VM shut down from inside (Stopped, still allocated)', async () => {
    const { event } = await judge(
      'ExtensionSnapshotFailedNoNetwork',
      new AzureState().vm({ subscriptionId: SUB, ...VM, power: 'stopped' }),
    );
    expect(cause(event, 'snapshot-not-taken')).toMatchObject({ verdict: 'confirmed', rank: 1 });
  });

  it('confirms a VM still updating, rules it out once provisioning succeeded', async () => {
    const updating = await judge(
      'UserErrorVmProvisioningStateFailed',
      new AzureState().vm({ subscriptionId: SUB, ...VM, provisioning: 'updating' }),
    );
    expect(cause(updating.event, 'vm-provisioning-updating').verdict).toBe('confirmed');
    await open!.close();
    const fine = await judge('UserErrorVmProvisioningStateFailed', healthy());
    expect(cause(fine.event, 'vm-provisioning-updating').verdict).toBe('ruled_out');
  });

  it('records a 500 that outlived the retries', async () => {
    const { event, lookup, server } = await judge(
      'UserErrorVmProvisioningStateFailed',
      healthy().raw({
        path: `${base}/instanceView`,
        status: 500,
        body: { error: { code: 'InternalServerError', message: 'boom' } },
      }),
    );
    expect(lookup('power-state')).toMatchObject({
      status: 'failed',
      error: '500: InternalServerError Azure failed to answer; it is retried at the next batch',
    });
    expect(server.count(`${base}/instanceView`)).toBe(3);
    expect(cause(event, 'vm-provisioning-updating').verdict).toBe('unknown');
  });
});

describe('snapshot-extension', () => {
  it('confirms a backup extension that failed to load, whose uninstall becomes the first command', async () => {
    const { event } = await judge(
      'ExtensionSnapshotFailedNoNetwork',
      new AzureState().vm({
        subscriptionId: SUB,
        ...VM,
        snapshotExtension: { failed: 'Enable failed for plugin (name: Microsoft.Azure.RecoveryServices.VMSnapshot)' },
      }),
    );
    expect(cause(event, 'extension-update-failed')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(event.summary.firstAction.commands[0]).toMatchObject({
      text: `az vm extension delete --resource-group rg-app --vm-name vm-app-01 --name VMSnapshot --subscription ${SUB}`,
      complete: true,
    });
  });

  it('a backup extension whose failure is the network: outbound access first, no uninstall', async () => {
    const { event } = await judge(
      'ExtensionSnapshotFailedNoNetwork',
      new AzureState().vm({
        subscriptionId: SUB,
        ...VM,
        snapshotExtension: { failed: 'Snapshot failed: unable to reach the storage endpoint (network unreachable)' },
      }),
    );
    expect(cause(event, 'no-internet-access')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(cause(event, 'extension-update-failed').verdict).not.toBe('confirmed');
    expect(event.summary.firstAction.causeId).toBe('no-internet-access');
    expect(event.summary.firstAction.commands.map((command) => command.text).join('\n')).not.toMatch(
      /extension delete/,
    );
  });

  it('rules it out when the extension reports success', async () => {
    const { event } = await judge('ExtensionSnapshotFailedNoNetwork', healthy());
    expect(cause(event, 'extension-update-failed')).toMatchObject({ verdict: 'ruled_out' });
  });

  it('records an unreadable answer', async () => {
    const { event, lookup } = await judge(
      'ExtensionSnapshotFailedNoNetwork',
      healthy().raw({ path: `${base}/instanceView`, fault: 'garbage' }),
    );
    expect(lookup('snapshot-extension')).toMatchObject({
      status: 'failed',
      error: 'the answer could not be read (malformed response): retried at the next batch',
    });
    expect(cause(event, 'extension-update-failed').verdict).toBe('unknown');
  });
});

describe('rp-locks', () => {
  const withCollection = () =>
    healthy()
      .restorePoints(SUB, RPG, 'AzureBackup_vm-app-01_1', vmId(SUB, 'rg-app', 'vm-app-01'), 4)
      .locks(SUB, 'rg-app', []);

  it('confirms the lock on the restore-point group and hands over the exact az lock delete', async () => {
    const { event } = await judge(
      'UserErrorRpCollectionLimitReached',
      withCollection().locks(SUB, RPG, [{ name: 'keep', level: 'CanNotDelete', notes: 'landing zone' }]),
    );
    expect(cause(event, 'rp-group-lock')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(event.summary.firstAction.commands[0]).toEqual({
      shell: 'azure-cli',
      purpose: 'Delete the lock that blocks restore-point cleanup',
      text: `az lock delete --name keep --resource-group ${RPG} --subscription ${SUB}`,
      complete: true,
    });
    expect(event.summary.firstAction.commands[1]!.text).toBe(
      `Set-AzContext -Subscription '${SUB}' | Out-Null; Remove-AzResourceLock -LockName 'keep' -ResourceGroupName '${RPG}' -Force`,
    );
    expect(event.summary.firstAction.text).toContain(`(${RPG})`);
  });

  it('rules it out when neither group is locked', async () => {
    const { event } = await judge('UserErrorRpCollectionLimitReached', withCollection().locks(SUB, RPG, []));
    expect(cause(event, 'rp-group-lock')).toMatchObject({ verdict: 'ruled_out' });
    expect(cause(event, 'rp-group-lock').evidence[0]!.summary).toBe(`no lock on ${RPG} nor on rg-app`);
  });

  it('records a refused read of the locks', async () => {
    const state = withCollection().raw({
      path: `/subscriptions/${SUB}/resourceGroups/${RPG}/providers/Microsoft.Authorization/locks`,
      status: 403,
      body: { error: { code: 'AuthorizationFailed', message: 'no' } },
    });
    const { lookup } = await judge('UserErrorRpCollectionLimitReached', state);
    expect(lookup('rp-locks')).toMatchObject({
      status: 'failed',
      error: `403: the identity needs Reader on resource group ${RPG} (subscription ${SUB})`,
    });
  });
});

describe('restore-points', () => {
  const state = (points: number) =>
    healthy()
      .locks(SUB, 'rg-app', [])
      .locks(SUB, RPG, [])
      .restorePoints(SUB, RPG, 'AzureBackup_vm-app-01_1', vmId(SUB, 'rg-app', 'vm-app-01'), points);

  it('confirms the limit at 18 restore points', async () => {
    const { event } = await judge('UserErrorRpCollectionLimitReached', state(18));
    expect(cause(event, 'rp-collection-limit')).toMatchObject({ verdict: 'confirmed' });
    expect(cause(event, 'rp-collection-limit').evidence[0]!.summary).toBe(
      `18 restore points (AzureBackup_vm-app-01_1 in ${RPG}): at the limit of 18`,
    );
  });

  it('rules it out below the limit', async () => {
    const { event } = await judge('UserErrorRpCollectionLimitReached', state(5));
    expect(cause(event, 'rp-collection-limit')).toMatchObject({ verdict: 'ruled_out' });
  });

  it('records a refused listing', async () => {
    const refused = state(5).raw({
      path: `/subscriptions/${SUB}/providers/Microsoft.Compute/restorePointCollections`,
      status: 403,
      body: { error: { code: 'AuthorizationFailed', message: 'no' } },
    });
    const { lookup } = await judge('UserErrorRpCollectionLimitReached', refused);
    expect(lookup('restore-points')).toMatchObject({
      status: 'failed',
      error: `403: the identity needs Reader on subscription ${SUB}`,
    });
  });
});

describe('disk-size', () => {
  it('implicates an 8 TB disk of a VM encrypted with Azure Disk Encryption, against the 4 TB limit', async () => {
    const { event } = await judge(
      'UserErrorUnsupportedDiskSize',
      new AzureState().vm({ subscriptionId: SUB, ...VM, dataDisksGb: [512, 8192], encryptedWith: KV }),
    );
    expect(cause(event, 'disk-too-large').evidence[0]!.summary).toBe(
      'data disk vm-app-01-data1 (LUN 1): 8192 GB: over 4 TB (4096 GB); the VM is encrypted with Azure Disk Encryption: the 4 TB limit for encrypted disks applies',
    );
    expect(cause(event, 'disk-too-large').causalVerdict).toBe('implicated');
  });

  it('rules out the same 8 TB disk without encryption: the 32 TB limit applies', async () => {
    const { event } = await judge(
      'UserErrorUnsupportedDiskSize',
      new AzureState().vm({ subscriptionId: SUB, ...VM, dataDisksGb: [512, 8192] }),
    );
    expect(cause(event, 'disk-too-large')).toMatchObject({ causalVerdict: 'ruled_out', verdict: 'ruled_out' });
    expect(cause(event, 'disk-too-large').evidence[0]!.summary).toBe(
      '3 disks, the largest 8192 GB: within the limit; the VM is not encrypted with Azure Disk Encryption: the 32 TB per-disk limit applies (standard or enhanced policy alike)',
    );
  });

  it('rules it out for the example VM (30, 30 and 100 GB)', async () => {
    const { event } = await judge('UserErrorUnsupportedDiskSize', healthy());
    expect(cause(event, 'disk-too-large')).toMatchObject({ verdict: 'ruled_out' });
  });

  it('turns a 404 into the finding that the VM is gone', async () => {
    const { event, lookup } = await judge('UserErrorUnsupportedDiskSize', new AzureState());
    expect(lookup('disk-size')).toMatchObject({
      status: 'failed',
      error: '404: VM vm-app-01 not found in rg-app: it was deleted or moved',
    });
    expect(event.causes[0]).toMatchObject({
      id: 'vm-deleted',
      verdict: 'confirmed',
      documentedIn: 'observed',
      rank: 1,
    });
    expect(event.summary.firstAction.commands[0]!.text).toMatch(
      /^az backup protection disable --resource-group rg-backup --vault-name rsv-prod-01 .*--container-name vm-app-01 --item-name vm-app-01/,
    );
  });
});

describe('key-vault', () => {
  const encrypted = () => new AzureState().vm({ subscriptionId: SUB, ...VM, encryptedWith: KV });

  it('confirms a vault whose policies do not grant backup rights, and names it in the command', async () => {
    const { event } = await judge(
      'UserErrorKeyvaultPermissionsNotConfigured',
      encrypted().keyVault(KV, [
        { objectId: '11111111-1111-1111-1111-111111111111', keys: ['get', 'list'], secrets: ['get'] },
      ]),
    );
    expect(cause(event, 'keyvault-permissions')).toMatchObject({ verdict: 'confirmed' });
    expect(event.summary.firstAction.commands[0]!.text).toBe(
      `az keyvault set-policy --name kv-app --spn 262044b1-e2ce-469f-a196-69ab7ada62d3 --key-permissions backup get list --secret-permissions backup get list --subscription ${SUB}`,
    );
  });

  it('rules it out when the Backup Management Service (configured) has its rights, or when nothing is encrypted', async () => {
    const bms = '22222222-2222-2222-2222-222222222222';
    const granted = await judge(
      'UserErrorKeyvaultPermissionsNotConfigured',
      encrypted().keyVault(KV, [
        { objectId: bms, keys: ['get', 'list', 'backup'], secrets: ['get', 'list', 'backup'] },
      ]),
      {
        context: { workspaceId: WORKSPACE, backupServiceObjectId: bms },
      },
    );
    expect(cause(granted.event, 'keyvault-permissions').verdict).toBe('ruled_out');
    await open!.close();
    const plain = await judge('UserErrorKeyvaultPermissionsNotConfigured', healthy());
    expect(cause(plain.event, 'keyvault-permissions')).toMatchObject({ verdict: 'ruled_out' });
    expect(cause(plain.event, 'keyvault-permissions').evidence[0]!.summary).toBe(
      'no Azure Disk Encryption settings on the disks of vm-app-01',
    );
  });

  it('records a refused vault read, keeping the vault name for the command', async () => {
    const state = encrypted().raw({
      path: KV,
      status: 403,
      body: { error: { code: 'AuthorizationFailed', message: 'no' } },
    });
    const { event, lookup } = await judge('UserErrorKeyvaultPermissionsNotConfigured', state);
    expect(lookup('key-vault')).toMatchObject({
      status: 'failed',
      error: '403: the identity needs Reader on key vault kv-app (resource group rg-kv)',
    });
    expect(event.summary.firstAction.commands.some((c) => c.text.includes('--name kv-app'))).toBe(true);
  });
});

describe('job-in-progress', () => {
  it('confirms a backup of the VM still running', async () => {
    const { event } = await judge(
      'UserErrorBackupOperationInProgress',
      healthy().runningJobs(SUB, 'rg-backup', 'rsv-prod-01', ['vm-app-01']),
    );
    expect(cause(event, 'backup-in-progress').verdict).toBe('confirmed');
    expect(cause(event, 'backup-in-progress').evidence[0]!.summary).toMatch(
      /^backup job \S+ of vm-app-01 is still running since 2017-08-03T05:31:07.014Z in vault rsv-prod-01$/,
    );
  });

  it('rules it out when only other VMs are being backed up', async () => {
    const { event } = await judge(
      'UserErrorBackupOperationInProgress',
      healthy().runningJobs(SUB, 'rg-backup', 'rsv-prod-01', ['vm-other']),
    );
    expect(cause(event, 'backup-in-progress').verdict).toBe('ruled_out');
  });

  it('times out at the batch deadline without holding the batch', async () => {
    const state = healthy().raw({
      path: `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-01/backupJobs`,
      fault: 'hang',
    });
    const started = Date.now();
    const { event, lookup } = await judge('UserErrorBackupOperationInProgress', state, { deadlineMs: 400 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lookup('job-in-progress')).toMatchObject({ status: 'timed_out' });
    expect(cause(event, 'backup-in-progress').evidence[0]!.summary).toMatch(/^state unknown: timed out/);
  });
});

describe('history', () => {
  const rows = (backupsLast24h: number) => [
    { item: ITEM, lastSuccess: '2026-11-21T06:00:00Z', failuresSinceSuccess: 4, backupsLast24h },
  ];

  it('confirms several backups a day, and feeds recurrence and RPO into the priority', async () => {
    const { event } = await judge(
      'UserErrorRpCollectionLimitReached',
      healthy().locks(SUB, 'rg-app', []).locks(SUB, RPG, []).history(WORKSPACE, rows(3)),
    );
    expect(cause(event, 'multiple-backups-per-day').verdict).toBe('confirmed');
    expect(event.priority.level).toBe('P1');
    expect(event.priority.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['recurrence', 'rpo']));
    expect(event.priority.reasons.find((r) => r.rule === 'rpo')!.text).toBe(
      'No successful backup for 120 h (over twice the 24 h RPO).',
    );
  });

  it('rules it out at one backup a day', async () => {
    const { event } = await judge(
      'UserErrorRpCollectionLimitReached',
      healthy().locks(SUB, 'rg-app', []).locks(SUB, RPG, []).history(WORKSPACE, rows(1)),
    );
    expect(cause(event, 'multiple-backups-per-day').verdict).toBe('ruled_out');
  });

  it('records the real "bad query" answer of Log Analytics', async () => {
    const recording = JSON.parse(
      readFileSync(
        new URL('../fixtures/arm/loganalytics/sdk-js-recording_querylogs_bad_query.json', import.meta.url),
        'utf8',
      ),
    ) as { Entries: Array<{ StatusCode: number; ResponseBody: unknown }> };
    const bad = recording.Entries[0]!;
    const state = healthy()
      .locks(SUB, 'rg-app', [])
      .locks(SUB, RPG, [])
      .raw({
        method: 'POST',
        path: `/v1/workspaces/${WORKSPACE}/query`,
        status: bad.StatusCode,
        body: bad.ResponseBody,
      });
    const { lookup } = await judge('UserErrorRpCollectionLimitReached', state);
    expect(lookup('history')).toMatchObject({ status: 'failed' });
    expect(lookup('history')!.error).toMatch(/^400: BadArgumentError/);
  });

  it('is skipped, and says why, without a workspace', async () => {
    const { lookup } = await judge(
      'UserErrorRpCollectionLimitReached',
      healthy().locks(SUB, 'rg-app', []).locks(SUB, RPG, []),
      { workspace: false, context: {} },
    );
    expect(lookup('history')).toEqual({
      probe: 'history',
      status: 'skipped',
      durationMs: 0,
      error: 'LOG_ANALYTICS_WORKSPACE_ID is not set',
    });
  });
});
