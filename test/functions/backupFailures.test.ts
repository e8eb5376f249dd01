import { InvocationContext } from '@azure/functions';
import { afterAll, describe, expect, it, vi } from 'vitest';

import { AzureState } from '../../scripts/azureState.js';
import { loadSettings } from '../../src/config/settings.js';
import { HOST_SETTINGS } from '../helpers/deployedEnv.js';
import { ALERT, RECONSTRUCTED, fixtureBytes, fixtureJson } from '../helpers/fixtures.js';
import { replay, SUB } from '../helpers/lookups.js';

// The registered handler reads and checks its settings at load, as in Azure; its tables are an
// Azurite here, and no lookups (they would use the managed identity).
const { azurite: startSharedAzurite, stopAzurite: stopSharedAzurite } = await import('../helpers/azurite.js');
for (const [name, value] of Object.entries(HOST_SETTINGS)) vi.stubEnv(name, value);
vi.stubEnv('STATE_STORAGE_CONNECTION_STRING', (await startSharedAzurite()).connectionString);
vi.stubEnv('TABLE_PREFIX', `reg${Date.now() % 100_000}`);
vi.stubEnv('LOOKUPS_ENABLED', 'false');
const { backupFailures, createBackupFailures } = await import('../../functions/backupFailures.js');
afterAll(async () => {
  vi.unstubAllEnvs();
  await stopSharedAzurite();
});

interface Logged {
  level: string;
  message: string;
}

/** A real InvocationContext as the host builds it for an Event Hub batch of `count` messages. */
function contextFor(count: number, logs: Logged[]): InvocationContext {
  const enqueued = Array.from({ length: count }, (_, i) => new Date(Date.UTC(2026, 10, 25, 2, 41, i)).toISOString());
  return new InvocationContext({
    invocationId: '5a1c6a53-7a35-4f0f-9f7e-0d4b1a2c3d4e',
    functionName: 'backupFailures',
    logHandler: (level, ...args) => logs.push({ level, message: args.map(String).join(' ') }),
    triggerMetadata: {
      partitionContext: {
        fullyQualifiedNamespace: 'evhns-backup.servicebus.windows.net',
        eventHubName: 'backup-jobs',
        consumerGroup: '$Default',
        partitionId: '2',
      },
      sequenceNumberArray: Array.from({ length: count }, (_, i) => 7100 + i),
      offsetArray: Array.from({ length: count }, (_, i) => String(4_294_967_296 + i * 2048)),
      enqueuedTimeUtcArray: enqueued,
      partitionKeyArray: Array.from({ length: count }, () => null),
    },
  });
}

describe('backupFailures (Event Hub trigger, cardinality many)', () => {
  it('accounts for every body of the batch and logs rejections with their Event Hub coordinates', async () => {
    const logs: Logged[] = [];
    // As the host delivers them: a parsed object, a JSON string, bytes, and one broken body.
    const messages = [
      fixtureJson(RECONSTRUCTED),
      fixtureBytes(ALERT).toString('utf8'),
      fixtureBytes(RECONSTRUCTED),
      '{"records":[{"categ',
    ];
    await backupFailures(messages, contextFor(messages.length, logs));

    const stats = JSON.parse(logs.find((log) => log.message.startsWith('{"kind":"stats"'))!.message) as {
      records: number;
      findings: number;
      resolutions: number;
      ignored: { total: number };
      rejected: { total: number };
    };
    expect(stats).toMatchObject({ bodies: 4, records: 8, findings: 2, rejected: { total: 1 } });
    expect(stats.records).toBe(stats.findings + stats.resolutions + stats.ignored.total + stats.rejected.total);

    const rejection = JSON.parse(logs.find((log) => log.level === 'warning')!.message) as {
      reason: string;
      origin: Record<string, unknown>;
    };
    expect(rejection).toMatchObject({
      reason: 'invalid_json',
      origin: {
        bodyIndex: 3,
        partitionId: '2',
        sequenceNumber: 7103,
        offset: '4294973440',
        enqueuedAt: '2026-11-25T02:41:03.000Z',
      },
    });
    const findings = logs.filter((log) => log.level === 'information' && /^P\d /.test(log.message));
    expect(findings).toHaveLength(2);
    expect(findings[0]!.message).toMatch(
      /^P2 Backup of vm-app-01 failed in vault rsv-prod-01 \(resource group rg-app\)/,
    );
    // UserErrorParentFullBackupMissing, seen once: the service triggers the full backup itself (P4).
    expect(findings[1]!.message).toMatch(/^P4 Backup of Clara_migtotest_20260313 \(SQLDataBase\) on vm-sql-prod-02/);
  });

  it('handles an empty batch', async () => {
    const logs: Logged[] = [];
    await backupFailures([], contextFor(0, logs));
    expect(logs.at(-1)!.message).toContain('"bodies":0');
  });

  it('runs the lookups when they are configured: the logged first action names what was found', async () => {
    const azure = await replay(
      new AzureState().vm({ subscriptionId: SUB, resourceGroup: 'rg-app', name: 'vm-app-01', agent: 'not-ready' }),
    );
    try {
      const handler = createBackupFailures({ settings: loadSettings({}), lookups: async () => azure.options });
      const logs: Logged[] = [];
      await handler([fixtureJson(RECONSTRUCTED)], contextFor(1, logs));
      const finding = logs.find((log) => /^P\d /.test(log.message))!;
      expect(finding.message).toContain('Found: agent on vm-app-01 is Not Ready: VM Agent is unresponsive.');
      const stats = JSON.parse(logs.at(-1)!.message) as { lookups: { reads: number } };
      expect(stats.lookups.reads).toBe(azure.server.requests.length);
    } finally {
      await azure.close();
    }
  });

  it('stores, deduplicates and delivers: the same batch twice sends each finding once', async () => {
    const { startLocalReceiver } = await import('../../src/adapters/localReceiver.js');
    const { openNotifications } = await import('../../src/adapters/notificationRuntime.js');
    const { azurite, stopAzurite } = await import('../helpers/azurite.js');
    const receiver = await startLocalReceiver();
    try {
      const { connectionString } = await azurite();
      const settings = loadSettings({ WEBHOOK_URL: receiver.url, TABLE_PREFIX: `fn${Date.now() % 100000}` });
      const handler = createBackupFailures({
        settings,
        notifications: async () => (await openNotifications(settings.notify, { connectionString })).options,
      });
      const messages = [fixtureJson(RECONSTRUCTED), fixtureBytes(ALERT).toString('utf8')];
      const logs: Logged[] = [];
      await handler(messages, contextFor(2, logs));
      await handler(messages, contextFor(2, logs));
      // The SQL alert's code is transient and seen once: quiet (P4); the VM failure is delivered once.
      expect(receiver.accepted()).toHaveLength(1);
      const stats = logs
        .filter((log) => log.message.startsWith('{"kind":"stats"'))
        .map((log) => JSON.parse(log.message) as { notifications: { delivered: number; duplicates: number } });
      expect(stats.map((s) => [s.notifications.delivered, s.notifications.duplicates])).toEqual([
        [1, 0],
        [0, 2],
      ]);
    } finally {
      await receiver.close();
      await stopAzurite();
    }
  });
});
