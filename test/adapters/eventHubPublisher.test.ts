import type { EventData } from '@azure/event-hubs';
import { describe, expect, it } from 'vitest';

import { sendInBatches, toEventData } from '../../src/adapters/eventHubPublisher.js';
import { loadSettings } from '../../src/config/settings.js';
import { createBatchHandler } from '../../src/pipeline/createBatchHandler.js';
import { triage } from '../../src/pipeline/triage.js';
import { FakeProducer } from '../helpers/fakeProducer.js';
import { RECONSTRUCTED, fixtureJson } from '../helpers/fixtures.js';
import { azurite, stopAzurite } from '../helpers/azurite.js';

const events = triage([{ body: fixtureJson(RECONSTRUCTED), origin: { bodyIndex: 0 } }]).events;

describe('publishing enriched events to a second event hub', () => {
  it('sends every event once, in order, in as few batches as the size limit allows', async () => {
    const producer = new FakeProducer(65_536);
    const many: EventData[] = Array.from({ length: 120 }, (_, i) => ({
      ...toEventData(events[0]!),
      messageId: `job-${i}`,
    }));
    const outcome = await sendInBatches(producer, many);
    expect(outcome.sent).toBe(120);
    expect(outcome.tooLarge).toEqual([]);
    expect(outcome.batches).toBe(producer.batches.length);
    expect(outcome.batches).toBeGreaterThan(1);
    expect(producer.sent.map((event) => (event as EventData).messageId)).toEqual(many.map((event) => event.messageId));
    for (const batch of producer.batches) expect(batch.sizeInBytes).toBeLessThanOrEqual(65_536);
  });

  it('reports an event too large for any batch and still sends the ones around it', async () => {
    const producer = new FakeProducer(4_096);
    const huge: EventData = { body: 'x'.repeat(10_000), messageId: 'huge' };
    const outcome = await sendInBatches(producer, [{ body: 'a', messageId: 'a' }, huge, { body: 'b', messageId: 'b' }]);
    expect(outcome).toEqual({ sent: 2, batches: 1, tooLarge: [1] });
    expect(producer.sent.map((event) => (event as EventData).messageId)).toEqual(['a', 'b']);
  });

  it('carries the enriched event as JSON with its job id as message id and filterable properties', () => {
    const data = toEventData(events[0]!);
    expect(data).toMatchObject({
      contentType: 'application/json',
      messageId: events[0]!.id,
      properties: {
        schemaVersion: '1.1',
        priority: events[0]!.priority.level,
        code: events[0]!.classification.code,
        vaultName: 'rsv-prod-01',
      },
    });
    expect(data.body).toBe(events[0]);
  });

  it('sends nothing and creates no batch for an empty list', async () => {
    const producer = new FakeProducer();
    expect(await sendInBatches(producer, [])).toEqual({ sent: 0, batches: 0, tooLarge: [] });
  });

  it('publishes what the function stored, and a refused send fails the batch so the trigger retries it', async () => {
    const { openNotifications } = await import('../../src/adapters/notificationRuntime.js');
    try {
      const { connectionString } = await azurite();
      const settings = loadSettings({ TABLE_PREFIX: `pub${Date.now() % 100_000}` });
      const runtime = await openNotifications(settings.notify, { connectionString });
      const producer = new FakeProducer();
      const handle = createBatchHandler({
        settings,
        notifications: async () => runtime.options,
        publish: async () => (list) => sendInBatches(producer, list.map(toEventData)),
      });

      producer.failSends = 1;
      await expect(handle([{ body: fixtureJson(RECONSTRUCTED), origin: { bodyIndex: 0 } }])).rejects.toThrow(
        /unable to process the request/,
      );
      const retried = await handle([{ body: fixtureJson(RECONSTRUCTED), origin: { bodyIndex: 0 } }]);
      expect(retried.published).toEqual({ sent: 1, tooLarge: 0 });
      const published = producer.sent[0] as EventData & { body: { id: string; priority: { level: string } } };
      const stored = await runtime.store.getEvent(events[0]!.job.startedAt!.slice(0, 10), published.body.id);
      expect(stored).toBeDefined();
      expect(published.body).toEqual(stored);
    } finally {
      await stopAzurite();
    }
  });
});
