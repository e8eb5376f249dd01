import { classify, codeOf, type Classification } from '../core/explain/classify.js';
import { vaultKeyOf } from '../core/notify/findingKeys.js';
import { explain, type OsSource } from '../core/explain/explain.js';
import { latestSuccess } from '../core/explain/hoursSinceLastSuccess.js';
import { itemKey } from '../core/itemKey.js';
import { DEFAULT_LIMITS, type InputLimits } from '../core/parse/limits.js';
import { parseBody } from '../core/parse/parseBody.js';
import type { PriorityThresholds } from '../core/explain/prioritize.js';
import { resolveVm, type ResolvedVm } from '../core/parse/resolveVm.js';
import type { EnrichedEvent, InputBody, JobRecord, Lang, LastSuccess, OsType, RejectedRecord } from '../core/types.js';
import type { Workload } from '../core/workload.js';
import type { Enrichment } from '../enrich/enrichment.js';
import { runLookups, type LookupOptions, type LookupStats } from './runLookups.js';
import { countReason, emptyStats, type TriageStats } from './stats.js';

/** A successful backup: it closes any open finding of the same item. */
export interface Resolution {
  jobId: string;
  itemKey: string;
  status: JobRecord['status'];
  completedAt: string | null;
  vmResourceId: string | null;
  vmName: string | null;
  vaultName: string | null;
  backupItemName: string | null;
}

export interface TriageOptions {
  /** Language of the messages. @default 'en' */
  lang?: Lang;
  limits?: Partial<InputLimits>;
  thresholds?: PriorityThresholds;
  /** BackupItemUniqueId → resource id learned from CoreAzureBackup; kept across batches when given. */
  mappings?: Map<string, string>;
  /**
   * Guest OS learned without a lookup of this batch: from CoreAzureBackup records (keys
   * `container|<ProtectedContainerUniqueId>`, `item|<BackupItemUniqueId>`) and from earlier lookups
   * (`vm|<resource id>`), all lower-cased; kept across batches when given.
   */
  osTypes?: Map<string, OsType>;
  now?: () => Date;
}

export interface TriageResult {
  events: EnrichedEvent[];
  resolutions: Resolution[];
  rejected: RejectedRecord[];
  stats: TriageStats;
}

interface Job {
  job: JobRecord;
  vm: ResolvedVm | undefined;
  key: string;
}

/** A batch parsed, deduplicated and classified: what lookups and explanation work from. */
export interface PreparedBatch {
  started: number;
  receivedAt: string;
  lang: Lang;
  stats: TriageStats;
  rejected: RejectedRecord[];
  failures: Array<Job & { classification: Classification }>;
  successes: Job[];
  blast: Map<string, number>;
  streaks: Map<JobRecord, number>;
  successesByItem: Map<string, Job[]>;
  /** Guest OS by container, item or VM (see `TriageOptions.osTypes`). */
  osTypes: Map<string, OsType>;
}

/** A batch being parsed: the records so far, before deduplication. */
interface Parsing {
  started: number;
  receivedAt: string;
  limits: InputLimits;
  mappings: Map<string, string>;
  osTypes: Map<string, OsType>;
  stats: TriageStats;
  rejected: RejectedRecord[];
  jobs: JobRecord[];
}

