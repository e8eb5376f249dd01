import type { Lang } from '../../core/types.js';
import { FACTS } from '../facts.js';
import { reads, type VmInstanceView, type VmModel } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe } from '../probe.js';

const CAUSE = 'disk-too-large';
const TB = 1024;

const TEXT = {
  en: {
    osDisk: (name: string) => `OS disk ${name}`.trim(),
    dataDisk: (name: string, lun: string) => `data disk ${name} (LUN ${lun})`,
    encrypted: 'the VM is encrypted with Azure Disk Encryption: the 4 TB limit for encrypted disks applies',
    plain:
      'the VM is not encrypted with Azure Disk Encryption: the 32 TB per-disk limit applies (standard or enhanced policy alike)',
    encryptionUnknown: (reason: string) => `encryption not read (${reason})`,
    over: (list: string, limit: string, why: string) => `${list}: over ${limit}; ${why}`,
    overTotal: (total: number) => `the disks total ${total} GB: over the 256 TB a VM backup supports`,
    sizesMissing: 'the VM model does not give every disk size (read the managed disks)',
    within: (n: number, largest: number, why: string) =>
      `${n} disks, the largest ${largest} GB: within the limit; ${why}`,
    maybe: (list: string, why: string) =>
      `${list}: over 4 TB, a problem only if the VM uses Azure Disk Encryption; ${why}`,
    limit: (tb: number) => `${tb} TB (${tb * TB} GB)`,
    size: (disk: string, gb: number | undefined) => `${disk}: ${gb} GB`,
  },
  fr: {
    osDisk: (name: string) => `disque de système ${name}`.trim(),
    dataDisk: (name: string, lun: string) => `disque de données ${name} (LUN ${lun})`,
    encrypted: 'la VM est chiffrée par Azure Disk Encryption : la limite de 4 To des disques chiffrés s’applique',
    plain:
      'la VM n’est pas chiffrée par Azure Disk Encryption : la limite de 32 To par disque s’applique (stratégie standard ou avancée)',
    encryptionUnknown: (reason: string) => `chiffrement non lu (${reason})`,
    over: (list: string, limit: string, why: string) => `${list} : au-delà de ${limit} ; ${why}`,
    overTotal: (total: number) =>
      `les disques totalisent ${total} Go : au-delà des 256 To qu’accepte la sauvegarde d’une VM`,
    sizesMissing: 'le modèle de la VM ne donne pas la taille de chaque disque (lisez les disques managés)',
    within: (n: number, largest: number, why: string) =>
      `${n} disques, le plus grand de ${largest} Go : sous la limite ; ${why}`,
    maybe: (list: string, why: string) =>
      `${list} : au-delà de 4 To, ce qui ne pose problème que si la VM utilise Azure Disk Encryption ; ${why}`,
    limit: (tb: number) => `${tb} To (${tb * TB} Go)`,
    size: (disk: string, gb: number | undefined) => `${disk} : ${gb} Go`,
  },
} as const satisfies Record<Lang, unknown>;

/** Whether Azure Disk Encryption is on: any disk of the instance view, or the OS disk of the model, says so. */
function usesAde(iv: VmInstanceView, model: VmModel): boolean {
  const onDisk = (iv.disks ?? []).some((disk) =>
    (disk.encryptionSettings ?? []).some((settings) => settings.enabled !== false),
  );
  return onDisk || model.storageProfile?.osDisk?.encryptionSettings?.enabled === true;
}

/**
 * Disk sizes from the VM model, against the limit that applies to this VM: 32 TB per disk, 4 TB
 * when it uses Azure Disk Encryption (read from the instance view), 256 TB in all. The policy
 * type (standard or enhanced) does not change the documented limit; the evidence says which applied.
 */
export const diskSizeProbe: Probe = {
  name: 'disk-size',
  tests: [CAUSE],
  plan: (t) => [
    reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName),
    reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName),
  ],
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    const read = readOf(readings, reads.vmModel(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!read.ok) return failedOutcome(this, read, context.lang, { vmMissing: read.status === 404 });
    const ivRead = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    const encrypted = ivRead.ok ? usesAde(ivRead.value, read.value) : undefined;
    const why =
      encrypted === true
        ? m.encrypted
        : encrypted === false
          ? m.plain
          : m.encryptionUnknown(ivRead.ok ? '' : ivRead.text[context.lang]);
    const profile = read.value.storageProfile;
    const disks = [
      { disk: m.osDisk(profile?.osDisk?.name ?? ''), sizeGb: profile?.osDisk?.diskSizeGB },
      ...(profile?.dataDisks ?? []).map((d) => ({
        disk: m.dataDisk(d.name ?? '', String(d.lun ?? '?')),
        sizeGb: d.diskSizeGB,
      })),
    ];
    const limitGb = encrypted === true ? FACTS.maxEncryptedDiskGb : FACTS.maxDiskGb;
    const values = {
      disks,
      encryptedWithAde: encrypted ?? null,
      limitGb,
      totalLimitGb: FACTS.maxVmDisksGb,
    };
    const say = (verdict: 'implicated' | 'ruled_out' | 'unknown', summary: string) => ({
      status: 'ok' as const,
      verdicts: [{ causeId: CAUSE, verdict, evidence: evidence('disk-size', summary, read, values) }],
    });
    const list = (over: typeof disks) => over.map((d) => m.size(d.disk, d.sizeGb)).join(', ');
    const over = disks.filter((d) => d.sizeGb !== undefined && d.sizeGb > limitGb);
    if (over.length > 0) return say('implicated', m.over(list(over), m.limit(limitGb / TB), why));
    const total = disks.reduce((sum, d) => sum + (d.sizeGb ?? 0), 0);
    if (total > FACTS.maxVmDisksGb) return say('implicated', m.overTotal(total));
    if (disks.some((d) => d.sizeGb === undefined)) return say('unknown', m.sizesMissing);
    const maybe = disks.filter((d) => (d.sizeGb ?? 0) > FACTS.maxEncryptedDiskGb);
    if (encrypted === undefined && maybe.length > 0) return say('unknown', m.maybe(list(maybe), why));
    return say('ruled_out', m.within(disks.length, Math.max(...disks.map((d) => d.sizeGb ?? 0)), why));
  },
};
