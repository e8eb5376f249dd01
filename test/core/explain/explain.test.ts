import { describe, expect, it } from 'vitest';

import { CATALOG } from '../../../src/core/catalog/index.js';
import type { EnrichedEvent } from '../../../src/core/types.js';
import { triage } from '../../../src/pipeline/triage.js';
import { RECONSTRUCTED, fixtureJson } from '../../helpers/fixtures.js';
import { jobFixture } from '../../helpers/jobs.js';
import { expectValidEnrichedEvent } from '../../helpers/schema.js';

const AT = '2026-11-26T06:00:00Z';

type Envelope = { records: Array<{ properties: Record<string, unknown> } & Record<string, unknown>> };

/** The reconstructed failed-job record with another error code: one enriched event. */
function eventFor(
  code: string,
  lang: 'en' | 'fr' = 'en',
  edit?: (properties: Record<string, unknown>) => void,
): EnrichedEvent {
  const record = fixtureJson<Envelope>(RECONSTRUCTED).records[0]!;
  record.properties['JobFailureCode'] = code;
  edit?.(record.properties);
  const { events } = triage([{ body: { records: [record] }, origin: { bodyIndex: 0 } }], {
    lang,
    now: () => new Date('2026-11-26T06:00:00Z'),
  });
  expect(events).toHaveLength(1);
  expectValidEnrichedEvent(events[0]);
  return events[0]!;
}

