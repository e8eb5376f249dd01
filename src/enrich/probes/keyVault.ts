import { tryParseArmId } from '../../core/armId.js';
import { FACTS } from '../facts.js';
import { reads, type VmInstanceView, type VmModel } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe, type ProbeTarget, type Readings } from '../probe.js';

const CAUSE = 'keyvault-permissions';

/** The key vault holding the VM's Azure Disk Encryption secrets, from the instance view or the model. */
function keyVaultOf(iv: VmInstanceView | undefined, model: VmModel | undefined): string | undefined {
  for (const disk of iv?.disks ?? []) {
    for (const settings of disk.encryptionSettings ?? []) {
      const id = settings.diskEncryptionKey?.sourceVault?.id;
      if (id !== undefined && settings.enabled !== false) return id;
    }
  }
  return model?.storageProfile?.osDisk?.encryptionSettings?.diskEncryptionKey?.sourceVault?.id;
}

function vaultRequest(t: ProbeTarget, readings: Readings) {
  const iv = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
  const model = readOf(readings, reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName));
  const id = tryParseArmId(keyVaultOf(iv.ok ? iv.value : undefined, model.ok ? model.value : undefined));
  return id === undefined ? undefined : reads.keyVault(id.subscriptionId, id.resourceGroup, id.name);
}

const grants = (rights: readonly string[] | undefined) =>
  FACTS.keyVaultRights.every((right) => rights?.some((r) => r.toLowerCase() === right));

/**
 * Whether the Backup service can read the keys and secrets of an ADE-encrypted VM's key vault.
 * With the Backup Management Service's object id configured the check is exact; without it, a
 * vault where no access policy grants get/list/backup on both keys and secrets is still a sure no.
 */
export const keyVaultProbe: Probe = {
  name: 'key-vault',
  tests: [CAUSE],
  plan: (t) => [
    reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName),
    reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName),
  ],
  followUp: (t, readings) => {
    const request = vaultRequest(t, readings);
    return request === undefined ? [] : [request];
  },
  evaluate(t, readings, context) {
    const iv = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!iv.ok) return failedOutcome(this, iv, { vmMissing: iv.status === 404 });
    const request = vaultRequest(t, readings);
    if (request === undefined) {
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'ruled_out',
            evidence: evidence('key-vault', `no Azure Disk Encryption settings on the disks of ${t.vmName}`, iv),
          },
        ],
      };
    }
    const vault = readOf(readings, request);
    if (!vault.ok) return failedOutcome(this, vault, { learned: { keyVaultName: request.name } });
    const learned = { keyVaultName: request.name };
    const properties = vault.value.properties;
    if (properties?.enableRbacAuthorization === true) {
      return {
        status: 'ok',
        learned,
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'unknown',
            evidence: evidence(
              'key-vault',
              `key vault ${request.name} uses Azure RBAC: check the Backup Management Service holds a Key Vault role for keys and secrets`,
              vault,
            ),
          },
        ],
      };
    }
    const policies = properties?.accessPolicies ?? [];
    const values = {
      keyVault: request.name,
      policies: policies.map((p) => ({
        objectId: p.objectId,
        keys: p.permissions?.keys ?? [],
        secrets: p.permissions?.secrets ?? [],
      })),
    };
    const sufficient = policies.filter((p) => grants(p.permissions?.keys) && grants(p.permissions?.secrets));
    const say = (verdict: 'confirmed' | 'ruled_out' | 'unknown', summary: string) => ({
      status: 'ok' as const,
      learned,
      verdicts: [{ causeId: CAUSE, verdict, evidence: evidence('key-vault', summary, vault, values) }],
    });
    if (context.backupServiceObjectId !== undefined) {
      const mine = policies.find((p) => p.objectId?.toLowerCase() === context.backupServiceObjectId!.toLowerCase());
      if (mine === undefined)
        return say('confirmed', `key vault ${request.name} has no access policy for the Backup Management Service`);
      return grants(mine.permissions?.keys) && grants(mine.permissions?.secrets)
        ? say(
            'ruled_out',
            `the Backup Management Service has get, list and backup on keys and secrets of ${request.name}`,
          )
        : say(
            'confirmed',
            `the Backup Management Service lacks get/list/backup on the keys or secrets of ${request.name}`,
          );
    }
    if (sufficient.length === 0)
      return say(
        'confirmed',
        `no access policy of key vault ${request.name} grants get, list and backup on both keys and secrets`,
      );
    return say(
      'unknown',
      `${sufficient.length} access polic${sufficient.length > 1 ? 'ies grant' : 'y grants'} the needed rights on ${request.name}; set BACKUP_MANAGEMENT_SERVICE_OBJECT_ID to check it is Azure Backup's`,
    );
  },
};
