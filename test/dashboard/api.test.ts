import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TableStore } from '../../src/adapters/tableStore.js';
import { handleDashboard } from '../../src/dashboard/dashboardApi.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { failedJob } from '../helpers/lookups.js';

const CODES = ['UserErrorGuestAgentStatusUnavailable', 'BackUpOperationFailed', 'UserErrorRpCollectionLimitReached'];
let store: TableStore;
const seeded: string[] = [];

beforeAll(async () => {
  store = await freshStore();
  // 137 failures over 5 days, 2 vaults, 3 codes.
  for (let day = 21; day <= 25; day += 1) {
    const records = [];
    for (let i = 0; i < (day === 23 ? 41 : 24); i += 1) {
      const id = `job-${day}-${i}`;
      const record = failedJob({ resourceGroup: `rg-${i % 3}`, name: `vm-${day}-${i}` }, CODES[i % 3]!, id);
      Object.assign(record['properties'] as object, {
        JobStartDateTime: `2026-11-${day} 0${i % 10}:00:00Z`,
        VaultName: i % 2 ? 'rsv-a' : 'rsv-b',
      });
      record['resourceId'] =
        `/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-BACKUP/PROVIDERS/MICROSOFT.RECOVERYSERVICES/VAULTS/${i % 2 ? 'RSV-A' : 'RSV-B'}`;
      records.push(record);
      seeded.push(id);
    }
    await notifyBatch(triage([{ body: { records }, origin: { bodyIndex: 0 } }]), {
      store,
      format: 'generic',
      now: () => new Date(`2026-11-${day}T12:00:00Z`),
    });
  }
});
afterAll(stopAzurite);

const get = async (path: string, query: Record<string, string>) => {
  const response = await handleDashboard(
    { path, query: new URLSearchParams(query) },
    { store: async () => store, lang: 'en', rpoHours: 24, now: () => new Date('2026-11-26T06:00:00Z') },
  );
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
};

async function all(query: Record<string, string>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const { status, body } = await get('events', {
      ...query,
      ...(token !== undefined && { continuationToken: token }),
    });
    expect(status).toBe(200);
    ids.push(...(body['items'] as Array<{ id: string }>).map((item) => item.id));
    token = body['continuationToken'] as string | undefined;
    pages += 1;
  } while (token !== undefined && pages < 100);
  return { ids, pages };
}

describe('GET /api/events', () => {
  it('returns every seeded event exactly once across pages', async () => {
    const { ids, pages } = await all({ from: '2026-11-20', to: '2026-11-26', limit: '10' });
    expect(pages).toBeGreaterThanOrEqual(14);
    expect(ids.length).toBe(seeded.length);
    expect(new Set(ids).size).toBe(seeded.length);
    expect([...ids].sort()).toEqual([...seeded].sort());
  });

  it('filters by vault, code and priority, still once each', async () => {
    const { ids } = await all({
      from: '2026-11-21',
      to: '2026-11-25',
      limit: '7',
      vault: 'rsv-a',
      code: 'BackUpOperationFailed',
    });
    const expected = seeded.filter((id) => {
      const i = Number(id.split('-')[2]);
      return i % 2 === 1 && i % 3 === 1;
    });
    expect([...ids].sort()).toEqual(expected.sort());
  });

  it('filters by status against the open findings', async () => {
    const open = await all({ from: '2026-11-21', to: '2026-11-25', limit: '50', status: 'open' });
    const resolved = await all({ from: '2026-11-21', to: '2026-11-25', limit: '50', status: 'resolved' });
    expect(open.ids.length).toBe(seeded.length);
    expect(resolved.ids).toEqual([]);
  });

  it.each([
    [{ from: '2026-13-01' }, 'from and to must be days, YYYY-MM-DD'],
    [{ from: '2026-11-25', to: '2026-11-20' }, 'from must not be after to'],
    [
      { from: '2026-01-01', to: '2026-11-20' },
      'from and to must be at most 62 days apart (inclusive): ask for older days page by page',
    ],
    [{ limit: '0' }, 'limit must be 1 to 200'],
    [{ priority: 'P9' }, 'priority must be P1 to P4'],
    [{ continuationToken: 'garbage' }, 'continuationToken is not one this API gave'],
  ])('refuses %j: %s', async (query, message) => {
    const { status, body } = await get('events', query);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'BadRequest', message } });
  });
});

