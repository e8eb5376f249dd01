import { afterEach, describe, expect, it } from 'vitest';

import { startLocalReceiver, type LocalReceiver } from '../../src/adapters/localReceiver.js';
import { sendWebhook } from '../../src/adapters/webhookSender.js';
import { checkWebhookUrl } from '../../src/config/webhookChecks.js';
import { loadSettings } from '../../src/config/settings.js';
import { redactSecrets } from '../../src/core/redactSecrets.js';

let receiver: LocalReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const PASSWORD = 'Pa55w0rd-do-not-leak';
const SIG = 'k1Jf0x3Q8vXG2s9mYw4bTz7rLp6eNc5uHa1dRi0oSq8';

describe('webhook credentials never reach storage or logs', () => {
  it('a webhook URL with user:password@ is refused at start-up: delivery stays off, the reason shows no password', () => {
    expect(checkWebhookUrl(`https://ops:${PASSWORD}@hooks.example.com/triage`)).toMatch(/user name or password/);
    const { notify } = loadSettings({ WEBHOOK_URL: `https://ops:${PASSWORD}@hooks.example.com/triage` });
    expect(notify.webhook).toBeUndefined();
    expect(notify.problems).toEqual([expect.stringMatching(/^WEBHOOK_URL must not hold a user name or password/)]);
    expect(JSON.stringify(notify.problems)).not.toContain(PASSWORD);
    expect(
      checkWebhookUrl('https://prod-12.westeurope.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=x'),
    ).toBe(undefined);
  });

  it('a failed send records an error without the password nor the sig', async () => {
    receiver = await startLocalReceiver();
    const url = new URL(receiver.url);
    const target = {
      url: `http://ops:${PASSWORD}@127.0.0.1:${url.port}/hook?api-version=2016-06-01&sig=${SIG}`,
      format: 'teams' as const,
    };
    const result = await sendWebhook(
      target,
      { id: 'msg-1', body: '{}', contentType: 'application/json' },
      {
        retries: 0,
      },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).not.toContain(PASSWORD);
      expect(result.error).not.toContain(SIG);
      expect(result.error).toMatch(/\S/);
    }
  });

  it('redactSecrets removes URL credentials and secret query parameters from any text', () => {
    const text = `TypeError: cannot fetch https://u:${PASSWORD}@h.example/p?a=1&sig=${SIG} nor https://acct.table.core.windows.net/t?sv=2022&sig=${SIG}&se=1`;
    const clean = redactSecrets(text);
    expect(clean).not.toContain(PASSWORD);
    expect(clean).not.toContain(SIG);
    expect(clean).toContain('https://***@h.example/p?a=1&sig=***');
  });
});
