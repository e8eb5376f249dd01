import { tryParseArmId } from '../../core/armId.js';
import type { Lang } from '../../core/types.js';
import { FACTS } from '../facts.js';
import { reads, type VmInstanceView, type VmModel } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe, type ProbeTarget, type Readings } from '../probe.js';

const CAUSE = 'keyvault-permissions';

const TEXT = {
  en: {
    noAde: (vm: string) => `no Azure Disk Encryption settings on the disks of ${vm}`,
    rbac: (kv: string) =>
      `key vault ${kv} uses Azure RBAC (access policies do not apply): the Backup Management Service needs the Key Vault Administrator role on it; role assignments are not read, so whether it has it is not known`,
    noPolicy: (kv: string) => `key vault ${kv} has no access policy for the Backup Management Service`,
    granted: (kv: string) => `the Backup Management Service has get, list and backup on keys and secrets of ${kv}`,
    lacking: (kv: string) => `the Backup Management Service lacks get/list/backup on the keys or secrets of ${kv}`,
    noneGrants: (kv: string) =>
      `no access policy of key vault ${kv} grants get, list and backup on both keys and secrets`,
    someGrant: (n: number, kv: string) =>
      `${n} access polic${n > 1 ? 'ies grant' : 'y grants'} the needed rights on ${kv}; set BACKUP_MANAGEMENT_SERVICE_OBJECT_ID to check it is Azure Backup's`,
  },
  fr: {
    noAde: (vm: string) => `aucun réglage Azure Disk Encryption sur les disques de ${vm}`,
    rbac: (kv: string) =>
      `le coffre de clés ${kv} utilise le RBAC Azure (les stratégies d’accès ne s’y appliquent pas) : le service de gestion des sauvegardes a besoin du rôle Key Vault Administrator sur ce coffre ; les attributions de rôles ne sont pas lues, on ne sait donc pas s’il l’a`,
    noPolicy: (kv: string) =>
      `le coffre de clés ${kv} n’a aucune stratégie d’accès pour le service de gestion des sauvegardes`,
    granted: (kv: string) =>
      `le service de gestion des sauvegardes a «\u00a0get\u00a0», «\u00a0list\u00a0» et «\u00a0backup\u00a0» sur les clés et secrets de ${kv}`,
    lacking: (kv: string) =>
      `il manque au service de gestion des sauvegardes «\u00a0get\u00a0», «\u00a0list\u00a0» ou «\u00a0backup\u00a0» sur les clés ou les secrets de ${kv}`,
    noneGrants: (kv: string) =>
      `aucune stratégie d’accès du coffre de clés ${kv} n’accorde «\u00a0get\u00a0», «\u00a0list\u00a0» et «\u00a0backup\u00a0» à la fois sur les clés et les secrets`,
    someGrant: (n: number, kv: string) =>
      `${n} stratégie${n > 1 ? 's' : ''} d’accès accorde${n > 1 ? 'nt' : ''} les droits nécessaires sur ${kv} ; définissez BACKUP_MANAGEMENT_SERVICE_OBJECT_ID pour vérifier qu’il s’agit d’Azure Backup`,
  },
} as const satisfies Record<Lang, unknown>;

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
 * A vault using Azure RBAC needs a role assignment (backup-azure-vms-encryption.md, "Back up ADE
 * encrypted VMs with RBAC enabled key vaults"): the probe says so, and the remedy follows. With
 * access policies and the Backup Management Service's object id configured the check is exact;
 * without it, a vault where no policy grants get, list and backup on both keys and secrets is a sure no.
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
    const m = TEXT[context.lang];
    const iv = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!iv.ok) return failedOutcome(this, iv, context.lang, { vmMissing: iv.status === 404 });
    const request = vaultRequest(t, readings);
    if (request === undefined) {
      return {
        status: 'ok',
        verdicts: [{ causeId: CAUSE, verdict: 'ruled_out', evidence: evidence('key-vault', m.noAde(t.vmName), iv) }],
      };
    }
    const keyVaultId = `/subscriptions/${request.subscriptionId}/resourceGroups/${request.resourceGroup}/providers/Microsoft.KeyVault/vaults/${request.name}`;
    const learned = { keyVaultName: request.name, keyVaultId };
    const vault = readOf(readings, request);
    if (!vault.ok) return failedOutcome(this, vault, context.lang, { learned });
    const properties = vault.value.properties;
    if (properties?.enableRbacAuthorization === true) {
      return {
        status: 'ok',
        learned,
        keyVaultAccess: 'rbac',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'unknown',
            evidence: evidence('key-vault', m.rbac(request.name), vault, {
              keyVault: request.name,
              enableRbacAuthorization: true,
            }),
          },
        ],
      };
    }
    const policies = properties?.accessPolicies ?? [];
    const values = {
      keyVault: request.name,
      enableRbacAuthorization: false,
      policies: policies.map((p) => ({
        objectId: p.objectId,
        keys: p.permissions?.keys ?? [],
        secrets: p.permissions?.secrets ?? [],
      })),
    };
    const sufficient = policies.filter((p) => grants(p.permissions?.keys) && grants(p.permissions?.secrets));
    const say = (verdict: 'implicated' | 'ruled_out' | 'unknown', summary: string) => ({
      status: 'ok' as const,
      learned,
      keyVaultAccess: 'access-policy' as const,
      verdicts: [{ causeId: CAUSE, verdict, evidence: evidence('key-vault', summary, vault, values) }],
    });
    if (context.backupServiceObjectId !== undefined) {
      const mine = policies.find((p) => p.objectId?.toLowerCase() === context.backupServiceObjectId!.toLowerCase());
      if (mine === undefined) return say('implicated', m.noPolicy(request.name));
      return grants(mine.permissions?.keys) && grants(mine.permissions?.secrets)
        ? say('ruled_out', m.granted(request.name))
        : say('implicated', m.lacking(request.name));
    }
    if (sufficient.length === 0) return say('implicated', m.noneGrants(request.name));
    return say('unknown', m.someGrant(sufficient.length, request.name));
  },
};
