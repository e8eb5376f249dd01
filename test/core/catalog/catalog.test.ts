import { describe, expect, it } from 'vitest';

import { CATALOG, getCause, tryFindCode } from '../../../src/core/catalog/index.js';
import { validateCatalog } from '../../../src/core/catalog/validateCatalog.js';
import { docText } from '../../helpers/fixtures.js';

const FR = docText('troubleshoot-agent-extension.fr.md');

/** The "Cause N : [title](#anchor)" lines of one code's section of the French article, as anchors. */
function frenchCauseAnchors(code: string): string[] {
  const start = FR.search(new RegExp(`^## <a name="[^"]*"></a>${code}\\b`, 'mi'));
  expect(start, `section for ${code} in the French article`).toBeGreaterThanOrEqual(0);
  const rest = FR.slice(start + 3);
  const section = rest.slice(0, rest.search(/^## /m));
  return [...section.matchAll(/\*\*Cause \d+\s*:\s*\[[^\]]+\]\(#([^)]+)\)\*\*/g)].map((match) => match[1]!);
}

const anchorToCause = new Map(CATALOG.causes.map((cause) => [cause.anchor.toLowerCase(), cause.id]));

describe('catalog', () => {
  it('is valid', () => {
    expect(validateCatalog(CATALOG)).toEqual([]);
  });

  it('starts with the ten codes of the French article and the three the English article adds', () => {
    expect(CATALOG.codes.slice(0, 13).map((entry) => entry.code)).toEqual([
      'UserErrorGuestAgentStatusUnavailable',
      'GuestAgentSnapshotTaskStatusError',
      'UserErrorRpCollectionLimitReached',
      'UserErrorKeyvaultPermissionsNotConfigured',
      'ExtensionSnapshotFailedNoNetwork',
      'ExtentionOperationFailedForManagedDisks',
      'BackUpOperationFailed',
      'BackUpOperationFailedV2',
      'UserErrorUnsupportedDiskSize',
      'UserErrorBackupOperationInProgress',
      'UserErrorVmProvisioningStateFailed',
      'UserErrorCrpReportedUserError',
      'UserErrorBcmDatasourceNotPresent',
    ]);
  });

  // Codes whose French section lists "Cause N : [..](#anchor)" links: the order is read from the article itself.
  const LINKED = [
    'UserErrorGuestAgentStatusUnavailable',
    'GuestAgentSnapshotTaskStatusError',
    'ExtensionSnapshotFailedNoNetwork',
    'ExtentionOperationFailedForManagedDisks',
  ];
  it.each(LINKED)('%s keeps the causes of the French article, in its order', (code) => {
    const expected = frenchCauseAnchors(code).map((anchor) => anchorToCause.get(anchor.toLowerCase()));
    expect(expected.length).toBeGreaterThan(0);
    expect(tryFindCode(code)!.causes).toEqual(expected);
  });

  // Codes whose causes the article gives as prose or bullets: the expected order is transcribed here.
  it.each([
    // Heading "BackUpOperationFailed / BackUpOperationFailedV2": causes 1-4 are links,
    // cause 5 is the lock (no link), 6 no internet.
    [
      'BackUpOperationFailed',
      [
        'agent-unresponsive-windows',
        'agent-outdated-linux',
        'snapshot-not-taken',
        'extension-update-failed',
        'rp-group-lock',
        'no-internet-access',
      ],
    ],
    [
      'BackUpOperationFailedV2',
      [
        'agent-unresponsive-windows',
        'agent-outdated-linux',
        'snapshot-not-taken',
        'extension-update-failed',
        'rp-group-lock',
        'no-internet-access',
      ],
    ],
    // Two bullets: a lock on the restore-point group, then several backups a day (18 instant RPs).
    ['UserErrorRpCollectionLimitReached', ['rp-group-lock', 'multiple-backups-per-day']],
    ['UserErrorKeyvaultPermissionsNotConfigured', ['keyvault-permissions']],
    ['UserErrorUnsupportedDiskSize', ['disk-too-large']],
    ['UserErrorBackupOperationInProgress', ['backup-in-progress']],
    // English-only codes, from the English article.
    ['UserErrorVmProvisioningStateFailed', ['vm-extension-failed', 'vm-provisioning-updating']],
    ['UserErrorCrpReportedUserError', ['crp-reported-error']],
    ['UserErrorBcmDatasourceNotPresent', ['datasource-not-protected']],
  ] as const)('%s keeps the article’s causes in order', (code, expected) => {
    expect(tryFindCode(code)!.causes).toEqual(expected);
  });

  it('the BackUpOperationFailed causes 1-4 links of the French article match the catalog', () => {
    const anchors = frenchCauseAnchors('BackUpOperationFailed').map((anchor) =>
      anchorToCause.get(anchor.toLowerCase()),
    );
    expect(anchors).toEqual([
      'agent-unresponsive-windows',
      'agent-outdated-linux',
      'snapshot-not-taken',
      'extension-update-failed',
      'no-internet-access',
    ]);
    expect(FR).toMatch(
      /\*\*Cause 5\s*:\s*Service de sauvegarde n’est pas autorisé à supprimer les anciens points de restauration en raison d’un verrou/,
    );
  });

  it.each([
    // What the newer English article lists beyond the French one, in the English order.
    ['UserErrorGuestAgentStatusUnavailable', ['vm-extension-failed']],
    ['GuestAgentSnapshotTaskStatusError', ['snapshot-not-taken', 'agent-config-linux', 'app-control-blocking']],
    ['UserErrorRpCollectionLimitReached', ['rp-collection-limit']],
    ['BackUpOperationFailed', ['extension-bits-mismatch']],
    ['ExtentionOperationFailedForManagedDisks', []],
  ] as const)('%s lists the English article’s additional causes after the source ones', (code, expected) => {
    expect(tryFindCode(code)!.addedCauses).toEqual(expected);
  });

  it.each([
    ['ExtensionOperationFailedForManagedDisks', 'ExtentionOperationFailedForManagedDisks'],
    ['extentionoperationfailedformanageddisks', 'ExtentionOperationFailedForManagedDisks'],
    ['USERERRORGUESTAGENTSTATUSUNAVAILABLE', 'UserErrorGuestAgentStatusUnavailable'],
    ['  BackupOperationFailedV2 ', 'BackUpOperationFailedV2'],
    ['UserErrorKeyVaultPermissionsNotConfigured', 'UserErrorKeyvaultPermissionsNotConfigured'],
  ])('finds %s as %s', (spelling, code) => {
    expect(tryFindCode(spelling)?.code).toBe(code);
  });

  it('does not guess unknown codes', () => {
    expect(tryFindCode('UserErrorSnapshotFailedOnDisk')).toBeUndefined();
    expect(tryFindCode('')).toBeUndefined();
  });

  it('gives every cause steps and an action in English and French, and commands that exist', () => {
    for (const cause of CATALOG.causes) {
      expect(cause.steps.en.length, cause.id).toBeGreaterThan(0);
      expect(cause.steps.fr.length, cause.id).toBe(cause.steps.en.length);
      expect(cause.action.fr, cause.id).not.toBe(cause.action.en);
      expect(cause.commands.length, cause.id).toBeGreaterThan(0);
    }
  });

  it('keeps the articles’ facts: 18 restore points, 32 TB (4 TB encrypted), AzureBackupRG_<geo>_<n>', () => {
    expect(getCause('multiple-backups-per-day').steps.en.join(' ')).toContain('18');
    expect(getCause('disk-too-large').title.en).toContain('32 TB, 4 TB when encrypted with Azure Disk Encryption');
    expect(getCause('disk-too-large').steps.en.join(' ')).toContain('4,095 GB, an older limit');
    expect(getCause('rp-group-lock').steps.en.join(' ')).toContain('AzureBackupRG_<geo>_<number>');
  });

  it('reports a broken entry by name', () => {
    const broken = {
      ...CATALOG,
      codes: [
        { ...CATALOG.codes[0]!, causes: ['no-such-cause'] },
        { ...CATALOG.codes[1]!, aliases: ['UserErrorGuestAgentStatusUnavailable'] },
      ],
    };
    expect(validateCatalog(broken)).toEqual([
      'code UserErrorGuestAgentStatusUnavailable: unknown cause no-such-cause',
      'code GuestAgentSnapshotTaskStatusError: "UserErrorGuestAgentStatusUnavailable" is already used by UserErrorGuestAgentStatusUnavailable',
    ]);
  });

  it('freezes the shared catalog texts', () => {
    expect(() => (getCause('rp-group-lock').steps.en as string[]).push('x')).toThrow(TypeError);
  });
});
