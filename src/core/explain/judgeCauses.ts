import { CATALOG, getCause, type CauseEntry, type CodeEntry } from '../catalog/index.js';
import type { CausalVerdict, EnrichedEvent, Evidence, Lang, OsType } from '../types.js';
import { toDisplay } from './fillTemplate.js';
import { isReadEvidence } from './rankCauses.js';

/** What the lookups said of one cause: a verdict on the VM's state, and what was read. */
export interface CauseFinding {
  verdict: CausalVerdict;
  evidence: Evidence[];
}

/** Where the guest OS came from, when no lookup of this batch read it. */
export type OsSource = 'lookup' | 'record' | 'cache';

export interface JudgeInput {
  /** The causes listed for the finding (the code's, and `vm-deleted` when the VM is gone). */
  causes: readonly CauseEntry[];
  /** The code's catalog entry, for what the code itself reports. */
  code: CodeEntry | undefined;
  /** Verdicts of the probes by cause id, including causes the code does not list (a partner's). */
  findings: ReadonlyMap<string, CauseFinding>;
  os?: { type: OsType; source: OsSource };
  /** The 404 that says the VM is gone. */
  vmMissing?: Evidence;
  /** A later success of the item, seen before the state was read. */
  resolvedBy?: EnrichedEvent['resolvedBy'];
  vmName: string;
  lang: Lang;
}

const TEXT = {
  en: {
    codeReports: (code: string) => `the error code ${code} reports it`,
    together: (what: string) => `Together with: ${what}.`,
    togetherByCode: (title: string, code: string) => `Together with what the error code ${code} reports: ${title}.`,
    notTheCause: (why: string, what: string) => `Not the cause of this failure: ${why}; ${what}.`,
    notDetermined: (title: string) => `not determined: ${title}`,
    os: { windows: 'Windows', linux: 'Linux' },
    osSource: {
      lookup: 'read from the VM',
      record: 'from the vault’s CoreAzureBackup records',
      cache: 'from an earlier lookup',
    } satisfies Record<OsSource, string>,
    otherOs: (os: string, source: string, concerns: string) =>
      `${os} VM (${source}): this cause concerns ${concerns} VMs only`,
    vmGone: (vm: string) => `Moot: the VM ${vm} no longer exists, which explains the failure by itself.`,
    laterSuccess: (vm: string, job: string, at: string) =>
      `Not the cause of this failure: a later backup of ${vm} succeeded (job ${job}${at}) with this condition still in place.`,
    at: (at: string) => ` at ${at}`,
  },
  fr: {
    codeReports: (code: string) => `le code d’erreur ${code} l’indique`,
    together: (what: string) => `Conjugué à : ${what}.`,
    togetherByCode: (title: string, code: string) =>
      `Conjugué à ce qu’indique le code d’erreur ${code} : « ${title} ».`,
    notTheCause: (why: string, what: string) => `Pas la cause de cet échec : ${why} ; ${what}.`,
    notDetermined: (title: string) => `non déterminé : ${title}`,
    os: { windows: 'Windows', linux: 'Linux' },
    osSource: {
      lookup: 'lu sur la VM',
      record: 'd’après les enregistrements CoreAzureBackup du coffre',
      cache: 'd’après une vérification précédente',
    } satisfies Record<OsSource, string>,
    otherOs: (os: string, source: string, concerns: string) =>
      `VM ${os} (${source}) : cette cause ne concerne que les VM ${concerns}`,
    vmGone: (vm: string) => `Sans objet : la VM ${vm} n’existe plus, ce qui explique l’échec à lui seul.`,
    laterSuccess: (vm: string, job: string, at: string) =>
      `Pas la cause de cet échec : une sauvegarde ultérieure de ${vm} a réussi (travail ${job}${at}) alors que cette condition était toujours là.`,
    at: (at: string) => ` le ${at}`,
  },
} as const satisfies Record<Lang, unknown>;

/** Evidence that a rule (not a read) adds to a cause. */
function ruleEvidence(summary: string): Evidence {
  return { probe: 'rule', summary };
}

