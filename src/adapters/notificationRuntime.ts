import type { TokenCredential } from '@azure/core-auth';

import type { NotifySettings } from '../config/settings.js';
import type { Deliver } from '../pipeline/deliver.js';
import type { NotifyOptions } from '../pipeline/notify.js';
import { TableStore } from './tableStore.js';
import { sendWebhook, type WebhookTarget } from './webhookSender.js';

export interface NotificationRuntime {
  store: TableStore;
  deliver: Deliver | undefined;
  options: Omit<NotifyOptions, 'now'>;
  maxAgeMs: number;
}

const shared = new Map<string, Promise<NotificationRuntime>>();

/**
 * The one store and webhook of a Function App process: its functions share them, so the credential
 * is made and the tables are ensured once, not once per function. A failed opening is retried by
 * the next caller.
 */
export function sharedNotifications(settings: NotifySettings): Promise<NotificationRuntime> {
  const key = JSON.stringify(settings);
  let runtime = shared.get(key);
  if (runtime === undefined) {
    runtime = openNotifications(settings);
    runtime.catch(() => shared.delete(key));
    shared.set(key, runtime);
  }
  return runtime;
}

/**
 * The store and the webhook of a process. In Azure the tables are the Function App's own storage
 * account, reached with its managed identity (no key); locally a connection string (Azurite).
 */
export async function openNotifications(
  settings: NotifySettings,
  overrides: {
    connectionString?: string;
    credential?: TokenCredential;
    fetch?: typeof fetch;
    minDelayInMs?: number;
    requestTimeoutInMs?: number;
  } = {},
): Promise<NotificationRuntime> {
  const storage =
    overrides.connectionString !== undefined ? { connectionString: overrides.connectionString } : settings.storage;
  if (storage === undefined)
    throw new Error(
      'No table storage configured: set AzureWebJobsStorage__accountName (Azure) or STATE_STORAGE_CONNECTION_STRING (local).',
    );
  let store: TableStore;
  const storeOptions = {
    prefix: settings.tablePrefix,
    ...(overrides.requestTimeoutInMs !== undefined && { requestTimeoutInMs: overrides.requestTimeoutInMs }),
  };
  if ('connectionString' in storage)
    store = new TableStore({ connectionString: storage.connectionString }, storeOptions);
  else {
    const credential = overrides.credential ?? new (await import('@azure/identity')).DefaultAzureCredential();
    store = new TableStore(
      { endpoint: storage.tableEndpoint ?? `https://${storage.accountName}.table.core.windows.net`, credential },
      storeOptions,
    );
  }
  await store.ensureTables();
  const target: WebhookTarget | undefined = settings.webhook;
  const deliver: Deliver | undefined =
    target === undefined
      ? undefined
      : (message, options) =>
          sendWebhook(target, message, {
            ...(options?.signal !== undefined && { signal: options.signal }),
            attemptTimeoutInMs: settings.attemptTimeoutMs,
            retries: settings.retries,
            ...(overrides.fetch !== undefined && { fetch: overrides.fetch }),
            ...(overrides.minDelayInMs !== undefined && {
              minDelayInMs: overrides.minDelayInMs,
              maxDelayInMs: overrides.minDelayInMs * 8,
            }),
          });
  return {
    store,
    deliver,
    maxAgeMs: settings.outboxMaxAgeMs,
    options: {
      store,
      format: target?.format ?? settings.format,
      shell: settings.shell,
      ...(settings.dashboardUrl !== undefined && { dashboardUrl: settings.dashboardUrl }),
      policy: settings.policy,
      ...(deliver !== undefined && { deliver }),
    },
  };
}
