import { reads } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe } from '../probe.js';

const CAUSE = 'multiple-backups-per-day';
const HOUR = 3_600_000;

/** The item's last 7 days in Log Analytics: backups a day, failures in a row, last success. */
export const historyProbe: Probe = {
  name: 'history',
  tests: [CAUSE],
  plan: (t, context) =>
    context.workspaceId !== undefined && t.backupItemUniqueId !== undefined
      ? [reads.history(context.workspaceId, [t.backupItemUniqueId])]
      : [],
  evaluate(t, readings, context) {
    if (context.workspaceId === undefined || t.backupItemUniqueId === undefined) {
      const why =
        context.workspaceId === undefined
          ? 'LOG_ANALYTICS_WORKSPACE_ID is not set'
          : 'the event has no BackupItemUniqueId';
      return {
        status: 'skipped',
        error: why,
        verdicts: [{ causeId: CAUSE, verdict: 'unknown', evidence: evidence('history', `history not read: ${why}`) }],
      };
    }
    const read = readOf(readings, reads.history(context.workspaceId, [t.backupItemUniqueId]));
    if (!read.ok) return failedOutcome(this, read);
    const row = read.value.find(
      (entry) => entry.backupItemUniqueId.toLowerCase() === t.backupItemUniqueId!.toLowerCase(),
    );
    if (row === undefined) {
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'unknown',
            evidence: evidence(
              'history',
              `no job of this item in the workspace for 7 days: do the vault's diagnostics reach it?`,
              read,
            ),
          },
        ],
      };
    }
    const hours = row.lastSuccessAt !== null ? (context.now.getTime() - Date.parse(row.lastSuccessAt)) / HOUR : 7 * 24;
    const values = { ...row };
    const verdict = row.backupsLast24h >= 2 ? 'confirmed' : 'ruled_out';
    const summary = `${row.backupsLast24h} backup${row.backupsLast24h === 1 ? '' : 's'} of ${t.vmName} in the last 24 h; ${row.failuresSinceSuccess} failure${row.failuresSinceSuccess === 1 ? '' : 's'} since the last success (${row.lastSuccessAt ?? 'none in 7 days'})`;
    return {
      status: 'ok',
      verdicts: [{ causeId: CAUSE, verdict, evidence: evidence('history', summary, read, values) }],
      history: {
        consecutiveFailures: Math.max(1, row.failuresSinceSuccess),
        hoursSinceLastSuccess: Math.max(0, hours),
      },
    };
  },
};
