import type { NotificationKind } from '../notify/types.js';
import type { Lang } from '../types.js';

/** Fixed words of the notifications, per language. */
export const NOTIFICATION_LABELS = {
  en: {
    kind: {
      new: 'New backup failure',
      update: 'Backup failure: update',
      resolved: 'Resolved',
      group: 'Backup failures in one vault',
    } satisfies Record<NotificationKind, string>,
    group: (count: number, code: string, vault: string) => `${count} items fail with ${code} in vault ${vault}`,
    resolved: (what: string, job: string) => `${what}: a later backup succeeded (job ${job}).`,
    occurrences: (n: number) => (n === 1 ? 'first failure' : `${n} failures in a row`),
    firstAction: 'First action',
    causes: 'Causes',
    vm: 'VM',
    resourceGroup: 'Resource group',
    vault: 'Vault',
    code: 'Error code',
    more: (n: number) => `…and ${n} more`,
    guide: 'Troubleshooting guide',
    details: 'All details',
    verdict: { confirmed: 'confirmed', unknown: 'not determined', ruled_out: 'ruled out' },
    shortened: 'Shortened to fit the message limits: see the details for the rest.',
  },
  fr: {
    kind: {
      new: 'Nouvel échec de sauvegarde',
      update: 'Échec de sauvegarde : mise à jour',
      resolved: 'Résolu',
      group: 'Échecs de sauvegarde dans un coffre',
    } satisfies Record<NotificationKind, string>,
    group: (count: number, code: string, vault: string) =>
      `${count} éléments échouent avec ${code} dans le coffre ${vault}`,
    resolved: (what: string, job: string) => `${what} : une sauvegarde ultérieure a réussi (travail ${job}).`,
    occurrences: (n: number) => (n === 1 ? 'premier échec' : `${n} échecs consécutifs`),
    firstAction: 'Première action',
    causes: 'Causes',
    vm: 'VM',
    resourceGroup: 'Groupe de ressources',
    vault: 'Coffre',
    code: 'Code d’erreur',
    more: (n: number) => `…et ${n} de plus`,
    guide: 'Guide de dépannage',
    details: 'Tous les détails',
    verdict: { confirmed: 'confirmée', unknown: 'non déterminée', ruled_out: 'écartée' },
    shortened: 'Raccourci pour respecter les limites du message : voir les détails pour le reste.',
  },
} as const satisfies Record<Lang, unknown>;

/** The message's title line: kind and priority, or the group's summary. */
export function titleOf(n: {
  kind: NotificationKind;
  lang: Lang;
  priority: string;
  groupSize?: number;
  events: ReadonlyArray<{ classification: { code: string }; job: { vaultName: string | null } }>;
}): string {
  const l = NOTIFICATION_LABELS[n.lang];
  const first = n.events[0];
  if (n.kind === 'group' && first !== undefined)
    return `${n.priority} · ${l.group(n.groupSize ?? n.events.length, first.classification.code, first.job.vaultName ?? '?')}`;
  return `${n.priority} · ${l.kind[n.kind]}`;
}
