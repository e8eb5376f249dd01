import type { IndexedFinding, TableStore } from '../adapters/tableStore.js';
import { addDays, daysBetween, trendWindow, utcDay } from '../core/days.js';
import { summarizeRange } from '../core/digest/dashboardSummary.js';
import { summarizeDay } from '../core/digest/summarizeDay.js';
import type { Lang } from '../core/types.js';
import { readStatic } from './staticFiles.js';

/** A request as the handlers need it: independent of the Functions host and of Node's http. */
export interface ApiRequest {
  path: string;
  query: URLSearchParams;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface DashboardDeps {
  store: () => Promise<TableStore>;
  lang: Lang;
  rpoHours: number;
  now?: () => Date;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
};

const json = (status: number, value: unknown): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY },
  body: JSON.stringify(value),
});
const bad = (message: string) => json(400, { error: { code: 'BadRequest', message } });

/**
 * The dashboard's routes, shared by the HTTP function and the local server: the page and its own
 * assets, `events` (filters, paging by continuation token), `events/{day}/{id}`, and `summary`.
 */
export async function handleDashboard(request: ApiRequest, deps: DashboardDeps): Promise<ApiResponse> {
  const now = (deps.now ?? (() => new Date()))();
  const path = request.path.replace(/^\/+|\/+$/g, '');
  if (path === 'dashboard') return page('dashboard.html');
  if (path.startsWith('dashboard/assets/')) return page(path.slice('dashboard/assets/'.length));
  if (path === 'events') return events(request.query, deps, now);
  const detail = /^events\/(\d{4}-\d{2}-\d{2})\/([^/]{1,200})$/.exec(path);
  if (detail !== null) {
    const event = await (await deps.store()).getEvent(detail[1]!, decodeURIComponent(detail[2]!));
    return event === undefined
      ? json(404, { error: { code: 'NotFound', message: 'No such event.' } })
      : json(200, event);
  }
  if (path === 'summary') return summary(request.query, deps, now);
  return json(404, { error: { code: 'NotFound', message: `No route ${path}` } });
}

async function page(name: string): Promise<ApiResponse> {
  const file = await readStatic(name);
  if (file === undefined) return json(404, { error: { code: 'NotFound', message: 'No such file.' } });
  return {
    status: 200,
    headers: { 'content-type': file.contentType, 'cache-control': 'no-cache', ...SECURITY },
    body: file.body,
  };
}

function range(query: URLSearchParams, now: Date): { from: string; to: string } | string {
  const to = query.get('to') ?? utcDay(now);
  const from = query.get('from') ?? addDays(to, -13);
  if (!DAY.test(from) || !DAY.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)))
    return 'from and to must be days, YYYY-MM-DD';
  if (from > to) return 'from must not be after to';
  if (addDays(from, 61) < to)
    return 'from and to must be at most 62 days apart (inclusive): ask for older days page by page';
  return { from, to };
}

async function events(query: URLSearchParams, deps: DashboardDeps, now: Date): Promise<ApiResponse> {
  const days = range(query, now);
  if (typeof days === 'string') return bad(days);
  const limit = Number(query.get('limit') ?? '50');
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return bad('limit must be 1 to 200');
  const priority = query.get('priority') ?? undefined;
  if (priority !== undefined && !/^P[1-4]$/.test(priority)) return bad('priority must be P1 to P4');
  const status = query.get('status') ?? 'all';
  if (!['all', 'open', 'resolved'].includes(status)) return bad('status must be open, resolved or all');
  const vault = query.get('vault') ?? undefined;
  const code = query.get('code') ?? undefined;
  if ((vault?.length ?? 0) > 200 || (code?.length ?? 0) > 200) return bad('vault and code are at most 200 characters');
  const token = query.get('continuationToken') ?? undefined;
  const store = await deps.store();
  let page;
  try {
    page = await store.pageEvents({
      ...days,
      limit,
      ...(vault !== undefined && { vault }),
      ...(code !== undefined && { code }),
      ...(priority !== undefined && { priority }),
      ...(token !== undefined && { continuationToken: token }),
    });
  } catch (error) {
    if (token !== undefined && error instanceof SyntaxError) return bad('continuationToken is not one this API gave');
    throw error;
  }
  let items = page.items;
  if (status !== 'all') {
    const open = new Set((await store.listOpenFindings()).map((finding) => finding.key));
    items = items.filter((item) => open.has(item.findingKey) === (status === 'open'));
  }
  return json(200, {
    items,
    ...(page.continuationToken !== undefined && { continuationToken: page.continuationToken }),
  });
}

async function summary(query: URLSearchParams, deps: DashboardDeps, now: Date): Promise<ApiResponse> {
  const days = range(query, now);
  if (typeof days === 'string') return bad(days);
  const day = query.get('day') ?? days.to;
  if (!DAY.test(day)) return bad('day must be YYYY-MM-DD');
  const store = await deps.store();
  const list = daysBetween(days.from, days.to);
  const trendDays = trendWindow(day);
  // Events of the range (and of the day, if outside it); the trend counts only the days not read.
  const needed = list.includes(day) ? list : [...list, day];
  const [loaded, counted, open, resolved] = await Promise.all([
    Promise.all(needed.map(async (d) => [d, await store.listEventsOfDay(d)] as const)),
    store.countEventsByDay(trendDays.filter((d) => !needed.includes(d))),
    store.listOpenFindings(),
    store.listResolvedOn(day),
  ]);
  const read = new Map(loaded);
  const eventsByDay = new Map(list.map((d) => [d, read.get(d) ?? []]));
  const trend = Object.fromEntries(trendDays.map((d) => [d, read.get(d)?.length ?? counted[d] ?? 0]));
  const dayEvents = read.get(day) ?? [];
  return json(200, {
    range: summarizeRange({
      ...days,
      days: list,
      eventsByDay,
      openPriorities: open.map((finding: IndexedFinding) => finding.priority),
    }),
    day: summarizeDay({ day, lang: deps.lang, now, events: dayEvents, trend, open, resolved, rpoHours: deps.rpoHours }),
  });
}
