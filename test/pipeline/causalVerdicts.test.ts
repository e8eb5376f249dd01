import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { AzureState, vmId } from '../../scripts/azureState.js';
import { summarizeDay } from '../../src/core/digest/summarizeDay.js';
import { renderText } from '../../src/core/render/renderText.js';
import type { EnrichedEvent, InputBody, OsType } from '../../src/core/types.js';
import { buildDigest } from '../../src/pipeline/digest.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage, triageWithLookups } from '../../src/pipeline/triage.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { cli, lines } from '../helpers/cli.js';
import { RECONSTRUCTED, fixtureJson } from '../helpers/fixtures.js';
import { cause, failedJob, NOW, replay, SUB, WORKSPACE, type Replay } from '../helpers/lookups.js';
import { expectValidEnrichedEvent } from '../helpers/schema.js';

/**
 * Issue #12, "A confirmed that operators can trust": one test per reason it gave, each checked to fail on the
 * main branch before the causal verdicts (d373215) and to pass after. Azure states come from the real example
 * responses (scripts/azureState.ts), read through the real SDK clients and the local replay.
 */

const VM = { resourceGroup: 'rg-app', name: 'vm-app-01' };
const ID = vmId(SUB, 'rg-app', 'vm-app-01');
const KV = `/subscriptions/${SUB}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-app`;
const RPG = 'AzureBackupRG_westeurope_1';
const ITEM = 'westeurope;1234567890123456789;iaasvmcontainerv2;rg-app;vm-app-01';
const LOCK = { name: 'do-not-delete', level: 'CanNotDelete' as const, notes: 'Set by the landing-zone policy' };
type Envelope = { records: Array<{ properties: Record<string, unknown> } & Record<string, unknown>> };

const at = (record: Record<string, unknown>, start: string, extra: Record<string, unknown> = {}) => {
  Object.assign(record['properties'] as object, { JobStartDateTime: start, ...extra });
  return record;
};
const success = (jobId: string, start: string) =>
  at(failedJob(VM, 'Success', jobId), start, { JobStatus: 'Completed' });
const lockedWith = (restorePoints: number) =>
  new AzureState()
    .vm({ subscriptionId: SUB, ...VM })
    .locks(SUB, 'rg-app', [])
    .locks(SUB, RPG, [LOCK])
    .restorePoints(SUB, RPG, 'AzureBackup_vm-app-01_1', ID, restorePoints);
const bodies = (records: Array<Record<string, unknown>>): InputBody[] => [
  { body: { records }, origin: { bodyIndex: 0 } },
];

let open: Replay | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});
afterAll(stopAzurite);

async function one(state: AzureState, records: Array<Record<string, unknown>>): Promise<EnrichedEvent> {
  open = await replay(state);
  const { events } = await open.run(records);
  expect(events).toHaveLength(1);
  expectValidEnrichedEvent(events[0]);
  return events[0]!;
}

const removesALock = (event: EnrichedEvent) =>
  /lock/i.test(event.summary.firstAction.text) ||
  event.summary.firstAction.commands.some((command) => /lock delete|Remove-AzResourceLock/.test(command.text));

