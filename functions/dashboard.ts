import { app } from '@azure/functions';

import { openNotifications } from '../src/adapters/notificationRuntime.js';
import type { TableStore } from '../src/adapters/tableStore.js';
import { loadSettings } from '../src/config/settings.js';
import { createDashboard } from '../src/dashboard/httpDashboard.js';

export { createDashboard };

// Every setting, the host's too, checked as the app loads: a misconfigured app fails at start, naming each one.
const settings = loadSettings(process.env, 'all');
let store: Promise<TableStore> | undefined;

/** The registered handler: the Function App's own tables, read with its managed identity. */
export const dashboard = createDashboard({
  store: () => (store ??= openNotifications(settings.notify).then((runtime) => runtime.store)),
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
