import type { Category, Lang, Localized, OsType } from '../types.js';

/** The probes of the enrichment stage; the catalog says which causes each can test. */
export const PROBE_NAMES = [
  'vm-agent',
  'power-state',
  'snapshot-extension',
  'rp-locks',
  'restore-points',
  'disk-size',
  'key-vault',
  'job-in-progress',
  'history',
  'vm-state',
  'extension-deleting',
  'deny-policy',
] as const;
export type ProbeName = (typeof PROBE_NAMES)[number];

/** Names a command template may use; they are filled from the event and, later, from lookups. */
export const PLACEHOLDERS = [
  'vmName',
  'vmResourceGroup',
  'vmResourceId',
  'subscriptionId',
  'vaultName',
  'vaultResourceGroup',
  'region',
  'jobId',
  'rpResourceGroup',
  'lockName',
  'keyVaultName',
  'keyVaultId',
  'snapshotExtensionName',
  'containerName',
  'itemName',
  'workloadType',
  'retainUntil',
  // Names no input carries: the commands that need them keep them as visible placeholders.
  'tagName',
  'tagValue',
  'recoveryPointName',
  'storageAccountName',
  'targetResourceGroup',
  'targetSubscriptionId',
  'policyName',
  'instanceName',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** How a key vault grants access: access policies, or Azure RBAC (`enableRbacAuthorization`). */
export type KeyVaultAccess = 'access-policy' | 'rbac';

/** What is known of the VM that changes the remedy (the guest OS, the key vault's access model). */
export interface VmFacts {
  os: OsType;
  keyVaultAccess: KeyVaultAccess;
}

/** A command in both shells; a variant may say its purpose in its own words. */
export interface CommandPair {
  azureCli: string;
  powershell: string;
  purpose?: Localized;
}

/** The Azure CLI `--backup-management-type` of the items that are not Azure VMs. */
export type ItemFamily = 'AzureWorkload' | 'AzureStorage';

/**
 * One remediation command, in both shells. `os` and `keyVaultAccess` restrict it to VMs where
 * that fact holds; while the fact is unknown the command is kept (its purpose says when it applies).
 * `target` says what it acts on, which decides for which workloads it applies: a `vm` command
 * reads or changes the VM (the database's host VM for SQL Server and SAP HANA; none for a file
 * share), an `item` command acts on the backup item with the workload's own parameters
 * (`variants`; the base form is the Azure VM one), a `database` command only on a database in a
 * VM (SQL Server, SAP HANA), an `other` command on the vault, the job or the subscription.
 */
export interface CommandTemplate extends CommandPair {
  id: string;
  purpose: Localized;
  os?: OsType;
  keyVaultAccess?: KeyVaultAccess;
  target: 'vm' | 'item' | 'database' | 'other';
  variants?: Partial<Record<ItemFamily, CommandPair>>;
  /** Where the command's facts come from (article and section), when it is not the troubleshooting article. */
  source?: string;
}

/** A first action (and the command that applies it) for VMs where some facts hold. */
export interface ActionVariant {
  when: Partial<VmFacts>;
  action: Localized;
  fix?: string;
}

/** A documented cause: what it is, what to do, what can test it. */
export interface CauseEntry {
  id: string;
  title: Localized;
  /** One sentence, the first thing to do, with `{placeholders}` for the real names. */
  action: Localized;
  steps: Readonly<Record<Lang, readonly string[]>>;
  /** Ids of `CommandTemplate`s, in the order an operator would run them. */
  commands: readonly string[];
  /** The command that applies the fix, put first once a lookup implicates the cause. */
  fix?: string;
  /** Other first actions for VMs where some facts hold (a key vault using Azure RBAC). */
  variants?: readonly ActionVariant[];
  /**
   * The guest OS the cause is about: ruled out, without a lookup, on a VM known to run the other
   * one; and while the OS is unknown, `osNeutralAction` is the first action instead of `action`.
   */
  os?: OsType;
  osNeutralAction?: Localized;
  /**
   * The condition explains a failure only together with this other cause's (a lock blocks nothing
   * until the restore points reach the limit): implicated when both hold, else present at most.
   */
  onlyWith?: string;
  /** Why, in a clause ("a lock only blocks the cleanup of old restore points, …"); required with `onlyWith`. */
  onlyWithWhy?: Localized;
  probes: readonly ProbeName[];
  /** Anchor of the cause's section in the troubleshooting article. */
  anchor: string;
}

/**
 * The troubleshooting articles the catalog is built from (MicrosoftDocs/azure-docs, `articles/backup/`):
 * the agent and extension article (French source and its English counterpart), *Troubleshoot backup
 * errors with Azure VMs*, and the SQL Server and SAP HANA in Azure VM articles.
 */
export const ARTICLES = {
  'agent-extension': 'backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout',
  'vm-backup': 'backup-azure-vms-troubleshoot',
  'sql-server': 'backup-sql-server-azure-troubleshoot',
  'sap-hana': 'backup-azure-sap-hana-database-troubleshoot',
} as const;
export type ArticleId = keyof typeof ARTICLES;

/** The workloads a code belongs to, as the articles group them. */
export type CodeWorkload = 'azure-vm' | 'sql-server' | 'sap-hana' | 'database';

/** A documented error code. `causes` keep the source article's order for that code. */
export interface CodeEntry {
  code: string;
  aliases: readonly string[];
  /** The article (and section `anchor`) that documents the code. @default 'agent-extension' */
  article?: ArticleId;
  /** The workload whose article lists the code. @default 'azure-vm' */
  workload?: CodeWorkload;
  /**
   * The service's own English error messages for the code, verbatim from the article ("Error
   * message:"), used to recognise the code in an alert's description.
   */
  errorMessages?: readonly string[];
  /** The numeric forms of the code (REST `errorDetails[].errorCode`), each from a cited source. */
  numbers?: readonly number[];
  /** A restore-side code: its failures are restore failures. @default 'backup' */
  side?: 'backup' | 'restore';
  title: Localized;
  message: Localized;
  category: Exclude<Category, 'unknown'>;
  /** Which article documents the code: the French source, or the newer English article. */
  documentedIn: Lang;
  /** Cause ids in the order the documenting article lists them. */
  causes: readonly string[];
  /** Causes the newer English article adds for a code of the French source, in its order. */
  addedCauses: readonly string[];
  /** Causes whose condition the code itself reports (the restore-point limit code reports the limit reached). */
  establishes?: readonly string[];
  anchor: string;
}

export interface Catalog {
  codes: readonly CodeEntry[];
  causes: readonly CauseEntry[];
  commands: readonly CommandTemplate[];
  /** Guidance used for codes the catalog does not know. */
  generic: CauseEntry;
  /** The cause a lookup adds when the VM is gone. */
  vmDeleted: CauseEntry;
}
