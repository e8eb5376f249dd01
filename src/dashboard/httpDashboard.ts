import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { handleDashboard, type DashboardDeps } from './dashboardApi.js';

export interface HttpDashboardOptions {
  /**
   * Refuse (401) a request that App Service authentication did not sign in: it sets
   * `x-ms-client-principal-id`, a header external requests cannot set ("Work with user identities
   * in Azure App Service authentication"). Set when DASHBOARD_AUTH=entra, so the routes, anonymous
   * for the Functions host, stay closed if authentication is ever turned off.
   */
  requirePrincipal?: boolean;
}

/** The dashboard's routes as one Functions HTTP handler, so the host and the local server run the same code. */
export function createDashboard(deps: DashboardDeps, options: HttpDashboardOptions = {}) {
  return async function dashboard(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
    if (options.requirePrincipal === true && !request.headers.get('x-ms-client-principal-id'))
      return {
        status: 401,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: JSON.stringify({
          error: {
            code: 'Unauthenticated',
            message:
              'DASHBOARD_AUTH is entra but App Service authentication did not sign this request in: check the app’s Authentication settings (Microsoft provider, require authentication).',
          },
        }),
      };
    const url = new URL(request.url);
    const response = await handleDashboard(
      { path: url.pathname.replace(/^\/api\//, ''), query: url.searchParams },
      deps,
    );
    return { status: response.status, headers: response.headers, body: response.body };
  };
}
