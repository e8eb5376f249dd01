import { reads } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe } from '../probe.js';

const CAUSE = 'backup-in-progress';

/** Backup jobs still running in the vault for this VM. */
export const jobInProgressProbe: Probe = {
  name: 'job-in-progress',
  tests: [CAUSE],
  plan: (t) =>
    t.vaultName !== undefined && t.vaultResourceGroup !== undefined
      ? [reads.runningJobs(t.vaultSubscriptionId ?? t.subscriptionId, t.vaultResourceGroup, t.vaultName)]
      : [],
  evaluate(t, readings) {
    if (t.vaultName === undefined || t.vaultResourceGroup === undefined) {
      return {
        status: 'skipped',
        error: 'the event names no vault',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'unknown',
            evidence: evidence('job-in-progress', 'state unknown: the event names no vault'),
          },
        ],
      };
    }
    const read = readOf(
      readings,
      reads.runningJobs(t.vaultSubscriptionId ?? t.subscriptionId, t.vaultResourceGroup, t.vaultName),
    );
    if (!read.ok) return failedOutcome(this, read);
    const mine = read.value.filter(
      (job) =>
        job.properties?.entityFriendlyName?.toLowerCase() === t.vmName.toLowerCase() &&
        /^backup$/i.test(job.properties.operation ?? '') &&
        /^inprogress$/i.test(job.properties.status ?? ''),
    );
    const values = { runningJobs: mine.map((job) => ({ job: job.name, startTime: job.properties?.startTime })) };
    if (mine.length > 0) {
      const job = mine[0]!;
      const since =
        job.properties?.startTime instanceof Date ? job.properties.startTime.toISOString() : job.properties?.startTime;
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'confirmed',
            evidence: evidence(
              'job-in-progress',
              `backup job ${job.name} of ${t.vmName} is still running${since ? ` since ${since}` : ''} in vault ${t.vaultName}`,
              read,
              values,
            ),
          },
        ],
      };
    }
    return {
      status: 'ok',
      verdicts: [
        {
          causeId: CAUSE,
          verdict: 'ruled_out',
          evidence: evidence(
            'job-in-progress',
            `no backup of ${t.vmName} is running now in vault ${t.vaultName}: the one in the way has finished, retry`,
            read,
            values,
          ),
        },
      ],
    };
  },
};
