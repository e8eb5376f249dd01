import { describe, expect, it } from 'vitest';

import { decideFailure, decideSuccess } from '../../../src/core/notify/decide.js';
import { DEFAULT_NOTIFY_POLICY } from '../../../src/core/notify/types.js';
import { triage } from '../../../src/pipeline/triage.js';
import { failedJob } from '../../helpers/lookups.js';

const NOW = new Date('2026-11-25T06:00:00Z');

function failure(jobId: string, start: string) {
  const record = failedJob(
    { resourceGroup: 'rg-app', name: 'vm-app-01' },
    'UserErrorGuestAgentStatusUnavailable',
    jobId,
  );
  Object.assign(record['properties'] as object, { JobStartDateTime: start });
  return triage([{ body: { records: [record] }, origin: { bodyIndex: 0 } }]).events[0]!;
}

describe('decideFailure: news or history', () => {
  const first = decideFailure(undefined, failure('j1', '2026-11-25 01:00:00Z'), DEFAULT_NOTIFY_POLICY, undefined, NOW);
  const resolved = decideSuccess(first.state, 'ok1', '2026-11-25T03:00:00.000Z', NOW).state;

  it('a failure that started before the success that resolved its finding is history: no reopening, no message', () => {
    const late = decideFailure(resolved, failure('j0', '2026-11-25 00:30:00Z'), DEFAULT_NOTIFY_POLICY, undefined, NOW);
    expect(late.notify).toBeUndefined();
    expect(late.state).toMatchObject({ status: 'resolved', resolvedByJobId: 'ok1', occurrences: 1 });
    // Seen: the same late job again changes nothing.
    expect(
      decideFailure(late.state, failure('j0', '2026-11-25 00:30:00Z'), DEFAULT_NOTIFY_POLICY, undefined, NOW).changed,
    ).toBe(false);
  });

  it('a failure after the success reopens the finding and is news', () => {
    const again = decideFailure(resolved, failure('j2', '2026-11-25 05:00:00Z'), DEFAULT_NOTIFY_POLICY, undefined, NOW);
    expect(again.notify).toEqual({ kind: 'new' });
    expect(again.state).toMatchObject({ status: 'open', firstFailedAt: '2026-11-25T05:00:00.000Z' });
  });
});
