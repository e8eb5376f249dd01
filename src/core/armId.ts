/** The parts of an Azure Resource Manager id that messages and commands need. */
export interface ArmId {
  subscriptionId: string;
  resourceGroup: string;
  provider: string;
  type: string;
  name: string;
}

const ARM_ID = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)/i;

/** Parses the top-level resource of an ARM id (case-insensitive), or `undefined`. */
export function tryParseArmId(id: string | undefined): ArmId | undefined {
  if (id === undefined) return undefined;
  const match = ARM_ID.exec(id.trim());
  if (match === null) return undefined;
  const [, subscriptionId = '', resourceGroup = '', provider = '', type = '', name = ''] = match;
  return { subscriptionId: subscriptionId.toLowerCase(), resourceGroup, provider, type, name };
}

/** True for a `Microsoft.Compute/virtualMachines` id. */
export function isVmId(id: ArmId): boolean {
  return id.provider.toLowerCase() === 'microsoft.compute' && id.type.toLowerCase() === 'virtualmachines';
}

/** True for a `Microsoft.RecoveryServices/vaults` id. */
export function isVaultId(id: ArmId): boolean {
  return id.provider.toLowerCase() === 'microsoft.recoveryservices' && id.type.toLowerCase() === 'vaults';
}

/** A VM id with the canonical casing of its fixed segments. */
export function toVmId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`;
}

/** A Recovery Services vault id with the canonical casing of its fixed segments. */
export function toVaultId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${name}`;
}
