import { afterEach, describe, expect, it, vi } from 'vitest';

import { ConfigurationError, loadSettings, SETTINGS } from '../../src/config/settings.js';
import { DEPLOYED_ENV } from '../helpers/deployedEnv.js';

/** Every problem found: those that stop the app (thrown) and those that stop only delivery or the digest. */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    const settings = loadSettings(env, 'all');
    return [...(settings.notify.problems ?? []), ...(settings.digest.problems ?? [])];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
}

const without = (name: string) => Object.fromEntries(Object.entries(DEPLOYED_ENV).filter(([key]) => key !== name));

/** A value each checked setting must refuse. */
const INVALID: Record<string, string> = {
  EventHubConnection__fullyQualifiedNamespace:
    'Endpoint=sb://evhns-abc.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=abc=',
  EventHubConnection__credential: 'connectionstring',
  EventHubConnection__clientId: 'not-a-guid',
  AzureWebJobsStorage__credential: 'key',
  AzureWebJobsStorage__clientId: '12345',
  AzureWebJobsStorage__accountName: 'My_Storage',
  TRIAGE_LANG: 'de',
  PRIORITY_RPO_HOURS: '0',
  PRIORITY_RECURRENCE_COUNT: '2.5',
  PRIORITY_BLAST_RADIUS_P2: 'five',
  PRIORITY_BLAST_RADIUS_P1: '-20',
  LOOKUPS_ENABLED: 'yes',
  LOG_ANALYTICS_WORKSPACE_ID: 'workspace-prod',
  BACKUP_MANAGEMENT_SERVICE_OBJECT_ID: 'Backup Management Service',
  LOOKUP_CONCURRENCY: '0',
  LOOKUP_DEADLINE_SECONDS: 'soon',
  LOOKUP_CACHE_TTL_SECONDS: '-5',
  ARM_READ_BURST: '1.5',
  ARM_READS_PER_SECOND: '0',
  WEBHOOK_URL: 'http://hooks.example.com/x',
  WEBHOOK_FORMAT: 'discord',
  WEBHOOK_SECRET: 'hunter2',
  NOTIFY_MIN_PRIORITY: 'P7',
  NOTIFY_SHELL: 'bash',
  STATE_STORAGE_CONNECTION_STRING: 'AccountName=devstoreaccount1',
  DEDUP_WINDOW_HOURS: '0',
  GROUP_WINDOW_MINUTES: 'quarter',
  GROUP_THRESHOLD: '0',
  OUTBOX_MAX_AGE_HOURS: '-1',
  DELIVERY_TIMEOUT_SECONDS: '0',
  DELIVERY_RETRIES: '-1',
  TABLE_PREFIX: 'triage-prod',
  DIGEST_SCHEDULE: '0 6 * * *',
  DIGEST_TO: 'backup team',
  DIGEST_ALL_CLEAR: 'sometimes',
  SMTP_PORT: 'twenty-five',
  DASHBOARD_URL: 'dashboard.contoso.com',
  DASHBOARD_AUTH: 'aad',
  EVENTHUB_REGIONS: 'North Europe',
  AzureWebJobsStorage__tableServiceUri: 'https://stabc123def456.blob.core.windows.net/',
  OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: 'backup-triage-identity',
  WEBSITE_AUTH_AAD_ALLOWED_TENANTS: 'contoso.onmicrosoft.com',
  RETENTION_DAYS: '-1',
  EventsOutput__fullyQualifiedNamespace: 'evhns',
};

/** Partners a setting needs, so only its own value is wrong. */
const PARTNERS: Record<string, Record<string, string>> = {
  EventsOutput__fullyQualifiedNamespace: { EVENTS_OUTPUT_EVENTHUB_NAME: 'enriched-events' },
};

