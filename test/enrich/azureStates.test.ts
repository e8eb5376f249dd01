import { afterEach, describe, expect, it } from 'vitest';

import { AzureState, vmId } from '../../scripts/azureState.js';
import type { CausalVerdict, EnrichedEvent } from '../../src/core/types.js';
import { failedJob, replay, SUB, WORKSPACE, type Replay } from '../helpers/lookups.js';
import { expectValidEnrichedEvent } from '../helpers/schema.js';

/** How the Windows agent reports an extension whose handler failed to start (its message's shape). */
const ENABLE_FAILED =
  'Enable failed for plugin (name: Microsoft.Azure.RecoveryServices.VMSnapshot, version 1.0.24.0) with exception Command C:\\Packages\\Plugins\\Microsoft.Azure.RecoveryServices.VMSnapshot\\1.0.24.0\\enable.cmd of Microsoft.Azure.RecoveryServices.VMSnapshot has exited with Exit code: 1';

/**
 * Azure states built from the real example responses of test/fixtures/arm/ (see scripts/azureState.ts), each
 * with the verdict expected for every cause it speaks to, through the real SDK clients and the local replay.
 * It grows with every probe: a new probe adds its states here.
 */

const VM = { resourceGroup: 'rg-app', name: 'vm-app-01' };
const ID = vmId(SUB, 'rg-app', 'vm-app-01');
const BASE = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-01`;
const KV = `/subscriptions/${SUB}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-app`;
const RPG = 'AzureBackupRG_westeurope_1';
const ITEM = 'westeurope;1234567890123456789;iaasvmcontainerv2;rg-app;vm-app-01';
const BMS = '22222222-2222-2222-2222-222222222222';
const LOCK = { name: 'keep', level: 'CanNotDelete' as const, notes: 'landing zone' };
const refused = { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no' } } };

const vm = (extra: Partial<Parameters<AzureState['vm']>[0]> = {}) =>
  new AzureState().vm({ subscriptionId: SUB, ...VM, ...extra });
/** A VM whose restore points (in the default group) and locks are as given. */
const points = (count: number, locked: boolean, extra: Partial<Parameters<AzureState['vm']>[0]> = {}) =>
  vm(extra)
    .locks(SUB, 'rg-app', [])
    .locks(SUB, RPG, locked ? [LOCK] : [])
    .restorePoints(SUB, RPG, 'AzureBackup_vm-app-01_1', ID, count);
const history = (backupsLast24h: number) => [
  { item: ITEM, lastSuccess: '2026-11-25T01:00:00Z', failuresSinceSuccess: 1, backupsLast24h },
];

interface Case {
  name: string;
  code: string;
  state: () => AzureState;
  verdicts: Record<string, CausalVerdict>;
  /** The cause of the first action (null: none, e.g. resolved or nothing left). */
  firstAction?: string | null;
  firstCommand?: RegExp;
  options?: Parameters<typeof replay>[1];
  /** A later success of the item in the same input. */
  laterSuccess?: boolean;
}

const AGENT = 'UserErrorGuestAgentStatusUnavailable';
const INTERNAL = 'BackUpOperationFailed';
const LIMIT = 'UserErrorRpCollectionLimitReached';

const CASES: Case[] = [
  // vm-agent
  {
    name: 'Windows agent Not Ready (the real capture)',
    code: AGENT,
    state: () => vm({ agent: 'not-ready' }),
    verdicts: { 'agent-unresponsive-windows': 'implicated', 'agent-outdated-linux': 'ruled_out' },
    firstAction: 'agent-unresponsive-windows',
  },
  {
    name: 'Windows agent Ready and supported',
    code: AGENT,
    state: () => vm({ agentVersion: '2.7.41491.1102' }),
    verdicts: { 'agent-unresponsive-windows': 'ruled_out', 'agent-outdated-linux': 'ruled_out' },
  },
  {
    name: 'Windows agent Ready but older than the minimum',
    code: AGENT,
    state: () => vm({ agentVersion: '2.7.41491.949' }),
    verdicts: { 'agent-unresponsive-windows': 'unknown', 'agent-outdated-linux': 'ruled_out' },
  },
  {
    name: 'Linux agent older than 2.2.53.1',
    code: AGENT,
    state: () => vm({ os: 'linux', agentVersion: '2.2.45' }),
    verdicts: { 'agent-outdated-linux': 'implicated', 'agent-unresponsive-windows': 'ruled_out' },
    firstAction: 'agent-outdated-linux',
    firstCommand: /^az vm run-command invoke .*walinuxagent/,
  },
  {
    name: 'Linux agent Not Ready',
    code: AGENT,
    state: () => vm({ os: 'linux', agent: 'not-ready' }),
    verdicts: { 'agent-outdated-linux': 'implicated', 'agent-unresponsive-windows': 'ruled_out' },
  },
  // power-state
  {
    name: 'Windows VM shut down from inside (Stopped, still allocated)',
    code: 'GuestAgentSnapshotTaskStatusError',
    state: () => vm({ agent: 'not-ready', power: 'stopped' }),
    verdicts: {
      'snapshot-not-taken': 'implicated',
      'agent-unresponsive-windows': 'unknown',
      'agent-outdated-linux': 'ruled_out',
      'agent-config-linux': 'ruled_out',
    },
    firstAction: 'snapshot-not-taken',
  },
  {
    name: 'VM deallocated: no agent to report',
    code: 'GuestAgentSnapshotTaskStatusError',
    state: () => vm({ power: 'deallocated' }),
    verdicts: { 'snapshot-not-taken': 'unknown', 'agent-unresponsive-windows': 'unknown' },
  },
  {
    name: 'VM still updating',
    code: 'UserErrorVmProvisioningStateFailed',
    state: () => vm({ provisioning: 'updating' }),
    verdicts: { 'vm-provisioning-updating': 'implicated', 'vm-extension-failed': 'ruled_out' },
  },
  // snapshot-extension
  {
    name: 'backup extension failed to load',
    code: 'ExtensionSnapshotFailedNoNetwork',
    state: () => vm({ snapshotExtension: { failed: ENABLE_FAILED } }),
    verdicts: { 'extension-update-failed': 'implicated', 'snapshot-not-taken': 'unknown' },
    firstAction: 'extension-update-failed',
    firstCommand: /^az vm extension delete .*--name VMSnapshot /,
  },
  {
    name: 'backup extension failed for want of network',
    code: 'ExtensionSnapshotFailedNoNetwork',
    state: () => vm({ snapshotExtension: { failed: 'Snapshot failed: network unreachable' } }),
    verdicts: { 'no-internet-access': 'implicated', 'extension-update-failed': 'present' },
    firstAction: 'no-internet-access',
  },
  {
    name: 'another extension failed',
    code: 'UserErrorVmProvisioningStateFailed',
    state: () =>
      vm({ os: 'linux', provisioning: 'failed', failedExtension: { name: 'CustomScript', message: 'exit 1' } }),
    verdicts: { 'vm-extension-failed': 'implicated', 'vm-provisioning-updating': 'ruled_out' },
  },
  {
    name: 'instance view refused (403)',
    code: 'ExtensionSnapshotFailedNoNetwork',
    state: () => vm().raw({ path: `${BASE}/instanceView`, ...refused }),
    verdicts: { 'extension-update-failed': 'unknown', 'snapshot-not-taken': 'unknown' },
  },
  {
    name: 'instance view unreadable',
    code: 'ExtensionSnapshotFailedNoNetwork',
    state: () => vm().raw({ path: `${BASE}/instanceView`, fault: 'garbage' }),
    verdicts: { 'extension-update-failed': 'unknown' },
  },
  // rp-locks and restore-points: a lock is a cause only with the restore points at or near the limit
  {
    name: 'lock, restore points far below the limit (internal error)',
    code: INTERNAL,
    state: () => points(4, true),
    verdicts: { 'rp-group-lock': 'present' },
  },
  {
    name: 'lock, restore points near the limit (17 of 18)',
    code: INTERNAL,
    state: () => points(17, true),
    verdicts: { 'rp-group-lock': 'implicated' },
  },
  {
    name: 'lock, 18 restore points, restore-point limit code',
    code: LIMIT,
    state: () => points(18, true),
    verdicts: { 'rp-group-lock': 'implicated', 'rp-collection-limit': 'implicated' },
    firstAction: 'rp-group-lock',
    firstCommand: new RegExp(`^az lock delete --name keep --resource-group ${RPG} `),
  },
  {
    name: 'lock, restore points below the limit, but the code reports the limit',
    code: LIMIT,
    state: () => points(4, true),
    verdicts: { 'rp-group-lock': 'implicated', 'rp-collection-limit': 'ruled_out' },
  },
  {
    name: 'no lock, 18 restore points',
    code: LIMIT,
    state: () => points(18, false),
    verdicts: { 'rp-group-lock': 'ruled_out', 'rp-collection-limit': 'implicated' },
    firstAction: 'rp-collection-limit',
  },
  {
    name: 'lock, restore points not countable (listing refused)',
    code: INTERNAL,
    state: () =>
      points(18, true).raw({
        path: `/subscriptions/${SUB}/providers/Microsoft.Compute/restorePointCollections`,
        ...refused,
      }),
    verdicts: { 'rp-group-lock': 'present' },
  },
  {
    name: 'locks refused (403)',
    code: LIMIT,
    state: () =>
      points(5, false).raw({
        path: `/subscriptions/${SUB}/resourceGroups/${RPG}/providers/Microsoft.Authorization/locks`,
        ...refused,
      }),
    verdicts: { 'rp-group-lock': 'unknown', 'rp-collection-limit': 'ruled_out' },
  },
  {
    name: 'VM deleted (404), a lock in place: every other cause moot',
    code: INTERNAL,
    state: () => new AzureState().locks(SUB, 'rg-app', []).locks(SUB, RPG, [LOCK]),
    verdicts: {
      'vm-deleted': 'implicated',
      'rp-group-lock': 'present',
      'agent-unresponsive-windows': 'ruled_out',
      'snapshot-not-taken': 'ruled_out',
    },
    firstAction: 'vm-deleted',
    firstCommand: /^az backup protection disable /,
  },
  {
    name: 'later success with the lock and 18 restore points still in place',
    code: INTERNAL,
    state: () => points(18, true),
    laterSuccess: true,
    verdicts: { 'rp-group-lock': 'present' },
    firstAction: null,
  },
  // key-vault
  {
    name: 'access policies: none grants get/list/backup',
    code: 'UserErrorKeyvaultPermissionsNotConfigured',
    state: () =>
      vm({ encryptedWith: KV }).keyVault(KV, [
        { objectId: '11111111-1111-1111-1111-111111111111', keys: ['get', 'list'], secrets: ['get'] },
      ]),
    verdicts: { 'keyvault-permissions': 'implicated' },
    firstCommand: /^az keyvault set-policy --name kv-app /,
  },
  {
    name: 'access policies: the Backup Management Service (configured) has its rights',
    code: 'UserErrorKeyvaultPermissionsNotConfigured',
    state: () =>
      vm({ encryptedWith: KV }).keyVault(KV, [
        { objectId: BMS, keys: ['get', 'list', 'backup'], secrets: ['get', 'list', 'backup'] },
      ]),
    options: { context: { workspaceId: WORKSPACE, backupServiceObjectId: BMS } },
    verdicts: { 'keyvault-permissions': 'ruled_out' },
    firstAction: null,
  },
  {
    name: 'Azure RBAC key vault: the remedy is a role assignment',
    code: 'UserErrorKeyvaultPermissionsNotConfigured',
    state: () => vm({ encryptedWith: KV }).keyVault(KV, [], { rbac: true }),
    verdicts: { 'keyvault-permissions': 'unknown' },
    firstAction: 'keyvault-permissions',
    firstCommand: new RegExp(
      `^az role assignment create --assignee 262044b1-e2ce-469f-a196-69ab7ada62d3 --role "Key Vault Administrator" --scope '${KV}'$`,
    ),
  },
  {
    name: 'no Azure Disk Encryption',
    code: 'UserErrorKeyvaultPermissionsNotConfigured',
    state: () => vm(),
    verdicts: { 'keyvault-permissions': 'ruled_out' },
  },
  {
    name: 'key vault refused (403)',
    code: 'UserErrorKeyvaultPermissionsNotConfigured',
    state: () => vm({ encryptedWith: KV }).raw({ path: KV, ...refused }),
    verdicts: { 'keyvault-permissions': 'implicated' },
  },
  // disk-size: the limit that applies to this VM
  {
    name: '8 TB disk, not encrypted: within 32 TB',
    code: 'UserErrorUnsupportedDiskSize',
    state: () => vm({ dataDisksGb: [512, 8192] }),
    verdicts: { 'disk-too-large': 'ruled_out' },
  },
  {
    name: '8 TB disk, encrypted with ADE: over 4 TB',
    code: 'UserErrorUnsupportedDiskSize',
    state: () => vm({ dataDisksGb: [512, 8192], encryptedWith: KV }),
    verdicts: { 'disk-too-large': 'implicated' },
  },
  {
    name: 'a disk over 32 TB',
    code: 'UserErrorUnsupportedDiskSize',
    state: () => vm({ dataDisksGb: [33_000] }),
    verdicts: { 'disk-too-large': 'implicated' },
  },
  {
    name: '8 TB disk, encryption not readable (instance view refused)',
    code: 'UserErrorUnsupportedDiskSize',
    state: () => vm({ dataDisksGb: [8192] }).raw({ path: `${BASE}/instanceView`, ...refused }),
    verdicts: { 'disk-too-large': 'unknown' },
  },
  // job-in-progress
  {
    name: 'a backup of the VM still running',
    code: 'UserErrorBackupOperationInProgress',
    state: () => vm().runningJobs(SUB, 'rg-backup', 'rsv-prod-01', ['vm-app-01']),
    verdicts: { 'backup-in-progress': 'implicated' },
  },
  {
    name: 'only other VMs being backed up',
    code: 'UserErrorBackupOperationInProgress',
    state: () => vm().runningJobs(SUB, 'rg-backup', 'rsv-prod-01', ['vm-other']),
    verdicts: { 'backup-in-progress': 'ruled_out' },
  },
  // history: several backups a day fail a backup only with the restore points at the limit
  {
    name: 'three backups a day, 18 restore points',
    code: LIMIT,
    state: () => points(18, false).history(WORKSPACE, history(3)),
    verdicts: { 'multiple-backups-per-day': 'implicated', 'rp-collection-limit': 'implicated' },
  },
  {
    name: 'one backup a day',
    code: LIMIT,
    state: () => points(18, false).history(WORKSPACE, history(1)),
    verdicts: { 'multiple-backups-per-day': 'ruled_out' },
  },
];

let open: Replay | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function judge(c: Case, lang: 'en' | 'fr' = 'en'): Promise<EnrichedEvent> {
  open = await replay(c.state(), c.options ?? {});
  const records = [failedJob(VM, c.code, 'j1')];
  if (c.laterSuccess === true) {
    const ok = failedJob(VM, 'Success', 'ok1');
    Object.assign(ok['properties'] as object, { JobStatus: 'Completed', JobStartDateTime: '2026-11-26 01:00:00Z' });
    records.push(ok);
  }
  const result = await open.run(records, lang);
  expect(result.events).toHaveLength(1);
  expectValidEnrichedEvent(result.events[0]);
  return result.events[0]!;
}

describe('Azure states and the verdict expected for each cause', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const event = await judge(c);
    for (const [id, expected] of Object.entries(c.verdicts)) {
      const cause = event.causes.find((candidate) => candidate.id === id);
      expect(cause, `${id} in ${event.causes.map((x) => x.id).join(', ')}`).toBeDefined();
      expect({ id, verdict: cause!.causalVerdict }).toEqual({ id, verdict: expected });
      // The 1.0 projection agrees: confirmed is implicated, nothing else.
      expect(cause!.verdict).toBe(
        expected === 'implicated' ? 'confirmed' : expected === 'present' ? 'ruled_out' : expected,
      );
    }
    // Never the first action: a cause present but not implicated, or ruled out.
    const top = event.causes.find((cause) => cause.id === event.summary.firstAction.causeId);
    if (top !== undefined) expect(['implicated', 'unknown']).toContain(top.causalVerdict);
    if (c.firstAction !== undefined) expect(event.summary.firstAction.causeId).toBe(c.firstAction);
    if (c.firstCommand !== undefined) expect(event.summary.firstAction.commands[0]?.text).toMatch(c.firstCommand);
    // Ranked implicated, unknown, present, ruled out.
    const order = { implicated: 0, unknown: 1, present: 2, ruled_out: 3 };
    const ranks = event.causes.map((cause) => order[cause.causalVerdict]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // No first action removes a lock unless the restore points are at the limit (read, or reported by the code).
    const limitReached =
      event.classification.code === LIMIT ||
      event.causes.find((cause) => cause.id === 'rp-group-lock')?.causalVerdict === 'implicated';
    if (!limitReached) {
      expect(event.summary.firstAction.text).not.toMatch(/remove the lock/i);
      expect(event.summary.firstAction.commands.map((command) => command.text).join('\n')).not.toMatch(/lock delete/);
    }
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: the same verdicts in French, said in French', async (_, c) => {
    const en = await judge(c, 'en');
    await open!.close();
    const fr = await judge(c, 'fr');
    expect(fr.causes.map((cause) => [cause.id, cause.causalVerdict])).toEqual(
      en.causes.map((cause) => [cause.id, cause.causalVerdict]),
    );
    const saidEn = en.causes.flatMap((cause) => cause.evidence.map((evidence) => evidence.summary));
    const saidFr = fr.causes.flatMap((cause) => cause.evidence.map((evidence) => evidence.summary));
    saidFr.forEach((text, index) => expect(text, 'evidence written in French').not.toBe(saidEn[index]));
    for (const lookup of fr.lookups)
      if (lookup.error !== undefined)
        expect(lookup.error).not.toBe(en.lookups.find((candidate) => candidate.probe === lookup.probe)?.error);
  });
});
