import { setMaxListeners } from 'node:events';

import type { ProbeName } from '../core/catalog/index.js';
import { getCause } from '../core/catalog/index.js';
import type { Classification } from '../core/explain/classify.js';
import type { ResolvedVm } from '../core/parse/resolveVm.js';
import type { JobRecord, Lang } from '../core/types.js';
import { isVmHosted } from '../core/workload.js';
import { mergeOutcomes, type Enrichment } from '../enrich/enrichment.js';
import type { Probe, ProbeContext, ProbeOutcome, ProbeTarget, Readings } from '../enrich/probe.js';
import type { ReadFailure, ReadRequest, ReadResult, StateReader } from '../enrich/readings.js';
import { readFailureText } from '../enrich/readFailureText.js';
import { getProbe } from '../enrich/registry.js';
import { mapConcurrent } from './mapConcurrent.js';
import type { TokenBucket } from './tokenBucket.js';
import type { TtlCache } from './ttlCache.js';

export interface LookupOptions {
  reader: StateReader;
  /** Workspace and principal ids some probes need. */
  context?: Omit<ProbeContext, 'now' | 'lang'>;
  now?: () => Date;
  /** VMs looked up at the same time. @default 16 */
  concurrency?: number;
  /** After this, reads not done yet report `timed out` and the batch goes on. @default 25_000 */
  deadlineMs?: number;
  /** Reads kept across batches. */
  cache?: TtlCache<ReadResult>;
  /** How long a successful read is reused. @default 300_000 */
  cacheTtlMs?: number;
  /** How long a failed read (not a time-out) is reused, so a 403 is not asked again at once. @default 30_000 */
  failureTtlMs?: number;
  /** The read budget of a subscription (ARM throttling model). */
  limiterFor?: (subscriptionId: string) => TokenBucket | undefined;
}

export interface LookupStats {
  /** Distinct reads the batch needed. */
  reads: number;
  /** … of which answered from the cache. */
  cacheHits: number;
  byProbe: Record<string, Record<string, number>>;
}

export interface LookupInput {
  job: JobRecord;
  vm: ResolvedVm | undefined;
  classification: Classification;
}

/**
 * The probes the catalog names for a code's causes. The history probe runs for every backup
 * finding when a workspace is configured: one query serves the whole batch, and the priority needs
 * its failures-in-a-row and time since the last success whatever the code. The probes read a VM:
 * none runs for an item that lives in no VM (a file share, an agent-protected server).
 */
export function probesFor(
  { classification, job }: Pick<LookupInput, 'classification' | 'job'>,
  withHistory: boolean,
): Probe[] {
  if (!isVmHosted(job.workload) && job.workload !== 'unknown') return [];
  const names = new Set<ProbeName>();
  if (classification.known) {
    for (const id of [...classification.entry.causes, ...classification.entry.addedCauses]) {
      const cause = getCause(id);
      for (const name of cause.probes) names.add(name);
      // A condition that matters only with another one needs that one read too (a lock and the restore points).
      if (cause.onlyWith !== undefined) for (const name of getCause(cause.onlyWith).probes) names.add(name);
    }
  }
  if (withHistory && job.operation !== 'Restore' && job.backupItemUniqueId !== undefined) names.add('history');
  return [...names].map(getProbe);
}

const NO_VM: Record<Lang, string> = {
  en: 'the event names no Azure VM',
  fr: 'l’événement ne nomme aucune VM Azure',
};

interface VmWork {
  target: ProbeTarget;
  probes: Map<string, Probe>;
  requests: Map<string, ReadRequest[]>;
}

/**
 * Runs the probes of a batch. Each distinct read (resource, kind) is sent once whatever the number
 * of findings that need it; VMs are looked up `concurrency` at a time, each in at most two rounds
 * (a read, then the reads it reveals); after the deadline what is left reports `timed out`.
 * Failures never throw: they become lookup records and `unknown` verdicts with their reason.
 */
