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
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** How a key vault grants access: access policies, or Azure RBAC (`enableRbacAuthorization`). */
export type KeyVaultAccess = 'access-policy' | 'rbac';

/** What is known of the VM that changes the remedy (the guest OS, the key vault's access model). */
export interface VmFacts {
  os: OsType;
  keyVaultAccess: KeyVaultAccess;
}

/**
 * One remediation command, in both shells. `os` and `keyVaultAccess` restrict it to VMs where
 * that fact holds; while the fact is unknown the command is kept (its purpose says when it applies).
 */
export interface CommandTemplate {
  id: string;
  purpose: Localized;
  os?: OsType;
  keyVaultAccess?: KeyVaultAccess;
  azureCli: string;
  powershell: string;
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

/** A documented error code. `causes` keep the source article's order for that code. */
export interface CodeEntry {
  code: string;
  aliases: readonly string[];
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