/** Whether a verdict rests on something a probe read (not on the code, a rule, or nothing). */
function isRead(evidence: readonly Evidence[]): boolean {
  return evidence.some(isReadEvidence);
}

const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);

/**
 * Turns what the probes observed into causal verdicts for *this* failure, by rules that need
 * more than one fact: what the code itself reports, conditions that only matter together (a lock
 * and the restore-point limit), the other OS's causes, a deleted VM that makes every other cause
 * moot, and a later success that disproves a condition still in place. Pure; in rule order.
 */
export function judgeCauses(input: JudgeInput): Map<string, CauseFinding> {
  const t = TEXT[input.lang];
  const code = input.code;
  const established = new Set(code?.establishes ?? []);
  const out = new Map<string, CauseFinding>();
  const base = (id: string): CauseFinding =>
    input.findings.get(id) ?? { verdict: 'unknown', evidence: NO_EVIDENCE as Evidence[] };

  for (const cause of input.causes) {
    let { verdict, evidence } = base(cause.id);
    const add = (entry: Evidence) => (evidence = [...evidence, entry]);

    // What the code reports stands for a cause no probe looked at.
    if (verdict === 'unknown' && established.has(cause.id) && code !== undefined && !isRead(evidence)) {
      verdict = 'implicated';
      add({ probe: 'event', summary: t.codeReports(code.code) });
    }

    // A cause about the other guest OS does not apply, lookup or not.
    if (verdict === 'unknown' && cause.os !== undefined && input.os !== undefined && input.os.type !== cause.os) {
      verdict = 'ruled_out';
      add(ruleEvidence(t.otherOs(t.os[input.os.type], t.osSource[input.os.source], t.os[cause.os])));
    }

    // A condition that only matters with another one.
    if (cause.onlyWith !== undefined && (verdict === 'implicated' || verdict === 'present')) {
      const partner = getCause(cause.onlyWith);
      const partnerFinding = input.findings.get(partner.id);
      const why = (cause.onlyWithWhy ?? partner.title)[input.lang];
      if (established.has(partner.id) && code !== undefined) {
        verdict = 'implicated';
        add(ruleEvidence(t.togetherByCode(partner.title[input.lang], code.code)));
      } else if (partnerFinding?.verdict === 'implicated' || partnerFinding?.verdict === 'present') {
        verdict = 'implicated';
        add(ruleEvidence(t.together(summaryOf(partnerFinding, partner.title[input.lang]))));
      } else {
        verdict = 'present';
        const what =
          partnerFinding?.verdict === 'ruled_out'
            ? summaryOf(partnerFinding, partner.title[input.lang])
            : t.notDetermined(summaryOf(partnerFinding, partner.title[input.lang]));
        add(ruleEvidence(t.notTheCause(why, what)));
      }
    }
    out.set(cause.id, { verdict, evidence });
  }

  // A deleted VM explains the failure: every other cause is moot.
  if (input.vmMissing !== undefined) {
    for (const [id, finding] of out) {
      if (id === CATALOG.vmDeleted.id) continue;
      out.set(id, {
        verdict: finding.verdict === 'implicated' || finding.verdict === 'present' ? 'present' : 'ruled_out',
        evidence: [...finding.evidence, ruleEvidence(t.vmGone(input.vmName))],
      });
    }
  }

  // A later success, with the condition still there when the state was read, disproves it.
  if (input.resolvedBy !== undefined) {
    const at = input.resolvedBy.at !== null ? t.at(input.resolvedBy.at) : '';
    for (const [id, finding] of out) {
      if (finding.verdict !== 'implicated' || !isRead(finding.evidence)) continue;
      out.set(id, {
        verdict: 'present',
        evidence: [...finding.evidence, ruleEvidence(t.laterSuccess(input.vmName, input.resolvedBy.jobId, at))],
      });
    }
  }
  return out;
}

/** The first thing read about a cause, in one line, or its title when nothing was read. */
function summaryOf(finding: CauseFinding | undefined, title: string): string {
  const read = finding?.evidence.find((entry) => entry.unread !== true) ?? finding?.evidence[0];
  return toDisplay(read?.summary ?? title, 300).replace(/\.$/, '');
}
