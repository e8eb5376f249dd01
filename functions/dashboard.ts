import { app } from '@azure/functions';

import { sharedNotifications } from '../src/adapters/notificationRuntime.js';
import { loadSettings } from '../src/config/settings.js';
import { dashboardRoutes } from '../src/dashboard/dashboardRoutes.js';
import { createDashboard } from '../src/dashboard/httpDashboard.js';

export { createDashboard };

// Every setting, the host's too, checked as the app loads: a misconfigured app fails at start, naming each one.
const settings = loadSettings(process.env, 'all');

/** The registered handler: the Function App's own tables, read with its managed identity. */
export const dashboard = createDashboard(
  {
    store: async () => (await sharedNotifications(settings.notify)).store,
    lang: settings.lang,
    rpoHours: settings.thresholds.rpoHours,
  },
  { requirePrincipal: settings.dashboard.auth === 'entra' },
);

// Data behind the function key (x-functions-key), or everything behind Microsoft Entra ID sign-in (DASHBOARD_AUTH).
for (const { name, route, authLevel } of dashboardRoutes(settings.dashboard.auth)) {
  app.http(name, { route, methods: ['GET'], authLevel, handler: dashboard });
}
