import { CATALOG, PROBE_NAMES } from '../../src/core/catalog/index.js';
import type { EnrichedEvent } from '../../src/core/types.js';

/**
 * Words that are English and not French: one of them in a French rendering is a string that was
 * not localised. Words both languages share (action, agent, cause, code, extension, point, service,
 * on, or, a…) are not listed.
 */
const ENGLISH = new Set(
  `the and of with without for from into onto than then when while where which who whose what this that these
  those is are was were be been being has have had does did doing done can cannot could would should will shall
  may might must not no yes any some all both each every only also still since until before after about above
  below over under again its it's their they them there here our your you we he she his her him to by at in
  as if so nor yet out up down off
  failed failure failures fail fails failing succeeded success successful succeed found finding findings
  checked check unknown state states running stopped started starting deallocated allocated ready unresponsive
  backup backups vault vaults item items job jobs group groups resource resources restore lock
  locks locked update updated new old error errors lookup lookups probe probes read reads cannot reach
  reached apply applies applied missing installed install reinstall latest older newer
  priority first details shown more loading loaded filters filter status age open opened closed close resolved
  resolve confirmed determined ruled out days day hours hour week weeks month today yesterday happened
  grant granted grants needs need needed reader policy policies access keys disk disks size
  limit limits reached cleanup blocks blocked guest inside outside setting settings network connectivity
  provisioning succeeded timed timeout answer answered denied forbidden none nothing everything something
  every why how many much last next previous shut portal totals showing sorted worst best chart charts`
    .split(/\s+/)
    .filter(Boolean),
);

/** Names Microsoft does not translate (products, services, types, statuses as Azure shows them). */
const PROPER_NAMES = [
  'Windows Azure Guest Agent',
  'Azure Backup',
  'Azure CLI',
  'Azure Monitor',
  'Recovery Services',
  'Log Analytics',
  'Key Vault',
  'Az PowerShell',
  'PowerShell',
  'Backup Management Service',
  'App Service',
  'Event Hubs',
  'Azure Disk Encryption',
  'Key Vault Administrator',
  'Not Ready',
  'Provisioning succeeded',
  'Provisioning failed',
  'CanNotDelete',
  'ReadOnly',
  'azure-backup-triage',
];

export interface Leftover {
  surface: string;
  kind: 'english' | 'internal-id' | 'typography';
  fragment: string;
  context: string;
}

/** What the inputs carried (names, codes, Azure's own messages, commands): data, not our words. */
export function dataStringsOf(events: readonly EnrichedEvent[]): string[] {
  const out = new Set<string>();
  for (const event of events) {
    const job = event.job;
    for (const value of [
      job.vmName,
      job.vaultName,
      job.vaultResourceGroup,
      job.vmResourceGroup,
      job.backupItemName,
      job.vmResourceId,
      job.vaultId,
      job.backupItemId,
      job.backupItemUniqueId,
      job.datasourceType,
      job.backupManagementType,
      event.id,
      event.errorCode,
      event.errorMessage,
      event.classification.code,
      event.classification.link,
      ...event.summary.firstAction.commands.map((command) => command.text),
      ...event.causes.flatMap((cause) => cause.commands.map((command) => command.text)),
    ])
      if (value !== null && value !== undefined && value.length > 1) out.add(value);
  }
  // Longest first, so a name inside another (vm-app-01 in its resource id) does not split it.
  return [...out].sort((a, b) => b.length - a.length);
}

/** Internal ids that must never reach a reader: cause ids, probe names, categories, verdict values. */
export function internalIds(): string[] {
  return [
    ...CATALOG.causes.map((cause) => cause.id),
    CATALOG.generic.id,
    CATALOG.vmDeleted.id,
    ...PROBE_NAMES,
    'user-action',
    'platform-limit',
    'ruled_out',
    'not_determined',
    'timed_out',
  ].filter((id) => /[-_]/.test(id));
}

/**
 * Looks for what is not French in a French rendering: English words, internal ids, and a colon
 * without the space French sets before it. Data is removed first: the inputs' names and messages,
 * commands, URLs, code blocks, and quoted text (« … », “ … ”, "…"), which quotes Azure verbatim.
 */
export function scanFrench(surface: string, text: string, data: readonly string[]): Leftover[] {
  let clean = text;
  for (const value of data) clean = clean.split(value).join(' ⟨data⟩ ');
  clean = clean
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^\s*\$ .*$/gm, ' ')
    .replace(/<[^>\n]*https?:[^>\n]*>/g, ' ')
    .replace(/https?:\/\/[^\s)>\]"]+/g, ' ')
    // File paths (where the demo read its samples, wrote the digest).
    .replace(/\S*\.(?:json|ndjson|html|txt)\b/g, ' ⟨file⟩ ')
    .replace(/(?:\/[\w.-]+)+/g, ' ⟨path⟩ ')
    // A quote cut short by a length bound ends with the line.
    .replace(/«[^»\n]*(»|$)/gm, ' ⟨quoted⟩ ')
    .replace(/“[^”]*”/g, ' ⟨quoted⟩ ')
    .replace(/"[^"\n]{0,300}"/g, ' ⟨quoted⟩ ');
  for (const name of PROPER_NAMES) clean = clean.split(name).join(' ⟨name⟩ ');
  // Sizes in French units (To, Go), and names of resources read from Azure (a lock do-not-delete,
  // a key vault kv-hr-prod): kebab-case, never our words. Internal ids are looked for before this.
  clean = clean.replace(/\b\d+(?:[.,]\d+)?\s?(?:To|Go|Mo|Ko)\b/g, ' ⟨#⟩ ');
  const leftovers: Leftover[] = [];
  // One finding per sentence (or line), naming what is wrong in it.
  for (const sentence of clean.split(/\n|(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const context = sentence.replace(/\s+/g, ' ').trim().slice(0, 200);
    const ids = internalIds().filter((id) =>
      new RegExp(`(^|[^\\w-])${id.replace(/[-_]/g, '[-_]')}(?![\\w-])`).test(sentence),
    );
    if (ids.length > 0) leftovers.push({ surface, kind: 'internal-id', fragment: ids.join(', '), context });
    const words = [...sentence.replace(/\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b/g, ' ').matchAll(/[\p{L}][\p{L}’']*/gu)]
      .map((match) => match[0])
      .filter((word) => ENGLISH.has(word.toLowerCase().replace(/[’']s$/, '')));
    if (words.length > 0) leftovers.push({ surface, kind: 'english', fragment: words.join(' '), context });
    const colons = [...sentence.matchAll(/[\p{L})\]*_]:(?=[\s\u00a0]|$)/gu)].map((match) => match[0]);
    if (colons.length > 0) leftovers.push({ surface, kind: 'typography', fragment: colons.join(' '), context });
  }
  return leftovers;
}

/** A report a person can act on: each distinct fragment once per surface, with one context. */
export function report(leftovers: readonly Leftover[]): string[] {
  const seen = new Map<string, Leftover>();
  for (const leftover of leftovers) {
    const key = `${leftover.surface}|${leftover.kind}|${leftover.context}`;
    if (!seen.has(key)) seen.set(key, leftover);
  }
  return [...seen.values()].map((l) => `${l.surface} [${l.kind}] ${l.fragment} — in: ${l.context}`);
}
