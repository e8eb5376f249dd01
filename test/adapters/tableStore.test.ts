import { afterAll, describe, expect, it } from 'vitest';

import { entityBytes } from '../../bench/entityBytes.js';
import { eventPartition, TableStore } from '../../src/adapters/tableStore.js';
import { decideFailure } from '../../src/core/notify/decide.js';
import { DEFAULT_NOTIFY_POLICY } from '../../src/core/notify/types.js';

import type { EnrichedEvent } from '../../src/core/types.js';
import { triage } from '../../src/pipeline/triage.js';
import { azurite, freshStore, stopAzurite } from '../helpers/azurite.js';
import { ALERT, RECONSTRUCTED, fixtureBytes, sampleBytes } from '../helpers/fixtures.js';

afterAll(stopAzurite);

const bodies = [
  fixtureBytes(RECONSTRUCTED),
  fixtureBytes(ALERT),
  sampleBytes('rsv-prod-we-01.jobs.json'),
  sampleBytes('rsv-fin-ne-01.jobs.json'),
];

describe('stored events: compact, and read back exactly as they were', () => {
  it.each(['en', 'fr'] as const)('in %s: each event takes at most 4 KB and reads back deep-equal', async (lang) => {
    const store = await freshStore();
    const { events } = triage(
      bodies.map((body, bodyIndex) => ({ body, origin: { bodyIndex } })),
      { lang },
    );
    expect(events.length).toBeGreaterThan(5);
    await store.saveEvents(events);
    for (const event of events) {
      const day = (event.job.startedAt ?? event.receivedAt).slice(0, 10);
      expect(await store.getEvent(day, event.id)).toEqual(JSON.parse(JSON.stringify(event)) as EnrichedEvent);
      const entity = await store.events.getEntity<Record<string, unknown>>(eventPartition(day, event.id), event.id);
      expect(entityBytes(entity)).toBeLessThanOrEqual(4 * 1024);
      expect(Buffer.byteLength(JSON.stringify(event))).toBeGreaterThan(4 * 1024);
    }
  });

  it('rows written before compression (JSON in json0, json1, …) are still read', async () => {
    const store = await freshStore();
    const [event] = triage([{ body: fixtureBytes(RECONSTRUCTED), origin: { bodyIndex: 0 } }]).events;
    const json = JSON.stringify(event);
    const day = event!.job.startedAt!.slice(0, 10);
    await store.events.upsertEntity({
      partitionKey: day,
      rowKey: event!.id,
      code: event!.classification.code,
      json0: json.slice(0, 1000),
      json1: json.slice(1000),
    });
    expect(await store.getEvent(day, event!.id)).toEqual(JSON.parse(json) as EnrichedEvent);
    expect((await store.listCountedEventsOfDay(day))[0]).toMatchObject({
      id: event!.id,
      classification: { code: event!.classification.code },
    });
  });
});