describe('GET /api/summary and details', () => {
  it('summarises the range for the charts and the day for the figures', async () => {
    const { status, body } = await get('summary', { from: '2026-11-21', to: '2026-11-25', day: '2026-11-23' });
    expect(status).toBe(200);
    const range = body['range'] as {
      series: Array<{ day: string; byCode: Record<string, number> }>;
      vaults: string[];
      openByPriority: Record<string, number>;
    };
    expect(range.series.map((d) => Object.values(d.byCode).reduce((a, b) => a + b, 0))).toEqual([24, 24, 41, 24, 24]);
    expect(range.vaults).toEqual(['rsv-a', 'rsv-b']);
    expect(Object.values(range.openByPriority).reduce((a, b) => a + b, 0)).toBe(seeded.length);
    expect((body['day'] as { totals: { failedJobs: number } }).totals.failedJobs).toBe(41);
  });

  it('gives one event by day and id, 404 otherwise', async () => {
    expect((await get('events/2026-11-23/job-23-5', {})).body).toMatchObject({
      id: 'job-23-5',
      job: { vmName: 'vm-23-5' },
    });
    expect((await get('events/2026-11-23/nope', {})).status).toBe(404);
  });

  it('serves its own page and assets, and nothing else from disk', async () => {
    const page = await handleDashboard(
      { path: 'dashboard', query: new URLSearchParams() },
      { store: async () => store, lang: 'en', rpoHours: 24 },
    );
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const traversal = await handleDashboard(
      { path: 'dashboard/assets/..%2fpackage.json', query: new URLSearchParams() },
      { store: async () => store, lang: 'en', rpoHours: 24 },
    );
    expect(traversal.status).toBe(404);
  });
});

describe('GET /api/findings and /api/findings/{key}', () => {
  it('lists the open findings worst first (priority, then the oldest), filtered like the charts', async () => {
    const { status, body } = await get('findings', { from: '2026-11-21', to: '2026-11-25' });
    expect(status).toBe(200);
    const items = body['items'] as Array<{
      priority: string;
      firstFailedAt: string;
      status: string;
      vaultName: string;
    }>;
    expect(items.length).toBeGreaterThan(100);
    const order = items.map((i) => `${i.priority} ${i.firstFailedAt}`);
    expect(order).toEqual([...order].sort());
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['open']));
    const filtered = await get('findings', { vault: 'rsv-a', code: CODES[0]! });
    const rows = filtered.body['items'] as Array<{ vaultName: string; code: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.vaultName === 'rsv-a' && r.code === CODES[0])).toBe(true);
    // The charts of the same filters count the same failed jobs.
    const summary = await get('summary', { from: '2026-11-21', to: '2026-11-25', vault: 'rsv-a', code: CODES[0]! });
    const range = summary.body['range'] as { series: Array<{ byCode: Record<string, number> }>; vaults: string[] };
    const jobs = range.series.reduce((sum, d) => sum + Object.values(d.byCode).reduce((a, b) => a + b, 0), 0);
    expect(jobs).toBe(rows.length); // one failed job per finding in this seed
    expect(range.vaults).toEqual(['rsv-a', 'rsv-b']); // the filter's choices are not filtered away
  });

  it('gives a finding its own page: state and latest event; 400 for a malformed key, 404 for an unknown one', async () => {
    const { body } = await get('findings', {});
    const key = (body['items'] as Array<{ key: string }>)[0]!.key;
    const one = await get(`findings/${encodeURIComponent(key)}`, {});
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      key,
      status: 'open',
      occurrences: 1,
      event: { schemaVersion: expect.any(String) },
    });
    expect((await get('findings/nope', {})).status).toBe(400);
    expect((await get(`findings/${encodeURIComponent(`item-${'0'.repeat(40)}|x`)}`, {})).status).toBe(404);
    expect((await get('findings', { status: 'closed' })).body).toEqual({
      error: { code: 'BadRequest', message: 'status must be open, resolved or all' },
    });
  });

  it('answers 503 with what to do when the store cannot be read', async () => {
    const response = await handleDashboard(
      { path: 'findings', query: new URLSearchParams() },
      {
        store: async () => {
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
        },
        lang: 'en',
        rpoHours: 24,
      },
    );
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({
      error: {
        code: 'StoreUnavailable',
        message:
          "The table store could not be read (ECONNREFUSED): try again in a minute; if it lasts, check the app's storage connection.",
      },
    });
  });

  it('serves the page in the dashboard language: lang, every label written in, none left as a placeholder', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const response = await handleDashboard(
        { path: 'dashboard', query: new URLSearchParams() },
        { store: async () => store, lang, rpoHours: 24 },
      );
      expect(response.body).toContain(`<html lang="${lang}">`);
      expect(response.body).not.toMatch(/\{\{/);
      expect(response.body).toContain(
        lang === 'fr' ? '<h1>Sauvegardes des VM Azure</h1>' : '<h1>Azure VM backups</h1>',
      );
      const labels = JSON.parse(
        /<script id="labels" type="application\/json">([\s\S]*?)<\/script>/.exec(response.body)![1]!,
      );
      expect(labels).toMatchObject({ lang, probes: { 'vm-agent': expect.any(String) } });
    }
  });
});
