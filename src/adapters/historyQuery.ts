/** Backup item ids are `<region>;<id>;<container>;<group>;<name>`: anything else is not sent to KQL. */
const SAFE_ITEM = /^[A-Za-z0-9;._()\- ]{1,512}$/;

/**
 * The one Log Analytics query of a batch: for each backup item, its last success, the failures
 * since, and the backups of the last 24 hours, from the AddonAzureBackupJobs table (7 days).
 */
export function toHistoryQuery(items: readonly string[]): string {
  const list = JSON.stringify(items.filter((item) => SAFE_ITEM.test(item)).map((item) => item.toLowerCase()));
  return [
    `let items = dynamic(${list});`,
    'let jobs = AddonAzureBackupJobs',
    '| where TimeGenerated > ago(7d) and JobOperation == "Backup"',
    '| extend key = tolower(BackupItemUniqueId), ok = JobStatus in ("Completed", "CompletedWithWarnings")',
    '| where key in (items);',
    'jobs',
    '| summarize lastSuccess = maxif(JobStartDateTime, ok) by key',
    '| join kind=rightouter (jobs) on key',
    '| summarize lastSuccess = take_any(lastSuccess), failuresSinceSuccess = countif(not(ok) and (isnull(lastSuccess) or JobStartDateTime > lastSuccess)), backupsLast24h = countif(JobStartDateTime > ago(24h)) by backupItemUniqueId = key1',
  ].join('\n');
}
