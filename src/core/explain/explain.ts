import {
  CATALOG,
  getCause,
  getCommand,
  PLACEHOLDERS,
  type CauseEntry,
  type KeyVaultAccess,
  type Placeholder,
  type VmFacts,
} from '../catalog/index.js';
import { codeOf, type Classification } from './classify.js';
import {
  fillCommand,
  fillText,
  placeholdersOf,
  toDisplay,
  toSafeValues,
  type SafeValues,
  type TemplateValues,
} from './fillTemplate.js';
import { quoted } from '../render/typography.js';
import { hoursSinceLastSuccess } from './hoursSinceLastSuccess.js';
import { judgeCauses, type CauseFinding, type OsSource } from './judgeCauses.js';
import { prioritize, type PriorityContext, type PriorityThresholds } from './prioritize.js';
import { causalVerdictOf, isReadEvidence, rankCauses, toLegacyVerdict } from './rankCauses.js';
import type { ResolvedVm } from '../parse/resolveVm.js';
import { cliManagementType, isDatabaseInVm, isVmHosted, type Workload } from '../workload.js';
import { ARTICLES, type CommandPair, type CommandTemplate } from '../catalog/types.js';
import type {
  EnrichedCause,
  EnrichedEvent,
  Evidence,
  JobRecord,
  Lang,
  LookupRecord,
  OsType,
  RenderedCommand,
} from '../types.js';

export type { CauseFinding, OsSource };

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
  /** The guest OS, when known: rules out the other OS's causes and drops commands meant for it. */
  osType?: OsType;
  /** Where `osType` came from. @default 'lookup' */
  osSource?: OsSource;
  /** How the VM's disk-encryption key vault grants access, when a lookup read it. */
  keyVaultAccess?: KeyVaultAccess;
  /** A lookup found the VM gone (404): that becomes the first, implicated cause, and every other one moot. */
  vmMissing?: Evidence;
  resolvedBy?: EnrichedEvent['resolvedBy'];
}

