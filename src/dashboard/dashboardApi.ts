import type { IndexedFinding, TableStore } from '../adapters/tableStore.js';
import { addDays, daysBetween, trendWindow, utcDay } from '../core/days.js';
import { type CountedEvent, findingOf } from '../core/digest/countedEvent.js';
import { summarizeRange } from '../core/digest/dashboardSummary.js';
import { summarizeDay } from '../core/digest/summarizeDay.js';
import { findingKeyOf } from '../core/notify/findingKeys.js';
import { DASHBOARD_LABELS, dashboardLabelsJson } from '../core/render/dashboardLabels.js';
import { escapeHtml } from '../core/render/escapeHtml.js';
import type { EnrichedEvent, Lang } from '../core/types.js';
import { eventMatches, listFindings, matches, readFilters } from './findingsApi.js';
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
 * assets, `findings` (the table), `findings/{key}` (a finding's own page), `events` (filters,
 * paging by continuation token), `events/{day}/{id}`, and `summary` (the charts).
 */
export async function handleDashboard(request: ApiRequest, deps: DashboardDeps): Promise<ApiResponse> {
  try {
    return await route(request, deps);
  } catch (error) {
    // The store down or refusing: say so, in the API's own words, rather than a bare 500.
    const err = error as { statusCode?: number; code?: string; message?: string };
    if (err.statusCode !== undefined || err.code !== undefined)
      return json(503, {
        error: {
          code: 'StoreUnavailable',
          message: `The table store could not be read (${err.statusCode ?? err.code}): try again in a minute; if it lasts, check the app's storage connection.`,
        },
      });
    throw error;
  }
}

async function route(request: ApiRequest, deps: DashboardDeps): Promise<ApiResponse> {
  const now = (deps.now ?? (() => new Date()))();
  const path = request.path.replace(/^\/+|\/+$/g, '');
  if (path === 'dashboard') return dashboardPage(deps.lang);
  if (path.startsWith('dashboard/assets/')) return page(path.slice('dashboard/assets/'.length));
  if (path === 'findings') return findings(request.query, deps, now);
  const finding = /^findings\/([^/]{1,300})$/.exec(path);
  if (finding !== null) return findingDetails(decodeURIComponent(finding[1]!), deps, now);
  if (path === 'events') return events(request.query, deps, now);
  const detail = /^events\/(\d{4}-\d{2}-\d{2})\/([^/]{1,200})$/.exec(path);
  if (detail !== null) {
    const id = tryDecode(detail[2]!);
    if (id === undefined || !isDay(detail[1]!))
      return json(404, { error: { code: 'NotFound', message: 'No such event.' } });
    const event = await (await deps.store()).getEvent(detail[1]!, id);
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

/**
 * The page in the dashboard's language: `lang` on the root, every `{{label}}` written in (escaped),
 * and the labels handed to the script as a JSON data block (not executed: the CSP allows no inline
 * script, and needs none).
 */
async function dashboardPage(lang: Lang): Promise<ApiResponse> {
  const response = await page('dashboard.html');
  if (response.status !== 200) return response;
  const labels = DASHBOARD_LABELS[lang] as unknown as Record<string, unknown>;
  const body = response.body
    .replace('{{lang}}', lang)
    .replace('{{labelsJson}}', () => dashboardLabelsJson(lang).replace(/</g, '\\u003c'))
    .replace(/\{\{([a-zA-Z.]+)\}\}/g, (_, key: string) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], labels);
      return typeof value === 'string' ? escapeHtml(value, 500) : '';
    });
  return { ...response, body };
}

/** `findings`: the table's rows, worst first, with the same filters as the charts (see `listFindings`). */
async function findings(query: URLSearchParams, deps: DashboardDeps, now: Date): Promise<ApiResponse> {
  const days = range(query, now);
  if (typeof days === 'string') return bad(days);
  const filters = readFilters(query);
  if (typeof filters === 'string') return bad(filters);
  const { items } = await listFindings(await deps.store(), days, filters, now);
  return json(200, { ...days, filters, rpoHours: deps.rpoHours, items });
}

