import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { startLocalReceiver, type LocalReceiver } from '../../src/adapters/localReceiver.js';
import { TableStore } from '../../src/adapters/tableStore.js';
import { sendWebhook, type WebhookTarget } from '../../src/adapters/webhookSender.js';
import { DEFAULT_NOTIFY_POLICY, type NotifyPolicy } from '../../src/core/notify/types.js';
import { redeliver, sendClaimed, type Deliver } from '../../src/pipeline/deliver.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { azurite, freshStore, sameTables, stopAzurite } from '../helpers/azurite.js';
import { isFindingWrite, startFaultProxy } from '../helpers/faultProxy.js';
import { failedJob } from '../helpers/lookups.js';

let receiver: LocalReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});
afterAll(stopAzurite);

const vm = (i: number) => ({ resourceGroup: 'rg-app', name: `vm-${String(i).padStart(3, '0')}` });
const CODE = 'UserErrorGuestAgentStatusUnavailable';
const batchOf = (records: Array<Record<string, unknown>>) =>
  triage([{ body: { records }, origin: { bodyIndex: 0 } }], { now: () => new Date() });
const kinds = (r: LocalReceiver) =>
  r.accepted().map((request) => (JSON.parse(request.body) as { data: { kind: string } }).data.kind);
const ids = (r: LocalReceiver) => r.requests.map((request) => String(request.headers['webhook-id']));

function deliverTo(url: string, options: { attemptTimeoutInMs?: number; retries?: number } = {}): Deliver {
  const target: WebhookTarget = { url, format: 'generic' };
  return (message, call) =>
    sendWebhook(target, message, {
      retries: options.retries ?? 1,
      minDelayInMs: 10,
      maxDelayInMs: 50,
      attemptTimeoutInMs: options.attemptTimeoutInMs ?? 5_000,
      ...(call?.signal !== undefined && { signal: call.signal }),
    });
}

const policy = (overrides: Partial<NotifyPolicy> = {}) => ({ ...DEFAULT_NOTIFY_POLICY, ...overrides });

