import type { TableStore } from '../../src/adapters/tableStore.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { failedJob } from './lookups.js';

const at = (record: Record<string, unknown>, start: string, extra: Record<string, unknown> = {}) => {
  Object.assign(record['properties'] as object, { JobStartDateTime: start, ...extra });
  return record;
};
const ok = (vm: { resourceGroup: string; name: string }, jobId: string, start: string) =>
  at(failedJob(vm, 'Success', jobId), start, { JobStatus: 'Completed' });
export const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** A day seeded through the real pipeline: repeats, a resolution, a recurring finding, hostile names. */
export async function seed(store: TableStore): Promise<void> {
  const run = (records: Array<Record<string, unknown>>, now: string) =>
    notifyBatch(triage([{ body: { records }, origin: { bodyIndex: 0 } }], { now: () => new Date(now) }), {
      store,
      format: 'generic',
      now: () => new Date(now),
    });
  // The day before: vm-old starts failing (so on the day it is recurring), after its last success.
  await run(
    [
      ok({ resourceGroup: 'rg', name: 'vm-old' }, 'o0', '2026-11-23 12:00:00Z'),
      at(
        failedJob({ resourceGroup: 'rg', name: 'vm-old' }, 'UserErrorBackupOperationInProgress', 'o1'),
        '2026-11-24 01:00:00Z',
      ),
    ],
    '2026-11-24T01:10:00Z',
  );
  // The day: vm-a fails three times (one finding), vm-b fails then succeeds (resolved), vm-old fails again,
  // and a hostile VM name.
  await run(
    [
      at(
        failedJob({ resourceGroup: 'rg', name: 'vm-a' }, 'UserErrorGuestAgentStatusUnavailable', 'a1'),
        '2026-11-25 01:00:00Z',
      ),
      at(
        failedJob({ resourceGroup: 'rg', name: 'vm-b' }, 'UserErrorRpCollectionLimitReached', 'b1'),
        '2026-11-25 01:05:00Z',
      ),
      at(
        failedJob({ resourceGroup: 'rg', name: 'vm-old' }, 'UserErrorBackupOperationInProgress', 'o2'),
        '2026-11-25 01:10:00Z',
      ),
      at(
        failedJob({ resourceGroup: 'rg', name: 'vm-x' }, 'UserErrorUnsupportedDiskSize', 'x1'),
        '2026-11-25 01:15:00Z',
        {
          DatasourceResourceId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${HOSTILE}`,
        },
      ),
    ],
    '2026-11-25T01:30:00Z',
  );
  await run(
    [
      at(
        failedJob({ resourceGroup: 'rg', name: 'vm-a' }, 'UserErrorGuestAgentStatusUnavailable', 'a2'),
        '2026-11-25 09:00:00Z',
      ),
    ],
    '2026-11-25T09:10:00Z',
  );
  await run(
    [
      at(
        failedJob({ resourceGroup: 'rg', name: 'vm-a' }, 'UserErrorGuestAgentStatusUnavailable', 'a3'),
        '2026-11-25 17:00:00Z',
      ),
      ok({ resourceGroup: 'rg', name: 'vm-b' }, 'b-ok', '2026-11-25 13:00:00Z'),
    ],
    '2026-11-25T17:10:00Z',
  );
}