describe('a day of events: spread over partitions, read as one day', () => {
  it('a storm of one day is written to several partitions; listing, paging and counting see each event once', async () => {
    const store = await freshStore();
    const [event] = triage([{ body: fixtureBytes(RECONSTRUCTED), origin: { bodyIndex: 0 } }]).events;
    const day = event!.job.startedAt!.slice(0, 10);
    const storm = Array.from({ length: 60 }, (_, i) => ({ ...event!, id: `${event!.id}-${i}` }));
    await store.saveEvents(storm);
    // A row an older version wrote to the bare day, and one of the next day: read with its own day only.
    const legacy = { ...event!, id: `${event!.id}-legacy` };
    await store.events.upsertEntity({ partitionKey: day, rowKey: legacy.id, json0: JSON.stringify(legacy) });
    await store.saveEvents([
      { ...event!, id: `${event!.id}-next`, job: { ...event!.job, startedAt: '2026-11-26T01:00:00Z' } },
    ]);

    const partitions = new Set<string>();
    for await (const entity of store.events.listEntities({ queryOptions: { select: ['PartitionKey'] } }))
      partitions.add(String(entity.partitionKey));
    expect(partitions.size).toBeGreaterThan(8);
    for (const partition of partitions) expect(partition).toMatch(/^\d{4}-\d{2}-\d{2}(\.[0-9a-f])?$/);

    const ids = [...storm, legacy].map((e) => e.id).sort();
    expect((await store.listEventsOfDay(day)).map((e) => e.id).sort()).toEqual(ids);
    expect((await store.listCountedEventsOfDay(day)).map((e) => e.id).sort()).toEqual(ids);
    expect(await store.countEventsByDay([day])).toEqual({ [day]: 61 });
    const paged: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await store.pageEvents({
        from: day,
        to: day,
        limit: 7,
        ...(continuationToken && { continuationToken }),
      });
      expect(page.items.every((row) => row.day === day)).toBe(true);
      paged.push(...page.items.map((row) => row.id));
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    expect(paged.sort()).toEqual(ids);
    expect(await store.getEvent(day, storm[17]!.id)).toMatchObject({ id: storm[17]!.id });
    expect(await store.getEvent(day, legacy.id)).toMatchObject({ id: legacy.id });
  });
});

describe('the findings of an item: point reads through its directory', () => {
  const stateOf = (code: string) => {
    const [event] = triage([{ body: fixtureBytes(RECONSTRUCTED), origin: { bodyIndex: 0 } }]).events;
    const recoded = { ...event!, classification: { ...event!.classification, code } };
    return decideFailure(undefined, recoded, DEFAULT_NOTIFY_POLICY, undefined, new Date()).state;
  };

  it('lists every finding of the item, written by any instance, and nothing else', async () => {
    const store = await freshStore();
    const [a, b] = [stateOf('UserErrorGuestAgentStatusUnavailable'), stateOf('UserErrorUnsupportedDiskSize')];
    expect(await store.listItemFindings(a.partitionKey)).toEqual([]);
    expect(await store.saveFinding(a, undefined)).toBe('saved');
    const other = new TableStore(
      { connectionString: (await azurite()).connectionString },
      { prefix: store.findings.tableName.replace(/findings$/, '') },
    );
    expect(await other.saveFinding(b, undefined)).toBe('saved');
    expect(await other.saveFinding(b, undefined)).toBe('conflict');
    const listed = await store.listItemFindings(a.partitionKey);
    expect(listed.map((entry) => entry.value.code).sort()).toEqual([a.code, b.code].sort());
  });

  it('a findings table written before directories is still read whole (by a partition query)', async () => {
    const store = await freshStore();
    const legacy = stateOf('UserErrorGuestAgentStatusUnavailable');
    // An older version's rows: the finding alone, no directory, no marker.
    await store.findings.deleteEntity('~meta', 'directories');
    await store.findings.createEntity({
      partitionKey: legacy.partitionKey,
      rowKey: legacy.rowKey,
      ...legacyColumns(legacy),
    });
    const reopened = new TableStore(
      { connectionString: (await azurite()).connectionString },
      { prefix: store.findings.tableName.replace(/findings$/, '') },
    );
    await reopened.ensureTables();
    expect((await reopened.listItemFindings(legacy.partitionKey)).map((entry) => entry.value.code)).toEqual([
      legacy.code,
    ]);
  });
});

/** A finding row as versions before compression and directories wrote it. */
function legacyColumns(state: ReturnType<typeof decideFailure>['state']): Record<string, unknown> {
  return {
    status: state.status,
    itemKey: state.itemKey,
    code: state.code,
    vaultKey: state.vaultKey,
    firstFailedAt: state.firstFailedAt,
    lastFailedAt: state.lastFailedAt,
    occurrences: state.occurrences,
    jobIds: JSON.stringify(Object.keys(state.seenJobs)),
    event0: JSON.stringify(state.lastEvent),
  };
}
