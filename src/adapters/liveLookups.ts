import type { LookupSettings } from '../config/settings.js';
import { createLookupRuntime } from '../pipeline/lookupRuntime.js';
import type { LookupOptions } from '../pipeline/runLookups.js';
import { AzureStateReader } from './azureStateReader.js';

/**
 * Lookups against Azure with the app's managed identity (`DefaultAzureCredential`, which reads
 * `AZURE_CLIENT_ID` for a user-assigned identity). The identity library is loaded on first use.
 */
export async function createLiveLookups(settings: LookupSettings): Promise<LookupOptions> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  const reader = new AzureStateReader({ credential: new DefaultAzureCredential() });
  return createLookupRuntime(reader, settings);
}
