import { AzureStateReader } from '../src/adapters/azureStateReader.js';
import { StaticTokenCredential } from '../src/adapters/staticTokenCredential.js';
import { createLookupRuntime } from '../src/pipeline/lookupRuntime.js';
import { triageWithLookups } from '../src/pipeline/triage.js';
import { startReplayServer } from '../src/replay/replayServer.js';
import { AzureState, vmId } from '../scripts/azureState.js';

const WORKSPACE = '6c2f8a41-9e7d-4b3a-8f1c-2d5e6a7b8c9d';
const LATENCY_MS = 100;
const CONCURRENCY = 16;
const VMS = 200;
const FAILURES = 1_000;

/** A failed-job record of the resource-log shape, for a VM and a code. */
function job(sub: string, rg: string, vm: string, code: string, i: number) {
  const item = `westeurope;1234567890123456789;iaasvmcontainerv2;${rg};${vm}`;
  return {
    time: '2026-11-25T02:41:07.0000000Z',
    resourceId: `/SUBSCRIPTIONS/${sub.toUpperCase()}/RESOURCEGROUPS/RG-BACKUP/PROVIDERS/MICROSOFT.RECOVERYSERVICES/VAULTS/RSV-BENCH`,
    category: 'AddonAzureBackupJobs',
    operationName: 'Job',
    properties: {
      BackupItemUniqueId: item,
      BackupManagementType: 'IaaSVM',
      JobFailureCode: code,
      JobOperation: 'Backup',
      JobStartDateTime: '2026-11-25 01:00:12Z',
      JobStatus: 'Failed',
      JobUniqueId: `bench-${i}`,
      SchemaVersion: 'V2',
      BackupItemFriendlyName: vm,
      DatasourceResourceId: vmId(sub, rg, vm),
      VaultName: 'rsv-bench',
      ResourceGroupName: 'rg-backup',
      SubscriptionId: sub,
      AzureDataCenter: 'westeurope',
    },
  };
}

/**
 * 1,000 failures over 200 VMs, half UserErrorGuestAgentStatusUnavailable (one round of reads per VM:
 * instance view and model), half UserErrorRpCollectionLimitReached (two rounds: the subscription's
 * restore point collections and the VM group's locks, then the collection and the restore-point
 * group's locks), against the replay server answering after 100 ms.
 */
async function measure(subscriptions: number): Promise<void> {
  const subs = Array.from({ length: subscriptions }, (_, i) => `0000000${i}-aaaa-4bbb-8ccc-dddddddddddd`);
  const state = new AzureState();
  const vms = Array.from({ length: VMS }, (_, i) => ({
    sub: subs[i % subscriptions]!,
    rg: `rg-app-${i % 10}`,
    name: `vm-${String(i).padStart(3, '0')}`,
    code: i % 2 === 0 ? 'UserErrorGuestAgentStatusUnavailable' : 'UserErrorRpCollectionLimitReached',
  }));
  for (const vm of vms) {
    state.vm({ subscriptionId: vm.sub, resourceGroup: vm.rg, name: vm.name, agent: 'not-ready' });
    if (vm.code === 'UserErrorRpCollectionLimitReached')
      state.restorePoints(
        vm.sub,
        'AzureBackupRG_westeurope_1',
        `AzureBackup_${vm.name}_1`,
        vmId(vm.sub, vm.rg, vm.name),
        18,
      );
  }
  for (const sub of subs) {
    for (let g = 0; g < 10; g += 1) state.locks(sub, `rg-app-${g}`, []);
    state.locks(sub, 'AzureBackupRG_westeurope_1', [{ name: 'keep', level: 'CanNotDelete' }]);
  }
  state.history(
    WORKSPACE,
    vms.map((vm) => ({
      item: `westeurope;1234567890123456789;iaasvmcontainerv2;${vm.rg};${vm.name}`,
      lastSuccess: '2026-11-24T01:00:00Z',
      failuresSinceSuccess: 2,
      backupsLast24h: 1,
    })),
  );
  const server = await startReplayServer(state.toFixture(), { latencyMs: LATENCY_MS });
  const reader = new AzureStateReader({
    credential: new StaticTokenCredential(),
    armEndpoint: server.url,
    logsEndpoint: `${server.url}/v1`,
    ca: server.ca,
  });
  const options = createLookupRuntime(reader, {
    enabled: true,
    concurrency: CONCURRENCY,
    deadlineMs: 60_000,
    cacheTtlMs: 300_000,
    armBurst: 250,
    armReadsPerSecond: 25,
    workspaceId: WORKSPACE,
  });
  const records = Array.from({ length: FAILURES }, (_, i) => {
    const vm = vms[i % VMS]!;
    return job(vm.sub, vm.rg, vm.name, vm.code, i);
  });
  const bodies = [{ body: { records }, origin: { bodyIndex: 0 } }];

  const started = performance.now();
  const cold = await triageWithLookups(bodies, {}, options);
  const coldMs = performance.now() - started;
  const coldRequests = server.requests.length;
  const perPath = new Map<string, number>();
  for (const request of server.requests)
    perPath.set(`${request.method} ${request.path}`, (perPath.get(`${request.method} ${request.path}`) ?? 0) + 1);
  const warmStart = performance.now();
  await triageWithLookups(bodies, {}, options);
  const warmMs = performance.now() - warmStart;
  const warmRequests = server.requests.length - coldRequests;
  await server.close();

  const sequential = 2;
  const bound = sequential * LATENCY_MS * Math.ceil(VMS / CONCURRENCY);
  const armRequests = server.requests.filter((request) => !request.path.startsWith('/v1/')).length - warmRequests;
  console.log(
    `\n${FAILURES} failures over ${VMS} VMs in ${subscriptions} subscription${subscriptions > 1 ? 's' : ''}, ${LATENCY_MS} ms per answer, ${CONCURRENCY} VMs at a time (ARM budget 250 + 25/s per subscription)`,
  );
  console.log(
    `  cold batch: ${coldMs.toFixed(0)} ms; critical-path bound ${sequential} sequential reads × ${LATENCY_MS} ms × ceil(${VMS}/${CONCURRENCY}) = ${bound} ms → ${(coldMs / bound).toFixed(2)}× the bound (goal ≤ 1.5×)`,
  );
  console.log(
    `  requests: ${coldRequests} HTTP (${armRequests} ARM + ${coldRequests - armRequests} Log Analytics) = ${(armRequests / cold.events.length).toFixed(3)} ARM requests per finding; most per (resource, kind): ${Math.max(...perPath.values())}`,
  );
  console.log(`  warm batch (same findings, cache): ${warmMs.toFixed(0)} ms, ${warmRequests} requests`);
}

console.log(`Lookups (Node ${process.version})`);
await measure(4);
await measure(1);