describe('"Confirmed" means "this caused the failure", not "the condition exists"', () => {
  it('a landing-zone lock with restore points far below the limit is present, not the cause, and not the first action', async () => {
    const event = await one(lockedWith(4), [failedJob(VM, 'BackUpOperationFailed')]);
    const lock = cause(event, 'rp-group-lock');
    expect(lock.verdict).not.toBe('confirmed');
    expect(lock.causalVerdict).toBe('present');
    expect(lock.evidence.map((evidence) => evidence.summary).join(' ')).toContain('4 of 18 restore points');
    expect(removesALock(event)).toBe(false);
  });

  it('the same lock with the restore points at the limit is implicated, and its removal is the first action', async () => {
    const event = await one(lockedWith(18), [failedJob(VM, 'BackUpOperationFailed')]);
    expect(cause(event, 'rp-group-lock')).toMatchObject({ verdict: 'confirmed', causalVerdict: 'implicated' });
    expect(event.summary.firstAction.commands[0]!.text).toBe(
      `az lock delete --name do-not-delete --resource-group ${RPG} --subscription ${SUB}`,
    );
  });

  it('on a VM that no longer exists, the lock is not confirmed', async () => {
    const state = new AzureState().locks(SUB, 'rg-app', []).locks(SUB, RPG, [LOCK]);
    const event = await one(state, [failedJob(VM, 'BackUpOperationFailed')]);
    expect(cause(event, 'rp-group-lock').verdict).not.toBe('confirmed');
    expect(removesALock(event)).toBe(false);
  });

  it('an item that succeeded later with the lock still in place: not implicated, and its resolved finding is told to remove nothing', async () => {
    const event = await one(lockedWith(18), [
      at(failedJob(VM, 'BackUpOperationFailed', 'j1'), '2026-11-25 01:00:00Z'),
      success('ok1', '2026-11-25 13:00:00Z'),
    ]);
    expect(event.resolvedBy).toMatchObject({ jobId: 'ok1' });
    expect(cause(event, 'rp-group-lock').verdict).not.toBe('confirmed');
    expect(cause(event, 'rp-group-lock').causalVerdict).toBe('present');
    expect(removesALock(event)).toBe(false);
    expect(event.summary.firstAction).toMatchObject({ causeId: null, commands: [] });
    expect(event.summary.firstAction.text).toMatch(/^Nothing to do: a later backup of vm-app-01/);
  });

  it('a finding notified with the lock to remove, resolved by a later batch: the resolved message removes nothing', async () => {
    const store = await freshStore();
    open = await replay(lockedWith(18));
    const batch = async (records: Array<Record<string, unknown>>, now: string) => {
      const result = await triageWithLookups(bodies(records), { now: () => new Date(now) }, open!.options);
      await notifyBatch(result, { store, format: 'generic', now: () => new Date(now) });
    };
    await batch([at(failedJob(VM, 'BackUpOperationFailed', 'j1'), '2026-11-25 01:00:00Z')], '2026-11-25T01:10:00Z');
    await batch([success('ok1', '2026-11-25 13:00:00Z')], '2026-11-25T13:10:00Z');
    const messages = (await store.listOutbox()).map((message) => (JSON.parse(message.body) as { data: any }).data);
    expect(messages.map((data) => data.kind).sort()).toEqual(['new', 'resolved']);
    expect(messages.find((data) => data.kind === 'new').findings[0].firstAction.text).toMatch(/^Remove the lock/);
    const resolved = JSON.stringify(messages.find((data) => data.kind === 'resolved'));
    expect(resolved).not.toMatch(/Remove the lock|lock delete|Remove-AzResourceLock/);
    // …nor what the digest and the dashboard list for the day it was resolved.
    const [closed] = await store.listResolvedOn('2026-11-25');
    expect(closed!.firstAction).toMatch(/^Nothing to do: a later backup of vm-app-01/);
  });
});

describe('a deleted VM supersedes every other cause', () => {
  it('is not "transient, seen once", and no other cause stays confirmed beside it', async () => {
    const state = new AzureState().locks(SUB, 'rg-app', []).locks(SUB, RPG, [LOCK]);
    const event = await one(state, [failedJob(VM, 'BackUpOperationFailedV2')]);
    expect(event.causes[0]).toMatchObject({ id: 'vm-deleted', verdict: 'confirmed', rank: 1 });
    expect(event.causes.filter((c) => c.verdict === 'confirmed').map((c) => c.id)).toEqual(['vm-deleted']);
    const reasons = event.priority.reasons.map((reason) => reason.text).join(' ');
    expect(reasons).not.toMatch(/Transient failure/);
    expect(reasons).toContain('The VM vm-app-01 no longer exists');
    expect(event.priority.level).toBe('P2');
    expect(reasons).not.toMatch(/vm-deleted|rp-group-lock/);
  });
});

