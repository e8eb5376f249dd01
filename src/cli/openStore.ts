import { openNotifications, type NotificationRuntime } from '../adapters/notificationRuntime.js';
import type { Azurite } from '../adapters/startAzurite.js';
import type { NotifySettings } from '../config/settings.js';
import { CommandFailure } from './io.js';

/**
 * The store (and webhook) of a command: the in-memory Azurite it started, or the store the
 * settings name. A store that cannot be reached or refuses the credentials is an expected fault,
 * said in one line that names the setting to check, not a stack trace.
 */
export async function openStore(settings: NotifySettings, azurite?: Azurite): Promise<NotificationRuntime> {
  try {
    return await openNotifications(
      settings,
      azurite !== undefined ? { connectionString: azurite.connectionString } : {},
    );
  } catch (error) {
    const err = error as { code?: string; statusCode?: number; message?: string };
    const setting =
      azurite !== undefined
        ? 'the in-memory Azurite this command started'
        : settings.storage !== undefined && 'connectionString' in settings.storage
          ? 'STATE_STORAGE_CONNECTION_STRING'
          : 'AzureWebJobsStorage__accountName';
    const first = (err.message ?? String(error)).split('\n')[0]!.slice(0, 200);
    if (err.statusCode === 401 || err.statusCode === 403)
      throw new CommandFailure(
        `the table store refused the credentials (${err.statusCode}: ${first}): check the account key or the role (Storage Table Data Contributor) behind ${setting}`,
      );
    if (err.statusCode === undefined && err.code !== undefined)
      throw new CommandFailure(
        `the table store could not be reached (${err.code}: ${first}): check ${setting}, and that the store is running`,
      );
    throw error;
  }
}
