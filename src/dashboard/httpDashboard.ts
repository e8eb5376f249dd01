import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { handleDashboard, type DashboardDeps } from './dashboardApi.js';

/** The dashboard's routes as one Functions HTTP handler, so the host and the local server run the same code. */
export function createDashboard(deps: DashboardDeps) {
  return async function dashboard(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
    const url = new URL(request.url);
    const response = await handleDashboard(
      { path: url.pathname.replace(/^\/api\//, ''), query: url.searchParams },
      deps,
    );
    return { status: response.status, headers: response.headers, body: response.body };
  };
}
