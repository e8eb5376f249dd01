import type { KeyVaultAccess } from '../core/catalog/index.js';
import type { CauseFinding } from '../core/explain/explain.js';
import type { TemplateValues } from '../core/explain/fillTemplate.js';
import type { CausalVerdict, Evidence, LastSuccess, LookupRecord, OsType } from '../core/types.js';
import type { ProbeOutcome } from './probe.js';

/** What the lookups add to one finding: verdicts by cause, names learned, and the records of the lookups. */
export interface Enrichment {
  findings: Map<string, CauseFinding>;
  lookups: LookupRecord[];
  learned: TemplateValues;
  osType?: OsType;
  keyVaultAccess?: KeyVaultAccess;
  vmMissing: boolean;
  /** Why the VM is taken for deleted (the 404 that said so). */
  vmMissingEvidence?: Evidence;
  history?: { consecutiveFailures?: number; lastSuccess?: LastSuccess };
}

const STRENGTH: Record<CausalVerdict, number> = { unknown: 0, ruled_out: 1, present: 2, implicated: 3 };

/**
 * Combines the outcomes of the probes run for one finding. Several probes may test one cause: an
 * implication beats a condition present, which beats a ruling-out, which beats not knowing, and
 * every piece of evidence is kept.
 */
export function mergeOutcomes(
  outcomes: ReadonlyArray<{ probe: string; outcome: ProbeOutcome; durationMs: number }>,
): Enrichment {
  const findings = new Map<string, { verdict: CausalVerdict; evidence: Evidence[] }>();
  const learned: TemplateValues = {};
  const merged: Enrichment = { findings, lookups: [], learned, vmMissing: false };
  for (const { probe, outcome, durationMs } of outcomes) {
    merged.lookups.push({
      probe,
      status: outcome.status,
      durationMs: Math.round(durationMs),
      ...(outcome.error !== undefined && { error: outcome.error }),
    });
    for (const { causeId, verdict, evidence } of outcome.verdicts) {
      const current = findings.get(causeId);
      if (current === undefined) findings.set(causeId, { verdict, evidence: [evidence] });
      else {
        current.evidence.push(evidence);
        if (STRENGTH[verdict] > STRENGTH[current.verdict]) current.verdict = verdict;
      }
    }
    for (const [key, value] of Object.entries(outcome.learned ?? {}) as Array<[keyof TemplateValues, string]>) {
      if (learned[key] === undefined) learned[key] = value;
    }
    if (merged.osType === undefined && outcome.osType !== undefined) merged.osType = outcome.osType;
    if (merged.keyVaultAccess === undefined && outcome.keyVaultAccess !== undefined)
      merged.keyVaultAccess = outcome.keyVaultAccess;
    if (outcome.vmMissing === true && !merged.vmMissing) {
      merged.vmMissing = true;
      const read = outcome.verdicts[0]?.evidence;
      merged.vmMissingEvidence = {
        probe,
        summary: outcome.error ?? '404',
        ...(read?.api !== undefined && { api: read.api }),
        ...(read?.at !== undefined && { at: read.at }),
      };
    }
    if (outcome.history !== undefined) merged.history = { ...merged.history, ...outcome.history };
  }
  return merged;
}
