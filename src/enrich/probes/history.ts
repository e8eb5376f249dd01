import type { Lang } from '../../core/types.js';
import { reads } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe } from '../probe.js';

const CAUSE = 'multiple-backups-per-day';
/** How far back the history query looks (adapters/historyQuery.ts). */
const WINDOW_HOURS = 7 * 24;

const TEXT = {
  en: {
    noWorkspace: 'LOG_ANALYTICS_WORKSPACE_ID is not set',
    noItem: 'the event has no BackupItemUniqueId',
    notRead: (why: string) => `history not read: ${why}`,
    noJobs: `no job of this item in the workspace for 7 days: do the vault's diagnostics reach it?`,
    summary: (backups: number, vm: string, failures: number, last: string | null) =>
      `${backups} backup${backups === 1 ? '' : 's'} of ${vm} in the last 24 h; ${failures} failure${failures === 1 ? '' : 's'} since the last success (${last ?? 'none in 7 days'})`,
  },
  fr: {
    noWorkspace: 'LOG_ANALYTICS_WORKSPACE_ID n’est pas défini',
    noItem: 'l’événement n’a pas de BackupItemUniqueId',
    notRead: (why: string) => `historique non lu : ${why}`,
    noJobs:
      'aucun travail de cet élément dans l’espace de travail depuis 7 jours : les diagnostics du coffre y arrivent-ils ?',
    summary: (backups: number, vm: string, failures: number, last: string | null) =>
      `${backups} sauvegarde${backups > 1 ? 's' : ''} de ${vm} sur les dernières 24 h ; ${failures} échec${failures > 1 ? 's' : ''} depuis la dernière réussite (${last ?? 'aucune depuis 7 jours'})`,
  },
} as const satisfies Record<Lang, unknown>;

/**
 * The item's last 7 days in Log Analytics: backups a day, failures in a row, and the last success
 * itself (the time since it is computed once, by `hoursSinceLastSuccess`, as of the reader's time).
 * Several backups a day are `present`: they fail a backup only with the restore points at the limit.
 */
export const historyProbe: Probe = {
  name: 'history',
  tests: [CAUSE],
  plan: (t, context) =>
    context.workspaceId !== undefined && t.backupItemUniqueId !== undefined
      ? [reads.history(context.workspaceId, [t.backupItemUniqueId])]
      : [],
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    if (context.workspaceId === undefined || t.backupItemUniqueId === undefined) {
      const why = context.workspaceId === undefined ? m.noWorkspace : m.noItem;
      return {
        status: 'skipped',
        error: why,
        verdicts: [
          { causeId: CAUSE, verdict: 'unknown', evidence: { ...evidence('history', m.notRead(why)), unread: true } },
        ],
      };
    }
    const read = readOf(readings, reads.history(context.workspaceId, [t.backupItemUniqueId]));
    if (!read.ok) return failedOutcome(this, read, context.lang);
    const row = read.value.find(
      (entry) => entry.backupItemUniqueId.toLowerCase() === t.backupItemUniqueId!.toLowerCase(),
    );
    if (row === undefined) {
      return {
        status: 'ok',
        verdicts: [{ causeId: CAUSE, verdict: 'unknown', evidence: evidence('history', m.noJobs, read) }],
      };
    }
    const values = { ...row };
    const verdict = row.backupsLast24h >= 2 ? 'present' : 'ruled_out';
    const summary = m.summary(row.backupsLast24h, t.vmName, row.failuresSinceSuccess, row.lastSuccessAt);
    return {
      status: 'ok',
      verdicts: [{ causeId: CAUSE, verdict, evidence: evidence('history', summary, read, values) }],
      history: {
        consecutiveFailures: Math.max(1, row.failuresSinceSuccess),
        lastSuccess:
          row.lastSuccessAt !== null
            ? { at: row.lastSuccessAt, source: 'history-lookup' }
            : { at: null, source: 'history-lookup', windowHours: WINDOW_HOURS },
      },
    };
  },
};
