import type { RejectionReason } from '../types.js';
import type { Lang } from '../types.js';
import { counted, labelled, quoted } from './typography.js';

/** Why an input was rejected, in French: the reason's own sentence (the English one is the record's `detail`). */
function rejectionFr(reason: RejectionReason): string {
  const field = reason.includes(':') ? reason.slice(reason.indexOf(':') + 1) : '';
  if (reason.startsWith('missing_field:')) return `il manque le champ ${quoted('fr', field)} à l’enregistrement.`;
  if (reason.startsWith('invalid_field:')) return `le champ ${quoted('fr', field)} n’a pas la forme attendue.`;
  const sentences: Record<string, string> = {
    empty_body: 'le corps est vide.',
    invalid_utf8: 'le corps n’est pas de l’UTF-8 valide.',
    invalid_json: 'le corps n’est pas du JSON valide ; il est peut-être tronqué.',
    too_large: 'le corps dépasse la taille acceptée.',
    too_many_records: 'l’enveloppe contient trop d’enregistrements.',
    too_deep: 'l’enregistrement est trop imbriqué.',
    unknown_shape:
      'la forme du corps n’est pas reconnue (ni journal de ressources, ni alerte, ni enregistrement de travail).',
    unsupported_type: 'le type du corps n’est pas pris en charge.',
    internal_error: 'erreur interne à la lecture de cet enregistrement ; il est conservé.',
  };
  return sentences[reason] ?? 'enregistrement refusé.';
}

/** The words of `npm start` around the findings, per language. */
export const DEMO_LABELS = {
  en: {
    intro: (bodies: number, dir: string) => `azure-backup-triage — ${bodies} sample bodies from ${dir}`,
    replayed: (file: string) => `Azure state replayed from ${file} (local HTTPS, real SDK clients)`,
    successes: (names: string) => `Successful backups (they resolve open findings): ${names}`,
    rejected: (n: number) => `Rejected and kept (${n}):`,
    rejection: (reason: RejectionReason, where: string, detail: string) => `  - ${reason} (${where}): ${detail}`,
    where: (file: string, record: number | undefined) => `${file}${record !== undefined ? `, record ${record}` : ''}`,
    body: (n: number) => `body ${n}`,
    records: (records: number, findings: number, resolutions: number, ignored: number, rejected: number, ms: number) =>
      `Records: ${records} = ${findings} findings + ${resolutions} resolutions + ${ignored} ignored + ${rejected} rejected (${ms} ms)`,
    received: (url: string) =>
      `Notifications (generic JSON, signed per Standard Webhooks) received by a local webhook at ${url}:`,
    kind: { new: 'new', update: 'update', resolved: 'resolved', group: 'group' } as Record<string, string>,
    webhook: (id: string, signed: boolean) => `webhook-id ${id}, signed: ${signed}`,
    messages: (n: { new: number; update: number; resolved: number; group: number }, quiet: number) =>
      `${n.new} new, ${n.update} update, ${n.resolved} resolved, ${n.group} group; ${quiet} below the threshold or repeats stayed quiet; state kept in Azurite (in memory).`,
    lookups: (reads: number, requests: number, cached: number, outcomes: string) =>
      `Lookups: ${reads} distinct reads, ${requests} HTTP requests, ${cached} from cache; ${outcomes}`,
    outcome: (status: string, n: number) =>
      `${n} ${({ ok: 'ok', failed: 'failed', skipped: 'skipped', timed_out: 'timed out' } as Record<string, string>)[status] ?? status}`,
    digest: (subject: string, path: string) => `Daily digest "${subject}" written to ${path} (and digest.txt)`,
    serving: (url: string) => `Dashboard: ${url}  (Ctrl+C to stop)`,
    served: (url: string) => `Dashboard: ${url}  (served while running; npm start -- --serve keeps it up)`,
    rejectionText: (_reason: RejectionReason, detail: string) => detail,
  },
  fr: {
    intro: (bodies: number, dir: string) =>
      `azure-backup-triage — ${counted(bodies, 'corps d’exemple', 'corps d’exemple', 'fr')} lus dans ${dir}`,
    replayed: (file: string) => `État Azure rejoué depuis ${file} (HTTPS local, vrais clients du SDK)`,
    successes: (names: string) =>
      `${labelled('fr', 'Sauvegardes réussies (elles résolvent les constats ouverts)')}${names}`,
    rejected: (n: number) => `${labelled('fr', `Refusés et conservés (${n})`).trimEnd()}`,
    rejection: (reason: RejectionReason, where: string, detail: string) =>
      `  - ${quoted('fr', reason)} (${where})\u00a0: ${detail}`,
    where: (file: string, record: number | undefined) =>
      `${file}${record !== undefined ? `, enregistrement ${record}` : ''}`,
    body: (n: number) => `corps ${n}`,
    records: (records: number, findings: number, resolutions: number, ignored: number, rejected: number, ms: number) =>
      `${labelled('fr', 'Enregistrements')}${records} = ${counted(findings, 'échec', 'échecs', 'fr')} + ${counted(resolutions, 'réussite', 'réussites', 'fr')} + ${counted(ignored, 'ignoré', 'ignorés', 'fr')} + ${counted(rejected, 'refusé', 'refusés', 'fr')} (${ms} ms)`,
    received: (url: string) =>
      `${labelled('fr', `Notifications (JSON générique, signé selon Standard Webhooks) reçues par un webhook local à ${url}`).trimEnd()}`,
    kind: { new: 'nouveau', update: 'mise à jour', resolved: 'résolu', group: 'groupe' } as Record<string, string>,
    webhook: (id: string, signed: boolean) => `webhook-id ${id}, ${signed ? 'signé' : 'non signé'}`,
    messages: (n: { new: number; update: number; resolved: number; group: number }, quiet: number) =>
      `${counted(n.new, 'nouveau', 'nouveaux', 'fr')}, ${counted(n.update, 'mise à jour', 'mises à jour', 'fr')}, ${counted(n.resolved, 'résolu', 'résolus', 'fr')}, ${counted(n.group, 'groupe', 'groupes', 'fr')} ; ${quiet} sous le seuil ou répétitions passées sous silence ; état conservé dans Azurite (en mémoire).`,
    lookups: (reads: number, requests: number, cached: number, outcomes: string) =>
      `${labelled('fr', 'Vérifications')}${counted(reads, 'lecture distincte', 'lectures distinctes', 'fr')}, ${counted(requests, 'requête HTTP', 'requêtes HTTP', 'fr')}, ${cached} depuis le cache ; ${outcomes}`,
    outcome: (status: string, n: number) => {
      const forms: Record<string, [string, string]> = {
        ok: ['réussie', 'réussies'],
        failed: ['en échec', 'en échec'],
        skipped: ['sautée', 'sautées'],
        timed_out: ['expirée', 'expirées'],
      };
      const [one, other] = forms[status] ?? [status, status];
      return counted(n, one, other, 'fr');
    },
    digest: (subject: string, path: string) =>
      `Synthèse du jour ${quoted('fr', subject)} écrite dans ${path} (et digest.txt)`,
    serving: (url: string) => `${labelled('fr', 'Tableau de bord')}${url}  (Ctrl+C pour arrêter)`,
    served: (url: string) =>
      `${labelled('fr', 'Tableau de bord')}${url}  (servi pendant l’exécution ; npm start -- --serve le garde ouvert)`,
    rejectionText: (reason: RejectionReason, _detail: string) => rejectionFr(reason),
  },
} as const satisfies Record<Lang, unknown>;
