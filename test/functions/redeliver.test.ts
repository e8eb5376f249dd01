import { InvocationContext } from '@azure/functions';
import { afterAll, describe, expect, it, vi } from 'vitest';

import { startLocalReceiver } from '../../src/adapters/localReceiver.js';
import { openNotifications } from '../../src/adapters/notificationRuntime.js';
import { loadSettings } from '../../src/config/settings.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { azurite, stopAzurite } from '../helpers/azurite.js';
import { HOST_SETTINGS } from '../helpers/deployedEnv.js';
import { failedJob } from '../helpers/lookups.js';

// The module checks every setting as it loads, as in Azure.
for (const [name, value] of Object.entries(HOST_SETTINGS)) vi.stubEnv(name, value);
vi.stubEnv('AzureWebJobsStorage__accountName', 'stbackuptriage');
const { redeliver } = await import('../../functions/redeliver.js');
afterAll(async () => {
  vi.unstubAllEnvs();
  await stopAzurite();
});

describe('redeliver (timer)', () => {
  it('sends what waited in the outbox once the receiver is back', async () => {
    const receiver = await startLocalReceiver({ plan: () => ({ status: 503 }) });
    try {
      const { connectionString } = await azurite();
      const settings = loadSettings({
        WEBHOOK_URL: receiver.url,
        DELIVERY_RETRIES: '0',
        TABLE_PREFIX: `rd${Date.now() % 100000}`,
      });
      const runtime = await openNotifications(settings.notify, { connectionString });
      const past = new Date(Date.now() - 10 * 60_000);
      const result = triage(
        [
          {
            body: {
              records: [failedJob({ resourceGroup: 'rg', name: 'vm-1' }, 'UserErrorGuestAgentStatusUnavailable')],
            },
            origin: { bodyIndex: 0 },
          },
        ],
        { now: () => past },
      );
      expect(await notifyBatch(result, { ...runtime.options, now: () => past })).toMatchObject({ pending: 1 });
      receiver.setFault(() => undefined);
      const logs: string[] = [];
      const context = new InvocationContext({
        invocationId: 'timer-1',
        functionName: 'redeliver',
        logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')),
      });
      const now = new Date().toISOString();
      await redeliver(
        {
          isPastDue: false,
          schedule: { adjustForDST: false },
          scheduleStatus: { last: now, next: now, lastUpdated: now },
        },
        context,
        async () => runtime,
      );
      expect(JSON.parse(logs.at(-1)!)).toMatchObject({ kind: 'redelivery', delivered: 1, dead: 0 });
      expect(receiver.accepted()).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
