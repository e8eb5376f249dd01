import { InvocationContext } from '@azure/functions';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { TableStore } from '../../src/adapters/tableStore.js';
import { azurite, stopAzurite } from '../helpers/azurite.js';
import { DEPLOYED_ENV } from '../helpers/deployedEnv.js';
import { ALERT, RECONSTRUCTED, fixtureBytes, fixtureJson } from '../helpers/fixtures.js';

// The deployed app's settings, with its tables in an Azurite; each case breaks one delivery setting the way a
// deployment can: a Key Vault reference the platform did not resolve (the identity's role not yet effective), a
// secret that is not a Standard Webhooks secret, a URL that is not https.
let connectionString: string;
beforeAll(async () => {
  connectionString = (await azurite()).connectionString;
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});
afterAll(stopAzurite);

interface Logged {
  level: string;
  message: string;
}

function contextFor(functionName: string, count: number, logs: Logged[]): InvocationContext {
  return new InvocationContext({
    invocationId: `delivery-${Date.now()}`,
    functionName,
    logHandler: (level, ...args) => logs.push({ level, message: args.map(String).join(' ') }),
    triggerMetadata: {
      partitionContext: { eventHubName: 'backup-jobs', consumerGroup: 'backup-triage', partitionId: '0' },
      sequenceNumberArray: Array.from({ length: count }, (_, i) => 300 + i),
      offsetArray: Array.from({ length: count }, (_, i) => String(8192 * i)),
      enqueuedTimeUtcArray: Array.from({ length: count }, () => '2026-11-25T02:41:00.000Z'),
      partitionKeyArray: Array.from({ length: count }, () => null),
    },
  });
}

const FAULTS = [
  {
    fault: 'an unresolved Key Vault reference',
    env: { WEBHOOK_URL: '@Microsoft.KeyVault(SecretUri=https://kv-abc123def456.vault.azure.net/secrets/webhook-url/)' },
    error:
      /^Webhook delivery is off: WEBHOOK_URL is a Key Vault reference the platform could not resolve: .*"Key Vault Secrets User"/,
  },
  {
    fault: 'a bad secret',
    env: { WEBHOOK_FORMAT: 'generic', WEBHOOK_SECRET: 'hunter2' },
    error:
      /^Webhook delivery is off: WEBHOOK_SECRET must be whsec_ followed by 24 to 64 bytes in base64 \(got "\*\*\*"\)/,
  },
  {
    fault: 'a bad webhook URL',
    env: { WEBHOOK_URL: 'http://hooks.contoso.com/backup-triage' },
    error: /^Webhook delivery is off: WEBHOOK_URL must be https .*\(got "\*\*\*"\)/,
  },
];

describe('a delivery misconfiguration does not stop ingestion', () => {
  it.each(FAULTS)('with $fault: events are stored, messages wait in the outbox, one clear error', async (c) => {
    const prefix = `dm${Date.now() % 1_000_000}`;
    for (const [name, value] of Object.entries({
      ...DEPLOYED_ENV,
      // Azurite instead of the managed identity, and no lookups (they would use the identity too).
      STATE_STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: prefix,
      LOOKUPS_ENABLED: 'false',
      ...c.env,
    }))
      vi.stubEnv(name, value);

    const { backupFailures } = await import('../../functions/backupFailures.js');
    const messages = [fixtureJson(RECONSTRUCTED), fixtureBytes(ALERT).toString('utf8')];
    const logs: Logged[] = [];
    await backupFailures(messages, contextFor('backupFailures', messages.length, logs));

    const store = new TableStore({ connectionString }, { prefix });
    const stats = JSON.parse(logs.find((log) => log.message.startsWith('{"kind":"stats"'))!.message) as {
      findings: number;
      notifications: { pending: number; delivered: number };
    };
    expect(stats.findings).toBe(2);
    const stored = [];
    for await (const row of store.events.listEntities()) stored.push(row);
    expect(stored).toHaveLength(2);
    const pending = await store.listOutbox({ status: 'pending' });
    expect(pending.length).toBeGreaterThan(0);
    expect(pending).toHaveLength(stats.notifications.pending);
    expect(stats.notifications.delivered).toBe(0);

    const errors = logs.filter((log) => log.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(c.error);
    expect(errors[0]!.message).toContain(`${pending.length} message(s) of this batch wait in the outbox`);

    // The redelivery timer reports the same problem and leaves the messages where they are.
    const { redeliver } = await import('../../functions/redeliver.js');
    const timerLogs: Logged[] = [];
    await redeliver({ isPastDue: false, scheduleStatus: undefined } as never, contextFor('redeliver', 0, timerLogs));
    expect(timerLogs.filter((log) => log.level === 'error').map((log) => log.message)).toEqual([
      expect.stringMatching(c.error),
    ]);
    expect(await store.listOutbox({ status: 'pending' })).toHaveLength(pending.length);
  });
});