/** `findings/{key}`: one finding's own page: its state and its latest event, open or resolved. */
async function findingDetails(key: string, deps: DashboardDeps, now: Date): Promise<ApiResponse> {
  const [partitionKey, rowKey, ...rest] = key.split('|');
  if (
    partitionKey === undefined ||
    rowKey === undefined ||
    rest.length > 0 ||
    !/^item-[0-9a-f]{40}$/.test(partitionKey)
  )
    return bad('a finding key is item-<40 hex digits>|<code>, as the messages and the digest link to');
  const stored = await (await deps.store()).getFinding(partitionKey, rowKey);
  if (stored === undefined) return json(404, { error: { code: 'NotFound', message: `No finding ${key}.` } });
  const state = stored.value;
  return json(200, {
    key: findingKeyOf(state.lastEvent),
    status: state.status,
    firstFailedAt: state.firstFailedAt,
    lastFailedAt: state.lastFailedAt,
    occurrences: state.occurrences,
    resolvedAt: state.resolvedAt,
    asOf: now.toISOString(),
    event: state.lastEvent,
  });
}

function range(query: URLSearchParams, now: Date): { from: string; to: string } | string {
  const to = query.get('to') ?? utcDay(now);
  const from = query.get('from') ?? addDays(to, -13);
  if (!isDay(from) || !isDay(to)) return 'from and to must be days, YYYY-MM-DD';
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
    if ((error as Error).name === 'InvalidContinuationToken') return bad((error as Error).message);
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
  // The charts follow the table's filters; without any, the status is "all" (every failed job).
  const filters = readFilters(new URLSearchParams({ status: 'all', ...Object.fromEntries(query) }));
  if (typeof filters === 'string') return bad(filters);
  const day = query.get('day') ?? days.to;
  if (!isDay(day)) return bad('day must be a day, YYYY-MM-DD');
  const store = await deps.store();
  const list = daysBetween(days.from, days.to);
  const trendDays = trendWindow(day);
  // Events of the range (and of the day, if outside it); the trend counts only the days not read.
  const needed = list.includes(day) ? list : [...list, day];
  const [loaded, counted, open, resolved] = await Promise.all([
    Promise.all(needed.map(async (d) => [d, await store.listCountedEventsOfDay(d)] as const)),
    store.countEventsByDay(trendDays.filter((d) => !needed.includes(d))),
    store.listOpenFindings(),
    store.listResolvedOn(day),
  ]);
  const read = new Map(loaded);
  const openKeys = new Set(open.map((finding) => finding.key));
  const eventsByDay = new Map(
    list.map((d) => [d, (read.get(d) ?? []).filter((e) => eventMatches(e, findingOf(e), filters, openKeys))]),
  );
  const trend = Object.fromEntries(trendDays.map((d) => [d, read.get(d)?.length ?? counted[d] ?? 0]));
  const dayEvents = read.get(day) ?? [];
  // The filters' choices come from everything in the range, not from what the filters leave.
  const choices = [...read.values()].flat();
  return json(200, {
    range: withChoices(
      summarizeRange({
        ...days,
        days: list,
        eventsByDay,
        openPriorities: (filters.status === 'resolved' ? [] : open)
          .filter((finding: IndexedFinding) => matches(finding, filters))
          .map((finding) => finding.priority),
      }),
      choices,
      open,
    ),
    day: summarizeDay({ day, lang: deps.lang, now, events: dayEvents, trend, open, resolved, rpoHours: deps.rpoHours }),
  });
}

/** The vaults and codes a filter can choose: of every failed job in the range and every open finding. */
function withChoices<T extends { vaults: string[]; codes: string[] }>(
  range: T,
  events: ReadonlyArray<EnrichedEvent | CountedEvent>,
  open: readonly IndexedFinding[],
): T {
  const vaults = new Set([...events.map((e) => e.job.vaultName), ...open.map((f) => f.vaultName)]);
  const codes = new Set([...events.map((e) => e.classification.code), ...open.map((f) => f.code)]);
  return {
    ...range,
    vaults: [...vaults].filter((v): v is string => v !== null && v !== '').sort(),
    codes: [...codes].sort(),
  };
}

/** A real UTC day written YYYY-MM-DD (not 2026-02-31 nor 2026-13-45). */
function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A path segment decoded, or `undefined` when its percent-encoding is broken. */
function tryDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
