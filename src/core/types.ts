import type { Workload } from './workload.js';

/** Languages the catalog and the messages are written in. */
export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

/** A text in every supported language. */
export type Localized = Readonly<Record<Lang, string>>;

/** Where one input came from: Event Hub coordinates, or a file position for the CLI. */
export interface InputOrigin {
  /** Position of the body in the batch (0-based). */
  bodyIndex: number;
  /** Position of the record inside an envelope (0-based), when the body held several. */
  recordIndex?: number;
  partitionId?: string;
  sequenceNumber?: number;
  offset?: string;
  enqueuedAt?: string;
  file?: string;
  /** 1-based line of an NDJSON file. */
  line?: number;
}

/** One Event Hub message body as the trigger delivers it (object, JSON string or bytes). */
export interface InputBody {
  body: unknown;
  origin: InputOrigin;
}

/**
 * The shape an input arrived in: an Event Hub resource-log record, a common-schema alert, a bare
 * record (a Log Analytics export row), a backup job resource (REST, `az backup job show/list`,
 * Resource Graph), or a row of a Log Analytics query answer.
 */
export type SourceFormat = 'resource-log' | 'common-alert' | 'bare-record' | 'job-resource' | 'log-analytics';

/** How the VM's resource id was obtained, from most to least reliable. */
export type VmIdSource = 'datasource' | 'core-mapping' | 'alert' | 'backup-item-id' | 'host-vm' | 'container-name';

/** Where the error code was read from; `numeric` when only the number was given and the catalog knew it. */
export type ErrorCodeSource = 'field' | 'aka-link' | 'origin-alert-id' | 'description' | 'numeric';

/**
 * The job operations that produce findings: a backup, the enabling of protection (it fails on the
 * same agent and extension errors), and a restore (labelled as such, never resolved by a backup).
 */
export type JobOperation = 'Backup' | 'ConfigureBackup' | 'Restore';
export const JOB_OPERATIONS: readonly JobOperation[] = ['Backup', 'ConfigureBackup', 'Restore'];

/** A backup job in a format-independent shape: what every parser produces. */
export interface JobRecord {
  format: SourceFormat;
  category: string;
  origin: InputOrigin;
  jobId: string;
  /** True when the input had no job id and one was derived from the item, time and code. */
  jobIdDerived: boolean;
  operation: JobOperation;
  /** `CompletedWithWarnings` keeps its code: a warning finding, not a resolution. */
  status: 'Failed' | 'Completed' | 'CompletedWithWarnings';
  /** What the item is (a VM, a database in a VM, a file share…), from whatever fields the input had. */
  workload: Workload;
  startedAt?: string;
  durationSec?: number;
  errorCode?: string;
  errorCodeSource?: ErrorCodeSource;
  /** The numeric form of the code (REST `errorDetails[].errorCode`), when the input carries one. */
  errorNumber?: number;
  /** A human-readable error text carried by the input (the alert description). */
  errorMessage?: string;
  /** The service's own recommendation, when the input carries one (alerts do). */
  recommendedAction?: string;
  vaultId?: string;
  vaultName?: string;
  vaultResourceGroup?: string;
  subscriptionId?: string;
  region?: string;
  backupItemUniqueId?: string;
  /** The protected container (for a VM, the VM itself): what CoreAzureBackup records give the OS of. */
  protectedContainerUniqueId?: string;
  backupItemId?: string;
  backupItemName?: string;
  backupManagementType?: string;
  datasourceType?: string;
  datasourceResourceId?: string;
  /** The Azure VM hosting a database item (`DatasourceSetResourceId`, the alert's linked VM). */
  hostVmResourceId?: string;
  /**
   * The backup container as the CLI names it (`iaasvmcontainerv2;rg;vm`, `VMAppContainer;Compute;rg;vm`,
   * `StorageContainer;Storage;rg;account`).
   */
  containerName?: string;
  /** The protected item as the CLI names it (`VM;iaasvmcontainerv2;rg;vm`, `SQLDataBase;MSSQLSERVER;db`, …). */
  protectedItemName?: string;
  /** Rank of the emitter when the same job arrives twice: the richer record wins. */
  richness: number;
}

