import { tryParseArmId } from '../core/armId.js';
import type { ProbeTarget } from './probe.js';
import type { RestorePointCollection } from './readings.js';

export interface VmCollection {
  name: string;
  resourceGroup: string;
  subscriptionId: string;
}

/** The restore point collections Azure Backup keeps for this VM (their `source.id` is the VM). */
export function collectionsOf(target: ProbeTarget, listing: readonly RestorePointCollection[]): VmCollection[] {
  const vm = target.vmResourceId.toLowerCase();
  const out: VmCollection[] = [];
  for (const collection of listing) {
    if (collection.source?.id?.toLowerCase() !== vm) continue;
    const id = tryParseArmId(collection.id);
    if (id !== undefined)
      out.push({ name: id.name, resourceGroup: id.resourceGroup, subscriptionId: id.subscriptionId });
  }
  return out;
}

/** Where the service keeps restore points when none is found: its default group for the region. */
export function defaultRestorePointGroup(target: ProbeTarget): string | undefined {
  return target.region !== undefined ? `AzureBackupRG_${target.region}_1` : undefined;
}
