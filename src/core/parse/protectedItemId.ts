/** The names a protected item id holds, as the Azure CLI takes them. */
export interface ProtectedItemNames {
  /** `IaasVMContainer;iaasvmcontainerv2;rg;vm`, `VMAppContainer;Compute;rg;vm`, `StorageContainer;Storage;rg;acct` */
  containerName: string;
  /** `VM;iaasvmcontainerv2;rg;vm`, `SQLDataBase;MSSQLSERVER;db`, `AzureFileShare;share` */
  protectedItemName: string;
}

const PROTECTED_ITEM = /\/protectionContainers\/([^/]+)\/protectedItems\/([^/?]+)/i;

/**
 * The container and item names of a `…/backupFabrics/Azure/protectionContainers/<c>/protectedItems/<i>`
 * id (an alert's `protectedItemId`, a Resource Graph job's `backupInstanceId`, a table's `BackupItemId`).
 */
export function tryParseProtectedItemId(id: string | undefined): ProtectedItemNames | undefined {
  const match = id === undefined ? null : PROTECTED_ITEM.exec(id);
  if (match === null) return undefined;
  const [, containerName = '', protectedItemName = ''] = match;
  if (containerName === '' || protectedItemName === '') return undefined;
  return { containerName: safeDecode(containerName), protectedItemName: safeDecode(protectedItemName) };
}

/** The Azure VM named by a container (`…;iaasvmcontainerv2;<rg>;<vm>` or `VMAppContainer;Compute;<rg>;<vm>`). */
export function vmOfContainer(containerName: string | undefined): { resourceGroup: string; name: string } | undefined {
  if (containerName === undefined) return undefined;
  const parts = containerName.split(';').map((part) => part.trim());
  const at = parts.findIndex((part) => /^(iaasvmcontainerv2|iaasvmcontainer|compute)$/i.test(part));
  const resourceGroup = at >= 0 ? parts[at + 1] : undefined;
  const name = at >= 0 ? parts[at + 2] : undefined;
  return resourceGroup && name ? { resourceGroup, name } : undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
