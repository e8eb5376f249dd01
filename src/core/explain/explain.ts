import { CATALOG, getCause, getCommand, PLACEHOLDERS, type CauseEntry, type Placeholder } from '../catalog/index.js';
import type { Classification } from './classify.js';
import {
  fillCommand,
  fillText,
  placeholdersOf,
  toDisplay,
  toSafeValues,
  type SafeValues,
  type TemplateValues,
} from './fillTemplate.js';
import { prioritize, type PriorityContext, type PriorityThresholds } from './prioritize.js';
import { rankCauses } from './rankCauses.js';
import type { ResolvedVm } from '../parse/resolveVm.js';
import type {
  EnrichedCause,
  EnrichedEvent,
  Evidence,
  JobRecord,
  Lang,
  LookupRecord,
  RenderedCommand,
  Verdict,
} from '../types.js';

/** What lookups learned about one cause. */
export interface CauseFinding {
  verdict: Verdict;
  evidence: Evidence[];
}

export interface ExplainInput {
  job: JobRecord;
  vm: ResolvedVm | undefined;
  classification: Classification;
  lang: Lang;
  receivedAt: string;
  priorityContext?: PriorityContext;
  thresholds?: PriorityThresholds;
  /** Verdicts from the probes, by cause id; causes without one stay `unknown`. */
  findings?: ReadonlyMap<string, CauseFinding>;
  lookups?: LookupRecord[];
  /** Names only lookups can learn (lock, key vault, restore-point group, extension). */
  learned?: TemplateValues;
  /** The guest OS, when known, drops commands meant for the other one. */
  osType?: 'windows' | 'linux';
  /** A lookup found the VM gone (404): that becomes the first, confirmed cause. */
  vmMissing?: Evidence;
  resolvedBy?: EnrichedEvent['resolvedBy'];
}

/** Shared by every cause without evidence; frozen, so a probe must replace it, never push to it. */
const NO_EVIDENCE: Evidence[] = Object.freeze([]) as unknown as Evidence[];
const ARTICLE = 'azure/backup/backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout';
const HEADLINE: Record<Lang, (item: string, vault: string, rg: string, title: string, code: string) => string> = {
  en: (item, vault, rg, title, code) =>
    `Backup of ${item} failed in vault ${vault} (resource group ${rg}): ${title} [${code}]`,
  fr: (item, vault, rg, title, code) =>
    `Échec de la sauvegarde de ${item} dans le coffre ${vault} (groupe de ressources ${rg}) : ${title} [${code}]`,
};
const UNLISTED: Record<Lang, { title: string; message: string }> = {
  en: {
    title: 'Error code not in the catalog',
    message: 'This code is not in the troubleshooting article; the job’s error details say more.',
  },
  fr: {
    title: 'Code d’erreur absent du catalogue',
    message: 'Ce code ne figure pas dans l’article de dépannage ; le détail des erreurs du travail en dit plus.',
  },
};
const ON: Record<Lang, string> = { en: 'on', fr: 'sur' };
const RECOMMENDS: Record<Lang, string> = {
  en: 'Azure Backup recommends, for {vmName} (resource group {vmResourceGroup}) in vault {vaultName}: ',
  fr: 'Azure Backup recommande, pour {vmName} (groupe de ressources {vmResourceGroup}) dans le coffre {vaultName} : ',
};

/**
 * Builds the enriched event of one failed job: classification, causes in documented order (then
 * re-ranked by verdict), priority, and a summary whose first line names the VM, its resource group
 * and the vault, and whose first action carries ready commands with the real names.
 */
