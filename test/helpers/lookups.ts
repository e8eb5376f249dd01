import { AzureStateReader } from '../../src/adapters/azureStateReader.js';
import { StaticTokenCredential } from '../../src/adapters/staticTokenCredential.js';
import type { EnrichedEvent, InputBody, Lang } from '../../src/core/types.js';
import { createLookupRuntime } from '../../src/pipeline/lookupRuntime.js';
import type { LookupOptions } from '../../src/pipeline/runLookups.js';
import { triageWithLookups, type TriageResult } from '../../src/pipeline/triage.js';
import { startReplayServer, type ReplayServer } from '../../src/replay/replayServer.js';
import type { AzureState } from '../../scripts/azureState.js';
import { RECONSTRUCTED, fixtureJson } from './fixtures.js';

export const SUB = '00000000-0000-0000-0000-000000000000';
export const WORKSPACE = '6c2f8a41-9e7d-4b3a-8f1c-2d5e6a7b8c9d';
export const NOW = new Date('2026-11-26T06:00:00Z');

export interface Vm {
  subscriptionId?: string;
  resourceGroup: string;
  name: string;
}

type Envelope = { records: Array<{ properties: Record<string, unknown> } & Record<string, unknown>> };

/** The reconstructed AddonAzureBackupJobs failure record, for another VM and code. */
export function failedJob(vm: Vm, code: string, jobId = `${vm.name}-${code}`): Record<string, unknown> {
  const record = fixtureJson<Envelope>(RECONSTRUCTED).records[0]!;
  const sub = vm.subscriptionId ?? SUB;
  Object.assign(record.properties, {
    JobUniqueId: jobId,
    JobFailureCode: code,
    BackupItemUniqueId: `westeurope;1234567890123456789;iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`,
    ProtectedContainerUniqueId: `westeurope;1234567890123456789;iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`,
    BackupItemFriendlyName: vm.name,
    DatasourceFriendlyName: vm.name,
    DatasourceResourceId: `/subscriptions/${sub}/resourceGroups/${vm.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${vm.name}`,
    SubscriptionId: sub,
  });
  record['resourceId'] =
    `/SUBSCRIPTIONS/${sub.toUpperCase()}/RESOURCEGROUPS/RG-BACKUP/PROVIDERS/MICROSOFT.RECOVERYSERVICES/VAULTS/RSV-PROD-01`;
  return record;
}

export interface Replay {
  server: ReplayServer;
  reader: AzureStateReader;
  options: LookupOptions;
  run(records: Array<Record<string, unknown>>, lang?: Lang): Promise<TriageResult>;
  close(): Promise<void>;
}

/** The real SDK clients against a local replay of `state`, with the lookup runtime of a process. */
export async function replay(
  state: AzureState,
  overrides: Partial<LookupOptions> & { latencyMs?: number; workspace?: boolean } = {},
): Promise<Replay> {
  const server = await startReplayServer(state.toFixture(), {
    ...(overrides.latencyMs !== undefined && { latencyMs: overrides.latencyMs }),
  });
  const reader = new AzureStateReader({
    credential: new StaticTokenCredential(),
    armEndpoint: server.url,
    logsEndpoint: `${server.url}/v1`,
    ca: server.ca,
    retryOptions: { maxRetries: 2, retryDelayInMs: 50, maxRetryDelayInMs: 3_000 },
  });
  const runtime = createLookupRuntime(
    reader,
    {
      enabled: true,
      concurrency: 16,
      deadlineMs: 20_000,
      cacheTtlMs: 300_000,
      armBurst: 250,
      armReadsPerSecond: 25,
      ...(overrides.workspace !== false && { workspaceId: WORKSPACE }),
    },
    () => NOW,
  );
  const options: LookupOptions = { ...runtime, ...overrides };
  return {
    server,
    reader,
    options,
    run: (records, lang = 'en') => {
      const bodies: InputBody[] = [{ body: { records }, origin: { bodyIndex: 0 } }];
      return triageWithLookups(bodies, { now: () => NOW, lang }, options);
    },
    close: () => server.close(),
  };
}

export function cause(event: EnrichedEvent | undefined, id: string) {
  const found = event?.causes.find((candidate) => candidate.id === id);
  if (found === undefined)
    throw new Error(`cause ${id} not in the event (${event?.causes.map((c) => c.id).join(', ')})`);
  return found;
}