function startParsing(options: TriageOptions): Parsing {
  const now = options.now ?? (() => new Date());
  return {
    started: performance.now(),
    receivedAt: now().toISOString(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    mappings: options.mappings ?? new Map<string, string>(),
    osTypes: options.osTypes ?? new Map<string, OsType>(),
    stats: emptyStats(),
    rejected: [],
    jobs: [],
  };
}

function parseInto(parsing: Parsing, bodies: readonly InputBody[]): void {
  const { stats, mappings, osTypes } = parsing;
  stats.bodies += bodies.length;
  for (const body of bodies) {
    for (const item of parseBody(body, parsing.limits, parsing.receivedAt)) {
      stats.records += 1;
      if (item.kind === 'job') parsing.jobs.push(item.job);
      else if (item.kind === 'rejected') {
        parsing.rejected.push(item.rejection);
        countReason(stats.rejected, item.rejection.reason);
      } else if (item.kind === 'mapping') {
        const { mapping } = item;
        mappings.set(mapping.backupItemUniqueId.toLowerCase(), mapping.datasourceResourceId);
        if (mapping.osType !== undefined) {
          osTypes.set(`item|${mapping.backupItemUniqueId.toLowerCase()}`, mapping.osType);
          if (mapping.protectedContainerUniqueId !== undefined)
            osTypes.set(`container|${mapping.protectedContainerUniqueId.toLowerCase()}`, mapping.osType);
        }
        stats.mappingsLearned += 1;
        countReason(stats.ignored, 'backup_item_mapping');
      } else if (item.kind === 'container') {
        osTypes.set(`container|${item.container.protectedContainerUniqueId.toLowerCase()}`, item.container.osType);
        countReason(stats.ignored, 'protected_container_os');
      } else countReason(stats.ignored, item.reason);
    }
  }
}

function finishParsing(parsing: Parsing, options: TriageOptions): PreparedBatch {
  const unique = keepRichestPerJob(parsing.jobs, parsing.stats);
  parsing.jobs = [];
  // A failure whose record does not say what the item is takes the workload its documented code
  // belongs to (a SQL Server code is a database's), so the VM read and the commands are the right ones.
  const classified = new Map<JobRecord, Classification>();
  const typed = unique.map((job) => {
    if (job.status === 'Completed') return job;
    const classification = classify(job.errorCode);
    const workload = job.workload === 'unknown' ? workloadOfCode(classification) : undefined;
    const refined = workload === undefined ? job : { ...job, workload };
    classified.set(refined, classification);
    return refined;
  });
  const resolved: Job[] = typed.map((job) => {
    const vm = resolveVm(job, parsing.mappings);
    return { job, vm, key: itemKey(job, vm?.vmResourceId) };
  });
  // A warning keeps its code: it is a finding of its own, never the success that closes a failure.
  const failures = resolved
    .filter((entry) => entry.job.status !== 'Completed')
    .map((entry) => ({ ...entry, classification: classified.get(entry.job) ?? classify(entry.job.errorCode) }));
  const successes = resolved.filter((entry) => entry.job.status === 'Completed');
  return {
    started: parsing.started,
    receivedAt: parsing.receivedAt,
    osTypes: parsing.osTypes,
    lang: options.lang ?? 'en',
    stats: parsing.stats,
    rejected: parsing.rejected,
    failures,
    successes,
    blast: blastRadius(failures),
    streaks: consecutiveFailures(resolved, failures),
    successesByItem: groupByItem(successes),
  };
}

/**
 * Decode, parse, deduplicate, resolve VMs and classify. Pure apart from the clock. Failures and
 * warnings become findings.
 */
export function prepareBatch(bodies: readonly InputBody[], options: TriageOptions = {}): PreparedBatch {
  const parsing = startParsing(options);
  parseInto(parsing, bodies);
  return finishParsing(parsing, options);
}

/** Builds the enriched events of a prepared batch, with what lookups found when they ran. */
export function explainBatch(
  batch: PreparedBatch,
  options: TriageOptions = {},
  enrichments?: ReadonlyArray<Enrichment | undefined>,
): TriageResult {
  const { stats } = batch;
  const events = explainFailures(batch, batch.failures, options, enrichments);
  stats.findings = events.length;
  stats.resolutions = batch.successes.length;
  stats.elapsedMs = Math.round((performance.now() - batch.started) * 1000) / 1000;
  return { events, resolutions: resolutionsOf(batch), rejected: batch.rejected, stats };
}

/** The enriched events of some of a batch's failures (all of them, or one chunk). */
function explainFailures(
  batch: PreparedBatch,
  failures: PreparedBatch['failures'],
  options: TriageOptions,
  enrichments?: ReadonlyArray<Enrichment | undefined>,
): EnrichedEvent[] {
  return failures.map((entry, index) => {
    const enrichment = enrichments?.[index];
    const inBatch = batch.streaks.get(entry.job) ?? 1;
    const history = enrichment?.history;
    const os = osOf(entry, enrichment?.osType, batch.osTypes);
    const lastSuccess = latestSuccess(history?.lastSuccess, latestSuccessInBatch(entry, batch.successesByItem));
    return explain({
      job: entry.job,
      vm: entry.vm,
      classification: entry.classification,
      lang: batch.lang,
      receivedAt: batch.receivedAt,
      ...(options.thresholds && { thresholds: options.thresholds }),
      priorityContext: {
        consecutiveFailures: Math.max(inBatch, history?.consecutiveFailures ?? 0),
        itemsFailingWithSameCode: batch.blast.get(blastKey(entry)) ?? 1,
        ...(lastSuccess !== undefined && { lastSuccess }),
      },
      ...(os !== undefined && { osType: os.type, osSource: os.source }),
      ...(enrichment !== undefined && {
        findings: enrichment.findings,
        lookups: enrichment.lookups,
        learned: enrichment.learned,
        ...(enrichment.keyVaultAccess !== undefined && { keyVaultAccess: enrichment.keyVaultAccess }),
        ...(enrichment.vmMissingEvidence !== undefined && { vmMissing: enrichment.vmMissingEvidence }),
      }),
      ...resolvedBy(entry, batch.successesByItem),
    });
  });
}

function resolutionsOf(batch: PreparedBatch): Resolution[] {
  return batch.successes.map(({ job, vm, key }): Resolution => ({
    jobId: job.jobId,
    itemKey: key,
    status: job.status,
    completedAt: job.startedAt ?? null,
    vmResourceId: vm?.vmResourceId ?? null,
    vmName: vm?.vmName ?? null,
    vaultName: job.vaultName ?? null,
    backupItemName: job.backupItemName ?? null,
  }));
}

/**
 * Decode → parse → classify → explain for one batch of bodies, without lookups. Pure apart from
 * the clock: the same input gives the same events. Every record ends up in exactly one of events,
 * resolutions, ignored or rejected, and `stats` says how many went where.
 */
export function triage(bodies: readonly InputBody[], options: TriageOptions = {}): TriageResult {
  return explainBatch(prepareBatch(bodies, options), options);
}

/** The same, with the probes run against the Azure state between classification and explanation. */
export async function triageWithLookups(
  bodies: readonly InputBody[],
  options: TriageOptions,
  lookups: LookupOptions,
): Promise<TriageResult> {
  const batch = prepareBatch(bodies, options);
  const { enrichments, stats } = await runLookups(batch.failures, lookups, batch.lang);
  learnOs(batch, batch.failures, enrichments);
  const result = explainBatch(batch, options, enrichments);
  result.stats.lookups = stats;
  return result;
}

function workloadOfCode(classification: Classification): Workload | undefined {
  if (!classification.known) return undefined;
  const workload = classification.entry.workload;
  return workload === 'sql-server' ? 'sql-in-vm' : workload === 'sap-hana' ? 'sap-hana-in-vm' : undefined;
}

/** What a lookup read of a VM's OS serves later batches whose lookups fail or are off. */
function learnOs(
  batch: PreparedBatch,
  failures: PreparedBatch['failures'],
  enrichments: ReadonlyArray<Enrichment | undefined>,
): void {
  failures.forEach((entry, index) => {
    const os = enrichments[index]?.osType;
    if (os !== undefined && entry.vm !== undefined) batch.osTypes.set(`vm|${entry.vm.vmResourceId.toLowerCase()}`, os);
  });
}

/** Where a streamed batch hands its output, a part at a time. */
export interface TriageSink {
  rejected(records: RejectedRecord[]): Promise<void>;
  events(events: EnrichedEvent[]): Promise<void>;
}

export interface StreamOptions extends TriageOptions {
  /** Failures explained and handed over at a time (a finding is never split). @default 500 */
  chunkSize?: number;
  /** Lookups against the Azure state, within one deadline for the whole batch. */
  lookups?: LookupOptions;
  /**
   * `storms`: chunks ordered by storm and finding (what the notification stage needs); `input`:
   * the events in the order of their records (what a reader of the output expects). @default 'storms'
   */
  order?: 'storms' | 'input';
}

/** Bodies parsed between two hand-overs of rejected records. */
const BODY_SLICE = 50;
const REJECTED_CHUNK = 500;

/**
 * `triage` (or `triageWithLookups`) for batches of any size: rejected records are handed over as
 * bodies are parsed, and failures are looked up, explained and handed over `chunkSize` at a time
 * — a finding's failures together, a storm's (vault and code) in a row — so memory holds the
 * batch's parsed jobs and one chunk of enriched events, never every event. The same events, in
 * chunks; gives the successes (for resolution) and the counters.
 */
export async function triageStream(
  bodies: readonly InputBody[],
  options: StreamOptions,
  sink: TriageSink,
): Promise<{ resolutions: Resolution[]; stats: TriageStats }> {
  const parsing = startParsing(options);
  for (let start = 0; start < bodies.length; start += BODY_SLICE) {
    parseInto(parsing, bodies.slice(start, start + BODY_SLICE));
    if (parsing.rejected.length >= REJECTED_CHUNK) await sink.rejected(parsing.rejected.splice(0));
  }
  const batch = finishParsing(parsing, options);
  if (batch.rejected.length > 0) await sink.rejected(batch.rejected.splice(0));

  const deadline = Date.now() + (options.lookups?.deadlineMs ?? 25_000);
  const { stats } = batch;
  const size = options.chunkSize ?? 500;
  const chunks =
    options.order === 'input'
      ? Array.from({ length: Math.ceil(batch.failures.length / size) }, (_, i) =>
          batch.failures.slice(i * size, (i + 1) * size),
        )
      : chunksOf(batch.failures, size);
  let handing: Promise<void> = Promise.resolve();
  for (const failures of chunks) {
    let enrichments: Array<Enrichment | undefined> | undefined;
    if (options.lookups !== undefined) {
      const looked = await runLookups(
        failures,
        { ...options.lookups, deadlineMs: Math.max(0, deadline - Date.now()) },
        batch.lang,
      );
      enrichments = looked.enrichments;
      learnOs(batch, failures, enrichments);
      stats.lookups = addLookupStats(stats.lookups, looked.stats);
    }
    const events = explainFailures(batch, failures, options, enrichments);
    stats.findings += events.length;
    // The next chunk is explained while this one is being stored: one chunk in flight at a time.
    await handing;
    handing = sink.events(events);
    // Awaited at the next chunk or at the end; meanwhile a failure must not count as unhandled.
    handing.catch(() => undefined);
  }
  await handing;
  stats.resolutions = batch.successes.length;
  stats.elapsedMs = Math.round((performance.now() - batch.started) * 1000) / 1000;
  return { resolutions: resolutionsOf(batch), stats };
}

/**
 * A batch's failures in chunks of about `size`: a storm's failures (vault and code) in the same
 * chunk, so it is one message, unless the storm alone is larger than a chunk (it then fills chunks
 * of its own, its first well past the storm threshold); a finding's failures are never split.
 */
function chunksOf(failures: PreparedBatch['failures'], size: number): Array<PreparedBatch['failures']> {
  const byStorm = new Map<string, Map<string, PreparedBatch['failures']>>();
  for (const entry of failures) {
    const code = codeOf(entry.classification);
    // The notification stage's storm: the vault and the canonical code.
    const storm = `${vaultKeyOf(entry)}|${code.toLowerCase()}`;
    let findings = byStorm.get(storm);
    if (findings === undefined) byStorm.set(storm, (findings = new Map<string, PreparedBatch['failures']>()));
    const key = `${entry.key}\u0000${code.toLowerCase()}`;
    let list = findings.get(key);
    if (list === undefined) findings.set(key, (list = []));
    list.push(entry);
  }
  const chunks: Array<PreparedBatch['failures']> = [];
  let current: PreparedBatch['failures'] = [];
  const flush = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
  };
  for (const storm of [...byStorm.keys()].sort()) {
    const findings = byStorm.get(storm)!;
    const stormSize = [...findings.values()].reduce((sum, list) => sum + list.length, 0);
    if (current.length + stormSize > size) flush();
    for (const list of findings.values()) {
      if (current.length > 0 && current.length + list.length > size) flush();
      current.push(...list);
    }
  }
  flush();
  return chunks;
}

