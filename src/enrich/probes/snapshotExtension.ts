import { quoted } from '../../core/render/typography.js';
import type { Lang } from '../../core/types.js';
import { reads } from '../readings.js';
import { failedOutcome, readOf, verdictsOf, type Probe } from '../probe.js';

const BACKUP_EXTENSION = 'extension-update-failed';
const ANY_EXTENSION = 'vm-extension-failed';
const NO_NETWORK = 'no-internet-access';
/**
 * A backup extension whose own failure says it could not reach the network did load and run: the
 * article's "The VM has no internet access" (the extension sends its snapshot commands to an Azure
 * Storage HTTPS endpoint) explains it, not "The backup extension fails to update or load".
 */
const NETWORK_FAILURE =
  /\b(network|unreachable|connectivity|no route|name resolution|dns|proxy|(unable|failed|could not) to (connect|reach)|connection (refused|reset|timed out))\b/i;
const SNAPSHOT_TYPE = /(^|\.)VMSnapshot(Linux)?$/i;

const TEXT = {
  en: {
    noStatus: 'no status',
    colon: ': ',
    missing: (vm: string) => `no VMSnapshot extension on ${vm}: Azure Backup installs it at the next backup`,
    failed: (what: string) => `backup extension ${what}`,
    loadedButNoNetwork: (name: string) =>
      `the backup extension ${name} loaded and ran; what failed is its network access`,
    noNetwork: (what: string) => `the backup extension cannot reach the network: ${what}`,
    fine: (what: string, version: string | undefined) => `backup extension ${what}, version ${version ?? 'unknown'}`,
    othersFailed: (n: number, list: string) => `extension${n > 1 ? 's' : ''} in a failed state: ${list}`,
    allFine: (n: number) => `all ${n} extensions report success`,
    none: 'no extension status reported',
  },
  fr: {
    noStatus: 'sans état',
    colon: ' : ',
    missing: (vm: string) => `pas d’extension VMSnapshot sur ${vm} : Azure Backup l’installe à la prochaine sauvegarde`,
    failed: (what: string) => `extension de sauvegarde ${what}`,
    loadedButNoNetwork: (name: string) =>
      `l’extension de sauvegarde ${name} s’est chargée et a tourné ; c’est son accès au réseau qui a échoué`,
    noNetwork: (what: string) => `l’extension de sauvegarde n’atteint pas le réseau : ${what}`,
    fine: (what: string, version: string | undefined) =>
      `extension de sauvegarde ${what}, version ${version ?? 'inconnue'}`,
    othersFailed: (n: number, list: string) => `${n > 1 ? 'extensions' : 'extension'} en échec : ${list}`,
    allFine: (n: number) => `les ${n} extensions signalent un succès`,
    none: 'aucun état d’extension signalé',
  },
} as const satisfies Record<Lang, unknown>;

function isFailed(statuses: ReadonlyArray<{ code?: string; level?: string }> | undefined): boolean {
  return (statuses ?? []).some((status) => /failed/i.test(status.code ?? '') || /^error$/i.test(status.level ?? ''));
}

/** The backup extension (VMSnapshot / VMSnapshotLinux) and every other extension's provisioning status. */
export const snapshotExtensionProbe: Probe = {
  name: 'snapshot-extension',
  tests: [BACKUP_EXTENSION, ANY_EXTENSION, NO_NETWORK],
  plan: (t) => [reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName)],
  evaluate(t, readings, context) {
    const m = TEXT[context.lang];
    const read = readOf(readings, reads.instanceView(t.subscriptionId, t.resourceGroup, t.vmName));
    if (!read.ok) return failedOutcome(this, read, context.lang, { vmMissing: read.status === 404 });
    const extensions = read.value.extensions ?? [];
    const backup = extensions.find(
      (extension) => SNAPSHOT_TYPE.test(extension.type ?? '') || SNAPSHOT_TYPE.test(extension.name ?? ''),
    );
    const failed = extensions.filter((extension) => isFailed(extension.statuses));
    // Status texts are Azure's own words: quoted as read, in any language.
    const said = (text: string) => (context.lang === 'fr' ? quoted('fr', text) : text);
    const describe = (extension: (typeof extensions)[number]) =>
      `${extension.name ?? extension.type}${m.colon}${extension.statuses?.[0]?.displayStatus !== undefined ? said(extension.statuses[0].displayStatus) : m.noStatus}${extension.statuses?.[0]?.message ? ` (${said(extension.statuses[0].message)})` : ''}`;
    const values = {
      extensions: extensions.map((extension) => ({
        name: extension.name,
        type: extension.type,
        version: extension.typeHandlerVersion,
        status: extension.statuses?.[0]?.displayStatus,
      })),
    };
    const say = verdictsOf('snapshot-extension', read, values);

    const networkFailure =
      backup !== undefined &&
      isFailed(backup.statuses) &&
      (backup.statuses ?? []).some((status) => NETWORK_FAILURE.test(status.message ?? ''));
    const backupVerdict =
      backup === undefined
        ? say(BACKUP_EXTENSION, 'unknown', m.missing(t.vmName))
        : networkFailure
          ? say(BACKUP_EXTENSION, 'present', m.loadedButNoNetwork(backup.name ?? backup.type ?? 'VMSnapshot'))
          : isFailed(backup.statuses)
            ? say(BACKUP_EXTENSION, 'implicated', m.failed(describe(backup)))
            : say(BACKUP_EXTENSION, 'ruled_out', m.fine(describe(backup), backup.typeHandlerVersion));
    const networkVerdicts = networkFailure ? [say(NO_NETWORK, 'implicated', m.noNetwork(describe(backup)))] : [];
    const anyVerdict =
      failed.length > 0
        ? say(ANY_EXTENSION, 'implicated', m.othersFailed(failed.length, failed.map(describe).join('; ')))
        : extensions.length > 0
          ? say(ANY_EXTENSION, 'ruled_out', m.allFine(extensions.length))
          : say(ANY_EXTENSION, 'unknown', m.none);
    const name = backup?.name ?? (backup?.type !== undefined ? backup.type.split('.').pop() : undefined);
    return {
      status: 'ok',
      verdicts: [backupVerdict, anyVerdict, ...networkVerdicts],
      ...(name !== undefined && { learned: { snapshotExtensionName: name } }),
      ...(backup !== undefined && {
        osType: /linux$/i.test(backup.type ?? backup.name ?? '') ? ('linux' as const) : ('windows' as const),
      }),
    };
  },
};
