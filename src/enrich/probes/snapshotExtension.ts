import { reads } from '../readings.js';
import { failedOutcome, readOf, verdictsOf, type Probe } from '../probe.js';

const BACKUP_EXTENSION = 'extension-update-failed';
const ANY_EXTENSION = 'vm-extension-failed';
const SNAPSHOT_TYPE = /(^|\.)VMSnapshot(Linux)?$/i;

function isFailed(statuses: ReadonlyArray<{ code?: string; level?: string }> | undefined): boolean {
  return (statuses ?? []).some((status) => /failed/i.test(status.code ?? '') || /^error$/i.test(status.level ?? ''));
}

/** The backup extension (VMSnapshot / VMSnapshotLinux) and every other extension's provisioning status. */
export const snapshotExtensionProbe: Probe = {
  name: 'snapshot-extension',
  tests: [BACKUP_EXTENSION, ANY_EXTENSION],
  plan: (t) => [reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName)],
  evaluate(t, readings) {
    const read = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!read.ok) return failedOutcome(this, read, { vmMissing: read.status === 404 });
    const extensions = read.value.extensions ?? [];
    const backup = extensions.find(
      (extension) => SNAPSHOT_TYPE.test(extension.type ?? '') || SNAPSHOT_TYPE.test(extension.name ?? ''),
    );
    const failed = extensions.filter((extension) => isFailed(extension.statuses));
    const describe = (extension: (typeof extensions)[number]) =>
      `${extension.name ?? extension.type}: ${extension.statuses?.[0]?.displayStatus ?? 'no status'}${extension.statuses?.[0]?.message ? ` (${extension.statuses[0].message})` : ''}`;
    const values = {
      extensions: extensions.map((extension) => ({
        name: extension.name,
        type: extension.type,
        version: extension.typeHandlerVersion,
        status: extension.statuses?.[0]?.displayStatus,
      })),
    };
    const say = verdictsOf('snapshot-extension', read, values);

    const backupVerdict =
      backup === undefined
        ? say(
            BACKUP_EXTENSION,
            'unknown',
            `no VMSnapshot extension on ${t.vmName}: Azure Backup installs it at the next backup`,
          )
        : isFailed(backup.statuses)
          ? say(BACKUP_EXTENSION, 'confirmed', `backup extension ${describe(backup)}`)
          : say(
              BACKUP_EXTENSION,
              'ruled_out',
              `backup extension ${describe(backup)}, version ${backup.typeHandlerVersion ?? 'unknown'}`,
            );
    const anyVerdict =
      failed.length > 0
        ? say(
            ANY_EXTENSION,
            'confirmed',
            `extension${failed.length > 1 ? 's' : ''} in a failed state: ${failed.map(describe).join('; ')}`,
          )
        : extensions.length > 0
          ? say(ANY_EXTENSION, 'ruled_out', `all ${extensions.length} extensions report success`)
          : say(ANY_EXTENSION, 'unknown', 'no extension status reported');
    const name = backup?.name ?? (backup?.type !== undefined ? backup.type.split('.').pop() : undefined);
    return {
      status: 'ok',
      verdicts: [backupVerdict, anyVerdict],
      ...(name !== undefined && { learned: { snapshotExtensionName: name } }),
      ...(backup !== undefined && {
        osType: /linux$/i.test(backup.type ?? backup.name ?? '') ? ('linux' as const) : ('windows' as const),
      }),
    };
  },
};