export function explain(input: ExplainInput): EnrichedEvent {
  const { job, vm, classification, lang } = input;
  const values = templateValues(job, vm, input.learned);
  const safe = toSafeValues(values);
  // Most causes end with the same commands (check the agent, back up now): each is rendered once.
  const shared = sharedCommands(safe, lang, input.osType);
  const own = new Map<string, readonly RenderedCommand[]>();
  const textValues: TemplateValues = {
    ...values,
    vmName: vm?.vmName ?? job.backupItemName,
    vmResourceGroup: vm?.vmResourceGroup ?? job.vaultResourceGroup,
    rpResourceGroup:
      values.rpResourceGroup ?? (job.region !== undefined ? `AzureBackupRG_${job.region}_<n>` : undefined),
  };

  const entries: Array<{ cause: CauseEntry; documentedIn: EnrichedCause['documentedIn'] }> = classification.known
    ? [
        ...classification.entry.causes.map((id) => ({
          cause: getCause(id),
          documentedIn: classification.entry.documentedIn,
        })),
        ...classification.entry.addedCauses.map((id) => ({ cause: getCause(id), documentedIn: 'en' as const })),
      ]
    : [{ cause: CATALOG.generic, documentedIn: lang }];
  const findings = new Map(input.findings);
  if (input.vmMissing !== undefined) {
    entries.push({ cause: CATALOG.vmDeleted, documentedIn: 'observed' });
    findings.set(CATALOG.vmDeleted.id, { verdict: 'confirmed', evidence: [input.vmMissing] });
  }

  const documented = entries.map(({ cause, documentedIn }, index): EnrichedCause => {
    const finding = findings.get(cause.id);
    return {
      id: cause.id,
      rank: index + 1,
      documentedOrder: index + 1,
      documentedIn,
      verdict: finding?.verdict ?? 'unknown',
      evidence: finding?.evidence ?? NO_EVIDENCE,
      title: cause.title[lang],
      steps: cause.steps[lang],
      commands: renderCommands(cause, safe, lang, input.osType, shared, own),
    };
  });
  const causes = documented.every((cause) => cause.verdict === 'unknown') ? documented : rankCauses(documented);

  const code = classification.known ? classification.entry.code : classification.code;
  const title = classification.known
    ? classification.entry.title[lang]
    : job.errorMessage !== undefined
      ? toDisplay(job.errorMessage, 160)
      : UNLISTED[lang].title;
  const message = classification.known
    ? classification.entry.message[lang]
    : job.errorMessage !== undefined
      ? toDisplay(job.errorMessage, 500)
      : UNLISTED[lang].message;
  const category = classification.known ? classification.entry.category : 'unknown';
  const top = causes[0];
  const topEntry = top === undefined ? CATALOG.generic : getCause(top.id);

  const event: EnrichedEvent = {
    schemaVersion: '1.0',
    id: job.jobId,
    receivedAt: input.receivedAt,
    lang,
    source: { format: job.format, category: job.category, ...job.origin },
    job: {
      operation: 'Backup',
      status: job.status,
      startedAt: job.startedAt ?? null,
      durationSec: job.durationSec ?? null,
      jobIdDerived: job.jobIdDerived,
      vaultId: job.vaultId ?? null,
      vaultName: job.vaultName ?? null,
      vaultResourceGroup: job.vaultResourceGroup ?? null,
      subscriptionId: vm?.subscriptionId ?? job.subscriptionId ?? null,
      region: job.region ?? null,
      backupItemUniqueId: job.backupItemUniqueId ?? null,
      backupItemId: job.backupItemId ?? null,
      backupItemName: job.backupItemName ?? null,
      backupManagementType: job.backupManagementType ?? null,
      datasourceType: job.datasourceType ?? null,
      vmResourceId: vm?.vmResourceId ?? null,
      vmName: vm?.vmName ?? null,
      vmResourceGroup: vm?.vmResourceGroup ?? null,
      vmIdSource: vm?.source ?? null,
    },
    errorCode: job.errorCode ?? null,
    errorCodeSource: job.errorCodeSource ?? null,
    errorMessage: job.errorMessage ?? null,
    classification: {
      code,
      known: classification.known,
      category,
      title,
      message,
      link: linkFor(classification, lang),
    },
    causes,
    priority: prioritize({
      category,
      known: classification.known,
      causes,
      context: { ...input.priorityContext, ...(input.resolvedBy !== undefined && { resolved: true }) },
      lang,
      ...(input.thresholds && { thresholds: input.thresholds }),
    }),
    lookups: input.lookups ?? [],
    summary: {
      headline: headline(job, vm, title, code, lang),
      firstAction: {
        causeId: top?.id ?? null,
        text:
          !classification.known && job.recommendedAction !== undefined
            ? fillText(RECOMMENDS[lang], textValues) + toDisplay(job.recommendedAction, 600)
            : withEvidence(fillText(topEntry.action[lang], textValues), top, lang),
        commands: top === undefined ? [] : fixFirst(top, topEntry),
      },
    },
  };
  if (input.resolvedBy !== undefined) event.resolvedBy = input.resolvedBy;
  return event;
}

const FOUND: Record<Lang, string> = { en: 'Found', fr: 'Constat' };

/** A confirmed top cause says what was found, so the first line is about this VM, not any VM. */
function withEvidence(action: string, top: EnrichedCause | undefined, lang: Lang): string {
  const evidence = top?.verdict === 'confirmed' ? top.evidence[0] : undefined;
  return evidence === undefined
    ? action
    : `${action} ${FOUND[lang]}: ${toDisplay(evidence.summary, 300).replace(/\.$/, '')}.`;
}

/** Once the cause is confirmed, the command that fixes it comes first (when every name is known). */
function fixFirst(top: EnrichedCause, entry: CauseEntry): RenderedCommand[] {
  if (top.verdict !== 'confirmed' || entry.fix === undefined) return top.commands;
  const purpose = getCommand(entry.fix).purpose;
  const fix = top.commands.filter(
    (command) => command.complete && (command.purpose === purpose.en || command.purpose === purpose.fr),
  );
  return fix.length === 0 ? top.commands : [...fix, ...top.commands.filter((command) => !fix.includes(command))];
}

