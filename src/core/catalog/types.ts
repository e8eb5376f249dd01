import type { Category, Lang, Localized } from '../types.js';

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
  'snapshotExtensionName',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** One remediation command, in both shells; `os` restricts it to one guest OS. */
export interface CommandTemplate {
  id: string;
  purpose: Localized;
  os?: 'windows' | 'linux';
  azureCli: string;
  powershell: string;
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
  /** The command that applies the fix, put first once a lookup confirms the cause. */
  fix?: string;
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