function addLookupStats(total: LookupStats | undefined, chunk: LookupStats): LookupStats {
  if (total === undefined) return chunk;
  for (const [probe, counts] of Object.entries(chunk.byProbe)) {
    const into = (total.byProbe[probe] ??= {});
    for (const [status, n] of Object.entries(counts)) into[status] = (into[status] ?? 0) + n;
  }
  return { reads: total.reads + chunk.reads, cacheHits: total.cacheHits + chunk.cacheHits, byProbe: total.byProbe };
}

/** The same job can arrive twice (AddonAzureBackupJobs and the legacy AzureBackupReport, or a job and its alert). */
function keepRichestPerJob(jobs: JobRecord[], stats: TriageStats): JobRecord[] {
  const best = new Map<string, JobRecord>();
  for (const job of jobs) {
    const id = job.jobId.toLowerCase();
    const key = job.status === 'Completed' ? `${id}|ok` : id;
    const current = best.get(key);
    if (current === undefined) best.set(key, job);
    else {
      countReason(stats.ignored, 'duplicate_job');
      if (job.richness > current.richness) best.set(key, job);
    }
  }
  const kept = new Set(best.values());
  return jobs.filter((job) => kept.has(job));
}

function blastKey(entry: Job): string {
  return `${(entry.job.vaultId ?? entry.job.vaultName ?? '').toLowerCase()}|${(entry.job.errorCode ?? '').toLowerCase()}`;
}

