import { app, type InvocationContext, type Timer } from '@azure/functions';

import { sharedNotifications, type NotificationRuntime } from '../src/adapters/notificationRuntime.js';
import { loadSettings } from '../src/config/settings.js';
import { redeliver as redeliverDue } from '../src/pipeline/deliver.js';

// Every setting, the host's too, checked as the app loads: a misconfigured app fails at start, naming each one;
// a wrong webhook setting only turns delivery off, and this timer says why.
const settings = loadSettings(process.env, 'all');

/**
 * Timer (every 2 minutes): sends the outbox messages that are due again (1 min, 5 min, 30 min,
 * 2 h, then every 5 h), and dead-letters those older than OUTBOX_MAX_AGE_HOURS, visibly.
 */
export async function redeliver(
  _timer: Timer,
  context: InvocationContext,
  open: () => Promise<NotificationRuntime> = () => sharedNotifications(settings.notify),
): Promise<void> {
  const { store, deliver, maxAgeMs } = await open();
  if (settings.notify.problems !== undefined) {
    context.error(`Webhook delivery is off: ${settings.notify.problems.join(' ')} Notifications wait in the outbox.`);
    return;
  }
  if (deliver === undefined) {
    context.warn('WEBHOOK_URL is not set: notifications wait in the outbox.');
    return;
  }
  const counts = await redeliverDue(store, deliver, { policy: { maxAgeMs } });
  context.info(JSON.stringify({ kind: 'redelivery', ...counts }));
  if (counts.dead > 0)
    context.error(
      `${counts.dead} notification(s) dead-lettered after ${Math.round(maxAgeMs / 3_600_000)} h: see the outbox table (status "dead").`,
    );
}

app.timer('redeliver', { schedule: '0 */2 * * * *', handler: (timer, context) => redeliver(timer, context) });
