import { afterAll, describe, expect, it } from 'vitest';

import { startLocalReceiver } from '../../src/adapters/localReceiver.js';
import { openNotifications } from '../../src/adapters/notificationRuntime.js';
import { loadSettings } from '../../src/config/settings.js';
import type { EnrichedEvent, InputBody } from '../../src/core/types.js';
import { createBatchHandler } from '../../src/pipeline/createBatchHandler.js';
import { triage, triageStream } from '../../src/pipeline/triage.js';
import { azurite, stopAzurite } from '../helpers/azurite.js';
import { failedJob } from '../helpers/lookups.js';

afterAll(stopAzurite);

const CODES = ['UserErrorGuestAgentStatusUnavailable', 'BackUpOperationFailedV2'];
/** `n` failures over `n` VMs and two codes, with a broken body every 25 records. */
function storm(n: number): InputBody[] {
  const bodies: InputBody[] = [];
  for (let i = 0; i < n; i += 25) {
    const records = Array.from({ length: Math.min(25, n - i) }, (_, j) =>
      failedJob({ resourceGroup: 'rg-app', name: `vm-${i + j}` }, CODES[(i + j) % 2]!, `job-${i + j}`),
    );
    bodies.push({ body: { records }, origin: { bodyIndex: bodies.length } });
    bodies.push({ body: '{"records":[{"cat', origin: { bodyIndex: bodies.length } });
  }
  return bodies;
}

describe('a batch streams through parse → explain → store in chunks', () => {
  it('hands over the same events as triage, a chunk at a time, a finding never split', async () => {
    const bodies = storm(300);
    const whole = triage(bodies, { now: () => new Date('2026-11-26T06:00:00Z') });
    const chunks: EnrichedEvent[][] = [];
    let rejected = 0;
    const { stats } = await triageStream(
      bodies,
      { now: () => new Date('2026-11-26T06:00:00Z'), chunkSize: 40 },
      {
        rejected: async (records) => {
          rejected += records.length;
        },
        events: async (events) => {
          chunks.push(events);
        },
      },
    );
    expect(chunks.length).toBeGreaterThanOrEqual(8);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(40);
    const byId = (events: EnrichedEvent[]) => [...events].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(chunks.flat())).toEqual(byId(whole.events));
    expect(rejected).toBe(12);
    expect(stats).toMatchObject({ findings: 300, rejected: { total: 12 } });
    // In storm order: each code's failures come in a row.
    const codes = chunks.flat().map((event) => event.classification.code);
    expect(codes.filter((code, i) => i > 0 && code !== codes[i - 1])).toHaveLength(1);
  });

  it('in input order for readers of the output', async () => {
    const chunks: EnrichedEvent[][] = [];
    await triageStream(
      storm(100),
      { chunkSize: 30, order: 'input' },
      {
        rejected: async () => undefined,
        events: async (events) => {
          chunks.push(events);
        },
      },
    );
    expect(chunks.flat().map((event) => event.id)).toEqual(Array.from({ length: 100 }, (_, i) => `job-${i}`));
  });

  it('a storm spread over many chunks is stored whole and sent as one message with its full count', async () => {
    const receiver = await startLocalReceiver();
    try {
      const settings = loadSettings({ WEBHOOK_URL: receiver.url, TABLE_PREFIX: `strm${Date.now() % 100_000}` });
      const runtime = await openNotifications(settings.notify, {
        connectionString: (await azurite()).connectionString,
      });
      const handle = createBatchHandler({ settings, notifications: async () => runtime.options, chunkSize: 25 });
      let handed = 0;
      let day = '';
      const { result, notified } = await handle(storm(200), {
        events: (events) => {
          handed += events.length;
          day = events[0]!.job.startedAt!.slice(0, 10);
        },
      });
      expect(result.events).toEqual([]);
      expect(handed).toBe(200);
      expect(notified).toMatchObject({ messages: { group: 2 }, delivered: 2 });
      const sizes = receiver
        .accepted()
        .map((request) => (JSON.parse(request.body) as { data: { groupSize: number } }).data.groupSize);
      expect(sizes).toEqual([100, 100]);
      expect(await runtime.store.countEventsByDay([day])).toEqual({ [day]: 200 });
    } finally {
      await receiver.close();
    }
  });
});
