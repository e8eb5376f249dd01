import { HttpRequest, InvocationContext } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { dashboardRoutes } from '../../src/dashboard/dashboardRoutes.js';
import { createDashboard } from '../../src/dashboard/httpDashboard.js';

const context = new InvocationContext({ functionName: 'dashboardPage', invocationId: 'auth-test' });
const dashboard = createDashboard(
  {
    store: () => Promise.reject(new Error('the page needs no store')),
    lang: 'en',
    rpoHours: 24,
  },
  { requirePrincipal: true },
);
const page = (headers: Record<string, string> = {}) =>
  dashboard(
    new HttpRequest({ method: 'GET', url: 'https://func-triage.azurewebsites.net/api/dashboard', headers }),
    context,
  );

describe('dashboard access', () => {
  it('with keys, asks a function key of the data routes only', () => {
    expect(Object.fromEntries(dashboardRoutes('key').map((r) => [r.route, r.authLevel]))).toEqual({
      dashboard: 'anonymous',
      'dashboard/assets/{name}': 'anonymous',
      findings: 'function',
      'findings/{key}': 'function',
      events: 'function',
      'events/{day}/{id}': 'function',
      summary: 'function',
    });
  });

  it('with Microsoft Entra ID in front, takes no key and refuses what App Service did not sign in', async () => {
    expect(new Set(dashboardRoutes('entra').map((r) => r.authLevel))).toEqual(new Set(['anonymous']));
    const refused = await page();
    expect(refused.status).toBe(401);
    expect(refused.body as string).toMatch(/App Service authentication did not sign this request in/);
    const served = await page({ 'x-ms-client-principal-id': '2f5c3a8e-6b1d-4e3f-9a7c-0d1e2f3a4b5c' });
    expect(served.status).toBe(200);
    expect(served.body as string).toMatch(/<html/i);
  });
});