describe('a key vault that uses Azure RBAC', () => {
  it('gets a Key Vault Administrator role assignment for the Backup Management Service, never an access policy', async () => {
    const state = new AzureState()
      .vm({ subscriptionId: SUB, ...VM, encryptedWith: KV })
      .keyVault(KV, [], { rbac: true });
    const event = await one(state, [failedJob(VM, 'UserErrorKeyvaultPermissionsNotConfigured')]);
    const { text, commands } = event.summary.firstAction;
    expect(text).toContain(
      'assign the Key Vault Administrator role on that key vault to the Backup Management Service',
    );
    expect(commands[0]).toEqual({
      shell: 'azure-cli',
      purpose:
        'Key vault using Azure RBAC: assign Key Vault Administrator on the key vault to the Backup Management Service',
      text: `az role assignment create --assignee 262044b1-e2ce-469f-a196-69ab7ada62d3 --role "Key Vault Administrator" --scope '${KV}'`,
      complete: true,
    });
    expect(commands[1]!.text).toBe(
      `Set-AzContext -Subscription '${SUB}' | Out-Null; New-AzRoleAssignment -ApplicationId '262044b1-e2ce-469f-a196-69ab7ada62d3' -RoleDefinitionName 'Key Vault Administrator' -Scope '${KV}'`,
    );
    const all = event.causes.flatMap((c) => c.commands).map((command) => command.text);
    expect(all.join('\n')).not.toMatch(/set-policy|Set-AzKeyVaultAccessPolicy/);
  });
});

describe('disk sizes are judged against the limit that applies to the VM', () => {
  it('an 8 TB disk of an unencrypted VM is within the 32 TB limit: not the cause', async () => {
    const event = await one(new AzureState().vm({ subscriptionId: SUB, ...VM, dataDisksGb: [1024, 8192] }), [
      failedJob(VM, 'UserErrorUnsupportedDiskSize'),
    ]);
    const disk = cause(event, 'disk-too-large');
    expect(disk.verdict).not.toBe('confirmed');
    expect(disk.evidence[0]!.summary).toContain('the 32 TB per-disk limit applies');
  });

  it('the same disk on a VM encrypted with Azure Disk Encryption is over the 4 TB limit, and says so', async () => {
    const state = new AzureState().vm({ subscriptionId: SUB, ...VM, dataDisksGb: [1024, 8192], encryptedWith: KV });
    const event = await one(state, [failedJob(VM, 'UserErrorUnsupportedDiskSize')]);
    expect(cause(event, 'disk-too-large').verdict).toBe('confirmed');
    expect(cause(event, 'disk-too-large').evidence[0]!.summary).toContain(
      'over 4 TB (4096 GB); the VM is encrypted with Azure Disk Encryption: the 4 TB limit for encrypted disks applies',
    );
  });
});

