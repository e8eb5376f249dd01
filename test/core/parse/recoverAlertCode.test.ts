import { describe, expect, it } from 'vitest';

import { CATALOG } from '../../../src/core/catalog/index.js';
import { MIN_MESSAGE_LETTERS, recoverAlertCode } from '../../../src/core/parse/recoverAlertCode.js';

const compact = (text: string) =>
  text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Every documented "Error message" of the catalog, with the codes that share its wording. */
const ALL = CATALOG.codes.flatMap((entry) =>
  (entry.errorMessages ?? []).map((message) => ({
    code: entry.code,
    message,
    same: CATALOG.codes
      .filter((other) => (other.errorMessages ?? []).some((text) => compact(text) === compact(message)))
      .map((other) => other.code),
  })),
);
/** Too short to tell codes apart ("SAP HANA error"): never matched. */
const TOO_SHORT = ALL.filter((entry) => compact(entry.message).length < MIN_MESSAGE_LETTERS);
const MESSAGES = ALL.filter((entry) => !TOO_SHORT.includes(entry));

describe('recoverAlertCode: the code of an alert from its description', () => {
  it('knows the documented messages of most codes, and leaves out only one too vague to match', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(90);
    expect(TOO_SHORT.map((entry) => entry.message)).toEqual(['SAP HANA error']);
    expect(recoverAlertCode({ description: 'SAP HANA error' })).toBeUndefined();
  });

  it.each(MESSAGES.map((entry) => [entry.code, entry]))('%s from its message, as published', (_, entry) => {
    const found = recoverAlertCode({ description: entry.message });
    expect(found?.source).toBe('description');
    expect(entry.same).toContain(found?.code);
  });

  it.each(MESSAGES.map((entry) => [entry.code, entry]))(
    '%s from the wording the service sends (other apostrophes, spaces, case, full stop)',
    (_, entry) => {
      const sent = `${entry.message
        .replace(/'/g, '’')
        .replace(/ +/g, '  ')
        .replace(/\.$/, '')
        .toUpperCase()} Please check the job details.`;
      expect(entry.same).toContain(recoverAlertCode({ description: sent })?.code);
    },
  );

  it('matches "datasource" and "data source" alike (the real SQL alert against the article)', () => {
    const found = recoverAlertCode({ description: 'First full backup is missing for this datasource.' });
    expect(found).toEqual({ code: 'UserErrorParentFullBackupMissing', source: 'description' });
  });

  it('does not guess from short or unrelated text', () => {
    expect(recoverAlertCode({ description: 'Backup failed.' })).toBeUndefined();
    expect(
      recoverAlertCode({ description: 'The storage account quota was exceeded in region West Europe.' }),
    ).toBeUndefined();
  });
});
