import type { Lang, Localized } from '../types.js';
import type { ProbeName } from './types.js';

/** What each probe reads, in words: how "Not checked" lines name it (never by its id). */
export const PROBE_TITLES: Readonly<Record<ProbeName, Localized>> = Object.freeze({
  'vm-agent': { en: 'VM agent', fr: 'agent de la VM' },
  'power-state': { en: 'power and provisioning state', fr: 'état d’alimentation et d’approvisionnement' },
  'snapshot-extension': { en: 'VM extensions', fr: 'extensions de la VM' },
  'rp-locks': { en: 'resource group locks', fr: 'verrous des groupes de ressources' },
  'restore-points': { en: 'restore points', fr: 'points de restauration' },
  'disk-size': { en: 'disk sizes', fr: 'taille des disques' },
  'key-vault': { en: 'key vault access', fr: 'accès au coffre de clés' },
  'job-in-progress': { en: 'running backup jobs', fr: 'travaux de sauvegarde en cours' },
  history: { en: 'backup history', fr: 'historique des sauvegardes' },
  'vm-state': { en: 'VM state', fr: 'état de la VM' },
  'extension-deleting': { en: 'backup extension state', fr: 'état de l’extension de sauvegarde' },
  'deny-policy': { en: 'policy assignments', fr: 'affectations de stratégie' },
});

/** A probe's name for people, in `lang`; an unknown name (a newer event) is shown as it is. */
export function probeTitle(name: string, lang: Lang): string {
  return (PROBE_TITLES as Record<string, Localized | undefined>)[name]?.[lang] ?? name;
}
