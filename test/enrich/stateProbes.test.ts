import { afterEach, describe, expect, it } from 'vitest';

import { AzureState } from '../../scripts/azureState.js';
import { cause, failedJob, replay, SUB, type Replay } from '../helpers/lookups.js';
import { expectValidEnrichedEvent } from '../helpers/schema.js';

const VM = { resourceGroup: 'rg-app', name: 'vm-app-01' };
const RPG = 'AzureBackupRG_westeurope_1';

let open: Replay | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function judge(code: string, state: AzureState) {
  open = await replay(state, { workspace: false });
  const result = await open.run([failedJob(VM, code)]);
  expect(result.events).toHaveLength(1);
  const event = result.events[0]!;
  expectValidEnrichedEvent(event);
  return { event, server: open.server, lookup: (probe: string) => event.lookups.find((l) => l.probe === probe) };
}

describe('vm-state: a VM not in a state that allows backups', () => {
  it.each([
    [{ provisioning: 'failed' as const }, 'provisioning failed, power running'],
    [{ power: 'stopping' as const }, 'provisioning succeeded, power stopping'],
  ])('confirms the transient-state cause (%o)', async (vm, state) => {
    const { event } = await judge(
      'UserErrorVmNotInDesirableState',
      new AzureState().vm({ subscriptionId: SUB, ...VM, ...vm }),
    );
    expect(cause(event, 'vm-transient-state')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(cause(event, 'vm-transient-state').evidence[0]!.summary).toBe(
      `vm-app-01 is not in a state that allows backups: ${state}`,
    );
  });

  it('rules it out for a running VM whose provisioning succeeded', async () => {
    const { event } = await judge(
      'UserErrorVmNotInDesirableState',
      new AzureState().vm({ subscriptionId: SUB, ...VM }),
    );
    expect(cause(event, 'vm-transient-state')).toMatchObject({ verdict: 'ruled_out' });
  });

  it('confirms a missing VM agent on a running VM (VmNotInDesirableState)', async () => {
    const { event } = await judge(
      'VmNotInDesirableState',
      new AzureState().vm({ subscriptionId: SUB, ...VM, agent: 'absent' }),
    );
    expect(cause(event, 'vm-agent-missing')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(event.summary.firstAction.text).toMatch(/^Install the VM agent on vm-app-01 \(resource group rg-app\)/);
  });

  it('confirms a deleted VM for BCMV2VMNotFound, once, as the documented cause', async () => {
    const { event } = await judge('BCMV2VMNotFound', new AzureState());
    expect(event.causes.map((c) => [c.id, c.verdict, c.documentedIn])).toEqual([['vm-deleted', 'confirmed', 'en']]);
    expect(event.summary.firstAction.commands[0]!.text).toMatch(
      /^az backup protection disable .* --container-name vm-app-01 --item-name vm-app-01 --backup-management-type AzureIaasVM --delete-backup-data false --yes$/,
    );
  });

  it('rules the deleted VM out when the VM answers', async () => {
    const { event } = await judge('ResourceNotFound', new AzureState().vm({ subscriptionId: SUB, ...VM }));
    expect(cause(event, 'vm-deleted')).toMatchObject({ verdict: 'ruled_out' });
    expect(event.classification).toMatchObject({ code: 'ResourceNotFound', known: true });
  });
});

describe('extension-deleting: the backup extension stuck in deletion', () => {
  it('confirms it from the VM model and puts the uninstall command, with the real name, first', async () => {
    const { event, lookup } = await judge(
      'ExtensionStuckInDeletionState',
      new AzureState().vm({ subscriptionId: SUB, ...VM, snapshotExtension: { provisioningState: 'Deleting' } }),
    );
    expect(lookup('extension-deleting')).toMatchObject({ status: 'ok' });
    expect(cause(event, 'extension-stuck-deleting')).toMatchObject({ verdict: 'confirmed' });
    expect(cause(event, 'extension-stuck-deleting').evidence[0]!.summary).toBe(
      'backup extension VMSnapshot of vm-app-01 is in provisioning state deleting',
    );
    expect(event.summary.firstAction.commands[0]).toMatchObject({
      shell: 'azure-cli',
      complete: true,
      text: `az vm extension delete --resource-group rg-app --vm-name vm-app-01 --name VMSnapshot --subscription ${SUB}`,
    });
  });

  it('rules it out when the extension’s provisioning succeeded', async () => {
    const { event } = await judge('ExtensionStuckInDeletionState', new AzureState().vm({ subscriptionId: SUB, ...VM }));
    expect(cause(event, 'extension-stuck-deleting')).toMatchObject({ verdict: 'ruled_out' });
  });
});

describe('deny-policy: a Deny policy on the restore-point resource group', () => {
  const code = 'UserErrorRequestDisallowedByPolicy';

  it('confirms the assignment whose definition denies, and names it', async () => {
    const state = new AzureState().vm({ subscriptionId: SUB, ...VM }).policies(SUB, RPG, [
      { name: 'audit-certificates', definition: 'audit' },
      { name: 'require-naming', definition: 'naming' },
    ]);
    const { event, server } = await judge(code, state);
    expect(cause(event, 'deny-policy-on-rp-group')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(cause(event, 'deny-policy-on-rp-group').evidence[0]!.summary).toBe(
      `policy assignment require-naming (Naming Convention, effect Deny) applies to ${RPG}`,
    );
    expect(event.summary.firstAction.text).toContain(`restore-point resource group (${RPG}) of vm-app-01`);
    expect(
      server.count(`/subscriptions/${SUB}/providers/Microsoft.Authorization/policyDefinitions/ResourceNaming`),
    ).toBe(1);
  });

  it('reads the built-in definition of an assignment (effect "Deny")', async () => {
    const state = new AzureState()
      .vm({ subscriptionId: SUB, ...VM })
      .policies(SUB, RPG, [{ name: 'allowed-skus', definition: 'storage-skus' }]);
    const { event } = await judge(code, state);
    expect(cause(event, 'deny-policy-on-rp-group').evidence[0]!.summary).toBe(
      `policy assignment allowed-skus (Allowed storage account SKUs, effect Deny) applies to ${RPG}`,
    );
  });

  it('falls back to the subscription when the restore-point group does not exist yet', async () => {
    const state = new AzureState()
      .vm({ subscriptionId: SUB, ...VM })
      .policies(SUB, RPG, [{ name: 'require-naming', definition: 'naming' }], { groupExists: false });
    const { event } = await judge(code, state);
    expect(cause(event, 'deny-policy-on-rp-group').evidence[0]!.summary).toBe(
      `policy assignment require-naming (Naming Convention, effect Deny) applies to subscription ${SUB} (${RPG} does not exist yet)`,
    );
  });

  it.each([
    ['only audits', [{ name: 'audit-certificates', definition: 'audit' as const }]],
    [
      'does not enforce its Deny',
      [{ name: 'require-naming', definition: 'naming' as const, enforcementMode: 'DoNotEnforce' }],
    ],
  ])('rules it out when the policy %s', async (_, assignments) => {
    const state = new AzureState().vm({ subscriptionId: SUB, ...VM }).policies(SUB, RPG, assignments);
    const { event } = await judge(code, state);
    expect(cause(event, 'deny-policy-on-rp-group')).toMatchObject({ verdict: 'ruled_out' });
  });

  it('keeps the cause unknown, with the reason, when the assignments cannot be read', async () => {
    const state = new AzureState().vm({ subscriptionId: SUB, ...VM }).raw({
      path: `/subscriptions/${SUB}/resourceGroups/${RPG}/providers/Microsoft.Authorization/policyAssignments`,
      status: 403,
      body: { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } },
    });
    const { event, lookup } = await judge(code, state);
    expect(cause(event, 'deny-policy-on-rp-group').verdict).toBe('unknown');
    expect(lookup('deny-policy')).toMatchObject({ status: 'failed' });
    expect(lookup('deny-policy')!.error).toMatch(/^403/);
  });
});
