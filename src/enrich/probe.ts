import type { ProbeName } from '../core/catalog/index.js';
import type { TemplateValues } from '../core/explain/fillTemplate.js';
import type { KeyVaultAccess } from '../core/catalog/index.js';
import type { CausalVerdict, Evidence, Lang, LastSuccess, OsType } from '../core/types.js';
import { readFailureText } from './readFailureText.js';
import type { ReadFailure, ReadRequest, ReadResult, ReadValues } from './readings.js';

/** The VM (and vault) a finding is about: everything a probe may read. */
export interface ProbeTarget {
  vmResourceId: string;
  subscriptionId: string;
  resourceGroup: string;
  vmName: string;
  region?: string;
  vaultName?: string;
  vaultResourceGroup?: string;
  vaultSubscriptionId?: string;
  backupItemUniqueId?: string;
}

/** Settings some probes need, the time to judge ages against, and the language to speak. */
export interface ProbeContext {
  now: Date;
  /** Language of the evidence and of the lookup errors. */
  lang: Lang;
  /** Log Analytics workspace receiving the vaults' AddonAzureBackupJobs; the history probe is skipped without it. */
  workspaceId?: string;
  /** Object id of the "Backup Management Service" principal in this tenant, to check key vault policies exactly. */
  backupServiceObjectId?: string;
}

/** The results of the reads of a batch, by request. */
export interface Readings {
  get<R extends ReadRequest>(request: R): ReadResult<ReadValues[R['kind']]> | undefined;
}

/** The result of a planned read; a read the deadline prevented counts as timed out. */
export function readOf<R extends ReadRequest>(readings: Readings, request: R): ReadResult<ReadValues[R['kind']]> {
  return readings.get(request) ?? notRead(request.kind);
}

/**
 * What a probe says of one cause from the VM's state alone: `implicated` when the state explains
 * the failure, `present` when the condition exists but needs another one to matter (the catalog's
 * `onlyWith`; `judgeCauses` decides), `ruled_out`, or `unknown` with the reason.
 */
export interface CauseVerdict {
  causeId: string;
  verdict: CausalVerdict;
  evidence: Evidence;
}

/** What one probe concluded for one finding. A failed read is an outcome too, never an exception. */
export interface ProbeOutcome {
  status: 'ok' | 'failed' | 'timed_out' | 'skipped';
  error?: string;
  verdicts: CauseVerdict[];
  /** Names learned for the commands (the lock, the key vault, the extension). */
  learned?: TemplateValues;
  osType?: OsType;
  /** How the disk-encryption key vault grants access: selects the remedy. */
  keyVaultAccess?: KeyVaultAccess;
  /** The VM does not exist any more (404): a finding of its own. */
  vmMissing?: boolean;
  history?: { consecutiveFailures?: number; lastSuccess?: LastSuccess };
}

/**
 * A probe tests some documented causes against the real state. It declares its reads (so the
 * batch can send each read once) and judges them in a pure function; it never calls Azure itself.
 */
export interface Probe {
  name: ProbeName;
  /** Cause ids this probe can confirm or rule out. */
  tests: readonly string[];
  plan(target: ProbeTarget, context: ProbeContext): ReadRequest[];
  /** Reads that depend on the first ones (a restore-point group found in a listing). */
  followUp?(target: ProbeTarget, readings: Readings, context: ProbeContext): ReadRequest[];
  evaluate(target: ProbeTarget, readings: Readings, context: ProbeContext): ProbeOutcome;
}

/** `say(cause, verdict, summary)` for a probe whose verdicts share one read and its values. */
export function verdictsOf(
  probe: ProbeName,
  read: ReadResult,
  values: Record<string, unknown>,
): (causeId: string, verdict: CauseVerdict['verdict'], summary: string) => CauseVerdict {
  return (causeId, verdict, summary) => ({ causeId, verdict, evidence: evidence(probe, summary, read, values) });
}

/** Evidence in one line, with the values read and where they came from. */
export function evidence(
  probe: ProbeName,
  summary: string,
  read?: ReadResult,
  values?: Record<string, unknown>,
): Evidence {
  return {
    probe,
    summary,
    ...(values !== undefined && { values }),
    ...(read !== undefined && { api: read.api, at: read.at }),
  };
}

const STATE_UNKNOWN: Record<Lang, string> = { en: 'state unknown: ', fr: 'état inconnu : ' };

/** Every tested cause stays `unknown`, with the reason the state could not be read. */
export function failedOutcome(
  probe: Probe,
  failure: ReadFailure,
  lang: Lang,
  extra: Partial<ProbeOutcome> = {},
): ProbeOutcome {
  const reason = failure.text[lang];
  return {
    status: failure.status === 'timeout' ? 'timed_out' : 'failed',
    error: reason,
    verdicts: probe.tests.map((causeId) => ({
      causeId,
      verdict: 'unknown',
      evidence: { ...evidence(probe.name, `${STATE_UNKNOWN[lang]}${reason}`, failure), unread: true },
    })),
    ...extra,
  };
}

/** The first failed read among `results`, or `undefined` when all succeeded. */
export function firstFailure(...results: Array<ReadResult | undefined>): ReadFailure | undefined {
  for (const result of results) if (result !== undefined && !result.ok) return result;
  return undefined;
}

/** A read that was planned but is missing (the batch deadline passed before it ran). */
export function notRead(api: string): ReadFailure {
  const text = readFailureText(undefined, { kind: 'not-read' });
  return {
    ok: false,
    status: 'timeout',
    reason: text.en,
    text,
    api,
    at: new Date(0).toISOString(),
    durationMs: 0,
  };
}

/** `PowerState/running` → `running`. */
export function statusValue(
  statuses: ReadonlyArray<{ code?: string }> | undefined,
  prefix: string,
): string | undefined {
  const code = statuses?.find((status) => status.code?.toLowerCase().startsWith(`${prefix.toLowerCase()}/`))?.code;
  return code?.slice(prefix.length + 1).toLowerCase();
}

/** Compares dotted versions numerically; non-numeric parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** The guest OS from the VM model (reliable) or the instance view's OS name. */
export function osTypeOf(
  model: { storageProfile?: { osDisk?: { osType?: string } } } | undefined,
  osName: string | undefined,
): OsType | undefined {
  const type = model?.storageProfile?.osDisk?.osType?.toLowerCase();
  if (type === 'windows' || type === 'linux') return type;
  if (osName === undefined) return undefined;
  return /windows/i.test(osName) ? 'windows' : 'linux';
}
