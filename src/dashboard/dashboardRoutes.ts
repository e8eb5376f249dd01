/** How people reach the dashboard in Azure (setting DASHBOARD_AUTH). */
export type DashboardAuth = 'key' | 'entra';

export interface DashboardRoute {
  /** Function name in the Function App. */
  name: string;
  /** Route under `/api/`. */
  route: string;
  authLevel: 'anonymous' | 'function';
}

const ROUTES = [
  { name: 'dashboardPage', route: 'dashboard', data: false },
  { name: 'dashboardAssets', route: 'dashboard/assets/{name}', data: false },
  { name: 'findings', route: 'findings', data: true },
  { name: 'findingDetails', route: 'findings/{key}', data: true },
  { name: 'events', route: 'events', data: true },
  { name: 'eventDetails', route: 'events/{day}/{id}', data: true },
  { name: 'summary', route: 'summary', data: true },
] as const;

/**
 * The dashboard's HTTP functions and who may call each. With `key`, the routes that return data need
 * a function key (the page sends it as `x-functions-key`, so the `code` query parameter stays the
 * error-code filter); the page and its assets are the files of static/, the same for everyone, and
 * a browser cannot add a header to the requests that load them, so they need none. With `entra`,
 * App Service authentication stands in front of every route and Microsoft's guidance is to set the
 * functions to `anonymous` ("Secure an HTTP endpoint in production", Azure Functions HTTP trigger).
 */
export function dashboardRoutes(auth: DashboardAuth): DashboardRoute[] {
  return ROUTES.map(({ name, route, data }) => ({
    name,
    route,
    authLevel: auth === 'key' && data ? 'function' : 'anonymous',
  }));
}