describe('start-up configuration check', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('accepts the settings a deployment sets', () => {
    expect(problemsOf({ ...DEPLOYED_ENV })).toEqual([]);
  });

  const required = [
    ...SETTINGS.filter((spec) => spec.required).map((spec) => spec.name),
    'AzureWebJobsStorage__accountName',
  ];
  it.each(required)('names %s, once, when it is missing', (name) => {
    const problems = problemsOf(without(name));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} is required`));
  });

  it.each(Object.entries(INVALID))('names %s, once, when it is invalid, and says what it should be', (name, value) => {
    const problems = problemsOf({ ...DEPLOYED_ENV, ...PARTNERS[name], [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} must `));
    const spec = SETTINGS.find((s) => s.name === name)!;
    if (spec.secret) expect(problems[0]).not.toContain(value);
  });

  it('checks every setting that has a check', () => {
    expect(Object.keys(INVALID).sort()).toEqual(
      SETTINGS.filter((spec) => spec.check !== undefined)
        .map((spec) => spec.name)
        .sort(),
    );
  });

  it.each(['WEBHOOK_URL', 'WEBHOOK_SECRET', 'SMTP_PASSWORD'])(
    'says when the Key Vault reference of %s was not resolved, and how to fix it',
    (name) => {
      const problems = problemsOf({
        ...DEPLOYED_ENV,
        [name]: '@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/x/)',
      });
      expect(problems).toEqual([
        expect.stringMatching(
          new RegExp(`^${name} is a Key Vault reference the platform could not resolve: .*"Key Vault Secrets User"`),
        ),
      ]);
    },
  );

  it('lists several problems together, so one deployment fixes them all', () => {
    const problems = problemsOf({ ...without('EVENTHUB_NAME'), TRIAGE_LANG: 'de', DIGEST_SCHEDULE: '0 6 * * *' });
    expect(problems).toEqual([
      expect.stringMatching(/^EVENTHUB_NAME is required/),
      expect.stringMatching(/^TRIAGE_LANG must be one of en, fr/),
      expect.stringMatching(/^DIGEST_SCHEDULE must be an NCRONTAB expression/),
    ]);
  });

  it('checks the connection of every other region of the vaults', () => {
    expect(problemsOf({ ...DEPLOYED_ENV, EVENTHUB_REGIONS: 'northeurope,eastus2' })).toEqual([
      'EventHubConnection_northeurope__fullyQualifiedNamespace is required: EVENTHUB_REGIONS lists northeurope.',
      'EventHubConnection_eastus2__fullyQualifiedNamespace is required: EVENTHUB_REGIONS lists eastus2.',
    ]);
    expect(
      problemsOf({
        ...DEPLOYED_ENV,
        EVENTHUB_REGIONS: 'northeurope',
        EventHubConnection_northeurope__fullyQualifiedNamespace:
          'evhns-abc123def456-northeurope.servicebus.windows.net',
        EventHubConnection_northeurope__credential: 'managedidentity',
        EventHubConnection_northeurope__clientId: '7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f',
      }),
    ).toEqual([]);
    expect(
      problemsOf({
        ...DEPLOYED_ENV,
        EVENTHUB_REGIONS: 'northeurope',
        EventHubConnection_northeurope__fullyQualifiedNamespace:
          'Endpoint=sb://evhns.servicebus.windows.net/;SharedAccessKey=x',
      }),
    ).toEqual([
      expect.stringMatching(/^EventHubConnection_northeurope__fullyQualifiedNamespace must be the namespace host name/),
    ]);
  });

  it.each([
    ['WEBHOOK_URL', '@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/webhook-url/)'],
    ['WEBHOOK_URL', 'http://hooks.contoso.com/backup'],
    ['WEBHOOK_SECRET', 'hunter2'],
    ['SMTP_PASSWORD', '@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/smtp-password/)'],
    ['SMTP_HOST', ''],
  ])('starts with %s=%s: only delivery or the digest is off', (name, value) => {
    expect(() => loadSettings({ ...DEPLOYED_ENV, [name]: value }, 'all')).not.toThrow();
    expect(problemsOf({ ...DEPLOYED_ENV, [name]: value })).toHaveLength(1);
  });

  const FUNCTIONS: Record<string, () => Promise<unknown>> = {
    backupFailures: () => import('../../functions/backupFailures.js'),
    redeliver: () => import('../../functions/redeliver.js'),
    dailyDigest: () => import('../../functions/dailyDigest.js'),
    dashboard: () => import('../../functions/dashboard.js'),
  };
  it.each(Object.keys(FUNCTIONS))('stops functions/%s from loading, naming the missing setting', async (name) => {
    for (const [key, value] of Object.entries(without('DIGEST_SCHEDULE'))) vi.stubEnv(key, value);
    vi.stubEnv('DIGEST_SCHEDULE', '');
    await expect(FUNCTIONS[name]!()).rejects.toThrow(/Invalid configuration:\n- DIGEST_SCHEDULE is required/);
  });

  it('lets functions load with the settings a deployment sets', async () => {
    for (const [key, value] of Object.entries(DEPLOYED_ENV)) vi.stubEnv(key, value);
    await expect(FUNCTIONS['dashboard']!()).resolves.toHaveProperty('dashboard');
  });
});
