import type { Localized } from '../core/types.js';

/**
 * What the probes read from Azure, in the shapes the SDK clients return them (only the fields the
 * probes use). The enrichment layer sees these interfaces, never an SDK.
 */

export interface InstanceStatus {
  code?: string;
  level?: string;
  displayStatus?: string;
  message?: string;
  time?: Date | string;
}

export interface VmInstanceView {
  osName?: string;
  vmAgent?: {
    vmAgentVersion?: string;
    statuses?: InstanceStatus[];
    extensionHandlers?: Array<{ type?: string; typeHandlerVersion?: string; status?: InstanceStatus }>;
  };
  disks?: Array<{
    name?: string;
    encryptionSettings?: Array<{
      enabled?: boolean;
      diskEncryptionKey?: { secretUrl?: string; sourceVault?: { id?: string } };
    }>;
  }>;
  extensions?: Array<{ name?: string; type?: string; typeHandlerVersion?: string; statuses?: InstanceStatus[] }>;
  statuses?: InstanceStatus[];
}

/** An extension as the VM model lists it (`resources[]`, properties flattened by the SDK). */
export interface VmExtensionResource {
  name?: string;
  /** The extension type (`VMSnapshot`, `VMSnapshotLinux`); `type` is the ARM resource type. */
  typePropertiesType?: string;
  publisher?: string;
  typeHandlerVersion?: string;
  provisioningState?: string;
}

export interface VmModel {
  provisioningState?: string;
  resources?: VmExtensionResource[];
  storageProfile?: {
    osDisk?: {
      osType?: string;
      name?: string;
      diskSizeGB?: number;
      encryptionSettings?: { enabled?: boolean; diskEncryptionKey?: { sourceVault?: { id?: string } } };
    };
    dataDisks?: Array<{ lun?: number; name?: string; diskSizeGB?: number }>;
  };
}

export interface ManagementLock {
  id?: string;
  name?: string;
  level?: string;
  notes?: string;
}

export interface RestorePointCollection {
  id?: string;
  name?: string;
  provisioningState?: string;
  source?: { id?: string };
  restorePoints?: Array<{ name?: string; timeCreated?: Date | string }>;
}

export interface KeyVault {
  id?: string;
  name?: string;
  properties?: {
    enableRbacAuthorization?: boolean;
    accessPolicies?: Array<{ objectId?: string; permissions?: { keys?: string[]; secrets?: string[] } }>;
  };
}

export interface BackupJob {
  name?: string;
  properties?: {
    entityFriendlyName?: string;
    operation?: string;
    status?: string;
    startTime?: Date | string;
    backupManagementType?: string;
  };
}

/** A policy assignment that applies at a scope (properties flattened by the SDK). */
export interface PolicyAssignment {
  id?: string;
  name?: string;
  displayName?: string;
  policyDefinitionId?: string;
  parameters?: Record<string, { value?: unknown } | undefined>;
  /** `Default` or `DoNotEnforce`: a Deny that is not enforced denies nothing. */
  enforcementMode?: string;
  scope?: string;
}

/** The assignments that apply to a resource group, or to its subscription when the group does not exist yet. */
export interface PolicyAssignments {
  scope: 'resourceGroup' | 'subscription';
  assignments: PolicyAssignment[];
}

/** A policy definition: its rule's effect may be a literal or one of its parameters. */
export interface PolicyDefinition {
  id?: string;
  name?: string;
  displayName?: string;
  policyType?: string;
  parameters?: Record<string, { defaultValue?: unknown } | undefined>;
  policyRule?: unknown;
}

/** One backup item's recent history, from the AddonAzureBackupJobs table. */
export interface ItemHistory {
  backupItemUniqueId: string;
  lastSuccessAt: string | null;
  failuresSinceSuccess: number;
  backupsLast24h: number;
}

/** One read of the Azure state. `key` identifies it: a batch sends each key once. */
export type ReadRequest =
  | { kind: 'vm.instanceView'; key: string; subscriptionId: string; resourceGroup: string; name: string }
  | { kind: 'vm.model'; key: string; subscriptionId: string; resourceGroup: string; name: string }
  | { kind: 'rg.locks'; key: string; subscriptionId: string; resourceGroup: string }
  | { kind: 'sub.restorePointCollections'; key: string; subscriptionId: string }
  | { kind: 'rpc.get'; key: string; subscriptionId: string; resourceGroup: string; name: string }
  | { kind: 'keyvault.get'; key: string; subscriptionId: string; resourceGroup: string; name: string }
  | { kind: 'vault.runningJobs'; key: string; subscriptionId: string; resourceGroup: string; vaultName: string }
  | { kind: 'workspace.history'; key: string; workspaceId: string; items: string[] }
  | { kind: 'policy.assignments'; key: string; subscriptionId: string; resourceGroup: string }
  | { kind: 'policy.definition'; key: string; subscriptionId: string; definitionId: string };