interface HeadlineParts {
  what: JobRecord['operation'];
  warning: boolean;
  item: string;
  rg: string | undefined;
  vault: string;
  title: string;
  code: string;
}
const WHAT: Record<Lang, Record<JobRecord['operation'], string>> = {
  en: { Backup: 'Backup', ConfigureBackup: 'Enabling backup', Restore: 'Restore' },
  fr: {
    Backup: 'de la sauvegarde',
    ConfigureBackup: 'de l’activation de la sauvegarde',
    Restore: 'de la restauration',
  },
};
const WHAT_WARNING_FR: Record<JobRecord['operation'], string> = {
  Backup: 'La sauvegarde',
  ConfigureBackup: 'L’activation de la sauvegarde',
  Restore: 'La restauration',
};
const HEADLINE: Record<Lang, (parts: HeadlineParts) => string> = {
  en: (p) =>
    `${WHAT.en[p.what]} of ${p.item} ${p.warning ? 'completed with warnings' : 'failed'} in vault ${p.vault}${p.rg !== undefined ? ` (resource group ${p.rg})` : ''}: ${p.title} [${p.code}]`,
  fr: (p) =>
    p.warning
      ? `${WHAT_WARNING_FR[p.what]} de ${p.item} s’est terminée avec des avertissements dans le coffre ${p.vault}${p.rg !== undefined ? ` (groupe de ressources ${p.rg})` : ''} : ${p.title} [${p.code}]`
      : `Échec ${WHAT.fr[p.what]} de ${p.item} dans le coffre ${p.vault}${p.rg !== undefined ? ` (groupe de ressources ${p.rg})` : ''} : ${p.title} [${p.code}]`,
};
const UNKNOWN_ITEM: Record<Lang, string> = { en: '<unknown item>', fr: '<élément inconnu>' };
const UNKNOWN_VAULT: Record<Lang, string> = { en: '<unknown vault>', fr: '<coffre inconnu>' };
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
const RESOLVED: Record<Lang, string> = {
  en: 'Nothing to do: a later backup of {vmName} (resource group {vmResourceGroup}) succeeded in vault {vaultName}, so this failure is resolved; the causes below are kept for the record.',
  fr: 'Rien à faire : une sauvegarde ultérieure de {vmName} (groupe de ressources {vmResourceGroup}) a réussi dans le coffre {vaultName}, cet échec est donc résolu ; les causes ci-dessous restent pour mémoire.',
};
const NO_CAUSE: Record<Lang, string> = {
  en: 'None of the documented causes explains this failure in the current state of {vmName} (resource group {vmResourceGroup}): read the error details of the failed job in vault {vaultName} and follow their recommendation.',
  fr: 'Aucune des causes documentées n’explique cet échec dans l’état actuel de {vmName} (groupe de ressources {vmResourceGroup}) : lisez le détail des erreurs du travail en échec dans le coffre {vaultName} et suivez sa recommandation.',
};
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
  const facts: Partial<VmFacts> = {
    ...(input.osType !== undefined && { os: input.osType }),
    ...(input.keyVaultAccess !== undefined && { keyVaultAccess: input.keyVaultAccess }),
  };
  const values = templateValues(job, vm, input.learned, input.receivedAt);
  const safe = toSafeValues(values);
  // Most causes end with the same commands (check the agent, back up now): each is rendered once.
  const shared = sharedCommands(safe, lang, facts, job.workload);
  const own = new Map<string, readonly RenderedCommand[]>();
  // The item's own resource group is never guessed: without the VM, the sentence leaves it out.
  const textValues: TemplateValues = {
    ...values,
    vmName: vm?.vmName ?? job.backupItemName,
    // People read the item's friendly name; commands take its protected item name.
    itemName: job.backupItemName ?? values.itemName,
    rpResourceGroup:
      values.rpResourceGroup ?? (job.region !== undefined ? `AzureBackupRG_${job.region}_<n>` : undefined),
  };
  const render: RenderContext = { values: safe, lang, facts, workload: job.workload, shared, own };
  const say = (template: string) => fillText(withoutUnknownGroup(template, textValues), textValues);

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
    // Codes that mean "the VM is gone" list it themselves: the lookup implicates it rather than adds it.
    if (!entries.some(({ cause }) => cause.id === CATALOG.vmDeleted.id))
      entries.push({ cause: CATALOG.vmDeleted, documentedIn: 'observed' });
    if (findings.get(CATALOG.vmDeleted.id)?.verdict !== 'implicated')
      findings.set(CATALOG.vmDeleted.id, { verdict: 'implicated', evidence: [input.vmMissing] });
  }
  const judged = judgeCauses({
    causes: entries.map((entry) => entry.cause),
    code: classification.known ? classification.entry : undefined,
    findings,
    ...(input.osType !== undefined && { os: { type: input.osType, source: input.osSource ?? 'lookup' } }),
    ...(input.vmMissing !== undefined && { vmMissing: input.vmMissing }),
    ...(input.resolvedBy !== undefined && { resolvedBy: input.resolvedBy }),
    vmName: textValues.vmName ?? job.backupItemName ?? '?',
    lang,
  });

  const documented = entries.map(({ cause, documentedIn }, index): EnrichedCause => {
    const finding = judged.get(cause.id)!;
    return {
      id: cause.id,
      rank: index + 1,
      documentedOrder: index + 1,
      documentedIn,
      verdict: toLegacyVerdict(finding.verdict),
      causalVerdict: finding.verdict,
      evidence: finding.evidence,
      title: cause.title[lang],
      steps: cause.steps[lang],
      commands: renderCommands(cause, render),
    };
  });
  const causes = rankCauses(documented);

  const code = codeOf(classification);
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
  // Only a cause that may explain this failure leads: never one present but not implicated.
  const top = causes.find((cause) => cause.causalVerdict === 'implicated' || cause.causalVerdict === 'unknown');
  const topEntry = top === undefined ? undefined : getCause(top.id);
  const context: PriorityContext = { ...input.priorityContext };
  if (context.lastSuccess !== undefined) {
    const hours = hoursSinceLastSuccess(context.lastSuccess, input.receivedAt);
    if (hours !== undefined) context.hoursSinceLastSuccess = hours;
  }
  if (input.resolvedBy !== undefined) context.resolved = true;
  if (job.status === 'CompletedWithWarnings') context.warning = true;
  const side = classification.known
    ? (classification.entry.side ?? 'backup')
    : job.operation === 'Restore'
      ? 'restore'
      : 'backup';

  const event: EnrichedEvent = {
    schemaVersion: '1.1',
    id: job.jobId,
    receivedAt: input.receivedAt,
    lang,
    source: { format: job.format, category: job.category, ...job.origin },
    job: {
      operation: job.operation,
      status: job.status,
      workload: job.workload,
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
      containerName: job.containerName ?? null,
      protectedItemName: job.protectedItemName ?? null,
      vmResourceId: vm?.vmResourceId ?? null,
      vmName: vm?.vmName ?? null,
      vmResourceGroup: vm?.vmResourceGroup ?? null,
      vmIdSource: vm?.source ?? null,
    },
    errorCode: job.errorCode ?? null,
    errorCodeSource: job.errorCodeSource ?? null,
    errorMessage: job.errorMessage ?? null,
    ...(job.errorNumber !== undefined && { errorNumber: job.errorNumber }),
    classification: {
      code,
      known: classification.known,
      side,
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
      context,
      lang,
      vmName: textValues.vmName ?? '?',
      ...(input.thresholds && { thresholds: input.thresholds }),
    }),
    lookups: input.lookups ?? [],
    summary: {
      headline: headline(job, vm, title, code, lang),
      firstAction:
        input.resolvedBy !== undefined
          ? { causeId: null, text: say(RESOLVED[lang]), commands: [] }
          : !classification.known && job.recommendedAction !== undefined
            ? {
                causeId: top?.id ?? null,
                // Azure's own words, quoted as such in French.
                text:
                  say(RECOMMENDS[lang]) +
                  (lang === 'fr'
                    ? quoted('fr', toDisplay(job.recommendedAction, 600))
                    : toDisplay(job.recommendedAction, 600)),
                commands: top?.commands ?? [],
              }
            : top === undefined || topEntry === undefined
              ? {
                  causeId: null,
                  text: say(NO_CAUSE[lang]),
                  commands: [...renderCommands(CATALOG.generic, render)].slice(0, 2),
                }
              : {
                  causeId: top.id,
                  text: withEvidence(say(actionOf(topEntry, facts, lang)), top, lang),
                  commands: fixFirst(top, topEntry, facts, job.workload, lang),
                },
    },
  };
  if (input.resolvedBy !== undefined) event.resolvedBy = input.resolvedBy;
  return event;
}