describe('explain', () => {
  it.each(CATALOG.codes.map((entry) => [entry.code]))(
    '%s: headline and first action name the VM, its resource group and the vault',
    (code) => {
      for (const lang of ['en', 'fr'] as const) {
        const event = eventFor(code, lang);
        expect(event.classification).toMatchObject({ code, known: true });
        for (const name of ['vm-app-01', 'rg-app', 'rsv-prod-01']) {
          expect(event.summary.headline).toContain(name);
          expect(event.summary.firstAction.text).toContain(name);
        }
        expect(event.summary.headline).toContain(code);
      }
    },
  );

  it.each(CATALOG.codes.map((entry) => [entry.code]))(
    '%s: before lookups, what the code itself reports first, then the other causes undetermined in documented order',
    (code) => {
      const entry = CATALOG.codes.find((candidate) => candidate.code === code)!;
      const event = eventFor(code);
      const documented = [...entry.causes, ...entry.addedCauses];
      const established = documented.filter((id) => entry.establishes?.includes(id));
      expect(event.causes.map((cause) => cause.id)).toEqual([
        ...established,
        ...documented.filter((id) => !established.includes(id)),
      ]);
      expect(event.causes.map((cause) => cause.rank)).toEqual(event.causes.map((_, index) => index + 1));
      for (const cause of event.causes) {
        expect(cause.documentedOrder).toBe(documented.indexOf(cause.id) + 1);
        expect(cause.causalVerdict).toBe(established.includes(cause.id) ? 'implicated' : 'unknown');
        expect(cause.verdict).toBe(established.includes(cause.id) ? 'confirmed' : 'unknown');
        if (established.includes(cause.id))
          expect(cause.evidence).toEqual([{ probe: 'event', summary: `the error code ${code} reports it` }]);
      }
      expect(event.summary.firstAction.causeId).toBe(established[0] ?? entry.causes[0]);
      // What the code reports is no lookup's evidence: it does not raise the priority by itself.
      expect(event.priority.reasons.map((reason) => reason.rule)).not.toContain('evidence');
      expect(event.causes.map((cause) => cause.documentedIn)).toEqual(
        event.causes.map((cause) => (entry.causes.includes(cause.id) ? entry.documentedIn : 'en')),
      );
    },
  );

  it('fills the commands with the real names', () => {
    const event = eventFor('UserErrorGuestAgentStatusUnavailable');
    expect(event.summary.firstAction.commands).toContainEqual({
      shell: 'azure-cli',
      purpose: 'Read the VM agent status and version (expect "Ready")',
      text: 'az vm get-instance-view --resource-group rg-app --name vm-app-01 --subscription 00000000-0000-0000-0000-000000000000 --query "instanceView.vmAgent.{version:vmAgentVersion, status:statuses[0].displayStatus, message:statuses[0].message}"',
      complete: true,
    });
    expect(event.summary.firstAction.commands).toContainEqual(
      expect.objectContaining({
        shell: 'powershell',
        text: "Set-AzContext -Subscription '00000000-0000-0000-0000-000000000000' | Out-Null; $v = Get-AzRecoveryServicesVault -ResourceGroupName 'rg-backup' -Name 'rsv-prod-01'; $c = Get-AzRecoveryServicesBackupContainer -ContainerType AzureVM -FriendlyName 'vm-app-01' -VaultId $v.ID; $i = Get-AzRecoveryServicesBackupItem -Container $c -WorkloadType AzureVM -VaultId $v.ID; Backup-AzRecoveryServicesBackupItem -Item $i -VaultId $v.ID",
        complete: true,
      }),
    );
  });

  it('leaves names only a lookup can learn as visible placeholders, marked incomplete', () => {
    const event = eventFor('UserErrorRpCollectionLimitReached');
    expect(event.summary.firstAction.text).toContain('AzureBackupRG_westeurope_<n>');
    const lock = event.causes.find((cause) => cause.id === 'rp-group-lock')!;
    const deleteLock = lock.commands.find((command) => command.text.startsWith('az lock delete'))!;
    expect(deleteLock).toMatchObject({
      complete: false,
      text: 'az lock delete --name <lockName> --resource-group <rpResourceGroup> --subscription 00000000-0000-0000-0000-000000000000',
    });
    const listGroups = lock.commands.find((command) => command.text.startsWith('az group list'))!;
    expect(listGroups.complete).toBe(true);
    expect(listGroups.text).toContain('AzureBackupRG_westeurope_');
  });

  it('speaks French when asked', () => {
    const event = eventFor('UserErrorKeyvaultPermissionsNotConfigured', 'fr');
    expect(event.summary.headline).toBe(
      'Échec de la sauvegarde de vm-app-01 dans le coffre rsv-prod-01 (groupe de ressources rg-app) : La sauvegarde n’a pas les autorisations sur le coffre de clés d’une VM chiffrée [UserErrorKeyvaultPermissionsNotConfigured]',
    );
    expect(event.causes[0]!.steps[0]).toMatch(/^Identifiez le coffre de clés/);
    expect(event.classification.link).toMatch(/^https:\/\/learn\.microsoft\.com\/fr-fr\//);
    expect(event.priority.reasons[0]!.text).toMatch(/ne se résoudra pas seul/);
  });

  it('keeps an unknown code as a finding with generic guidance', () => {
    const event = eventFor('UserErrorSnapshotFailedOnDisk');
    expect(event.classification).toMatchObject({
      known: false,
      code: 'UserErrorSnapshotFailedOnDisk',
      category: 'unknown',
      link: 'https://aka.ms/AB-UserErrorSnapshotFailedOnDisk',
    });
    expect(event.causes.map((cause) => cause.id)).toEqual(['unlisted-code']);
    expect(event.summary.headline).toBe(
      'Backup of vm-app-01 failed in vault rsv-prod-01 (resource group rg-app): Error code not in the catalog [UserErrorSnapshotFailedOnDisk]',
    );
    expect(event.summary.firstAction.commands[0]!.text).toBe(
      'az backup job show --name 8f0c1a52-0000-0000-0000-000000000000 --resource-group rg-backup --vault-name rsv-prod-01 --subscription 00000000-0000-0000-0000-000000000000 --query "properties.errorDetails"',
    );
  });

  it('keeps a failure with no code at all', () => {
    const event = eventFor('', 'en');
    expect(event.classification).toMatchObject({ known: false, code: 'Unknown' });
    expect(event.errorCode).toBeNull();
  });

  it('resolves the VM from BackupItemUniqueId and the vault subscription when DatasourceResourceId is absent', () => {
    const event = eventFor('BackUpOperationFailed', 'en', (properties) => {
      delete properties['DatasourceResourceId'];
    });
    expect(event.job).toMatchObject({
      vmResourceId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-01',
      vmIdSource: 'backup-item-id',
    });
  });

  it('never prints the vault’s resource group as the item’s when the VM cannot be resolved', () => {
    // A documented REST job (no container name: the VM's resource group is nowhere in it), failed.
    const listed = jobFixture('ListJobsWithStartTimeAndEndTimeFilters.json').responses['200'].body.value[0];
    listed.properties.status = 'Failed';
    listed.properties.errorDetails = [{ errorCode: 400081, errorTitle: 'UserErrorGuestAgentStatusUnavailable' }];
    for (const lang of ['en', 'fr'] as const) {
      const { events } = triage([{ body: listed, origin: { bodyIndex: 0 } }], { lang, now: () => new Date(AT) });
      const event = events[0]!;
      expectValidEnrichedEvent(event);
      expect(event.job).toMatchObject({
        vmResourceId: null,
        vmResourceGroup: null,
        vaultResourceGroup: 'SwaggerTestRg',
      });
      expect(event.summary.headline).toBe(
        lang === 'en'
          ? 'Backup of testvm failed in vault NetSDKTestRsVault: VM agent unable to communicate with Azure Backup [UserErrorGuestAgentStatusUnavailable]'
          : 'Échec de la sauvegarde de testvm dans le coffre NetSDKTestRsVault : L’agent de la VM ne communique pas avec Azure Backup [UserErrorGuestAgentStatusUnavailable]',
      );
      expect(event.summary.firstAction.text).not.toContain('SwaggerTestRg');
      expect(event.summary.firstAction.text).toContain('testvm');
      // VM commands keep a visible placeholder instead of the vault's group.
      const agent = event.summary.firstAction.commands.find((command) =>
        command.text.startsWith('az vm get-instance-view'),
      )!;
      expect(agent).toMatchObject({ complete: false });
      expect(agent.text).toContain('--resource-group <vmResourceGroup>');
    }
  });

  it('escapes nothing itself but strips control and bidi characters from names in text', () => {
    const event = eventFor('BackUpOperationFailed', 'en', (properties) => {
      properties['DatasourceResourceId'] =
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm\u202eapp\n01';
    });
    expect(event.summary.headline).toContain('vm app 01');
    expect(event.summary.firstAction.text).toContain('vm app 01');
    expect(event.summary.headline).not.toMatch(/[\u202e\n]/);
  });
});
