import { afterEach, describe, expect, it } from 'vitest';

import { AzureState } from '../../scripts/azureState.js';
import { CATALOG } from '../../src/core/catalog/index.js';
import { PROBES } from '../../src/enrich/registry.js';
import { cause, failedJob, replay, SUB, WORKSPACE, type Replay } from '../helpers/lookups.js';

let open: Replay | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const VM = { resourceGroup: 'rg-app', name: 'vm-app-01' };
const instanceView = (rg: string, name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}/instanceView`;

describe('probe registry and catalog', () => {
  it('agree: a cause names exactly the probes that test it', () => {
    for (const cause of [...CATALOG.causes, CATALOG.generic, CATALOG.vmDeleted]) {
      const testing = Object.values(PROBES)
        .filter((probe) => probe.tests.includes(cause.id))
        .map((probe) => probe.name)
        .sort();
      expect([...cause.probes].sort(), cause.id).toEqual(testing);
    }
  });
});

describe('faults: the finding is always emitted, the failure recorded', () => {
  it('honours Retry-After on 429, then reads the answer', async () => {
    const state = new AzureState().vm({ subscriptionId: SUB, ...VM, agent: 'not-ready' }).raw({
      path: instanceView('rg-app', 'vm-app-01'),
      status: 429,
      times: 1,
      headers: { 'retry-after': '1' },
      body: { error: { code: 'TooManyRequests', message: 'The request is being throttled.' } },
    });
    open = await replay(state);
    const result = await open.run([failedJob(VM, 'UserErrorGuestAgentStatusUnavailable')]);
    const hits = open.server.requests.filter(
      (request) => request.path === instanceView('rg-app', 'vm-app-01').toLowerCase(),
    );
    expect(hits).toHaveLength(2);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(950);
    expect(cause(result.events[0], 'agent-unresponsive-windows').verdict).toBe('confirmed');
  });

  it.each([
    ['a reset connection', { fault: 'reset' as const }, 'failed', /^no answer: ECONNRESET/],
    [
      'a 404 on the instance view',
      { status: 404, body: { error: { code: 'ResourceNotFound', message: 'gone' } } },
      'failed',
      /^404: VM vm-app-01 not found/,
    ],
  ])('%s', async (_, fault, status, error) => {
    open = await replay(
      new AzureState().vm({ subscriptionId: SUB, ...VM }).raw({ path: instanceView('rg-app', 'vm-app-01'), ...fault }),
    );
    const result = await open.run([failedJob(VM, 'UserErrorGuestAgentStatusUnavailable')]);
    expect(result.events).toHaveLength(1);
    const lookup = result.events[0]!.lookups.find((l) => l.probe === 'vm-agent')!;
    expect(lookup.status).toBe(status);
    expect(lookup.error).toMatch(error);
  });

  it('a hanging Azure does not hold the batch past its deadline; other VMs are still judged', async () => {
    const state = new AzureState()
      .vm({ subscriptionId: SUB, resourceGroup: 'rg-app', name: 'vm-ok', agent: 'not-ready' })
      .vm({ subscriptionId: SUB, ...VM })
      .raw({ path: instanceView('rg-app', 'vm-app-01'), fault: 'hang' });
    open = await replay(state, { deadlineMs: 500 });
    const started = Date.now();
    const result = await open.run([
      failedJob(VM, 'UserErrorGuestAgentStatusUnavailable'),
      failedJob({ resourceGroup: 'rg-app', name: 'vm-ok' }, 'UserErrorGuestAgentStatusUnavailable'),
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.events.map((event) => event.lookups.find((l) => l.probe === 'vm-agent')!.status)).toEqual([
      'timed_out',
      'ok',
    ]);
    expect(cause(result.events[1], 'agent-unresponsive-windows').verdict).toBe('confirmed');
  });
});

describe('efficiency: counted at the replay server', () => {
  it('a storm of 1,000 failures over 200 VMs reads each (VM, kind) once, and nothing on a warm cache', async () => {
    const state = new AzureState();
    const vms = Array.from({ length: 200 }, (_, i) => ({
      resourceGroup: `rg-app-${i % 10}`,
      name: `vm-${String(i).padStart(3, '0')}`,
    }));
    for (const vm of vms) state.vm({ subscriptionId: SUB, ...vm, agent: 'not-ready' });
    state.history(WORKSPACE, []);
    const jobs = Array.from({ length: 1_000 }, (_, i) =>
      failedJob(vms[i % 200]!, 'UserErrorGuestAgentStatusUnavailable', `job-${i}`),
    );
    // A budget above ARM's 250-read burst keeps this test about counting, not about waiting.
    open = await replay(state, { limiterFor: () => undefined });
    const result = await open.run(jobs);

    expect(result.events).toHaveLength(1_000);
    const perPath = new Map<string, number>();
    for (const request of open.server.requests)
      perPath.set(`${request.method} ${request.path}`, (perPath.get(`${request.method} ${request.path}`) ?? 0) + 1);
    expect(Math.max(...perPath.values())).toBe(1);
    // instance view and model for each VM, one history query for the batch
    expect(open.server.requests).toHaveLength(200 * 2 + 1);
    expect(open.reader.http.requests).toBe(401);
    expect(result.stats.lookups).toMatchObject({ reads: 401, cacheHits: 0 });
    expect(result.events.every((event) => cause(event, 'agent-unresponsive-windows').verdict === 'confirmed')).toBe(
      true,
    );

    const again = await open.run(jobs);
    expect(open.server.requests).toHaveLength(401);
    expect(again.stats.lookups).toMatchObject({ reads: 401, cacheHits: 401 });
  });
});
