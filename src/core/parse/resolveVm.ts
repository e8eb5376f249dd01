import { isVmId, toVmId, tryParseArmId } from '../armId.js';
import type { JobRecord, VmIdSource } from '../types.js';
import { isDatabaseInVm, isVmHosted } from '../workload.js';
import { vmOfContainer } from './protectedItemId.js';

export interface ResolvedVm {
  vmResourceId: string;
  vmName: string;
  vmResourceGroup: string;
  subscriptionId: string;
  source: VmIdSource;
}

/** Learned `BackupItemUniqueId` → resource id pairs (from CoreAzureBackup), keyed lower-case. */
export type BackupItemMap = ReadonlyMap<string, string>;

/**
 * The VM a job's lookups read. For an Azure VM, its own, most reliable source first: the record's
 * DatasourceResourceId, the CoreAzureBackup mapping for its BackupItemUniqueId, then the
 * BackupItemUniqueId itself (`<region>;<id>;iaasvmcontainerv2;<rg>;<vm>`) or the job's container
 * name with the vault's subscription, since an Azure VM and its vault always share a subscription.
 * For a database in a VM, the host VM. A file share or an agent-protected server has none.
 */
export function resolveVm(job: JobRecord, mappings: BackupItemMap): ResolvedVm | undefined {
  if (!isVmHosted(job.workload) && job.workload !== 'unknown') return undefined;
  if (isDatabaseInVm(job.workload)) {
    return (
      fromId(job.hostVmResourceId, 'host-vm') ??
      fromContainer(job, 'container-name') ??
      fromId(job.datasourceResourceId, 'host-vm')
    );
  }
  const direct = fromId(job.datasourceResourceId, job.format === 'common-alert' ? 'alert' : 'datasource');
  if (direct !== undefined) return direct;
  if (job.backupItemUniqueId !== undefined) {
    const mapped = fromId(mappings.get(job.backupItemUniqueId.toLowerCase()), 'core-mapping');
    if (mapped !== undefined) return mapped;
    const parts = job.backupItemUniqueId.split(';').map((part) => part.trim());
    const [, , container, resourceGroup, name] = parts;
    if (container?.toLowerCase() === 'iaasvmcontainerv2' && resourceGroup && name && job.subscriptionId !== undefined) {
      return {
        vmResourceId: toVmId(job.subscriptionId, resourceGroup, name),
        vmName: name,
        vmResourceGroup: resourceGroup,
        subscriptionId: job.subscriptionId,
        source: 'backup-item-id',
      };
    }
  }
  return fromContainer(job, 'container-name');
}

function fromContainer(job: JobRecord, source: VmIdSource): ResolvedVm | undefined {
  const vm = vmOfContainer(job.containerName);
  if (vm === undefined || job.subscriptionId === undefined) return undefined;
  return {
    vmResourceId: toVmId(job.subscriptionId, vm.resourceGroup, vm.name),
    vmName: vm.name,
    vmResourceGroup: vm.resourceGroup,
    subscriptionId: job.subscriptionId,
    source,
  };
}

/** The same VM ids come back all day: their parsed form is remembered (bounded, pure). */
const parsedIds = new Map<string, ResolvedVm | null>();

function fromId(id: string | undefined, source: VmIdSource): ResolvedVm | undefined {
  if (id === undefined) return undefined;
  let vm = parsedIds.get(id);
  if (vm === undefined) {
    vm = parseVmId(id) ?? null;
    if (parsedIds.size >= 20_000) parsedIds.clear();
    parsedIds.set(id, vm);
  }
  return vm === null ? undefined : vm.source === source ? vm : { ...vm, source };
}

function parseVmId(id: string): ResolvedVm | undefined {
  const parsed = tryParseArmId(id);
  if (parsed === undefined || !isVmId(parsed)) return undefined;
  return {
    vmResourceId: toVmId(parsed.subscriptionId, parsed.resourceGroup, parsed.name),
    vmName: parsed.name,
    vmResourceGroup: parsed.resourceGroup,
    subscriptionId: parsed.subscriptionId,
    source: 'datasource',
  };
}
