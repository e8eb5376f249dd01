import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { startLocalReceiver, type LocalReceiver } from '../../src/adapters/localReceiver.js';
import { sendWebhook, type WebhookTarget } from '../../src/adapters/webhookSender.js';
import type { TableStore } from '../../src/adapters/tableStore.js';
import { DEFAULT_NOTIFY_POLICY, type NotifyPolicy } from '../../src/core/notify/types.js';
import type { PriorityThresholds } from '../../src/core/explain/prioritize.js';
import type { Format } from '../../src/core/render/renderNotification.js';
import { redeliver, type Deliver } from '../../src/pipeline/deliver.js';
import { notifyBatch, type NotifyOutcome } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { freshStore, sameTables, stopAzurite } from '../helpers/azurite.js';
import { failedJob } from '../helpers/lookups.js';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const T0 = '2026-11-25T02:00:00Z';
/** A time `minutes` after T0, for the redelivery timer. */
const later = (minutes: number) => () => new Date(Date.parse(T0) + minutes * 60_000);
let receiver: LocalReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});
afterAll(stopAzurite);

const vm = (i: number) => ({ resourceGroup: 'rg-app', name: `vm-${String(i).padStart(3, '0')}` });
const success = (v: { resourceGroup: string; name: string }, jobId: string, start: string) => {
  const record = failedJob(v, 'Success', jobId);
  Object.assign(record['properties'] as object, { JobStatus: 'Completed', JobStartDateTime: start });
  return record;
};
const at = (record: Record<string, unknown>, start: string) => {
  Object.assign(record['properties'] as object, { JobStartDateTime: start });
  return record;
};

interface Harness {
  store: TableStore;
  receiver: LocalReceiver;
  deliver: Deliver;
  run(records: Array<Record<string, unknown>>, now: string, store?: TableStore): Promise<NotifyOutcome>;
}

async function harness(
  options: { format?: Format; policy?: Partial<NotifyPolicy>; retries?: number; thresholds?: PriorityThresholds } = {},
): Promise<Harness> {
  const store = await freshStore();
  receiver = await startLocalReceiver();
  const target: WebhookTarget = { url: receiver.url, format: options.format ?? 'generic', secret: SECRET };
  const deliver: Deliver = (message) =>
    sendWebhook(target, message, {
      retries: options.retries ?? 2,
      minDelayInMs: 10,
      maxDelayInMs: 50,
      attemptTimeoutInMs: 1_000,
      maxRetryAfterInMs: 5_000,
    });
  const policy = { ...DEFAULT_NOTIFY_POLICY, ...options.policy };
  return {
    store,
    receiver,
    deliver,
    run: (records, now, other) =>
      notifyBatch(
        triage([{ body: { records }, origin: { bodyIndex: 0 } }], {
          now: () => new Date(now),
          ...(options.thresholds && { thresholds: options.thresholds }),
        }),
        {
          store: other ?? store,
          format: options.format ?? 'generic',
          deliver,
          policy,
          now: () => new Date(now),
          ...(options.thresholds && { thresholds: options.thresholds }),
        },
      ),
  };
}

const kinds = (r: LocalReceiver) =>
  r.accepted().map((request) => (JSON.parse(request.body) as { data: { kind: string } }).data.kind);
const ids = (r: LocalReceiver) => r.accepted().map((request) => request.headers['webhook-id']);

