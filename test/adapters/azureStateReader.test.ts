import { afterEach, describe, expect, it } from 'vitest';

import { AzureState } from '../../scripts/azureState.js';
import type { ReplayEntry } from '../../src/replay/replayFixture.js';
import { failedJob, replay, SUB, WORKSPACE, type Replay } from '../helpers/lookups.js';

const VM = { resourceGroup: 'rg-app', name: 'vm-app-01' };
const HISTORY = `/v1/workspaces/${WORKSPACE}/query`;
const INSTANCE_VIEW = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-01/instanceView`;

let open: Replay | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** One failed job against a replay whose first answer to `fault.path` is the fault; a 2 s batch deadline. */
async function batchAgainst(fault: ReplayEntry) {
  open = await replay(new AzureState().vm({ subscriptionId: SUB, ...VM }).raw(fault), { deadlineMs: 2_000 });
  const started = Date.now();
  const result = await open.run([failedJob(VM, 'UserErrorGuestAgentStatusUnavailable')]);
  return { result, elapsedMs: Date.now() - started, event: result.events[0]! };
}

describe('every external read ends by the batch deadline, whatever the service does', () => {
  it.each([
    ['a Log Analytics query answering after 60 s', { method: 'POST', path: HISTORY, delayMs: 60_000 }],
    ['a Log Analytics query that never answers', { method: 'POST', path: HISTORY, fault: 'hang' as const }],
    [
      'Log Analytics throttling with Retry-After: 120',
      { method: 'POST', path: HISTORY, status: 429, headers: { 'retry-after': '120' } },
    ],
    ['an ARM read that never answers', { path: INSTANCE_VIEW, fault: 'hang' as const }],
    ['ARM throttling with Retry-After: 120', { path: INSTANCE_VIEW, status: 429, headers: { 'retry-after': '120' } }],
  ])('%s: the batch goes on after the deadline, the read says it timed out', async (_, fault) => {
    const { result, elapsedMs, event } = await batchAgainst(fault);
    expect(elapsedMs).toBeLessThan(5_000);
    expect(result.events).toHaveLength(1);
    const probe = fault.path === HISTORY ? 'history' : 'vm-agent';
    expect(event.lookups.find((lookup) => lookup.probe === probe)).toMatchObject({ status: 'timed_out' });
    expect(event.summary.firstAction.text).not.toBe('');
  });
});
