import { TableStore } from '../src/adapters/tableStore.js';
import { handleDashboard } from '../src/dashboard/dashboardApi.js';

/**
 * One dashboard request in a process of its own, for `bench/dashboard.ts`: one JSON line with the
 * status, the wall time, the answer's size and the process's peak resident memory before and after.
 */
const [path = 'summary', query = '{}'] = process.argv.slice(2);
const store = new TableStore(
  { connectionString: process.env['STATE_STORAGE_CONNECTION_STRING']! },
  { prefix: process.env['TABLE_PREFIX'] ?? '' },
);
const baseRssKb = process.resourceUsage().maxRSS;
const started = performance.now();
const response = await handleDashboard(
  { path, query: new URLSearchParams(JSON.parse(query) as Record<string, string>) },
  { store: () => Promise.resolve(store), lang: 'en', rpoHours: 24, now: () => new Date('2026-11-25T12:00:00Z') },
);
const ms = performance.now() - started;
const body = (response.headers['content-type']?.startsWith('application/json') ? JSON.parse(response.body) : {}) as {
  day?: { totals?: { failedJobs?: number } };
  items?: unknown[];
  error?: { code?: string };
};
const says =
  body.day?.totals?.failedJobs !== undefined
    ? `${body.day.totals.failedJobs.toLocaleString('en')} failed jobs counted`
    : body.items !== undefined
      ? `${body.items.length} rows`
      : (body.error?.code ?? 'the page');
process.stdout.write(
  JSON.stringify({
    status: response.status,
    ms,
    bytes: Buffer.byteLength(response.body),
    maxRssKb: process.resourceUsage().maxRSS,
    baseRssKb,
    says,
  }),
);