describe('notification: exactly once per thing worth saying', () => {
  it('the same batch handled twice notifies each finding once', async () => {
    const h = await harness();
    const batch = [
      failedJob(vm(1), 'UserErrorGuestAgentStatusUnavailable'),
      failedJob(vm(2), 'UserErrorKeyvaultPermissionsNotConfigured'),
    ];
    const first = await h.run(batch, '2026-11-25T02:00:00Z');
    const second = await h.run(batch, '2026-11-25T02:05:00Z');
    expect(first).toMatchObject({ messages: { new: 2 }, delivered: 2 });
    expect(second).toMatchObject({ messages: { new: 0, update: 0 }, delivered: 0, duplicates: 2 });
    expect(kinds(h.receiver)).toEqual(['new', 'new']);
  });

  it('two instances handling the same batch at once notify each finding once', async () => {
    // Six findings of one code in one vault would be a storm; here each must be its own message.
    const h = await harness({ policy: { groupThreshold: 50 } });
    const [second, third] = [await sameTables(h.store), await sameTables(h.store)];
    const batch = Array.from({ length: 6 }, (_, i) => failedJob(vm(i), 'UserErrorGuestAgentStatusUnavailable'));
    await Promise.all([h.run(batch, T0), h.run(batch, T0, second), h.run(batch, T0, third)]);
    expect(h.receiver.accepted()).toHaveLength(6);
    expect(new Set(ids(h.receiver)).size).toBe(6);
  });

  it('a failure, three repeats, an escalation and a success make one new, one update and one resolved', async () => {
    const h = await harness({ thresholds: { rpoHours: 24, recurrenceCount: 10, blastRadiusP2: 5, blastRadiusP1: 20 } });
    const v = vm(7);
    const code = 'UserErrorGuestAgentStatusUnavailable';
    // Its last success on record: the one fact the time since the last success is counted from.
    await h.run(
      [success(v, 'ok0', '2026-11-24 23:00:00Z'), at(failedJob(v, code, 'j1'), '2026-11-25 01:00:00Z')],
      '2026-11-25T01:10:00Z',
    );
    await h.run([at(failedJob(v, code, 'j2'), '2026-11-25 05:00:00Z')], '2026-11-25T05:10:00Z');
    await h.run([at(failedJob(v, code, 'j3'), '2026-11-25 09:00:00Z')], '2026-11-25T09:10:00Z');
    await h.run([at(failedJob(v, code, 'j4'), '2026-11-25 13:00:00Z')], '2026-11-25T13:10:00Z');
    // Over two days since that success: over twice the RPO, so P1.
    const escalation = await h.run([at(failedJob(v, code, 'j5'), '2026-11-27 01:30:00Z')], '2026-11-27T01:40:00Z');
    expect(escalation.messages.update).toBe(1);
    await h.run([success(v, 'ok1', '2026-11-27 13:00:00Z')], '2026-11-27T13:10:00Z');
    expect(kinds(h.receiver)).toEqual(['new', 'update', 'resolved']);
    const update = JSON.parse(h.receiver.accepted()[1]!.body) as {
      data: { priority: string; reason: string; occurrences: number };
    };
    expect(update.data).toMatchObject({ priority: 'P1', reason: 'priority rose from P2 to P1', occurrences: 5 });
  });

  it('a failure older than the success that resolved its finding, arriving late, reopens nothing and says nothing', async () => {
    const h = await harness();
    const v = vm(8);
    const code = 'UserErrorGuestAgentStatusUnavailable';
    await h.run([at(failedJob(v, code, 'j1'), '2026-11-25 01:00:00Z')], '2026-11-25T01:10:00Z');
    await h.run([success(v, 'ok1', '2026-11-25 03:00:00Z')], '2026-11-25T03:10:00Z');
    // From another partition, later: a job that failed at 00:30, before the success.
    const late = await h.run([at(failedJob(v, code, 'j0'), '2026-11-25 00:30:00Z')], '2026-11-25T03:20:00Z');
    expect(late.messages).toEqual({ new: 0, update: 0, resolved: 0, group: 0 });
    expect(kinds(h.receiver)).toEqual(['new', 'resolved']);
    expect(await h.store.listOpenFindings()).toEqual([]);
  });

  it('300 items failing with one code in one vault within a minute make one grouped message', async () => {
    const h = await harness();
    const storm = Array.from({ length: 300 }, (_, i) => failedJob(vm(i), 'BackUpOperationFailedV2'));
    const outcome = await h.run(storm, '2026-11-25T02:00:30Z');
    expect(outcome.messages).toEqual({ new: 0, update: 0, resolved: 0, group: 1 });
    expect(kinds(h.receiver)).toEqual(['group']);
    const group = JSON.parse(h.receiver.accepted()[0]!.body) as {
      data: { groupSize: number; priority: string; findings: unknown[] };
    };
    expect(group.data).toMatchObject({ groupSize: 300, priority: 'P1' });
    // The same storm continuing in the next batch joins the group quietly.
    const more = await h.run(
      Array.from({ length: 50 }, (_, i) => failedJob(vm(300 + i), 'BackUpOperationFailedV2')),
      '2026-11-25T02:01:00Z',
    );
    expect(more.messages).toEqual({ new: 0, update: 0, resolved: 0, group: 0 });
    expect(h.receiver.accepted()).toHaveLength(1);
  });

  it('signs generic messages per Standard Webhooks, verified by an independent implementation', async () => {
    const h = await harness({ retries: 3 });
    h.receiver.setFault((n) => (n === 1 ? { status: 503 } : undefined));
    await h.run([failedJob(vm(1), 'UserErrorRpCollectionLimitReached')], '2026-11-25T02:00:00Z');
    expect(h.receiver.requests).toHaveLength(2);
    const [first, second] = h.receiver.requests;
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    const verifier = new Webhook(SECRET);
    const headers = {
      'webhook-id': String(second!.headers['webhook-id']),
      'webhook-timestamp': String(second!.headers['webhook-timestamp']),
      'webhook-signature': String(second!.headers['webhook-signature']),
    };
    expect(() => verifier.verify(second!.body, headers)).not.toThrow();
    expect(() => verifier.verify(`${second!.body} `, headers)).toThrow();
  });
});

