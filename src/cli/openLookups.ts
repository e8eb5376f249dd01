import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { AzureStateReader, type HttpStats } from '../adapters/azureStateReader.js';
import { StaticTokenCredential } from '../adapters/staticTokenCredential.js';
import { loadSettings } from '../config/settings.js';
import { createLookupRuntime } from '../pipeline/lookupRuntime.js';
import type { LookupOptions } from '../pipeline/runLookups.js';
import { toReplayFixture } from '../replay/replayFixture.js';
import { startReplayServer } from '../replay/replayServer.js';
import { UsageError } from './io.js';

export interface OpenLookups {
  options: LookupOptions;
  http: HttpStats;
  close(): Promise<void>;
}

/**
 * The lookups of a command line: against a replay of recorded Azure answers (`--azure-fixtures`,
 * served over local HTTPS to the real SDK clients) or against Azure itself (`--live`, with
 * DefaultAzureCredential). Same reader, same probes; only the endpoint and the credential differ.
 */
export async function openLookups(
  source: { fixtures?: string; live?: boolean },
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<OpenLookups | undefined> {
  const settings = loadSettings(env).lookups;
  if (source.fixtures !== undefined) {
    let fixture;
    try {
      fixture = toReplayFixture(JSON.parse(await readFile(resolve(cwd, source.fixtures), 'utf8')), source.fixtures);
    } catch (error) {
      throw new UsageError(`--azure-fixtures ${source.fixtures}: ${(error as Error).message}`);
    }
    const server = await startReplayServer(fixture);
    const reader = new AzureStateReader({
      credential: new StaticTokenCredential(),
      armEndpoint: server.url,
      logsEndpoint: `${server.url}/v1`,
      ca: server.ca,
    });
    const workspaceId = settings.workspaceId ?? fixture.workspaceId;
    return {
      options: createLookupRuntime(reader, { ...settings, ...(workspaceId !== undefined && { workspaceId }) }),
      http: reader.http,
      close: () => server.close(),
    };
  }
  if (source.live === true) {
    const { DefaultAzureCredential } = await import('@azure/identity');
    const reader = new AzureStateReader({ credential: new DefaultAzureCredential() });
    return { options: createLookupRuntime(reader, settings), http: reader.http, close: async () => undefined };
  }
  return undefined;
}