describe('without lookups, the first action fits the guest OS, or holds for both', () => {
  const AGENT = 'UserErrorGuestAgentStatusUnavailable';
  const coreRecord = (os: string) => {
    const record = fixtureJson<Envelope>(RECONSTRUCTED).records[1]!;
    record['operationName'] = 'ProtectedContainer';
    Object.assign(record.properties, {
      ProtectedContainerUniqueId: ITEM,
      ProtectedContainerOSType: os,
      ProtectedContainerFriendlyName: 'vm-app-01',
    });
    delete record.properties['BackupItemUniqueId'];
    return record;
  };

  it('a Linux VM, known from the vault’s CoreAzureBackup records, gets the Linux step', () => {
    const { events } = triage(bodies([coreRecord('Linux'), failedJob(VM, AGENT)]), { now: () => NOW });
    expect(events[0]!.summary.firstAction.text).not.toMatch(/Windows Azure Guest Agent/);
    expect(events[0]!.summary.firstAction.causeId).toBe('agent-outdated-linux');
    expect(cause(events[0], 'agent-unresponsive-windows').causalVerdict).toBe('ruled_out');
    expect(cause(events[0], 'agent-unresponsive-windows').evidence[0]!.summary).toBe(
      'Linux VM (from the vault’s CoreAzureBackup records): this cause concerns Windows VMs only',
    );
  });

  it('an unknown OS gets an OS-neutral first action: check the agent is Ready, then the step for each OS', () => {
    const { events } = triage(bodies([failedJob(VM, AGENT)]), { now: () => NOW });
    const { text, commands } = events[0]!.summary.firstAction;
    expect(text).toMatch(/^Check that the VM agent of vm-app-01 \(resource group rg-app\) reports Ready/);
    expect(text).toContain('on Windows, restart the Windows Azure Guest Agent service');
    expect(text).toContain('on Linux, update waagent');
    expect(commands[0]!.purpose).toBe('Read the VM agent status and version (expect "Ready")');
  });

  it('an OS read by an earlier lookup serves a later batch whose lookups are refused', async () => {
    const osTypes = new Map<string, OsType>();
    open = await replay(new AzureState().vm({ subscriptionId: SUB, ...VM, os: 'linux', agentVersion: '2.9.1.1' }));
    await triageWithLookups(bodies([failedJob(VM, AGENT, 'j1')]), { now: () => NOW, osTypes }, open.options);
    await open.close();
    const refused = { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no' } } };
    const base = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-01`;
    open = await replay(
      new AzureState().raw({ path: `${base}/instanceView`, ...refused }).raw({ path: base, ...refused }),
    );
    const { events } = await triageWithLookups(
      bodies([failedJob(VM, AGENT, 'j2')]),
      { now: () => NOW, osTypes },
      open.options,
    );
    expect(events[0]!.lookups.find((lookup) => lookup.probe === 'vm-agent')).toMatchObject({ status: 'failed' });
    expect(events[0]!.summary.firstAction.causeId).toBe('agent-outdated-linux');
    expect(events[0]!.summary.firstAction.text).not.toMatch(/Windows Azure Guest Agent/);
  });
});

describe('one item, one age: the time since the last successful backup', () => {
  it('is the same in the priority, the notification, the CLI and the digest, from the history lookup', async () => {
    const store = await freshStore();
    const state = new AzureState()
      .vm({ subscriptionId: SUB, ...VM, agent: 'not-ready' })
      .history(WORKSPACE, [
        { item: ITEM, lastSuccess: '2026-11-21T06:00:00Z', failuresSinceSuccess: 2, backupsLast24h: 1 },
      ]);
    open = await replay(state);
    // The item's first stored failure is a week old: it must not be what the age is counted from.
    const week = triage(
      bodies([at(failedJob(VM, 'UserErrorGuestAgentStatusUnavailable', 'j0'), '2026-11-19 01:00:00Z')]),
      {
        now: () => new Date('2026-11-19T01:10:00Z'),
      },
    );
    await notifyBatch(week, { store, format: 'generic', now: () => new Date('2026-11-19T01:10:00Z') });
    const result = await triageWithLookups(
      bodies([at(failedJob(VM, 'UserErrorGuestAgentStatusUnavailable', 'j1'), '2026-11-26 01:00:00Z')]),
      { now: () => NOW },
      open.options,
    );
    await notifyBatch(result, { store, format: 'generic', now: () => NOW });
    const hours = (NOW.getTime() - Date.parse('2026-11-21T06:00:00Z')) / 3_600_000; // 120 h
    const said = `No successful backup for ${hours} h`;
    expect(result.events[0]!.priority.context).toMatchObject({
      lastSuccess: { at: '2026-11-21T06:00:00.000Z', source: 'history-lookup' },
      hoursSinceLastSuccess: hours,
    });
    expect(renderText(result.events[0]!)).toContain(said);
    // What the notification decided on (the event as stored, re-prioritized with the finding's history).
    const notified = (await store.listEventsOfDay('2026-11-26')).find((event) => event.id === 'j1')!;
    expect(notified.priority.context?.hoursSinceLastSuccess).toBe(hours);
    expect(notified.priority.reasons.map((reason) => reason.text).join(' ')).toContain(said);
    const kinds = (await store.listOutbox()).map((message) => (JSON.parse(message.body) as { data: any }).data);
    expect(kinds.find((data) => data.kind === 'update')).toMatchObject({
      priority: 'P1',
      reason: 'priority rose from P2 to P1',
    });
    const { summary } = await buildDigest(store, { day: '2026-11-26', lang: 'en', rpoHours: 24, now: NOW });
    expect(summary.open.map((finding) => finding.hoursSinceLastSuccess)).toEqual([hours]);
    expect(summary.atRisk).toEqual([expect.objectContaining({ vmName: 'vm-app-01', hoursWithoutSuccess: hours })]);
  });

  it('is never counted from the first stored failure: unknown adds no RPO reason', async () => {
    const store = await freshStore();
    const day = async (start: string, jobId: string) => {
      const now = new Date(Date.parse(start.replace(' ', 'T')) + 600_000);
      const result = triage(bodies([at(failedJob(VM, 'UserErrorGuestAgentStatusUnavailable', jobId), start)]), {
        now: () => now,
      });
      await notifyBatch(result, { store, format: 'generic', now: () => now });
    };
    for (let d = 19; d <= 25; d += 1) await day(`2026-11-${d} 01:00:00Z`, `j${d}`);
    const [finding] = await store.listItemFindings((await store.listOpenFindings())[0]!.key.split('|')[0]!);
    const context = finding!.value.lastEvent.priority.context!;
    expect(context.consecutiveFailures).toBe(7);
    expect(context.hoursSinceLastSuccess).toBeUndefined();
    expect(finding!.value.lastEvent.priority.reasons.map((reason) => reason.rule)).not.toContain('rpo');
  });

  it('a past day’s digest states its figures as of that day', () => {
    const summary = summarizeDay({
      day: '2026-11-25',
      lang: 'en',
      now: new Date('2026-12-02T06:00:00Z'),
      events: [],
      trend: {},
      open: [
        {
          key: 'k',
          vmName: 'vm-app-01',
          vaultName: 'rsv-prod-01',
          code: 'UserErrorGuestAgentStatusUnavailable',
          priority: 'P2',
          firstFailedAt: '2026-11-18T01:00:00Z',
          occurrences: 8,
          headline: 'h',
          firstAction: 'a',
          resolvedAt: null,
          lastSuccess: { at: '2026-11-24T13:00:00Z', source: 'history-lookup' },
        },
      ],
      resolved: [],
      rpoHours: 24,
    });
    expect(summary.asOf).toBe('2026-11-26T00:00:00.000Z');
    // 35 h from the last success to the end of the 25th: not 7 days from the first failure, nor a week to now.
    expect(summary.open[0]).toMatchObject({ hoursSinceLastSuccess: 35, ageHours: 191 });
    expect(summary.atRisk).toEqual([expect.objectContaining({ hoursWithoutSuccess: 35 })]);
  });
});

describe('on the bundled demo (samples/, replayed Azure state)', () => {
  it('no first action removes a lock unless the restore points are at the limit, and a resolved finding removes nothing', async () => {
    const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
    const files = readdirSync(join(samples, 'events')).filter((name) => name.endsWith('.json'));
    const run = await cli(
      ['triage', '--azure-fixtures', 'azure/state.json', ...files.map((name) => `events/${name}`)],
      '',
      samples,
    );
    const events = lines(run.stdout) as unknown as EnrichedEvent[];
    expect(events.length).toBeGreaterThan(15);
    const withLock = events.filter((event) => event.causes.some((c) => c.id === 'rp-group-lock'));
    expect(withLock.map((event) => event.job.vmName).sort()).toEqual(['vm-files-01', 'vm-print-01', 'vm-sql-01']);
    for (const event of events) {
      const atLimit =
        event.causes.find((c) => c.id === 'rp-collection-limit')?.causalVerdict === 'implicated' ||
        event.classification.code === 'UserErrorRpCollectionLimitReached';
      if (removesALock(event))
        expect({ vm: event.job.vmName, atLimit }).toEqual({ vm: event.job.vmName, atLimit: true });
      if (event.resolvedBy !== undefined) {
        expect(event.summary.firstAction.commands).toEqual([]);
        expect(event.summary.firstAction.text).toMatch(/^Nothing to do/);
      }
    }
    // The lock is the cause where the restore points are at the limit, and only there.
    expect(
      withLock.map((event) => [event.job.vmName, event.causes.find((c) => c.id === 'rp-group-lock')!.causalVerdict]),
    ).toEqual(
      expect.arrayContaining([
        ['vm-sql-01', 'implicated'],
        ['vm-files-01', 'present'],
        ['vm-print-01', 'present'],
      ]),
    );
  });
});
