import type { Lang } from '../../core/types.js';
import { reads } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe } from '../probe.js';

const CAUSE = 'backup-in-progress';

const TEXT = {
  en: {
    noVault: 'the event names no vault',
    stateUnknown: (why: string) => `state unknown: ${why}`,
    running: (job: string, vm: string, since: string | undefined, vault: string) =>
      `backup job ${job} of ${vm} is still running${since ? ` since ${since}` : ''} in vault ${vault}`,
    finished: (vm: string, vault: string) =>
      `no backup of ${vm} is running now in vault ${vault}: the one in the way has finished, retry`,
  },
  fr: {
    noVault: 'l’événement ne nomme aucun coffre',
    stateUnknown: (why: string) => `état inconnu : ${why}`,
    running: (job: string, vm: string, since: string | undefined, vault: string) =>
      `le travail de sauvegarde ${job} de ${vm} est toujours en cours${since ? ` depuis ${since}` : ''} dans le coffre ${vault}`,
    finished: (vm: string, vault: string) =>
      `aucune sauvegarde de ${vm} n’est en cours dans le coffre ${vault} : celle qui gênait est terminée, réessayez`,
  },
} as const satisfies Record<Lang, unknown>;

/** Backup jobs still running in the vault for this VM. */
export const jobInProgressProbe: Probe = {
  name: 'job-in-progress',
  tests: [CAUSE],
  plan: (t) =>
    t.vaultName !== undefined && t.vaultResourceGroup !== undefined
      ? [reads.runningJobs(t.vaultSubscriptionId ?? t.subscriptionId, t.vaultResourceGroup, t.vaultName)]
      : [],
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    if (t.vaultName === undefined || t.vaultResourceGroup === undefined) {
      return {
        status: 'skipped',
        error: m.noVault,
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'unknown',
            evidence: { ...evidence('job-in-progress', m.stateUnknown(m.noVault)), unread: true },
          },
        ],
      };
    }
    const read = readOf(
      readings,
      reads.runningJobs(t.vaultSubscriptionId ?? t.subscriptionId, t.vaultResourceGroup, t.vaultName),
    );
    if (!read.ok) return failedOutcome(this, read, context.lang);
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
            verdict: 'implicated',
            evidence: evidence(
              'job-in-progress',
              m.running(job.name ?? '?', t.vmName, since, t.vaultName),
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
          evidence: evidence('job-in-progress', m.finished(t.vmName, t.vaultName), read, values),
        },
      ],
    };
  },
};
