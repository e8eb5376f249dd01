import { afterAll, describe, expect, it } from 'vitest';

import { AzureState } from '../../scripts/azureState.js';
import { startLocalReceiver } from '../../src/adapters/localReceiver.js';
import { openNotifications } from '../../src/adapters/notificationRuntime.js';
import { loadSettings } from '../../src/config/settings.js';
import type { InputBody } from '../../src/core/types.js';
import { createBatchHandler } from '../../src/pipeline/createBatchHandler.js';
import { azurite, stopAzurite } from '../helpers/azurite.js';
import { startFaultProxy } from '../helpers/faultProxy.js';
import { failedJob, replay, SUB } from '../helpers/lookups.js';

afterAll(stopAzurite);

const batch = (name: string): InputBody[] => [
  {
    body: { records: [failedJob({ resourceGroup: 'rg-app', name }, 'UserErrorGuestAgentStatusUnavailable')] },
    origin: { bodyIndex: 0 },
  },
];

describe('createBatchHandler: a failed setup is tried again', () => {
  it('storage refusing the first batch after a cold start does not fail the batches after it', async () => {
    const proxy = await startFaultProxy((await azurite()).connectionString);
    const receiver = await startLocalReceiver();
    try {
      // The app's role on its storage account not yet in effect: every request answers 403.
      proxy.setFault(() => ({ status: 403 }));
      const settings = loadSettings({ WEBHOOK_URL: receiver.url, TABLE_PREFIX: `cold${Date.now() % 100_000}` });
      const handle = createBatchHandler({
        settings,
        notifications: async () =>
          (await openNotifications(settings.notify, { connectionString: proxy.connectionString })).options,
      });
      await expect(handle(batch('vm-cold-01'))).rejects.toMatchObject({ statusCode: 403 });

      proxy.setFault(() => undefined);
      const started = Date.now();
      const outcome = await handle(batch('vm-cold-02'));
      expect(outcome.notified).toMatchObject({ messages: { new: 1 }, delivered: 1 });
      expect(receiver.accepted()).toHaveLength(1);
      // And the batch the host retries is handled too: nothing lost.
      expect((await handle(batch('vm-cold-01'))).notified).toMatchObject({ messages: { new: 1 }, delivered: 1 });
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await receiver.close();
      await proxy.close();
    }
  });

  it('lookups whose setup failed are set up again on the next batch', async () => {
    const azure = await replay(
      new AzureState().vm({ subscriptionId: SUB, resourceGroup: 'rg-app', name: 'vm-b', agent: 'not-ready' }),
    );
    try {
      let calls = 0;
      const handle = createBatchHandler({
        settings: loadSettings({}),
        lookups: async () => {
          calls += 1;
          if (calls === 1) throw new Error('the managed identity endpoint is not ready');
          return azure.options;
        },
      });
      await expect(handle(batch('vm-a'))).rejects.toThrow('the managed identity endpoint is not ready');
      const outcome = await handle(batch('vm-b'));
      expect(outcome.result.events[0]!.summary.firstAction.text).toContain('Not Ready');
      await handle(batch('vm-b'));
      expect(calls).toBe(2);
    } finally {
      await azure.close();
    }
  });
});