const FOUND: Record<Lang, string> = { en: 'Found: ', fr: 'Constat : ' };

/** The first action of a cause for this VM: the variant its facts select, or an OS-neutral one while the OS is
 * unknown. */
function actionOf(entry: CauseEntry, facts: Partial<VmFacts>, lang: Lang): string {
  return (variantOf(entry, facts)?.action ??
    (entry.os !== undefined && facts.os === undefined ? entry.osNeutralAction : undefined) ??
    entry.action)[lang];
}

function variantOf(entry: CauseEntry, facts: Partial<VmFacts>) {
  return entry.variants?.find((variant) =>
    (['os', 'keyVaultAccess'] as const).every(
      (key) => variant.when[key] === undefined || facts[key] === variant.when[key],
    ),
  );
}

/** An implicated top cause says what was read, so the first line is about this VM, not any VM. */
function withEvidence(action: string, top: EnrichedCause | undefined, lang: Lang): string {
  const evidence = top?.causalVerdict === 'implicated' ? top.evidence.find(isReadEvidence) : undefined;
  return evidence === undefined
    ? action
    : `${action} ${FOUND[lang]}${toDisplay(evidence.summary, 300).replace(/\.$/, '')}.`;
}

const GROUP_CLAUSE = / \((?:resource group|groupe de ressources) \{vmResourceGroup\}\)/g;

/** A sentence naming `(resource group {vmResourceGroup})`, without the clause when the group is unknown. */
function withoutUnknownGroup(template: string, values: TemplateValues): string {
  return values.vmResourceGroup === undefined ? template.replace(GROUP_CLAUSE, '') : template;
}

/**
 * Once the cause is implicated, the command that fixes it comes first (when every name is known);
 * so does the fix of a variant the VM's facts select (a key vault using Azure RBAC needs a role
 * assignment, whatever the lookups could tell of its current ones).
 */
function fixFirst(
  top: EnrichedCause,
  entry: CauseEntry,
  facts: Partial<VmFacts>,
  workload: Workload,
  lang: Lang,
): RenderedCommand[] {
  const variant = variantOf(entry, facts);
  const fixId = variant?.fix ?? entry.fix;
  if ((top.causalVerdict !== 'implicated' && variant?.fix === undefined) || fixId === undefined) return top.commands;
  const template = getCommand(fixId);
  const purpose = (pairFor(template, workload)?.purpose ?? template.purpose)[lang];
  const fix = top.commands.filter((command) => command.complete && command.purpose === purpose);
  return fix.length === 0 ? top.commands : [...fix, ...top.commands.filter((command) => !fix.includes(command))];
}

function templateValues(
  job: JobRecord,
  vm: ResolvedVm | undefined,
  learned: TemplateValues | undefined,
  receivedAt: string,
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
  if (isDatabaseInVm(job.workload)) {
    set(
      'containerName',
      job.containerName ?? (vm !== undefined ? `VMAppContainer;Compute;${vm.vmResourceGroup};${vm.vmName}` : undefined),
    );
    set('itemName', job.protectedItemName);
    set('workloadType', WORKLOAD_TYPE[job.workload]);
  } else if (job.workload === 'azure-files') {
    // Friendly names (storage account, share): what both shells take with the management type.
    set('containerName', lastPart(job.containerName));
    set('itemName', lastPart(job.protectedItemName) ?? job.backupItemName);
  }
  set('retainUntil', retainUntil(receivedAt));
  return values;
}

