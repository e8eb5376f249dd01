import type { Lang } from '../types.js';
import { counted, formatTime } from './typography.js';

/** Fixed words of the digest, per language; counts carry their noun so plurals are right in both. */
export const DIGEST_LABELS = {
  en: {
    subject: (day: string, failed: number, open: number) =>
      failed === 0 && open === 0
        ? `Azure Backup: all clear on ${day}`
        : `Azure Backup on ${day}: ${counted(failed, 'failed job', 'failed jobs', 'en')}, ${counted(open, 'open finding', 'open findings', 'en')}`,
    title: (day: string) => `Azure VM backups — ${day}`,
    allClear: 'All clear: no backup failed, and nothing is still open.',
    failedJobs: (n: number) => counted(n, 'failed job', 'failed jobs', 'en'),
    findings: (n: number) => counted(n, 'finding', 'findings', 'en'),
    jobsCount: (n: number) => counted(n, 'job', 'jobs', 'en'),
    newFindings: (n: number) => `${n} new`,
    recurring: (n: number) => `${n} recurring`,
    resolved: (n: number) => `${n} resolved`,
    openNow: (n: number) => `${n} open now`,
    byPriority: 'By priority',
    byCode: 'By error code',
    byVault: 'By vault',
    atRisk: (rpo: number) => `Also past the ${rpo} h RPO`,
    open: 'Still open, worst first',
    trend: 'Failed jobs, last 8 days',
    change: (percent: number | null) =>
      percent === null
        ? 'no failures in the 7 days before'
        : `${percent >= 0 ? '+' : ''}${percent} % against the 7-day average`,
    day: 'Day',
    code: 'Code',
    jobs: 'Jobs',
    vault: 'Vault',
    vm: 'VM',
    priority: 'Priority',
    asOf: (at: string) => `Figures as of ${formatTime(at, 'en')}.`,
    openFor: (age: string) => `open for ${age}`,
    withoutBackup: (age: string) => `no successful backup for ${age}`,
    pastRpo: 'past the RPO',
    hours: (h: number) => (h >= 48 ? `${Math.round(h / 24)} days` : `${h} h`),
    firstAction: 'First action',
    more: (n: number) => `…and ${n} more in the dashboard`,
    moreText: (n: number) => `…and ${n} more`,
    dashboard: 'Open the dashboard',
    footer:
      'Sent by azure-backup-triage. Counts: a finding is one backup item failing with one code; its repeats count once.',
  },
  fr: {
    subject: (day: string, failed: number, open: number) =>
      failed === 0 && open === 0
        ? `Azure Backup : rien à signaler le ${day}`
        : `Azure Backup le ${day} : ${counted(failed, 'travail en échec', 'travaux en échec', 'fr')}, ${counted(open, 'constat ouvert', 'constats ouverts', 'fr')}`,
    title: (day: string) => `Sauvegardes des VM Azure — ${day}`,
    allClear: 'Rien à signaler : aucune sauvegarde en échec, rien d’ouvert.',
    failedJobs: (n: number) => counted(n, 'travail en échec', 'travaux en échec', 'fr'),
    findings: (n: number) => counted(n, 'constat', 'constats', 'fr'),
    jobsCount: (n: number) => counted(n, 'travail', 'travaux', 'fr'),
    newFindings: (n: number) => counted(n, 'nouveau', 'nouveaux', 'fr'),
    recurring: (n: number) => counted(n, 'récurrent', 'récurrents', 'fr'),
    resolved: (n: number) => counted(n, 'résolu', 'résolus', 'fr'),
    openNow: (n: number) => counted(n, 'ouvert', 'ouverts', 'fr'),
    byPriority: 'Par priorité',
    byCode: 'Par code d’erreur',
    byVault: 'Par coffre',
    atRisk: (rpo: number) => `Également au-delà du RPO de ${rpo} h`,
    open: 'Toujours ouverts, les plus graves d’abord',
    trend: 'Travaux en échec, 8 derniers jours',
    change: (percent: number | null) =>
      percent === null
        ? 'aucun échec les 7 jours précédents'
        : `${percent >= 0 ? '+' : ''}${percent} % par rapport à la moyenne sur 7 jours`,
    day: 'Jour',
    code: 'Code',
    jobs: 'Travaux',
    vault: 'Coffre',
    vm: 'VM',
    priority: 'Priorité',
    asOf: (at: string) => `Chiffres au ${formatTime(at, 'fr')}.`,
    openFor: (age: string) => `ouvert depuis ${age}`,
    withoutBackup: (age: string) => `aucune sauvegarde réussie depuis ${age}`,
    pastRpo: 'au-delà du RPO',
    hours: (h: number) => (h >= 48 ? `${Math.round(h / 24)} jours` : `${h} h`),
    firstAction: 'Première action',
    more: (n: number) => `…et ${n} de plus dans le tableau de bord`,
    moreText: (n: number) => `…et ${n} de plus`,
    dashboard: 'Ouvrir le tableau de bord',
    footer:
      'Envoyé par azure-backup-triage. Comptes : un constat est un élément sauvegardé en échec avec un code ; ses répétitions comptent une fois.',
  },
} as const satisfies Record<Lang, unknown>;