export async function runLookups(
  inputs: readonly LookupInput[],
  options: LookupOptions,
  lang: Lang = 'en',
): Promise<{ enrichments: Array<Enrichment | undefined>; stats: LookupStats }> {
  const now = options.now ?? (() => new Date());
  const context: ProbeContext = { ...options.context, now: now(), lang };
  const stats: LookupStats = { reads: 0, cacheHits: 0, byProbe: {} };
  const works = new Map<string, VmWork>();

  const withHistory = context.workspaceId !== undefined;
  for (const input of inputs) {
    const probes = probesFor(input, withHistory);
    if (probes.length === 0 || input.vm === undefined) continue;
    const key = input.vm.vmResourceId.toLowerCase();
    let work = works.get(key);
    if (work === undefined) {
      work = { target: toTarget(input), probes: new Map(), requests: new Map() };
      works.set(key, work);
    }
    for (const probe of probes) work.probes.set(probe.name, probe);
  }

  // Plan: each probe's first reads, with the one history query of a workspace carrying every item.
  const history = new Map<string, Extract<ReadRequest, { kind: 'workspace.history' }>>();
  for (const work of works.values()) {
    for (const probe of work.probes.values()) {
      const planned = probe.plan(work.target, context).map((request) => {
        if (request.kind !== 'workspace.history') return request;
        const merged = history.get(request.key);
        if (merged === undefined) {
          const first = { ...request, items: [...request.items] };
          history.set(request.key, first);
          return first;
        }
        for (const item of request.items) if (!merged.items.includes(item)) merged.items.push(item);
        return merged;
      });
      work.requests.set(probe.name, planned);
    }
  }

  const results = new Map<string, ReadResult>();
  const inflight = new Map<string, Promise<void>>();
  const readings: Readings = { get: (request) => results.get(request.key) as never };
  const controller = new AbortController();
  // Every read of the batch listens to this one signal: many listeners are expected, not a leak.
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(() => controller.abort(), options.deadlineMs ?? 25_000);

  const fetch = (request: ReadRequest): Promise<void> => {
    if (results.has(request.key)) return Promise.resolve();
    let pending = inflight.get(request.key);
    if (pending === undefined) {
      stats.reads += 1;
      pending = fetchOnce(request);
      inflight.set(request.key, pending);
    }
    return pending;
  };
  const fetchOnce = async (request: ReadRequest): Promise<void> => {
    const cached = options.cache?.get(request.key);
    if (cached !== undefined) {
      stats.cacheHits += 1;
      results.set(request.key, { ...cached, durationMs: 0 });
      return;
    }
    const started = Date.now();
    const timedOut = (): ReadFailure => {
      const text = readFailureText(request, { kind: 'not-read' });
      return {
        ok: false,
        status: 'timeout',
        reason: text.en,
        text,
        api: request.kind,
        at: now().toISOString(),
        durationMs: Date.now() - started,
      };
    };
    if (controller.signal.aborted) {
      results.set(request.key, timedOut());
      return;
    }
    try {
      if ('subscriptionId' in request) await options.limiterFor?.(request.subscriptionId)?.take(controller.signal);
    } catch {
      results.set(request.key, timedOut());
      return;
    }
    const result = await options.reader.read(request, { abortSignal: controller.signal });
    results.set(request.key, result);
    const ttl = result.ok
      ? (options.cacheTtlMs ?? 300_000)
      : result.status === 'timeout'
        ? 0
        : (options.failureTtlMs ?? 30_000);
    options.cache?.set(request.key, result, ttl);
  };

  try {
    await mapConcurrent([...works.values()], options.concurrency ?? 16, async (work) => {
      await Promise.all([...work.requests.values()].flat().map(fetch));
      const more = [...work.probes.values()].flatMap((probe) => {
        const next = probe.followUp?.(work.target, readings, context) ?? [];
        if (next.length > 0) work.requests.set(probe.name, [...(work.requests.get(probe.name) ?? []), ...next]);
        return next;
      });
      await Promise.all(more.map(fetch));
    });
  } finally {
    clearTimeout(timer);
  }

  // Evaluate each (VM, probe) once, then give every finding the outcomes of its own probes.
  const outcomes = new Map<string, { probe: string; outcome: ProbeOutcome; durationMs: number }>();
  for (const [key, work] of works) {
    for (const probe of work.probes.values()) {
      const outcome = probe.evaluate(work.target, readings, context);
      const durationMs = Math.max(
        0,
        ...(work.requests.get(probe.name) ?? []).map((request) => results.get(request.key)?.durationMs ?? 0),
      );
      outcomes.set(`${key}|${probe.name}`, { probe: probe.name, outcome, durationMs });
      const counts = (stats.byProbe[probe.name] ??= {});
      counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
    }
  }
  const enrichments = inputs.map((input) => {
    const probes = probesFor(input, withHistory);
    if (probes.length === 0) return undefined;
    if (input.vm === undefined) {
      return mergeOutcomes(
        probes.map((probe) => ({
          probe: probe.name,
          durationMs: 0,
          outcome: { status: 'skipped' as const, error: NO_VM[lang], verdicts: [] },
        })),
      );
    }
    const key = input.vm.vmResourceId.toLowerCase();
    return mergeOutcomes(probes.map((probe) => outcomes.get(`${key}|${probe.name}`)!));
  });
  return { enrichments, stats };
}

function toTarget({ job, vm }: LookupInput): ProbeTarget {
  return {
    vmResourceId: vm!.vmResourceId,
    subscriptionId: vm!.subscriptionId,
    resourceGroup: vm!.vmResourceGroup,
    vmName: vm!.vmName,
    ...(job.region !== undefined && { region: job.region.toLowerCase().replace(/\s+/g, '') }),
    ...(job.vaultName !== undefined && { vaultName: job.vaultName }),
    ...(job.vaultResourceGroup !== undefined && { vaultResourceGroup: job.vaultResourceGroup }),
    ...(job.subscriptionId !== undefined && { vaultSubscriptionId: job.subscriptionId }),
    ...(job.backupItemUniqueId !== undefined && { backupItemUniqueId: job.backupItemUniqueId }),
  };
}