/** The `--workload-type` both the CLI and PowerShell accept for a database in a VM. */
const WORKLOAD_TYPE: Partial<Record<Workload, string>> = {
  'sql-in-vm': 'MSSQL',
  'sap-hana-in-vm': 'SAPHanaDatabase',
  'sap-ase-in-vm': 'SAPAseDatabase',
};

function lastPart(name: string | undefined): string | undefined {
  return name?.split(';').pop()?.trim() || undefined;
}

/** An on-demand backup kept 30 days after the message, as `dd-mm-yyyy` (what --retain-until takes). */
function retainUntil(receivedAt: string): string | undefined {
  const at = Date.parse(receivedAt);
  if (Number.isNaN(at)) return undefined;
  const day = new Date(at + 30 * 86_400_000).toISOString();
  return `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
}

/**
 * Rendered command pairs, shared by every event with the same names (a vault's storm, a VM that
 * fails every night): a pure memo of frozen objects, keyed by all the names but the job id (the
 * few commands that use it are rendered per event). Bounded.
 */
const memo = new Map<string, Map<string, readonly RenderedCommand[]>>();
const MEMO_LIMIT = 20_000;
const SIGNATURE: readonly Placeholder[] = PLACEHOLDERS.filter((name) => name !== 'jobId' && name !== 'retainUntil');
const usesJobId = new Map<string, boolean>();

function sharedCommands(
  values: SafeValues,
  lang: Lang,
  facts: Partial<VmFacts>,
  workload: Workload,
): Map<string, readonly RenderedCommand[]> {
  let key = `${lang}\u0000${facts.os ?? ''}\u0000${facts.keyVaultAccess ?? ''}\u0000${workload}`;
  for (const name of SIGNATURE) key += `\u0000${values.quoted[name] ?? ''}`;
  let shared = memo.get(key);
  if (shared === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (shared = new Map<string, readonly RenderedCommand[]>()));
  }
  return shared;
}

/**
 * The form of a command for the item's workload: a VM command only where a VM exists (the item's
 * own, or the database's host), an item command with the workload's own parameters, a database
 * command only for a database, or nothing.
 */
function pairFor(template: CommandTemplate, workload: Workload): CommandPair | undefined {
  if (template.target === 'vm') return isVmHosted(workload) || workload === 'unknown' ? template : undefined;
  if (template.target === 'other') return template;
  if (template.target === 'database') return isDatabaseInVm(workload) ? template : undefined;
  const family = cliManagementType(workload);
  if (family === 'AzureIaasVM') return template;
  return family === undefined ? undefined : template.variants?.[family];
}

function renderPair(
  pair: CommandPair,
  template: CommandTemplate,
  values: SafeValues,
  lang: Lang,
): readonly RenderedCommand[] {
  const purpose = (pair.purpose ?? template.purpose)[lang];
  const cli = fillCommand(pair.azureCli, values);
  const ps = fillCommand(pair.powershell, values, 'powershell');
  return Object.freeze([
    Object.freeze<RenderedCommand>({ shell: 'azure-cli', purpose, text: cli.text, complete: cli.complete }),
    Object.freeze<RenderedCommand>({ shell: 'powershell', purpose, text: ps.text, complete: ps.complete }),
  ]);
}

const PER_EVENT: ReadonlySet<Placeholder> = new Set<Placeholder>(['jobId', 'retainUntil']);

/** Commands naming the job or a date are rendered per event; the others are shared (memo). */
function needsPerEvent(id: string): boolean {
  let uses = usesJobId.get(id);
  if (uses === undefined) {
    const template = getCommand(id);
    const pairs: CommandPair[] = [template, ...Object.values(template.variants ?? {})];
    uses = pairs.some((pair) =>
      [...placeholdersOf(pair.azureCli), ...placeholdersOf(pair.powershell)].some((name) => PER_EVENT.has(name)),
    );
    usesJobId.set(id, uses);
  }
  return uses;
}

interface RenderContext {
  values: SafeValues;
  lang: Lang;
  facts: Partial<VmFacts>;
  workload: Workload;
  shared: Map<string, readonly RenderedCommand[]>;
  own: Map<string, readonly RenderedCommand[]>;
}

function renderCommands(cause: CauseEntry, context: RenderContext): RenderedCommand[] {
  const { facts } = context;
  const out: RenderedCommand[] = [];
  for (const id of cause.commands) {
    const cache = needsPerEvent(id) ? context.own : context.shared;
    let rendered = cache.get(id);
    if (rendered === undefined) {
      const template = getCommand(id);
      const pair = pairFor(template, context.workload);
      const excluded =
        pair === undefined ||
        (facts.os !== undefined && template.os !== undefined && template.os !== facts.os) ||
        (facts.keyVaultAccess !== undefined &&
          template.keyVaultAccess !== undefined &&
          template.keyVaultAccess !== facts.keyVaultAccess);
      rendered = excluded ? [] : renderPair(pair, template, context.values, context.lang);
      cache.set(id, rendered);
    }
    for (const command of rendered) out.push(command);
  }
  return out;
}

/**
 * `<What> of <item> failed in vault <vault> (resource group <rg>): <title> [<code>]`. The resource
 * group is the item's VM's, and only when it is known: never the vault's, which is another group.
 */
function headline(job: JobRecord, vm: ResolvedVm | undefined, title: string, code: string, lang: Lang): string {
  const vmName = vm?.vmName;
  const itemName = job.backupItemName;
  let item = vmName ?? itemName ?? UNKNOWN_ITEM[lang];
  if (vmName !== undefined && itemName !== undefined && job.workload !== 'azure-vm' && job.workload !== 'unknown') {
    if (itemName.toLowerCase() !== vmName.toLowerCase())
      item = `${itemName} (${job.datasourceType ?? job.workload}) ${ON[lang]} ${vmName}`;
  }
  return HEADLINE[lang]({
    what: job.operation,
    warning: job.status === 'CompletedWithWarnings',
    item: toDisplay(item, 160),
    rg: vm?.vmResourceGroup !== undefined ? toDisplay(vm.vmResourceGroup, 90) : undefined,
    vault: toDisplay(job.vaultName ?? UNKNOWN_VAULT[lang], 80),
    title,
    code: toDisplay(code, 80),
  });
}

function linkFor(classification: Classification, lang: Lang): string {
  const locale = lang === 'fr' ? 'fr-fr' : 'en-us';
  if (classification.known)
    return `https://learn.microsoft.com/${locale}/azure/backup/${ARTICLES[classification.entry.article ?? 'agent-extension']}#${classification.entry.anchor.toLowerCase()}`;
  if (/^[A-Za-z0-9]+$/.test(classification.code) && classification.code !== 'Unknown')
    return `https://aka.ms/AB-${classification.code}`;
  return `https://learn.microsoft.com/${locale}/azure/backup/backup-azure-vms-troubleshoot`;
}

