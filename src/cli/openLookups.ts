import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { AzureStateReader, type HttpStats } from '../adapters/azureStateReader.js';
import type { AzureConnection } from '../adapters/resourceGraphJobs.js';
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

/** ARM as a command line reaches it: a local replay of recorded answers, or Azure itself. */
export interface OpenAzure {
  connection: AzureConnection;
  /** The Log Analytics endpoint of the replay; Azure's by default. */
  logsEndpoint?: string;
  /** The workspace a replay's history answers stand for. */
  workspaceId?: string;
  close(): Promise<void>;
}

/**
 * A replay of recorded Azure answers (`--azure-fixtures`, served over local HTTPS so the real SDK
 * clients run unchanged) or Azure itself (`--live`, with DefaultAzureCredential: `az login` or a
 * managed identity).
 */
export async function openAzure(
  source: { fixtures?: string; live?: boolean },
  cwd: string,
): Promise<OpenAzure | undefined> {
  if (source.fixtures !== undefined) {
    let fixture;
    try {
      fixture = toReplayFixture(JSON.parse(await readFile(resolve(cwd, source.fixtures), 'utf8')), source.fixtures);
    } catch (error) {
      throw new UsageError(`--azure-fixtures ${source.fixtures}: ${(error as Error).message}`);
    }
    const server = await startReplayServer(fixture);
    return {
      connection: { credential: new StaticTokenCredential(), armEndpoint: server.url, ca: server.ca },
      logsEndpoint: `${server.url}/v1`,
      ...(fixture.workspaceId !== undefined && { workspaceId: fixture.workspaceId }),
      close: () => server.close(),
    };
  }
  if (source.live === true) {
    const { DefaultAzureCredential } = await import('@azure/identity');
    return { connection: { credential: new DefaultAzureCredential() }, close: async () => undefined };
  }
  return undefined;
}

/**
 * The lookups of a command line, against the replay or Azure (see `openAzure`). Same reader,
 * same probes; only the endpoint and the credential differ.
 */
export async function openLookups(
  source: { fixtures?: string; live?: boolean } | OpenAzure,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<OpenLookups | undefined> {
  const settings = loadSettings(env).lookups;
  const azure = 'connection' in source ? source : await openAzure(source, cwd);
  if (azure === undefined) return undefined;
  const reader = new AzureStateReader({
    credential: azure.connection.credential,
    ...(azure.connection.armEndpoint !== undefined && { armEndpoint: azure.connection.armEndpoint }),
    ...(azure.logsEndpoint !== undefined && { logsEndpoint: azure.logsEndpoint }),
    ...(azure.connection.ca !== undefined && { ca: azure.connection.ca }),
  });
  const workspaceId = settings.workspaceId ?? azure.workspaceId;
  return {
    options: createLookupRuntime(reader, { ...settings, ...(workspaceId !== undefined && { workspaceId }) }),
    http: reader.http,
    close: () => azure.close(),
  };
}

/** The lookups the `--no-lookups`, `--azure-fixtures` and `--live` flags of `triage` and `run` ask for. */
export function openLookupsFromFlags(
  flags: { 'no-lookups'?: boolean; 'azure-fixtures'?: string; live?: boolean },
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<OpenLookups | undefined> {
  if (flags['no-lookups'] === true) return Promise.resolve(undefined);
  return openLookups(
    { ...(flags['azure-fixtures'] !== undefined && { fixtures: flags['azure-fixtures'] }), live: flags.live === true },
    cwd,
    env,
  );
}
