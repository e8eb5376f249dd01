import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { MessagingError, type EventData } from '@azure/event-hubs';
import { describe, expect, it } from 'vitest';

import type { ClosableProducer } from '../../src/adapters/eventHubPublisher.js';
import { sendCommand } from '../../src/cli/sendCommand.js';
import { triage } from '../../src/pipeline/triage.js';
import { FakeProducer } from '../helpers/fakeProducer.js';
import { captureIo, cli } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/events/', import.meta.url));
const ENVELOPE = 'eventhub-azure-backup-records-reconstructed.json';
const ALERT = 'common-alert-schema-azure-backup-backup-failure.real.json';

class ClosableFake extends FakeProducer implements ClosableProducer {
  closed = false;
  opened: Array<[string, string]> = [];
  async close(): Promise<void> {
    this.closed = true;
  }
}

async function send(args: string[], producer: ClosableFake, stdin = '', env: NodeJS.ProcessEnv = {}) {
  const { io, output } = captureIo(stdin, FIXTURES);
  const status = await sendCommand(
    args,
    io,
    {
      openProducer: async (host, hub) => {
        producer.opened.push([host, hub]);
        return producer;
      },
    },
    env,
  );
  return { status, ...output() };
}

describe('backup-triage send (the post-deployment smoke test)', () => {
  it('publishes each file as one event, byte for byte as a vault sends it, and closes the producer', async () => {
    const producer = new ClosableFake();
    const run = await send(['--namespace', 'evhns-abc123', '--hub', 'backup-jobs', ENVELOPE, ALERT], producer);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Sent 2 event(s) in 1 batch(es) to evhns-abc123.servicebus.windows.net/backup-jobs.\n');
    expect(producer.opened).toEqual([['evhns-abc123.servicebus.windows.net', 'backup-jobs']]);
    const sent = producer.sent as EventData[];
    expect(sent.map((event) => event.contentType)).toEqual(['application/json', 'application/json']);
    expect(Buffer.from(sent[0]!.body as Uint8Array).equals(readFileSync(FIXTURES + ENVELOPE))).toBe(true);
    expect(producer.closed).toBe(true);
    // What arrives is what the function would triage: the failure of the sample.
    const result = triage(sent.map((event, bodyIndex) => ({ body: event.body as Buffer, origin: { bodyIndex } })));
    expect(result.events.map((event) => event.job.vmName)).toContain('vm-app-01');
  });

  it('sends NDJSON line by line, in order, in as many batches as the hub size requires', async () => {
    const producer = new ClosableFake(4_096);
    const lines = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify({
        records: [{ category: 'AddonAzureBackupJobs', properties: { JobUniqueId: `job-${i}`, pad: 'x'.repeat(300) } }],
      }),
    );
    const run = await send(
      ['--namespace', 'evhns-abc123.servicebus.windows.net', '--hub', 'backup-jobs', '-'],
      producer,
      lines.join('\n'),
    );
    expect(run.status).toBe(0);
    expect(producer.batches.length).toBeGreaterThan(1);
    expect(run.stdout).toContain(`Sent 30 event(s) in ${producer.batches.length} batch(es)`);
    expect(
      (producer.sent as EventData[]).map((event) => Buffer.from(event.body as Uint8Array).toString('utf8')),
    ).toEqual(lines);
  });

  it('takes the namespace and hub from the settings azd writes', async () => {
    const producer = new ClosableFake();
    const run = await send([ALERT], producer, '', {
      EventHubConnection__fullyQualifiedNamespace: 'evhns-xyz789.servicebus.windows.net',
      EVENTHUB_NAME: 'backup-jobs',
    });
    expect(run.status).toBe(0);
    expect(producer.opened).toEqual([['evhns-xyz789.servicebus.windows.net', 'backup-jobs']]);
  });

  it('reports an event too large for the hub, sends the rest and exits 1', async () => {
    const producer = new ClosableFake(8_192);
    const small = JSON.stringify({ records: [] });
    const huge = JSON.stringify({ records: [{ pad: 'x'.repeat(20_000) }] });
    const run = await send(
      ['--namespace', 'evhns-abc123', '--hub', 'backup-jobs', '-'],
      producer,
      [small, huge, small].join('\n'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('backup-triage send: <stdin>:2 is larger than the hub accepts in one event; not sent.\n');
    expect(run.stdout).toContain('Sent 2 event(s) in 1 batch(es)');
  });

  it('explains a refused send: the role to grant', async () => {
    const producer = new ClosableFake();
    producer.sendBatch = async () => {
      const error = new MessagingError("Unauthorized access. 'Send' claim(s) are required to perform this operation.");
      error.code = 'UnauthorizedError';
      throw error;
    };
    const run = await send(['--namespace', 'evhns-abc123', '--hub', 'backup-jobs', ALERT], producer);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /not allowed to send to evhns-abc123\.servicebus\.windows\.net\/backup-jobs .*Grant yourself "Azure Event Hubs Data Sender" on the hub/,
    );
    expect(producer.closed).toBe(true);
  });

  it.each([
    [['--hub', 'backup-jobs', ALERT], '--namespace is required'],
    [
      [
        '--namespace',
        'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=s',
        '--hub',
        'h',
        ALERT,
      ],
      'not a connection string',
    ],
    [['--namespace', 'evhns-abc123', ALERT], '--hub is required'],
    [['--namespace', 'evhns-abc123', '--hub', 'backup-jobs'], 'give the files to send'],
  ])('refuses %j: %s', async (args, message) => {
    const run = await cli(['send', ...args], '', FIXTURES);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('SharedAccessKey=s');
  });
});
