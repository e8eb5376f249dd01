import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { EventHubProducerClient } from '@azure/event-hubs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { sendInBatches, toEventData } from '../../src/adapters/eventHubPublisher.js';
import { StaticTokenCredential } from '../../src/adapters/staticTokenCredential.js';
import { sendCommand } from '../../src/cli/sendCommand.js';
import { triage } from '../../src/pipeline/triage.js';
import { captureIo } from '../helpers/cli.js';
import { fixtureJson, RECONSTRUCTED } from '../helpers/fixtures.js';
import { startFakeEventHubsBroker, type FakeEventHubsBroker } from '../helpers/fakeEventHubsBroker.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/events/', import.meta.url));
const ENVELOPE = 'eventhub-azure-backup-records-reconstructed.json';
const ALERT = 'common-alert-schema-azure-backup-backup-failure.real.json';

let broker: FakeEventHubsBroker;
beforeAll(async () => {
  broker = await startFakeEventHubsBroker();
});
afterAll(() => broker.close());

/** The real producer client, only its endpoint and credential pointed at a local broker. */
function realProducer(host: string, hub: string, to: FakeEventHubsBroker = broker) {
  return new EventHubProducerClient(host, hub, new StaticTokenCredential('local-token'), {
    customEndpointAddress: to.endpoint,
    webSocketOptions: { webSocket: WebSocket, webSocketConstructorOptions: { ca: to.ca } },
    retryOptions: { maxRetries: 0, timeoutInMs: 10_000 },
  });
}

describe('backup-triage send with the real @azure/event-hubs client over AMQP', () => {
  it('authorizes with a token on $cbs and delivers each body byte for byte', async () => {
    const { io, output } = captureIo('', FIXTURES);
    const status = await sendCommand(['--namespace', 'evhns-abc123', '--hub', 'backup-jobs', ENVELOPE, ALERT], io, {
      openProducer: async (host, hub) => realProducer(host, hub),
    });
    expect(output().stderr).toBe('');
    expect(status).toBe(0);
    expect(output().stdout).toBe(
      'Sent 2 event(s) in 1 batch(es) to evhns-abc123.servicebus.windows.net/backup-jobs.\n',
    );
    expect(broker.tokens.at(-1)).toEqual({
      audience: expect.stringContaining('evhns-abc123.servicebus.windows.net'),
      token: 'local-token',
    });
    const delivered = broker.received.filter((event) => event.hub === 'backup-jobs');
    expect(delivered.map((event) => event.contentType)).toEqual(['application/json', 'application/json']);
    expect(delivered[0]!.body.equals(readFileSync(FIXTURES + ENVELOPE))).toBe(true);
    expect(delivered[1]!.body.equals(readFileSync(FIXTURES + ALERT))).toBe(true);
  });

  it('turns a refused claim into the role to grant', async () => {
    broker.refuseTokens(5);
    const { io, output } = captureIo('', FIXTURES);
    const status = await sendCommand(['--namespace', 'evhns-abc123', '--hub', 'backup-jobs', ALERT], io, {
      openProducer: async (host, hub) => realProducer(host, hub),
    }).finally(() => broker.refuseTokens(0));
    expect(status).toBe(1);
    expect(output().stderr).toMatch(
      /not allowed to send to evhns-abc123\.servicebus\.windows\.net\/backup-jobs .*"Azure Event Hubs Data Sender"/,
    );
  });

  it('fills batches up to the size the hub announces, and reports an event no batch can hold', async () => {
    const small = await startFakeEventHubsBroker({ maxMessageSize: 8_192 });
    try {
      const lines = Array.from({ length: 40 }, (_, i) =>
        JSON.stringify({
          records: [
            { category: 'AddonAzureBackupJobs', properties: { JobUniqueId: `job-${i}`, pad: 'x'.repeat(600) } },
          ],
        }),
      );
      lines.splice(20, 0, JSON.stringify({ records: [{ pad: 'x'.repeat(20_000) }] }));
      const { io, output } = captureIo(lines.join('\n'), FIXTURES);
      const status = await sendCommand(['--namespace', 'evhns-abc123', '--hub', 'backup-jobs', '-'], io, {
        openProducer: async (host, hub) => realProducer(host, hub, small),
      });
      expect(status).toBe(1);
      expect(output().stderr).toBe(
        'backup-triage send: <stdin>:21 is larger than the hub accepts in one event; not sent.\n',
      );
      const batches = Number(/in (\d+) batch/.exec(output().stdout)![1]);
      expect(batches).toBeGreaterThan(3);
      expect(small.received.map((event) => event.body.toString('utf8'))).toEqual(lines.filter((_, i) => i !== 20));
    } finally {
      await small.close();
    }
  });

  it('publishes enriched events (the fan-out) as JSON with the job id as message id', async () => {
    const events = triage([{ body: fixtureJson(RECONSTRUCTED), origin: { bodyIndex: 0 } }]).events;
    const producer = realProducer('evhns-abc123.servicebus.windows.net', 'enriched-events');
    try {
      expect(await sendInBatches(producer, events.map(toEventData))).toEqual({
        sent: events.length,
        batches: 1,
        tooLarge: [],
      });
    } finally {
      await producer.close();
    }
    const published = broker.received.filter((event) => event.hub === 'enriched-events');
    expect(published.map((event) => event.messageId)).toEqual(events.map((event) => event.id));
    expect(published.map((event) => JSON.parse(event.body.toString('utf8')) as unknown)).toEqual(
      JSON.parse(JSON.stringify(events)),
    );
  });
});
