import { odata } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TableStore } from '../../src/adapters/tableStore.js';
import { handleDashboard } from '../../src/dashboard/dashboardApi.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { failedJob } from '../helpers/lookups.js';

let store: TableStore;
beforeAll(async () => {
  store = await freshStore();
  const records = Array.from({ length: 30 }, (_, i) => {
    const record = failedJob(
      { resourceGroup: 'rg-app', name: `vm-${i}` },
      'UserErrorGuestAgentStatusUnavailable',
      `job-${i}`,
    );
    Object.assign(record['properties'] as object, { JobStartDateTime: `2026-11-25 0${i % 10}:00:00Z` });
    return record;
  });
  await notifyBatch(triage([{ body: { records }, origin: { bodyIndex: 0 } }]), {
    store,
    format: 'generic',
    now: () => new Date('2026-11-25T12:00:00Z'),
  });
});
afterAll(stopAzurite);

const get = async (path: string, query: Record<string, string>) => {
  const response = await handleDashboard(
    { path, query: new URLSearchParams(query) },
    { store: async () => store, lang: 'en', rpoHours: 24, now: () => new Date('2026-11-26T06:00:00Z') },
  );
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
};
const token = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the dashboard API does bounded work whatever it is asked', () => {
  it.each([
    ['a day long after the range', { day: '2100-01-01' }],
    ['a day long before the range', { day: '1900-01-01' }],
    ['no day', { inner: 'x' }],
    ['a Table token that is not one', { day: '2026-11-25', inner: 'zzz' }],
    ['a Table token of the wrong type', { day: '2026-11-25', inner: { nextPartitionKey: 1 } }],
  ])('a forged continuation token (%s) is refused at once', async (_, forged) => {
    const started = Date.now();
    const { status, body } = await get('events', {
      from: '2026-11-21',
      to: '2026-11-25',
      continuationToken: token(forged),
    });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'BadRequest', message: 'continuationToken is not one this API gave' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a token the API gave continues the listing', async () => {
    const first = await get('events', { from: '2026-11-21', to: '2026-11-25', limit: '20' });
    const next = await get('events', {
      from: '2026-11-21',
      to: '2026-11-25',
      limit: '20',
      continuationToken: String(first.body['continuationToken']),
    });
    expect(next.status).toBe(200);
    expect((first.body['items'] as unknown[]).length + (next.body['items'] as unknown[]).length).toBe(30);
  });

  it.each([
    ['events/2026-11-25/%E0%A4%A', {}, 404],
    ['events/2026-02-31/job-1', {}, 404],
    ['summary', { day: '2026-13-45' }, 400],
    ['summary', { day: '2026-02-31' }, 400],
    ['events', { from: '2026-02-30', to: '2026-03-01' }, 400],
  ])('%s %j: %i, not a 500', async (path, query, expected) => {
    expect((await get(path, query)).status).toBe(expected);
  });

  it('the summary counts from the rows’ columns: it answers even when no event body can be read', async () => {
    // Every stored event keeps its columns and loses its body.
    for await (const entity of store.events.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey ge ${'2026-11-25'} and PartitionKey lt ${'2026-11-25/'}` },
    })) {
      const kept = Object.fromEntries(
        Object.entries(entity).filter(
          ([name]) => !/^(json|z)\d*c?$/.test(name) && !['etag', 'timestamp'].includes(name),
        ),
      );
      await store.events.upsertEntity(
        { ...kept, partitionKey: entity.partitionKey!, rowKey: entity.rowKey! },
        'Replace',
      );
    }
    const { status, body } = await get('summary', { from: '2026-11-21', to: '2026-11-25', day: '2026-11-25' });
    expect(status).toBe(200);
    expect(body['day']).toMatchObject({ totals: { failedJobs: 30, findings: 30, items: 30, vaults: 1 } });
    const range = body['range'] as { series: Array<{ byCode: Record<string, number> }>; topVms: unknown[] };
    expect(range.series.at(-1)!.byCode).toEqual({ UserErrorGuestAgentStatusUnavailable: 30 });
    expect(range.topVms).toHaveLength(10);
  });
});
