import { app } from '@azure/functions';

import { sharedNotifications } from '../src/adapters/notificationRuntime.js';
import { loadSettings } from '../src/config/settings.js';
import { createDashboard } from '../src/dashboard/httpDashboard.js';

export { createDashboard };

// Every setting, the host's too, checked as the app loads: a misconfigured app fails at start, naming each one.
const settings = loadSettings(process.env, 'all');

/** The registered handler: the Function App's own tables, read with its managed identity. */
export const dashboard = createDashboard({
  store: async () => (await sharedNotifications(settings.notify)).store,
  lang: settings.lang,
  rpoHours: settings.thresholds.rpoHours,
});

// Behind the function key (or App Service authentication in front with authLevel anonymous).
for (const [name, route] of [
  ['dashboardPage', 'dashboard'],
  ['dashboardAssets', 'dashboard/assets/{name}'],
  ['events', 'events'],
  ['eventDetails', 'events/{day}/{id}'],
  ['summary', 'summary'],
] as const) {
  app.http(name, { route, methods: ['GET'], authLevel: 'function', handler: dashboard });
}