function templateValues(
  job: JobRecord,
  vm: ResolvedVm | undefined,
  learned: TemplateValues | undefined,
): TemplateValues {
  const values: TemplateValues = { ...learned };
  const set = (key: keyof TemplateValues, value: string | undefined) => {
    if (value !== undefined && values[key] === undefined) values[key] = value;
  };
  set('vmName', vm?.vmName);
  set('vmResourceGroup', vm?.vmResourceGroup);
  set('vmResourceId', vm?.vmResourceId);
  set('subscriptionId', vm?.subscriptionId ?? job.subscriptionId);
  set('vaultName', job.vaultName);
  set('vaultResourceGroup', job.vaultResourceGroup);
  set('region', job.region);
  if (!job.jobIdDerived) set('jobId', job.jobId);
  return values;
}

/**
 * Rendered command pairs, shared by every event with the same names (a vault's storm, a VM that
 * fails every night): a pure memo of frozen objects, keyed by all the names but the job id (the
 * few commands that use it are rendered per event). Bounded.
 */
const memo = new Map<string, Map<string, readonly RenderedCommand[]>>();
const MEMO_LIMIT = 20_000;
const SIGNATURE: readonly Placeholder[] = PLACEHOLDERS.filter((name) => name !== 'jobId');
const usesJobId = new Map<string, boolean>();

function sharedCommands(
  values: SafeValues,
  lang: Lang,
  osType: string | undefined,
): Map<string, readonly RenderedCommand[]> {
  let key = `${lang}\u0000${osType ?? ''}`;
  for (const name of SIGNATURE) key += `\u0000${values.quoted[name] ?? ''}`;
  let shared = memo.get(key);
  if (shared === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (shared = new Map<string, readonly RenderedCommand[]>()));
  }
  return shared;
}

function renderPair(id: string, values: SafeValues, lang: Lang): readonly RenderedCommand[] {
  const template = getCommand(id);
  const purpose = template.purpose[lang];
  const cli = fillCommand(template.azureCli, values);
  const ps = fillCommand(template.powershell, values, 'powershell');
  return Object.freeze([
    Object.freeze<RenderedCommand>({ shell: 'azure-cli', purpose, text: cli.text, complete: cli.complete }),
    Object.freeze<RenderedCommand>({ shell: 'powershell', purpose, text: ps.text, complete: ps.complete }),
  ]);
}

function needsJobId(id: string): boolean {
  let uses = usesJobId.get(id);
  if (uses === undefined) {
    const template = getCommand(id);
    uses = [...placeholdersOf(template.azureCli), ...placeholdersOf(template.powershell)].includes('jobId');
    usesJobId.set(id, uses);
  }
  return uses;
}

function renderCommands(
  cause: CauseEntry,
  values: SafeValues,
  lang: Lang,
  osType: 'windows' | 'linux' | undefined,
  shared: Map<string, readonly RenderedCommand[]>,
  own: Map<string, readonly RenderedCommand[]>,
): RenderedCommand[] {
  const out: RenderedCommand[] = [];
  for (const id of cause.commands) {
    const cache = needsJobId(id) ? own : shared;
    let pair = cache.get(id);
    if (pair === undefined) {
      const os = getCommand(id).os;
      pair = osType !== undefined && os !== undefined && os !== osType ? [] : renderPair(id, values, lang);
      cache.set(id, pair);
    }
    for (const command of pair) out.push(command);
  }
  return out;
}

function headline(job: JobRecord, vm: ResolvedVm | undefined, title: string, code: string, lang: Lang): string {
  const vmName = vm?.vmName;
  const itemName = job.backupItemName;
  const isVmItem = job.datasourceType === undefined || /virtualmachines$|^vm$/i.test(job.datasourceType);
  let item = vmName ?? itemName ?? '<unknown item>';
  if (vmName !== undefined && itemName !== undefined && !isVmItem && itemName.toLowerCase() !== vmName.toLowerCase()) {
    item = `${itemName} (${job.datasourceType}) ${ON[lang]} ${vmName}`;
  }
  return HEADLINE[lang](
    toDisplay(item, 160),
    toDisplay(job.vaultName ?? '<unknown vault>', 80),
    toDisplay(vm?.vmResourceGroup ?? job.vaultResourceGroup ?? '<unknown>', 90),
    title,
    toDisplay(code, 80),
  );
}

function linkFor(classification: Classification, lang: Lang): string {
  const locale = lang === 'fr' ? 'fr-fr' : 'en-us';
  if (classification.known)
    return `https://learn.microsoft.com/${locale}/${ARTICLE}#${classification.entry.anchor.toLowerCase()}`;
  if (/^[A-Za-z0-9]+$/.test(classification.code) && classification.code !== 'Unknown')
    return `https://aka.ms/AB-${classification.code}`;
  return `https://learn.microsoft.com/${locale}/azure/backup/backup-azure-vms-troubleshoot`;
}
