import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { settingsTable } from '../../scripts/settingsTable.js';
import { ConfigurationError, loadSettings, SETTINGS } from '../../src/config/settings.js';

const PAGE = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');

describe('settings', () => {
  it('applies the documented defaults', () => {
    expect(loadSettings({})).toEqual({
      lang: 'en',
      thresholds: { rpoHours: 24, recurrenceCount: 3, blastRadiusP2: 5, blastRadiusP1: 20 },
      lookups: {
        enabled: true,
        concurrency: 16,
        deadlineMs: 25_000,
        cacheTtlMs: 300_000,
        armBurst: 250,
        armReadsPerSecond: 25,
      },
      digest: { to: [], from: 'azure-backup-triage@localhost', allClear: true, retentionDays: 90 },
      dashboard: { auth: 'key' },
      notify: {
        format: 'generic',
        shell: 'cli',
        policy: { dedupWindowMs: 86_400_000, groupWindowMs: 900_000, groupThreshold: 5, minPriority: 'P3' },
        outboxMaxAgeMs: 86_400_000,
        attemptTimeoutMs: 10_000,
        retries: 3,
        storage: undefined,
        tablePrefix: 'triage',
      },
    });
  });

  it('reads the values given', () => {
    expect(loadSettings({ TRIAGE_LANG: 'FR', PRIORITY_RPO_HOURS: '12' })).toMatchObject({
      lang: 'fr',
      thresholds: { rpoHours: 12 },
    });
  });

  it('names every wrong setting and what it should be', () => {
    let error: unknown;
    try {
      loadSettings({ TRIAGE_LANG: 'de', PRIORITY_RECURRENCE_COUNT: '2.5' });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).name).toBe('ConfigurationError');
    expect((error as ConfigurationError).problems).toEqual([
      'TRIAGE_LANG must be one of en, fr (got "de").',
      'PRIORITY_RECURRENCE_COUNT must be a positive integer (got "2.5").',
    ]);
  });

  it('keeps secrets out of its messages', () => {
    expect(loadSettings({ WEBHOOK_URL: 'http://example.com/hook?sig=TOPSECRET' }).notify.problems).toEqual([
      'WEBHOOK_URL must be https (plain http is accepted only for 127.0.0.1/localhost) (got "***").',
    ]);
    expect(loadSettings({ WEBHOOK_SECRET: 'whsec_short' }).notify.problems).toEqual([
      expect.stringMatching(/^WEBHOOK_SECRET must be whsec_ followed by 24 to 64 bytes in base64 \(got "\*\*\*"\)/),
    ]);
  });

  it('turns only delivery off for a wrong webhook setting, and only the mail off for a wrong mail setting', () => {
    const badSecret = loadSettings({ WEBHOOK_URL: 'https://hooks.contoso.com/backup', WEBHOOK_SECRET: 'hunter2' });
    expect(badSecret.notify.webhook).toBeUndefined();
    expect(badSecret.notify.problems).toHaveLength(1);
    const unresolved = loadSettings({
      DIGEST_TO: 'ops@contoso.com',
      SMTP_HOST: 'smtp.azurecomm.net',
      SMTP_USER: 'acs-user',
      SMTP_PASSWORD: '@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/smtp-password/)',
    });
    expect(unresolved.digest.smtp).toBeUndefined();
    expect(unresolved.digest.to).toEqual([]);
    expect(unresolved.digest.problems).toEqual([expect.stringMatching(/^SMTP_PASSWORD is a Key Vault reference/)]);
    expect(unresolved.notify.problems).toBeUndefined();
  });

  it('refuses a setting whose partner is missing, naming the partner', () => {
    expect(loadSettings({ DIGEST_TO: 'ops@contoso.com' }).digest.problems).toEqual([
      expect.stringMatching(/^SMTP_HOST is required when DIGEST_TO is set/),
    ]);
    expect(loadSettings({ SMTP_HOST: 'smtp.azurecomm.net', SMTP_USER: 'acs-user' }).digest.problems).toEqual([
      expect.stringMatching(/^SMTP_PASSWORD is required when SMTP_USER is set/),
    ]);
    expect(() => loadSettings({ EVENTS_OUTPUT_EVENTHUB_NAME: 'enriched' })).toThrow(
      'EventsOutput__fullyQualifiedNamespace is required when EVENTS_OUTPUT_EVENTHUB_NAME is set',
    );
    expect(
      loadSettings({
        EVENTS_OUTPUT_EVENTHUB_NAME: 'enriched',
        EventsOutput__fullyQualifiedNamespace: 'evhns-backup.servicebus.windows.net',
      }).eventsOutput,
    ).toEqual({
      eventHubName: 'enriched',
      namespace: 'evhns-backup.servicebus.windows.net',
    });
  });

  it('requires the host settings at start-up', () => {
    expect(() => loadSettings({}, 'all')).toThrow(/EVENTHUB_NAME is required/);
  });

  it('is documented in the configuration page table, row for row', () => {
    const table = PAGE.slice(
      PAGE.indexOf('<!-- settings-table:start -->'),
      PAGE.indexOf('<!-- settings-table:end -->'),
    );
    expect(table.trim()).toBe(`<!-- settings-table:start -->\n${settingsTable()}`);
    expect(SETTINGS.length).toBeGreaterThan(5);
  });

  it.each([
    'UseDevelopmentStorage=true',
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;',
    'DefaultEndpointsProtocol=https;AccountName=stbackup01;AccountKey=abc==;EndpointSuffix=core.windows.net',
    'TableEndpoint=https://stbackup01.table.core.windows.net/;SharedAccessSignature=sv=2024-11-04&ss=t&sig=abc',
  ])('accepts the storage connection string forms the Tables SDK reads: %s', (value) => {
    expect(loadSettings({ STATE_STORAGE_CONNECTION_STRING: value }).notify.storage).toEqual({
      connectionString: value,
    });
  });

  it.each([
    'garbage',
    'AccountName=x;AccountKey=y',
    'DefaultEndpointsProtocol=http;AccountName=x;AccountKey=y;TableEndpoint=localhost',
  ])('refuses a malformed storage connection string, without echoing it: %s', (value) => {
    expect(() => loadSettings({ STATE_STORAGE_CONNECTION_STRING: value })).toThrow(
      /^Invalid configuration:\n- STATE_STORAGE_CONNECTION_STRING must be a storage connection string: .*\(got "\*\*\*"\)\.$/,
    );
  });
});