describe('leases are taken per message when it is sent', () => {
  it('a slow receiver and the redelivery timer running meanwhile: every message goes out once, nothing crashes', async () => {
    const store = await freshStore();
    receiver = await startLocalReceiver({ plan: () => ({ delayMs: 1_000 }) });
    const deliver = deliverTo(receiver.url);
    const batch = batchOf(Array.from({ length: 5 }, (_, i) => failedJob(vm(i), CODE)));
    let done = false;
    let byTimer = 0;
    const timer = (async () => {
      // The timer of another instance, every 250 ms, with its own clock, while the batch delivers.
      const other = await sameTables(store);
      while (!done) {
        byTimer += (await redeliver(other, deliver, { leaseMs: 4_000 })).delivered;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    let delivered: number;
    try {
      const outcome = await notifyBatch(batch, {
        store,
        format: 'generic',
        deliver,
        policy: policy({ groupThreshold: 50 }),
        leaseMs: 4_000,
        deliveryConcurrency: 1,
      });
      delivered = outcome.delivered;
    } finally {
      done = true;
      await timer;
    }
    // What the batch did not send within its leases, the timer sent: each message exactly once.
    expect(delivered + byTimer).toBe(5);
    expect(receiver.accepted()).toHaveLength(5);
    expect(new Set(ids(receiver)).size).toBe(5);
  });

  it('a settlement that finds its lease taken by another instance is a normal outcome, not a crash', async () => {
    const store = await freshStore();
    receiver = await startLocalReceiver();
    await notifyBatch(batchOf([failedJob(vm(1), CODE)]), { store, format: 'generic', policy: policy() });
    const [message] = await store.listOutbox();
    const t0 = Date.parse(message!.createdAt);
    const mine = await store.claim(message!.id, new Date(t0), 1_000);
    // This instance stalls past its lease; another takes the message.
    const theirs = await (await sameTables(store)).claim(message!.id, new Date(t0 + 5_000), 60_000);
    expect(mine).toBeDefined();
    expect(theirs).toBeDefined();
    const settled = await sendClaimed(mine!, store, deliverTo(receiver.url), () => new Date(t0 + 6_000));
    expect(settled).toBe('lost');
    const [after] = await store.listOutbox();
    expect(after).toMatchObject({ status: 'sending', leaseUntil: theirs!.leaseUntil });
  });

  it('a receiver that never answers holds the batch for one delivery budget, not one per message', async () => {
    const store = await freshStore();
    receiver = await startLocalReceiver({ plan: () => ({ hang: true }) });
    const batch = batchOf(Array.from({ length: 12 }, (_, i) => failedJob(vm(i), CODE)));
    const started = Date.now();
    const outcome = await notifyBatch(batch, {
      store,
      format: 'generic',
      deliver: deliverTo(receiver.url, { attemptTimeoutInMs: 500, retries: 1 }),
      policy: policy({ groupThreshold: 50 }),
    });
    expect(outcome).toMatchObject({ delivered: 0, pending: 12 });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(await store.listOutbox({ status: 'pending' })).toHaveLength(12);
  });
});

describe('storm counts and job memory are sets: nothing counted twice', () => {
  it('a batch retried after storage failed at the wrong moment sends no extra group message', async () => {
    const { connectionString } = await azurite();
    const proxy = await startFaultProxy(connectionString);
    try {
      const direct = await freshStore();
      const store = new TableStore(
        { connectionString: proxy.connectionString },
        { prefix: direct.findings.tableName.replace(/findings$/, '') },
      );
      receiver = await startLocalReceiver();
      // Storm groups are saved, then the findings' own states cannot be written: the batch fails.
      proxy.setFault(({ method, path, body }) =>
        method === 'POST' && isFindingWrite(path, body) ? { status: 403 } : undefined,
      );
      const batch = batchOf([failedJob(vm(1), CODE), failedJob(vm(2), CODE), failedJob(vm(3), CODE)]);
      const options = { store, format: 'generic' as const, deliver: deliverTo(receiver.url), policy: policy() };
      await expect(notifyBatch(batch, options)).rejects.toMatchObject({ statusCode: 403 });
      // The host runs the batch again, storage healthy.
      proxy.setFault(() => undefined);
      await notifyBatch(batch, options);
      expect(kinds(receiver).sort()).toEqual(['new', 'new', 'new']);
    } finally {
      await proxy.close();
    }
  });

  it('the same storm handled by two instances at once is one group of its real size', async () => {
    const store = await freshStore();
    const other = await sameTables(store);
    receiver = await startLocalReceiver();
    const batch = batchOf(Array.from({ length: 4 }, (_, i) => failedJob(vm(i), CODE)));
    const options = {
      format: 'generic' as const,
      deliver: deliverTo(receiver.url),
      policy: policy({ groupThreshold: 2 }),
    };
    await Promise.all([notifyBatch(batch, { ...options, store }), notifyBatch(batch, { ...options, store: other })]);
    // Later in the window, a fifth item: it joins quietly, and the group still counts five items.
    await notifyBatch(batchOf([failedJob(vm(4), CODE)]), { ...options, store });
    const groups = receiver
      .accepted()
      .map((request) => JSON.parse(request.body) as { data: { kind: string; groupSize?: number } })
      .filter((message) => message.data.kind === 'group');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.data.groupSize).toBe(4);
    const [group] = await listGroups(store);
    expect(group).toMatchObject({ count: 5 });
  });

  it('60 failures of one finding replayed are counted once', async () => {
    const store = await freshStore();
    const hour = (h: number) => new Date(Date.UTC(2026, 10, 22, 0, 0, 0) + h * 3_600_000).toISOString();
    const records = Array.from({ length: 60 }, (_, h) => {
      const record = failedJob(vm(1), CODE, `job-${h}`);
      Object.assign(record['properties'] as object, { JobStartDateTime: hour(h) });
      return record;
    });
    const options = { store, format: 'generic' as const, policy: policy() };
    await notifyBatch(batchOf(records), options);
    const replay = await notifyBatch(batchOf(records), options);
    expect(replay.duplicates).toBe(60);
    expect((await store.listOpenFindings()).map((finding) => finding.occurrences)).toEqual([60]);
  });
});

async function listGroups(store: TableStore): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for await (const entity of store.findings.listEntities<Record<string, unknown>>({
    queryOptions: { filter: "PartitionKey eq 'group'" },
  }))
    out.push(entity);
  return out;
}