/** Distinct items failing with the same code in the same vault, within the batch. */
function blastRadius(failures: Job[]): Map<string, number> {
  const items = new Map<string, Set<string>>();
  for (const entry of failures) {
    const key = blastKey(entry);
    let set = items.get(key);
    if (set === undefined) items.set(key, (set = new Set()));
    set.add(entry.key);
  }
  return new Map([...items].map(([key, set]) => [key, set.size]));
}

/** For each failure, the failures of its item in a row up to it (in start-time order) within the batch. */
function consecutiveFailures(entries: Job[], failures: Job[]): Map<JobRecord, number> {
  const failing = new Set(failures.map((entry) => entry.key));
  const byItem = groupByItem(entries.filter((entry) => failing.has(entry.key)));
  const out = new Map<JobRecord, number>();
  for (const list of byItem.values()) {
    if (list.length === 1) {
      const only = list[0]!;
      if (only.job.status === 'Failed') out.set(only.job, 1);
      continue;
    }
    list.sort((a, b) => compareText(a.job.startedAt ?? '', b.job.startedAt ?? ''));
    let streak = 0;
    for (const entry of list) {
      streak = entry.job.status === 'Failed' ? streak + 1 : 0;
      if (entry.job.status === 'Failed') out.set(entry.job, streak);
    }
  }
  return out;
}

