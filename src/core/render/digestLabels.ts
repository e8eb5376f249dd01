import type { Lang } from '../types.js';

export const DIGEST_LABELS = {
  en: {
    subject: (day: string, failed: number, open: number) =>
      failed === 0 && open === 0
        ? `Azure Backup: all clear on ${day}`
        : `Azure Backup on ${day}: ${failed} failed job${failed === 1 ? '' : 's'}, ${open} open finding${open === 1 ? '' : 's'}`,
    title: (day: string) => `Azure VM backups — ${day}`,
    allClear: 'All clear: no backup failed, and nothing is still open.',
    failedJobs: 'failed jobs',
    findings: 'findings',
    items: 'items',
    newFindings: 'new',
    recurring: 'recurring',
    resolved: 'resolved',
    openNow: 'open now',
    byPriority: 'By priority',
    byCode: 'By error code',
    byVault: 'By vault',
    atRisk: (rpo: number) => `Items without a successful backup for more than ${rpo} h`,
    open: 'Still open',
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
    age: 'Open for',
    sinceSuccess: 'No successful backup for',
    unknown: 'not known',
    asOf: (at: string) => `Figures as of ${at.slice(0, 16).replace('T', ' ')} UTC.`,
    hours: (h: number) => (h >= 48 ? `${Math.round(h / 24)} days` : `${h} h`),
    firstAction: 'First action',
    more: (n: number) => `…and ${n} more in the dashboard`,
    footer:
      'Sent by azure-backup-triage. Counts: a finding is one backup item failing with one code; its repeats count once.',
  },
  fr: {
    subject: (day: string, failed: number, open: number) =>
      failed === 0 && open === 0
        ? `Azure Backup : rien à signaler le ${day}`
        : `Azure Backup le ${day} : ${failed} travail${failed > 1 ? 'x' : ''} en échec, ${open} constat${open > 1 ? 's' : ''} ouvert${open > 1 ? 's' : ''}`,
    title: (day: string) => `Sauvegardes des VM Azure — ${day}`,
    allClear: 'Rien à signaler : aucune sauvegarde en échec, rien d’ouvert.',
    failedJobs: 'travaux en échec',
    findings: 'constats',
    items: 'éléments',
    newFindings: 'nouveaux',
    recurring: 'récurrents',
    resolved: 'résolus',
    openNow: 'ouverts',
    byPriority: 'Par priorité',
    byCode: 'Par code d’erreur',
    byVault: 'Par coffre',
    atRisk: (rpo: number) => `Éléments sans sauvegarde réussie depuis plus de ${rpo} h`,
    open: 'Toujours ouverts',
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
    age: 'Ouvert depuis',
    sinceSuccess: 'Sans sauvegarde réussie depuis',
    unknown: 'inconnu',
    asOf: (at: string) => `Chiffres au ${at.slice(0, 16).replace('T', ' ')} UTC.`,
    hours: (h: number) => (h >= 48 ? `${Math.round(h / 24)} jours` : `${h} h`),
    firstAction: 'Première action',
    more: (n: number) => `…et ${n} de plus dans le tableau de bord`,
    footer:
      'Envoyé par azure-backup-triage. Comptes : un constat est un élément sauvegardé en échec avec un code ; ses répétitions comptent une fois.',
  },
} as const satisfies Record<Lang, unknown>;
