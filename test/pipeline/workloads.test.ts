import { afterEach, describe, expect, it } from 'vitest';

import { AzureState } from '../../scripts/azureState.js';
import type { EnrichedEvent, RenderedCommand } from '../../src/core/types.js';
import { triage } from '../../src/pipeline/triage.js';
import { ALERT, fixtureJson } from '../helpers/fixtures.js';
import { jobFixture } from '../helpers/jobs.js';
import { cause, replay, type Replay } from '../helpers/lookups.js';
import { expectValidEnrichedEvent } from '../helpers/schema.js';

// The real SQL Server alert: its host VM and vault.
const SQL_SUB = 'fca54459-0e45-471d-918a-7059ac54e7ee';
const HOST = { subscriptionId: SQL_SUB, resourceGroup: 'rg-infrastructure-prod-legacy-sql', name: 'vm-sql-prod-02' };
const HOST_PATH = `/subscriptions/${SQL_SUB}/resourceGroups/${HOST.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${HOST.name}`;

/** Anything that would back up, probe or configure the item as an Azure VM. */
const VM_WORKLOAD = /AzureIaasVM|-ContainerType AzureVM\b|-WorkloadType AzureVM\b/;

let open: Replay | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

type Alert = { data: { alertContext: { extendedInfo: Record<string, unknown> } } };

/** The real alert, with the code its link names changed (values only). */
function sqlAlert(code: string): Record<string, unknown> {
  const alert = fixtureJson<Alert>(ALERT);
  alert.data.alertContext.extendedInfo['recommendedActions'] =
    `For troubleshooting instructions, see https://aka.ms/AB-${code}`;
  return alert;
}

/** The documented file-share job (Azure Files REST article), failed: file-share jobs carry only a number. */
function failedShareJob(title?: string): Record<string, unknown> {
  const job = jobFixture('afs-storage-job-get.docs-example.json');
  const documented = jobFixture('sql-workload-failed-job.docs-example.json').properties.errorDetails[0];
  job.properties.operation = 'Backup';
  job.properties.status = 'Failed';
  const detail = { ...documented, errorCode: 400_001 };
  if (title === undefined) delete detail.errorTitle;
  else detail.errorTitle = title;
  job.properties.errorDetails = [detail];
  return job;
}

function allCommands(event: EnrichedEvent): RenderedCommand[] {
  return [...event.summary.firstAction.commands, ...event.causes.flatMap((c) => c.commands)];
}

describe('workloads: what runs against what', () => {
  it('a SQL Server database in a VM: no Azure VM command, VM lookups against its host VM only', async () => {
    open = await replay(new AzureState().vm({ ...HOST, power: 'deallocated' }), { workspace: false });
    const result = await open.run([sqlAlert('VMNotInRunningStateUserError')]);
    const event = result.events[0]!;
    expectValidEnrichedEvent(event);
    expect(event.job).toMatchObject({
      workload: 'sql-in-vm',
      vmName: 'vm-sql-prod-02',
      vmIdSource: 'host-vm',
      protectedItemName: 'SQLDataBase;MSSQLSERVER;Clara_migtotest_20260313',
    });
    expect(event.classification).toMatchObject({ code: 'VMNotInRunningStateUserError', known: true });
    // The host VM is what the lookups read: every request went to it, and it is found shut down.
    expect(open.server.requests.length).toBeGreaterThan(0);
    for (const request of open.server.requests) expect(request.path.startsWith(HOST_PATH.toLowerCase())).toBe(true);
    expect(event.lookups.map((lookup) => [lookup.probe, lookup.status])).toEqual([['vm-state', 'ok']]);
    expect(cause(event, 'wl-vm-shutdown')).toMatchObject({ verdict: 'confirmed', rank: 1 });
    expect(cause(event, 'wl-vm-shutdown').evidence[0]!.summary).toBe(
      'the host VM vm-sql-prod-02 is not running (power deallocated)',
    );
    // Commands: the database's own parameters, never the VM's.
    const commands = allCommands(event);
    expect(commands.filter((command) => VM_WORKLOAD.test(command.text))).toEqual([]);
    expect(commands.map((command) => command.text)).toContainEqual(
      `az backup protection backup-now --resource-group rg-Infrastructure-Prod-rsv --vault-name rsv-infra-prod-01 --subscription ${SQL_SUB} --backup-management-type AzureWorkload --workload-type MSSQL --container-name 'VMAppContainer;Compute;rg-infrastructure-prod-legacy-sql;vm-sql-prod-02' --item-name 'SQLDataBase;MSSQLSERVER;Clara_migtotest_20260313' --backup-type Full --retain-until 26-12-2026`,
    );
    expect(event.summary.headline).toBe(
      'Backup of Clara_migtotest_20260313 (SQLDataBase) on vm-sql-prod-02 failed in vault rsv-infra-prod-01 (resource group rg-infrastructure-prod-legacy-sql): The SQL Server VM is shut down [VMNotInRunningStateUserError]',
    );
  });

  it('the real SQL alert’s own code: the full backup the article asks for, with the database’s names', () => {
    const { events } = triage([{ body: sqlAlert('usererrorparentfullbackupmissing'), origin: { bodyIndex: 0 } }], {
      now: () => new Date('2026-11-26T06:00:00Z'),
    });
    const event = events[0]!;
    expect(event.classification).toMatchObject({ code: 'UserErrorParentFullBackupMissing', known: true });
    expect(event.summary.firstAction.text).toMatch(
      /^Run an on-demand full backup of Clara_migtotest_20260313 on vm-sql-prod-02 \(resource group rg-infrastructure-prod-legacy-sql\)/,
    );
    expect(allCommands(event).filter((command) => VM_WORKLOAD.test(command.text))).toEqual([]);
  });

  it.each([
    ['a code of its own (only a number)', undefined],
    ['a code whose causes have VM probes', 'UserErrorBackupOperationInProgress'],
  ])('an Azure Files share with %s: no VM lookup at all, no Azure VM command', async (_, title) => {
    open = await replay(new AzureState(), { workspace: false });
    const result = await open.run([failedShareJob(title)]);
    const event = result.events[0]!;
    expectValidEnrichedEvent(event);
    expect(event.job).toMatchObject({ workload: 'azure-files', vmResourceId: null, containerName: 'testvault2' });
    expect(event.lookups).toEqual([]);
    expect(open.server.requests).toEqual([]);
    const commands = allCommands(event);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((command) => VM_WORKLOAD.test(command.text) || command.text.includes('az vm '))).toEqual([]);
    expect(commands.map((command) => command.text)).toContainEqual(
      'az backup protection backup-now --resource-group azurefiles --vault-name azurefilesvault --subscription ef4ab5a7-c2c0-4304-af80-af49f48af3d1 --backup-management-type AzureStorage --container-name testvault2 --item-name testshare --retain-until 26-12-2026',
    );
    expect(event.summary.headline).toMatch(/^Backup of testshare failed in vault azurefilesvault: /);
  });
});