/** ISO timestamps sort as plain strings; `localeCompare` would be 50 times slower for nothing. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupByItem(entries: Job[]): Map<string, Job[]> {
  const byItem = new Map<string, Job[]>();
  for (const entry of entries) {
    let list = byItem.get(entry.key);
    if (list === undefined) byItem.set(entry.key, (list = []));
    list.push(entry);
  }
  return byItem;
}

/** A success of the same item that started after the failure resolves it. */
function resolvedBy(failure: Job, successesByItem: Map<string, Job[]>): { resolvedBy?: EnrichedEvent['resolvedBy'] } {
  const failedAt = failure.job.startedAt ?? '';
  const success = successesByItem.get(failure.key)?.find((entry) => (entry.job.startedAt ?? '') > failedAt);
  return success === undefined ? {} : { resolvedBy: { jobId: success.job.jobId, at: success.job.startedAt ?? null } };
}

/** The guest OS of a failure's VM: read by this batch's lookups, else said by CoreAzureBackup, else read earlier. */
function osOf(
  entry: Job,
  looked: OsType | undefined,
  osTypes: ReadonlyMap<string, OsType>,
): { type: OsType; source: OsSource } | undefined {
  if (looked !== undefined) return { type: looked, source: 'lookup' };
  const { job } = entry;
  const fromRecord =
    (job.protectedContainerUniqueId !== undefined
      ? osTypes.get(`container|${job.protectedContainerUniqueId.toLowerCase()}`)
      : undefined) ??
    (job.backupItemUniqueId !== undefined ? osTypes.get(`item|${job.backupItemUniqueId.toLowerCase()}`) : undefined);
  if (fromRecord !== undefined) return { type: fromRecord, source: 'record' };
  const cached = entry.vm !== undefined ? osTypes.get(`vm|${entry.vm.vmResourceId.toLowerCase()}`) : undefined;
  return cached !== undefined ? { type: cached, source: 'cache' } : undefined;
}

/** The latest success of the failure's item received in the same input: a job record of its history. */
function latestSuccessInBatch(failure: Job, successesByItem: Map<string, Job[]>): LastSuccess | undefined {
  let best: string | undefined;
  for (const entry of successesByItem.get(failure.key) ?? []) {
    const at = entry.job.startedAt;
    if (at !== undefined && (best === undefined || at > best)) best = at;
  }
  return best === undefined ? undefined : { at: best, source: 'job-records' };
}
