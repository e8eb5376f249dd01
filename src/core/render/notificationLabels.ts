import type { NotificationKind, UpdateReason } from '../notify/types.js';
import type { Lang } from '../types.js';
import { LABELS } from './labels.js';
import { counted, formatTime, quoted } from './typography.js';

/** Fixed words of the notifications, per language. */
export const NOTIFICATION_LABELS = {
  en: {
    kind: {
      new: 'New backup failure',
      update: 'Still failing',
      resolved: 'Resolved',
      group: 'Backup failures in one vault',
    } satisfies Record<NotificationKind, string>,
    group: (count: number, code: string, vault: string) => `${count} items fail with ${code} in vault ${vault}`,
    shared: (code: string, title: string, vault: string, minutes: number) =>
      `They share the error ${code} (${title}) in vault ${vault}, within ${minutes} minutes.`,
    resolvedTitle: (what: string) => `Resolved · backups of ${what} succeed again`,
    resolvedText: (what: string, vault: string, at: string | null, job: string, lang: Lang) =>
      `A backup of ${what} in vault ${vault} succeeded${at !== null ? ` at ${formatTime(at, lang)}` : ''} (job ${job}).`,
    resolvedClosed: (since: string, occurrences: number) =>
      `The finding open since ${formatTime(since, 'en')} (${counted(occurrences, 'occurrence', 'occurrences', 'en')}) is closed: nothing left to do.`,
    nothingToDo: 'Nothing left to do: a later backup succeeded.',
    occurrences: (n: number) => (n === 1 ? 'first failure' : `${n} failures in a row`),
    firstAction: 'First action',
    firstActionFor: (vm: string) => `First action, shown for ${vm} (the same for each)`,
    shell: { cli: 'Azure CLI', powershell: 'PowerShell' },
    incomplete: 'fill in the <names> first',
    causes: 'Causes, most likely first',
    showCauses: 'Causes',
    vm: 'VM',
    vault: 'Vault',
    code: 'Error code',
    codeShort: 'Code',
    items: 'Items',
    more: (n: number) => `…and ${n} more`,
    guide: 'Troubleshooting guide',
    details: 'Details',
    openGroup: (n: number) => `Open the ${n} items`,
    verdict: LABELS.en.verdict,
    shortened: 'Shortened to fit the message limits: see the details for the rest.',
    push: {
      new: (priority: string, headline: string) => `${priority} new backup failure: ${headline}`,
      update: (priority: string, reason: string, headline: string) =>
        `${priority} still failing (${reason}): ${headline}`,
      group: (priority: string, title: string) => `${priority} ${title}`,
    },
    reason: (reason: UpdateReason) =>
      reason.rule === 'escalated'
        ? `priority rose from ${reason.from} to ${reason.to}`
        : `${reason.occurrences} failures since ${formatTime(reason.since, 'en')}`,
  },
  fr: {
    kind: {
      new: 'Nouvel échec de sauvegarde',
      update: 'Toujours en échec',
      resolved: 'Résolu',
      group: 'Échecs de sauvegarde dans un coffre',
    } satisfies Record<NotificationKind, string>,
    group: (count: number, code: string, vault: string) =>
      `${count} éléments échouent avec ${code} dans le coffre ${vault}`,
    shared: (code: string, title: string, vault: string, minutes: number) =>
      `Ils ont en commun l’erreur ${code} (${quoted('fr', title)}) dans le coffre ${vault}, en moins de ${minutes} minutes.`,
    resolvedTitle: (what: string) => `Résolu · les sauvegardes de ${what} réussissent de nouveau`,
    resolvedText: (what: string, vault: string, at: string | null, job: string, lang: Lang) =>
      `Une sauvegarde de ${what} dans le coffre ${vault} a réussi${at !== null ? ` le ${formatTime(at, lang)}` : ''} (travail ${job}).`,
    resolvedClosed: (since: string, occurrences: number) =>
      `Le constat ouvert depuis le ${formatTime(since, 'fr')} (${counted(occurrences, 'occurrence', 'occurrences', 'fr')}) est clos : plus rien à faire.`,
    nothingToDo: 'Plus rien à faire : une sauvegarde ultérieure a réussi.',
    occurrences: (n: number) => (n === 1 ? 'premier échec' : `${n} échecs consécutifs`),
    firstAction: 'Première action',
    firstActionFor: (vm: string) => `Première action, montrée pour ${vm} (la même pour chacun)`,
    shell: { cli: 'Azure CLI', powershell: 'PowerShell' },
    incomplete: 'complétez d’abord les <noms>',
    causes: 'Causes, de la plus probable à la moins probable',
    showCauses: 'Causes',
    vm: 'VM',
    vault: 'Coffre',
    code: 'Code d’erreur',
    codeShort: 'Code',
    items: 'Éléments',
    more: (n: number) => `…et ${n} de plus`,
    guide: 'Guide de dépannage',
    details: 'Détails',
    openGroup: (n: number) => `Ouvrir les ${n} éléments`,
    verdict: LABELS.fr.verdict,
    shortened: 'Raccourci pour respecter les limites du message : voir les détails pour le reste.',
    push: {
      new: (priority: string, headline: string) => `${priority} nouvel échec de sauvegarde : ${headline}`,
      update: (priority: string, reason: string, headline: string) =>
        `${priority} toujours en échec (${reason}) : ${headline}`,
      group: (priority: string, title: string) => `${priority} ${title}`,
    },
    reason: (reason: UpdateReason) =>
      reason.rule === 'escalated'
        ? `la priorité est passée de ${reason.from} à ${reason.to}`
        : `${reason.occurrences} échecs depuis le ${formatTime(reason.since, 'fr')}`,
  },
} as const satisfies Record<Lang, unknown>;

/** The message's title line: priority and kind, the group's summary, or the good news of a resolution. */
export function titleOf(n: {
  kind: NotificationKind;
  lang: Lang;
  priority: string;
  groupSize?: number;
  events: ReadonlyArray<{
    id: string;
    classification: { code: string };
    job: { vaultName: string | null; vmName: string | null; backupItemName: string | null };
  }>;
}): string {
  const l = NOTIFICATION_LABELS[n.lang];
  const first = n.events[0];
  if (n.kind === 'resolved' && first !== undefined)
    return l.resolvedTitle(first.job.vmName ?? first.job.backupItemName ?? first.id);
  if (n.kind === 'group' && first !== undefined)
    return `${n.priority} · ${l.group(n.groupSize ?? n.events.length, first.classification.code, first.job.vaultName ?? '?')}`;
  return `${n.priority} · ${l.kind[n.kind]}`;
}