/** CoreAzureBackup teaches which Azure resource a backup item protects (and, when it says, its OS). */
export interface BackupItemMapping {
  backupItemUniqueId: string;
  datasourceResourceId: string;
  protectedContainerUniqueId?: string;
  osType?: OsType;
}

/** CoreAzureBackup `ProtectedContainer` records carry the protected container's OS (`ProtectedContainerOSType`). */
export interface ContainerOs {
  protectedContainerUniqueId: string;
  osType: OsType;
}

/** Machine-readable reasons for a rejection. */
export type RejectionReason =
  | 'empty_body'
  | 'invalid_utf8'
  | 'invalid_json'
  | 'too_large'
  | 'too_many_records'
  | 'too_deep'
  | 'unknown_shape'
  | 'unsupported_type'
  | 'internal_error'
  | `missing_field:${string}`
  | `invalid_field:${string}`;

/** An input that could not be understood, kept with its reason and coordinates. */
export interface RejectedRecord {
  schemaVersion: '1.0';
  kind: 'rejected';
  reason: RejectionReason;
  /** What was wrong and what to do about it, in one sentence. */
  detail: string;
  receivedAt: string;
  origin: InputOrigin;
  /** The raw input, truncated to a bound. */
  raw: string;
  /** Size of the raw input in bytes (UTF-8), before truncation. */
  rawBytes: number;
  rawTruncated: boolean;
}

/** What a parser makes of one input record. */
export type ParsedItem =
  | { kind: 'job'; job: JobRecord }
  | { kind: 'mapping'; mapping: BackupItemMapping; origin: InputOrigin }
  | { kind: 'container'; container: ContainerOs; origin: InputOrigin }
  | { kind: 'ignored'; reason: string; origin: InputOrigin }
  | { kind: 'rejected'; rejection: RejectedRecord };

/**
 * The schema 1.0 verdict, kept for readers of 1.0: `confirmed` now means exactly `implicated`;
 * a condition present but not implicated reads `ruled_out` (it is not the cause).
 */
export type Verdict = 'confirmed' | 'ruled_out' | 'unknown';

/**
 * What the state says of a cause for this failure (schema 1.1):
 * - `implicated`: the state explains this failure (a lock *and* the restore points at the limit);
 * - `present`: the condition exists but does not explain this failure (a risk worth one line, never the first action);
 * - `ruled_out`: the condition is absent, or cannot apply (another OS, a deleted VM);
 * - `unknown`: not determined (no lookup, or the state could not be read).
 */
export type CausalVerdict = 'implicated' | 'present' | 'ruled_out' | 'unknown';

/** The guest OS of a VM, when something said it. */
export type OsType = 'windows' | 'linux';

/** A ready-to-run command, filled with the real resource names. */
export interface RenderedCommand {
  shell: 'azure-cli' | 'powershell';
  purpose: string;
  text: string;
  /** False when a name was not known yet and the command still holds a `<placeholder>`. */
  complete: boolean;
}

export interface Evidence {
  /** The probe that read it, or `event` / `rule` for what the event or a verdict rule says. */
  probe: string;
  summary: string;
  values?: Record<string, unknown>;
  api?: string;
  at?: string;
  /** True when it only says the state could not be read (the reason is also in `lookups[]`). */
  unread?: boolean;
}

export interface EnrichedCause {
  id: string;
  rank: number;
  documentedOrder: number;
  /** Which article documents this cause for this code; `observed` for what a lookup found (a deleted VM). */
  documentedIn: Lang | 'observed';
  /** Schema 1.0 projection of `causalVerdict`: `confirmed` iff implicated. */
  verdict: Verdict;
  causalVerdict: CausalVerdict;
  evidence: Evidence[];
  title: string;
  /** Shared with the catalog (frozen): copy before editing. */
  steps: readonly string[];
  commands: RenderedCommand[];
}