describe('delivery: nothing lost, bounded attempts', () => {
  it('receiver down for the whole batch, then up: every message arrives after redelivery, none twice', async () => {
    const h = await harness();
    h.receiver.setFault(() => ({ status: 503 }));
    const batch = [
      failedJob(vm(1), 'UserErrorGuestAgentStatusUnavailable'),
      failedJob(vm(2), 'UserErrorUnsupportedDiskSize'),
      failedJob(vm(3), 'UserErrorBcmDatasourceNotPresent'),
    ];
    const outcome = await h.run(batch, '2026-11-25T02:00:00Z');
    expect(outcome).toMatchObject({ delivered: 0, pending: 3 });
    expect(h.receiver.requests).toHaveLength(9);
    h.receiver.setFault(() => undefined);
    expect(await redeliver(h.store, h.deliver, { now: later(60) })).toMatchObject({ delivered: 3 });
    expect(await redeliver(h.store, h.deliver, { now: later(120) })).toMatchObject({ delivered: 0 });
    expect(h.receiver.accepted()).toHaveLength(3);
    expect(new Set(ids(h.receiver)).size).toBe(3);
  });

  it.each([
    ['500s', () => ({ status: 500 })],
    ['429 with Retry-After', () => ({ status: 429, headers: { 'retry-after': '1' } })],
    ['a hanging receiver', () => ({ hang: true })],
    ['connection resets', () => ({ reset: true })],
  ])('%s: a bounded number of attempts, then the outbox keeps it', async (_, fault) => {
    const h = await harness({ retries: 1 });
    h.receiver.setFault(fault);
    const started = Date.now();
    const outcome = await h.run([failedJob(vm(1), 'UserErrorGuestAgentStatusUnavailable')], '2026-11-25T02:00:00Z');
    expect(outcome).toMatchObject({ delivered: 0, pending: 1 });
    expect(h.receiver.requests).toHaveLength(2);
    if (_ === '429 with Retry-After')
      expect(h.receiver.requests[1]!.at - h.receiver.requests[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(10_000);
    const [pending] = await h.store.listOutbox({ status: 'pending' });
    expect(pending).toMatchObject({ attempts: 2, rounds: 1 });
    h.receiver.setFault(() => undefined);
    expect(await redeliver(h.store, h.deliver, { now: later(60) })).toMatchObject({ delivered: 1 });
  });

  it('a 4xx refusal is not retried and is dead-lettered, visibly', async () => {
    const h = await harness();
    h.receiver.setFault(() => ({ status: 400 }));
    const outcome = await h.run([failedJob(vm(1), 'UserErrorGuestAgentStatusUnavailable')], '2026-11-25T02:00:00Z');
    expect(outcome).toMatchObject({ dead: 1 });
    expect(h.receiver.requests).toHaveLength(1);
    expect(await h.store.listOutbox({ status: 'dead' })).toEqual([
      expect.objectContaining({ lastStatus: 400, lastError: 'HTTP 400' }),
    ]);
  });

  it('a message still undelivered past the maximum age is dead-lettered, not dropped', async () => {
    const h = await harness({ retries: 0 });
    h.receiver.setFault(() => ({ status: 503 }));
    await h.run([failedJob(vm(1), 'UserErrorGuestAgentStatusUnavailable')], '2026-11-25T02:00:00Z');
    const counts = await redeliver(h.store, h.deliver, { now: later(60), policy: { maxAgeMs: 30 * 60_000 } });
    expect(counts).toMatchObject({ dead: 1 });
    const [dead] = await h.store.listOutbox({ status: 'dead' });
    expect(dead!.lastError).toMatch(/dead-lettered$/);
    expect(dead!.body).toContain('UserErrorGuestAgentStatusUnavailable');
  });
});