export type ReadKind = ReadRequest['kind'];

/** The value each kind of read returns. */
export interface ReadValues {
  'vm.instanceView': VmInstanceView;
  'vm.model': VmModel;
  'rg.locks': ManagementLock[];
  'sub.restorePointCollections': RestorePointCollection[];
  'rpc.get': RestorePointCollection;
  'keyvault.get': KeyVault;
  'vault.runningJobs': BackupJob[];
  'workspace.history': ItemHistory[];
  'policy.assignments': PolicyAssignments;
  'policy.definition': PolicyDefinition;
}

/** A read that failed, as data: the HTTP status (or why there was none) and what to do. */
export interface ReadFailure {
  ok: false;
  /** HTTP status, or `timeout` (deadline or per-call), `malformed` (unreadable answer), `error` (no answer). */
  status: number | 'timeout' | 'malformed' | 'error';
  /** One sentence for logs, in English: what failed and what to do ("403: grant Reader on …"). */
  reason: string;
  /** The same sentence in every language, for the messages (see `readFailureText`). */
  text: Localized;
  api: string;
  at: string;
  durationMs: number;
}

export interface ReadSuccess<T> {
  ok: true;
  value: T;
  api: string;
  at: string;
  durationMs: number;
}

export type ReadResult<T = unknown> = ReadSuccess<T> | ReadFailure;

/** The adapter that performs reads (real SDK clients, pointed at Azure or at a local replay). */
export interface StateReader {
  read<K extends ReadKind>(
    request: Extract<ReadRequest, { kind: K }>,
    options: { abortSignal?: AbortSignal },
  ): Promise<ReadResult<ReadValues[K]>>;
}

const lower = (text: string) => text.toLowerCase();
type Req<K extends ReadKind> = Extract<ReadRequest, { kind: K }>;

/** Builders that give every request its canonical key, so equal reads collapse to one. */
export const reads = {
  instanceView: (subscriptionId: string, resourceGroup: string, name: string): Req<'vm.instanceView'> => ({
    kind: 'vm.instanceView',
    key: lower(`vm.instanceView|${subscriptionId}/${resourceGroup}/${name}`),
    subscriptionId,
    resourceGroup,
    name,
  }),
  vmModel: (subscriptionId: string, resourceGroup: string, name: string): Req<'vm.model'> => ({
    kind: 'vm.model',
    key: lower(`vm.model|${subscriptionId}/${resourceGroup}/${name}`),
    subscriptionId,
    resourceGroup,
    name,
  }),
  locks: (subscriptionId: string, resourceGroup: string): Req<'rg.locks'> => ({
    kind: 'rg.locks',
    key: lower(`rg.locks|${subscriptionId}/${resourceGroup}`),
    subscriptionId,
    resourceGroup,
  }),
  restorePointCollections: (subscriptionId: string): Req<'sub.restorePointCollections'> => ({
    kind: 'sub.restorePointCollections',
    key: lower(`sub.restorePointCollections|${subscriptionId}`),
    subscriptionId,
  }),
  restorePointCollection: (subscriptionId: string, resourceGroup: string, name: string): Req<'rpc.get'> => ({
    kind: 'rpc.get',
    key: lower(`rpc.get|${subscriptionId}/${resourceGroup}/${name}`),
    subscriptionId,
    resourceGroup,
    name,
  }),
  keyVault: (subscriptionId: string, resourceGroup: string, name: string): Req<'keyvault.get'> => ({
    kind: 'keyvault.get',
    key: lower(`keyvault.get|${subscriptionId}/${resourceGroup}/${name}`),
    subscriptionId,
    resourceGroup,
    name,
  }),
  runningJobs: (subscriptionId: string, resourceGroup: string, vaultName: string): Req<'vault.runningJobs'> => ({
    kind: 'vault.runningJobs',
    key: lower(`vault.runningJobs|${subscriptionId}/${resourceGroup}/${vaultName}`),
    subscriptionId,
    resourceGroup,
    vaultName,
  }),
  policyAssignments: (subscriptionId: string, resourceGroup: string): Req<'policy.assignments'> => ({
    kind: 'policy.assignments',
    key: lower(`policy.assignments|${subscriptionId}/${resourceGroup}`),
    subscriptionId,
    resourceGroup,
  }),
  policyDefinition: (subscriptionId: string, definitionId: string): Req<'policy.definition'> => ({
    kind: 'policy.definition',
    key: lower(`policy.definition|${definitionId}`),
    subscriptionId,
    definitionId,
  }),
  history: (workspaceId: string, items: string[]): Req<'workspace.history'> => ({
    kind: 'workspace.history',
    key: lower(`workspace.history|${workspaceId}`),
    workspaceId,
    items,
  }),
};