export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

export interface PriorityReason {
  rule: string;
  text: string;
}

export interface LookupRecord {
  probe: string;
  status: 'ok' | 'failed' | 'skipped' | 'timed_out';
  durationMs: number;
  error?: string;
}

/** 1.1 added the workload, the item's container and name, the numeric code and the code's side. */
export type EnrichedEventVersion = '1.0' | '1.1';

/** The enriched event (schema/enriched-event.v1.json): the contract other tools read. */
export interface EnrichedEvent {
  /**
   * 1.1 adds `causes[].causalVerdict`, `priority.context.lastSuccess`, `evidence[].unread`, the
   * workload, the item's container and name, the numeric code and the code's side.
   */
  schemaVersion: EnrichedEventVersion;
  id: string;
  receivedAt: string;
  lang: Lang;
  source: {
    format: SourceFormat;
    category: string;
  } & InputOrigin;
  job: {
    operation: JobOperation;
    status: JobRecord['status'];
    workload: Workload;
    startedAt: string | null;
    durationSec: number | null;
    jobIdDerived: boolean;
    vaultId: string | null;
    vaultName: string | null;
    vaultResourceGroup: string | null;
    subscriptionId: string | null;
    region: string | null;
    backupItemUniqueId: string | null;
    backupItemId: string | null;
    backupItemName: string | null;
    backupManagementType: string | null;
    datasourceType: string | null;
    containerName: string | null;
    protectedItemName: string | null;
    /** The VM the lookups read: the item's own VM, or the host VM of a database; null for a file share. */
    vmResourceId: string | null;
    vmName: string | null;
    vmResourceGroup: string | null;
    vmIdSource: VmIdSource | null;
  };
  errorCode: string | null;
  errorCodeSource: ErrorCodeSource | null;
  errorMessage: string | null;
  /** The numeric form of the code, when the input gave one (REST jobs carry both). */
  errorNumber?: number;
  classification: {
    code: string;
    known: boolean;
    /** Whether the code is a backup-side or a restore-side failure (the catalog says; else the job's operation). */
    side: 'backup' | 'restore';
    category: Category;
    title: string;
    message: string;
    link: string;
  };
  causes: EnrichedCause[];
  priority: { level: Priority; reasons: PriorityReason[]; context?: PriorityContext };
  lookups: LookupRecord[];
  summary: {
    headline: string;
    firstAction: { causeId: string | null; text: string; commands: RenderedCommand[] };
  };
  /** A later successful backup of the same item seen in the same input. */
  resolvedBy?: { jobId: string; at: string | null };
}

export type Category = 'transient' | 'user-action' | 'configuration' | 'platform-limit' | 'unknown';

/** What is known about the failure beyond its code; every field is optional evidence. */
export interface PriorityContext {
  /** Failures of the item in a row, this one included. */
  consecutiveFailures?: number;
  /** Hours from `lastSuccess` to the time the event was judged (see `hoursSinceLastSuccess()`). */
  hoursSinceLastSuccess?: number;
  /** The last successful backup of the item, and where it was learned; absent when unknown. */
  lastSuccess?: LastSuccess;
  /** Items of the same vault failing with the same code in the window, this one included. */
  itemsFailingWithSameCode?: number;
  /** A later successful backup of the item was seen: nothing is left to do. */
  resolved?: boolean;
  /** The job completed with warnings: a recovery point exists, so it is never more than P3. */
  warning?: boolean;
}

/**
 * The last successful backup of an item: the one fact every "time since the last success" is
 * computed from (priority, notification, digest, dashboard, CLI), so they never disagree.
 */
export interface LastSuccess {
  /** Start of the last successful backup; null when the source saw none within `windowHours`. */
  at: string | null;
  /** The history lookup (Log Analytics), else the job records this app received and stored. */
  source: 'history-lookup' | 'job-records';
  /** With `at: null`: how far back the source looked (the time since is at least this). */
  windowHours?: number;
}
