import { describe, expect, it } from 'vitest';

import { CATALOG, getCause, getCommand, tryFindCode } from '../../../src/core/catalog/index.js';
import { headingCodes } from '../../helpers/articleCodes.js';

const VM_ARTICLES = [
  // Troubleshoot Azure Backup failures caused by agent or extension issues (ms.date 11/12/2025).
  'backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout.en.md',
  // Troubleshoot backup errors with Azure VMs (ms.date 11/12/2025).
  'backup-azure-vms-troubleshoot.en.md',
];

describe('the catalog covers every code heading of the two VM troubleshooting articles', () => {
  const headings = VM_ARTICLES.flatMap((fixture) => headingCodes(fixture).map((heading) => ({ ...heading, fixture })));

  it('reads the headings of both articles (13 and 36 codes)', () => {
    expect(headingCodes(VM_ARTICLES[0]!)).toHaveLength(13);
    expect(headingCodes(VM_ARTICLES[1]!)).toHaveLength(36);
    expect(headings.map((heading) => heading.code)).toEqual(
      expect.arrayContaining([
        'UserErrorUnableToOpenMount',
        'UserErrorFsFreezeFailed',
        'ExtensionSnapshotFailedCOM',
        'UserErrorRequestDisallowedByPolicy',
        'UserErrorVmNotInDesirableState',
        'BCMV2VMNotFound',
        'ResourceNotFound',
      ]),
    );
  });

  it.each(headings.map((heading) => [heading.code, heading]))(
    '%s: in the catalog with causes, steps in English and French, and a command',
    (code, heading) => {
      const entry = tryFindCode(code);
      expect(entry, `${code} (${heading.fixture} line ${heading.line})`).toBeDefined();
      const causes = [...entry!.causes, ...entry!.addedCauses].map(getCause);
      expect(causes.length).toBeGreaterThan(0);
      for (const cause of causes) {
        expect(cause.steps.en.length, cause.id).toBeGreaterThan(0);
        expect(cause.steps.fr.length, cause.id).toBe(cause.steps.en.length);
        expect(cause.title.fr, cause.id).not.toBe(cause.title.en);
      }
      expect(causes.flatMap((cause) => cause.commands).map(getCommand).length).toBeGreaterThan(0);
      if (heading.number !== undefined) expect(entry!.numbers).toContain(heading.number);
    },
  );

  it('labels the codes of restore failures as restore-side, and no backup code as one', () => {
    const restore = headings.filter(
      (heading) =>
        heading.parents.includes('Restore') || /^VM creation failed/i.test(heading.heading.split(' - ')[1] ?? ''),
    );
    const configure = ['UserErrorMigrationFromTrustedLaunchVMToNonTrustedVMNotAllowed'];
    for (const heading of restore) {
      const side = tryFindCode(heading.code)?.side ?? 'backup';
      expect(side, heading.code).toBe(configure.includes(heading.code) ? 'backup' : 'restore');
    }
    expect(restore.length).toBeGreaterThanOrEqual(11);
    const backup = headings.filter((heading) => !restore.includes(heading));
    for (const heading of backup) expect(tryFindCode(heading.code)?.side ?? 'backup', heading.code).toBe('backup');
  });

  it('keeps every code of the two articles among the catalog’s codes', () => {
    const known = new Set(CATALOG.codes.flatMap((entry) => [entry.code, ...entry.aliases].map((c) => c.toLowerCase())));
    const missing = headings.filter((heading) => !known.has(heading.code.toLowerCase()));
    expect(missing.map((heading) => heading.code)).toEqual([]);
  });
});

describe('the catalog covers the codes of the SQL Server and SAP HANA troubleshooting articles', () => {
  const ARTICLES = [
    ['backup-sql-server-azure-troubleshoot.en.md', 23],
    ['backup-azure-sap-hana-database-troubleshoot.en.md', 30],
  ] as const;
  // Named in body text, not headings: "SQL Server permissions" and "Re-registration failures".
  const IN_TEXT = [
    'UserErrorSQLNoSysadminMembership',
    'UserErrorWorkloadExtensionNotInstalled',
    'WorkloadExtensionNotPresent',
    'WorkloadExtensionDidntDequeueMsg',
  ];
  const codes = [...ARTICLES.flatMap(([fixture]) => headingCodes(fixture).map((h) => h.code)), ...IN_TEXT];

  it.each(ARTICLES)('reads the code headings of %s (%i)', (fixture, count) => {
    expect(headingCodes(fixture)).toHaveLength(count);
  });

  it.each(codes.map((code) => [code]))(
    '%s: a database code, with causes, steps in both languages and commands',
    (code) => {
      const entry = tryFindCode(code);
      expect(entry, code).toBeDefined();
      expect(['sql-server', 'sap-hana', 'database']).toContain(entry!.workload);
      const causes = entry!.causes.map(getCause);
      expect(causes.length).toBeGreaterThan(0);
      for (const cause of causes) {
        expect(cause.steps.fr.length, cause.id).toBe(cause.steps.en.length);
        expect(cause.commands.length, cause.id).toBeGreaterThan(0);
      }
    },
  );
});
