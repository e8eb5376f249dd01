import { collectionsOf, defaultRestorePointGroup } from '../restorePointGroups.js';
import { reads, type ManagementLock, type ReadResult } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe, type ProbeTarget, type Readings } from '../probe.js';

const CAUSE = 'rp-group-lock';

/** The restore-point resource groups to check: those holding the VM's collections, else the default. */
function restorePointGroups(t: ProbeTarget, readings: Readings): string[] {
  const listing = readOf(readings, reads.restorePointCollections(t.subscriptionId));
  const groups = listing.ok
    ? [...new Set(collectionsOf(t, listing.value).map((collection) => collection.resourceGroup))]
    : [];
  const fallback = defaultRestorePointGroup(t);
  return groups.length > 0 ? groups : fallback !== undefined ? [fallback] : [];
}

/** Locks (CanNotDelete, ReadOnly) on the restore-point groups and on the VM's own group. */
export const rpLocksProbe: Probe = {
  name: 'rp-locks',
  tests: [CAUSE],
  plan: (t) => [reads.restorePointCollections(t.subscriptionId), reads.locks(t.subscriptionId, t.resourceGroup)],
  followUp: (t, readings) => restorePointGroups(t, readings).map((group) => reads.locks(t.subscriptionId, group)),
  evaluate(t, readings) {
    const groups = restorePointGroups(t, readings);
    const checked: Array<{ group: string; read: ReadResult<ManagementLock[]>; isVmGroup: boolean }> = [
      ...groups.map((group) => ({
        group,
        read: readOf(readings, reads.locks(t.subscriptionId, group)),
        isVmGroup: false,
      })),
      {
        group: t.resourceGroup,
        read: readOf(readings, reads.locks(t.subscriptionId, t.resourceGroup)),
        isVmGroup: true,
      },
    ];
    const found = checked.flatMap(({ group, read, isVmGroup }) =>
      read.ok ? read.value.map((lock) => ({ group, lock, isVmGroup, read })) : [],
    );
    const values = {
      groups: checked.map(({ group, read }) => ({
        group,
        locks: read.ok ? read.value.map((lock) => `${lock.name} (${lock.level})`) : `unread: ${read.reason}`,
      })),
    };
    const blocking = found.find((entry) => !entry.isVmGroup) ?? found[0];
    if (blocking !== undefined) {
      const where = blocking.isVmGroup
        ? `the VM's resource group ${blocking.group}`
        : `the restore-point resource group ${blocking.group}`;
      const note = blocking.lock.notes ? ` ("${blocking.lock.notes}")` : '';
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'confirmed',
            evidence: evidence(
              'rp-locks',
              `lock ${blocking.lock.name} (${blocking.lock.level})${note} on ${where} blocks restore-point cleanup`,
              blocking.read,
              values,
            ),
          },
        ],
        learned: {
          ...(blocking.lock.name !== undefined && { lockName: blocking.lock.name }),
          rpResourceGroup: blocking.group,
        },
      };
    }
    const failure = checked.find(({ read }) => !read.ok)?.read;
    if (failure !== undefined && !failure.ok) return failedOutcome(this, failure);
    const first = checked[0]!.read;
    return {
      status: 'ok',
      verdicts: [
        {
          causeId: CAUSE,
          verdict: 'ruled_out',
          evidence: evidence(
            'rp-locks',
            `no lock on ${checked.map(({ group }) => group).join(' nor on ')}`,
            first,
            values,
          ),
        },
      ],
      ...(groups[0] !== undefined && { learned: { rpResourceGroup: groups[0] } }),
    };
  },
};