/**
 * An event's priority again, from its own classification and causes and a new context: what its
 * finding's history (failures in a row, the last success) or its resolution has since taught us.
 */
export function reprioritize(
  event: EnrichedEvent,
  context: PriorityContext,
  thresholds?: PriorityThresholds,
): ReturnType<typeof prioritize> {
  return prioritize({
    category: event.classification.category,
    known: event.classification.known,
    causes: event.causes.map((cause) => ({ ...cause, causalVerdict: causalVerdictOf(cause) })),
    context,
    lang: event.lang,
    vmName: event.job.vmName ?? '?',
    ...(thresholds !== undefined && { thresholds }),
  });
}

/**
 * A stored event whose item later succeeded: its first action becomes "nothing to do" (never a
 * removal), its priority P4 with the reason. Its verdicts stay as read (the state was read before
 * the success, so the success disproves nothing here: `judgeCauses` does that when it can).
 */
export function resolveEvent(
  event: EnrichedEvent,
  resolvedBy: NonNullable<EnrichedEvent['resolvedBy']>,
  thresholds?: PriorityThresholds,
): EnrichedEvent {
  const values: TemplateValues = {
    ...(event.job.vmName !== null && { vmName: event.job.vmName }),
    ...(event.job.vmName === null && event.job.backupItemName !== null && { vmName: event.job.backupItemName }),
    ...(event.job.vmResourceGroup !== null && { vmResourceGroup: event.job.vmResourceGroup }),
    ...(event.job.vaultName !== null && { vaultName: event.job.vaultName }),
  };
  const priority = reprioritize(event, { ...event.priority.context, resolved: true }, thresholds);
  return {
    ...event,
    resolvedBy,
    priority,
    summary: {
      ...event.summary,
      firstAction: {
        causeId: null,
        text: fillText(withoutUnknownGroup(RESOLVED[event.lang], values), values),
        commands: [],
      },
    },
  };
}
