import type { Lang } from '../../core/types.js';
import { collectionsOf, defaultRestorePointGroup } from '../restorePointGroups.js';
import { reads, type ManagementLock, type ReadResult } from '../readings.js';
import { evidence, failedOutcome, readOf, type Probe, type ProbeTarget, type Readings } from '../probe.js';

const CAUSE = 'rp-group-lock';

const TEXT = {
  en: {
    vmGroup: (group: string) => `the VM's resource group ${group}`,
    rpGroup: (group: string) => `the restore-point resource group ${group}`,
    found: (lock: string, level: string, note: string, where: string) =>
      `lock ${lock} (${level})${note} on ${where}: old restore points there cannot be deleted`,
    none: (groups: string[]) => `no lock on ${groups.join(' nor on ')}`,
    unread: (reason: string) => `unread: ${reason}`,
    note: (notes: string) => ` ("${notes}")`,
  },
  fr: {
    vmGroup: (group: string) => `le groupe de ressources de la VM ${group}`,
    rpGroup: (group: string) => `le groupe de ressources des points de restauration ${group}`,
    found: (lock: string, level: string, note: string, where: string) =>
      `verrou ${lock} (${level})${note} sur ${where} : les anciens points de restauration n’y peuvent pas être supprimés`,
    none: (groups: string[]) => `aucun verrou sur ${groups.join(' ni sur ')}`,
    unread: (reason: string) => `non lu : ${reason}`,
    note: (notes: string) => ` (« ${notes} »)`,
  },
} as const satisfies Record<Lang, unknown>;

/** The restore-point resource groups to check: those holding the VM's collections, else the default. */
function restorePointGroups(t: ProbeTarget, readings: Readings): string[] {
  const listing = readOf(readings, reads.restorePointCollections(t.subscriptionId));
  const groups = listing.ok
    ? [...new Set(collectionsOf(t, listing.value).map((collection) => collection.resourceGroup))]
    : [];
  const fallback = defaultRestorePointGroup(t);
  return groups.length > 0 ? groups : fallback !== undefined ? [fallback] : [];
}

/**
 * Locks (CanNotDelete, ReadOnly) on the restore-point groups and on the VM's own group. A lock is
 * `present`: it matters only once the restore points reach their limit (the catalog's `onlyWith`),
 * which the restore-points probe counts and `judgeCauses` weighs.
 */
export const rpLocksProbe: Probe = {
  name: 'rp-locks',
  tests: [CAUSE],
  plan: (t) => [reads.restorePointCollections(t.subscriptionId), reads.locks(t.subscriptionId, t.resourceGroup)],
  followUp: (t, readings) => restorePointGroups(t, readings).map((group) => reads.locks(t.subscriptionId, group)),
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
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
        locks: read.ok ? read.value.map((lock) => `${lock.name} (${lock.level})`) : m.unread(read.text[context.lang]),
      })),
    };
    const blocking = found.find((entry) => !entry.isVmGroup) ?? found[0];
    if (blocking !== undefined) {
      const where = blocking.isVmGroup ? m.vmGroup(blocking.group) : m.rpGroup(blocking.group);
      // The lock's notes are the owner's own words: quoted as written.
      const note = blocking.lock.notes ? m.note(blocking.lock.notes) : '';
      return {
        status: 'ok',
        verdicts: [
          {
            causeId: CAUSE,
            verdict: 'present',
            evidence: evidence(
              'rp-locks',
              m.found(blocking.lock.name ?? '?', blocking.lock.level ?? '?', note, where),
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
    if (failure !== undefined && !failure.ok) return failedOutcome(this, failure, context.lang);
    const first = checked[0]!.read;
    return {
      status: 'ok',
      verdicts: [
        {
          causeId: CAUSE,
          verdict: 'ruled_out',
          evidence: evidence('rp-locks', m.none(checked.map(({ group }) => group)), first, values),
        },
      ],
      ...(groups[0] !== undefined && { learned: { rpResourceGroup: groups[0] } }),
    };
  },
};
