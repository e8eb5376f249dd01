import { app, type InvocationContext, type Timer } from '@azure/functions';

import { sharedNotifications } from '../src/adapters/notificationRuntime.js';
import { sendDigestMail } from '../src/adapters/smtpMailer.js';
import type { TableStore } from '../src/adapters/tableStore.js';
import { loadSettings, type Settings } from '../src/config/settings.js';
import { addDays, utcDay } from '../src/core/days.js';
import { buildDigest, previousUtcDay } from '../src/pipeline/digest.js';

export interface DailyDigestDeps {
  settings: Settings;
  store: () => Promise<TableStore>;
  now?: () => Date;
  send?: typeof sendDigestMail;
}

/**
 * Timer (`%DIGEST_SCHEDULE%`, UTC): the digest of the previous UTC day, sent by SMTP, then the
 * retention clean-up. A day with no failures still sends a short "all clear" unless
 * DIGEST_ALL_CLEAR=false.
 */
export function createDailyDigest(deps: DailyDigestDeps) {
  return async function dailyDigest(_timer: Timer, context: InvocationContext): Promise<void> {
    const now = (deps.now ?? (() => new Date()))();
    const { settings } = deps;
    const store = await deps.store();
    const day = previousUtcDay(now);
    const { summary, rendered } = await buildDigest(store, {
      day,
      lang: settings.lang,
      rpoHours: settings.thresholds.rpoHours,
      now,
      ...(settings.digest.dashboardUrl !== undefined && { dashboardUrl: settings.digest.dashboardUrl }),
    });
    if (settings.digest.problems !== undefined)
      context.error(`The digest is not sent: ${settings.digest.problems.join(' ')}`);
    else if (settings.digest.smtp === undefined || settings.digest.to.length === 0)
      context.warn('SMTP_HOST or DIGEST_TO is not set: the digest is not sent.');
    else if (summary.allClear && !settings.digest.allClear)
      context.info(`Nothing to report for ${day}; DIGEST_ALL_CLEAR=false.`);
    else {
      const sent = await (deps.send ?? sendDigestMail)(
        { ...settings.digest.smtp, from: settings.digest.from, to: settings.digest.to },
        rendered,
      );
      context.info(JSON.stringify({ kind: 'digest', day, subject: rendered.subject, accepted: sent.accepted.length }));
    }
    const cutoff = addDays(utcDay(now), -settings.digest.retentionDays);
    const deleted = await store.deleteBefore(cutoff);
    if (deleted > 0) context.info(JSON.stringify({ kind: 'retention', before: cutoff, deleted }));
  };
}

// Every setting, the host's too, checked as the app loads: a misconfigured app fails at start, naming each one;
// a wrong mail setting only turns the digest mail off, and this timer says why.
const settings = loadSettings(process.env, 'all');

export const dailyDigest = createDailyDigest({
  settings,
  store: async () => (await sharedNotifications(settings.notify)).store,
});

app.timer('dailyDigest', { schedule: '%DIGEST_SCHEDULE%', handler: dailyDigest });
