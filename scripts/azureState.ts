import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ReplayEntry, ReplayFixture } from '../src/replay/replayFixture.js';

/**
 * Builds replay fixtures (DESIGN.md §4) for a described Azure state. Every body starts from a real
 * example response kept in test/fixtures/arm/ (azure-rest-api-specs examples, real SDK recordings,
 * the real agent-not-ready capture) and only its values are changed: names, statuses, counts.
 */

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const ROOT = projectRoot();
const example = <T>(path: string): T =>
  JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'arm', path), 'utf8')) as T;
const clone = <T>(value: T): T => structuredClone(value);
type Json = Record<string, any>;

/** The `200` body of a swagger x-ms-examples file. */
const specBody = (path: string): Json =>
  example<{ responses: Record<string, { body: Json }> }>(path).responses['200']!.body;

const EXAMPLES = {
  instanceView: () => specBody('compute/VirtualMachine_Get_InstanceView.json'),
  agentNotReady: () =>
    example<Json>('compute/vm-instanceview-agent-not-ready.real.json')[
      'ansible_azure_rm_virtualmachine_RETURNS_2016_vm_running_agent_not_ready'
    ].instanceView as Json,
  vm: () => specBody('compute/VirtualMachine_Get.json'),
  rpcList: () => specBody('compute/RestorePointCollection_ListByResourceGroup.json'),
  rpcWithPoints: () => specBody('compute/RestorePointCollection_Get_WithContainedRestorePoints.json'),
  locks: () => specBody('locks/ManagementLocks_ListAtResourceGroupLevel.json'),
  keyVault: () => specBody('keyvault/getVault.json'),
  jobs: () => specBody('recoveryservices/ListJobs.json'),
  policyAssignments: () => specBody('policy/listPolicyAssignmentsForResourceGroup.json'),
  policyDefinitions: () => specBody('policy/listPolicyDefinitions.json').value as Json[],
  graphPage: () => specBody('resourcegraph/ResourcesFirstPageQuery.json'),
  logs: () =>
    example<{ Entries: Array<{ ResponseBody: Json }> }>('loganalytics/sdk-js-recording_query_with_types.json')
      .Entries[0]!.ResponseBody,
};

export interface VmState {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  os?: 'windows' | 'linux';
  /** @default 'ready'; `absent`: the instance view reports no agent at all. */
  agent?: 'ready' | 'not-ready' | 'absent';
  agentVersion?: string;
  /** @default 'running' */
  power?: 'running' | 'stopped' | 'deallocated' | 'starting' | 'stopping' | 'deallocating';
  /** @default 'succeeded' */
  provisioning?: 'succeeded' | 'updating' | 'failed';
  /**
   * The backup extension; `failed` gives it a failed status with that message; `provisioningState`
   * is what the VM model lists for it (`Deleting` for an extension stuck in deletion).
   */
  snapshotExtension?: { failed?: string; provisioningState?: 'Succeeded' | 'Deleting' | 'Failed' } | false;
  /** Another extension in a failed state. */
  failedExtension?: { name: string; message: string };
  /** Data disk sizes in GB (the OS disk keeps the example's size). */
  dataDisksGb?: number[];
  /** Key vault id of Azure Disk Encryption. */
  encryptedWith?: string;
}

export const vmId = (s: string, g: string, n: string) =>
  `/subscriptions/${s}/resourceGroups/${g}/providers/Microsoft.Compute/virtualMachines/${n}`;

export class AzureState {
  readonly entries: ReplayEntry[] = [];
  readonly #collections = new Map<string, Json[]>();

  /** A VM: its instance view and its model. */
  vm(state: VmState): this {
    const base = `/subscriptions/${state.subscriptionId}/resourceGroups/${state.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${state.name}`;
    const os = state.os ?? 'windows';
    const iv = EXAMPLES.instanceView();
    iv.computerName = state.name;
    if (os === 'linux') {
      iv.osName = 'ubuntu';
      iv.osVersion = '22.04';
    }
    if (state.agent === 'not-ready') iv.vmAgent = clone(EXAMPLES.agentNotReady().vmAgent);
    else if (state.agent === 'absent') delete iv.vmAgent;
    else if (state.agentVersion !== undefined) iv.vmAgent.vmAgentVersion = state.agentVersion;
    else if (os === 'linux') iv.vmAgent.vmAgentVersion = '2.9.1.1';
    const power = state.power ?? 'running';
    const provisioning = state.provisioning ?? 'succeeded';
    iv.statuses[0].code = `ProvisioningState/${provisioning}`;
    iv.statuses[0].displayStatus = `Provisioning ${provisioning}`;
    iv.statuses[1].code = `PowerState/${power}`;
    iv.statuses[1].displayStatus = `VM ${power}`;
    if (power === 'deallocated') delete iv.vmAgent;
    const extensions: Json[] = iv.extensions;
    if (state.snapshotExtension !== false) {
      const snapshot = clone(extensions[0]!);
      snapshot.name = os === 'linux' ? 'VMSnapshotLinux' : 'VMSnapshot';
      snapshot.type = `Microsoft.Azure.RecoveryServices.${snapshot.name}`;
      snapshot.typeHandlerVersion = os === 'linux' ? '1.0.9170.0' : '1.0.24.0';
      snapshot.statuses[0].message = 'Snapshot extension ready';
      if (state.snapshotExtension?.failed !== undefined) {
        snapshot.statuses[0] = {
          code: 'ProvisioningState/failed/1',
          level: 'Error',
          displayStatus: 'Provisioning failed',
          message: state.snapshotExtension.failed,
        };
      }
      extensions.push(snapshot);
    }
    if (state.failedExtension !== undefined) {
      const failed = clone(extensions[0]!);
      failed.name = state.failedExtension.name;
      failed.statuses[0] = {
        code: 'ProvisioningState/failed/0',
        level: 'Error',
        displayStatus: 'Provisioning failed',
        message: state.failedExtension.message,
      };
      extensions.push(failed);
    }
    if (state.encryptedWith !== undefined) {
      iv.disks[0].encryptionSettings = [
        {
          diskEncryptionKey: {
            secretUrl: `https://${state.encryptedWith.split('/').pop()}.vault.azure.net/secrets/osdisk/1`,
            sourceVault: { id: state.encryptedWith },
          },
          enabled: true,
        },
      ];
    }
    this.entries.push({ path: `${base}/instanceView`, body: iv });

    const vm = EXAMPLES.vm();
    vm.name = state.name;
    vm.id = base;
    vm.properties.storageProfile.osDisk.osType = os === 'linux' ? 'Linux' : 'Windows';
    if (state.snapshotExtension !== false) {
      // The model lists extensions in resources[]: the example's own extension, then the backup one.
      const backup = clone(vm.resources[0]);
      const name = os === 'linux' ? 'VMSnapshotLinux' : 'VMSnapshot';
      backup.name = name;
      backup.id = `${base}/extensions/${name}`;
      backup.tags = { displayName: name };
      Object.assign(backup.properties, {
        publisher: 'Microsoft.Azure.RecoveryServices',
        type: name,
        typeHandlerVersion: os === 'linux' ? '1.0' : '1.0',
        provisioningState: state.snapshotExtension?.provisioningState ?? 'Succeeded',
      });
      vm.resources.push(backup);
    }
    if (state.dataDisksGb !== undefined) {
      const template = vm.properties.storageProfile.dataDisks[0];
      vm.properties.storageProfile.dataDisks = state.dataDisksGb.map((size, lun) => ({
        ...clone(template),
        lun,
        name: `${state.name}-data${lun}`,
        diskSizeGB: size,
      }));
    }
    this.entries.push({ path: base, body: vm });
    return this;
  }

  /** The locks of a resource group (none by default). */
  locks(
    subscriptionId: string,
    resourceGroup: string,
    locks: Array<{ name: string; level: 'CanNotDelete' | 'ReadOnly'; notes?: string }>,
  ): this {
    const body = EXAMPLES.locks();
    const template = body.value[0];
    body.value = locks.map((lock) => ({
      ...clone(template),
      properties: { level: lock.level, ...(lock.notes !== undefined && { notes: lock.notes }) },
      id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Authorization/locks/${lock.name}`,
      name: lock.name,
    }));
    this.entries.push({
      path: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Authorization/locks`,
      body,
    });
    return this;
  }

  /** A restore point collection of a VM holding `restorePoints` points (listed at subscription level). */
  restorePoints(subscriptionId: string, resourceGroup: string, name: string, vm: string, restorePoints: number): this {
    const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/restorePointCollections/${name}`;
    const listed = clone(EXAMPLES.rpcList().value[0]);
    listed.name = name;
    listed.id = id;
    listed.properties.source = { id: vm, location: 'westeurope' };
    const list = this.#collections.get(subscriptionId) ?? [];
    list.push(listed);
    this.#collections.set(subscriptionId, list);
    const full = EXAMPLES.rpcWithPoints();
    full.name = name;
    full.id = id;
    full.properties.source.id = vm;
    const point = full.properties.restorePoints[0];
    full.properties.restorePoints = Array.from({ length: restorePoints }, (_, i) => ({
      ...clone(point),
      name: `AzureBackup_${i}`,
      id: `${id}/restorePoints/AzureBackup_${i}`,
    }));
    this.entries.push({ path: id, body: full });
    return this;
  }

  /**
   * A key vault and its access policies (`objectId` → rights on keys and secrets); with `rbac`, a
   * vault using Azure RBAC (`enableRbacAuthorization`), where access policies do not apply.
   */
  keyVault(
    id: string,
    policies: Array<{ objectId: string; keys: string[]; secrets: string[] }>,
    options: { rbac?: boolean } = {},
  ): this {
    const body = EXAMPLES.keyVault();
    body.id = id;
    body.name = id.split('/').pop();
    if (options.rbac === true) body.properties.enableRbacAuthorization = true;
    const template = body.properties.accessPolicies[0];
    body.properties.accessPolicies = policies.map((policy) => ({
      ...clone(template),
      objectId: policy.objectId,
      permissions: { ...clone(template.permissions), keys: policy.keys, secrets: policy.secrets },
    }));
    this.entries.push({ path: id, body });
    return this;
  }

  /** The vault's backup jobs in progress (for these VM names). */
  runningJobs(subscriptionId: string, resourceGroup: string, vault: string, vms: string[]): this {
    const body = EXAMPLES.jobs();
    const template = body.value[0];
    body.value = vms.map((vm, i) => ({
      ...clone(template),
      name: `0000000${i}-6c4b-4d1b-8bd0-1b3ac3a0bd7${i}`,
      properties: { ...clone(template.properties), entityFriendlyName: vm },
    }));
    this.entries.push({
      path: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault}/backupJobs`,
      body,
    });
    return this;
  }

  /** The answer of the history query of a workspace. */
  history(
    workspaceId: string,
    rows: Array<{ item: string; lastSuccess: string | null; failuresSinceSuccess: number; backupsLast24h: number }>,
  ): this {
    const body = EXAMPLES.logs();
    const table = body.tables[0];
    table.columns = [
      { name: 'backupItemUniqueId', type: 'string' },
      { name: 'lastSuccess', type: 'datetime' },
      { name: 'failuresSinceSuccess', type: 'long' },
      { name: 'backupsLast24h', type: 'long' },
    ];
    table.rows = rows.map((row) => [
      row.item.toLowerCase(),
      row.lastSuccess,
      row.failuresSinceSuccess,
      row.backupsLast24h,
    ]);
    this.entries.push({ method: 'POST', path: `/v1/workspaces/${workspaceId}/query`, body });
    return this;
  }

  /**
   * The policy assignments that apply to a resource group (`atScope()`), each pointing at one of
   * the example's definitions: `naming` (custom, effect "deny"), `storage-skus` (built-in, "Deny"),
   * `audit` (custom, "audit"). `groupExists: false` answers 404 for the group and lists the
   * assignments at subscription scope instead.
   */
  policies(
    subscriptionId: string,
    resourceGroup: string,
    assignments: Array<{ name: string; definition: 'naming' | 'storage-skus' | 'audit'; enforcementMode?: string }>,
    options: { groupExists?: boolean } = {},
  ): this {
    const body = EXAMPLES.policyAssignments();
    const template = body.value[1];
    const definitions = EXAMPLES.policyDefinitions();
    const byKind = { 'storage-skus': definitions[0]!, naming: definitions[1]!, audit: definitions[2]! };
    const scope =
      options.groupExists === false
        ? `/subscriptions/${subscriptionId}`
        : `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
    const definitionIdOf = (definition: Json) =>
      String(definition.id).startsWith('/subscriptions/')
        ? `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyDefinitions/${definition.name}`
        : String(definition.id);
    body.value = assignments.map((assignment) => {
      const entry = clone(template);
      entry.id = `${scope}/providers/Microsoft.Authorization/policyAssignments/${assignment.name}`;
      entry.name = assignment.name;
      entry.properties.displayName = assignment.name;
      entry.properties.scope = scope;
      entry.properties.policyDefinitionId = definitionIdOf(byKind[assignment.definition]);
      if (assignment.enforcementMode !== undefined) entry.properties.enforcementMode = assignment.enforcementMode;
      return entry;
    });
    const groupPath = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Authorization/policyAssignments`;
    if (options.groupExists === false) {
      this.entries.push({
        path: groupPath,
        status: 404,
        body: {
          error: { code: 'ResourceGroupNotFound', message: `Resource group '${resourceGroup}' could not be found.` },
        },
      });
      this.entries.push({
        path: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments`,
        body,
      });
    } else this.entries.push({ path: groupPath, body });
    for (const kind of new Set(assignments.map((assignment) => assignment.definition))) {
      const definition = clone(byKind[kind]);
      definition.id = definitionIdOf(definition);
      this.entries.push({ path: definition.id, body: definition });
    }
    return this;
  }

  /**
   * Azure Resource Graph's answers to one query, page by page: the envelope of the documented
   * paged answer (`totalRecords`, `count`, `resultTruncated`, `$skipToken`, `data`), each page but
   * the last pointing to the next with its skip token, which the next request must send.
   */
  resourceGraph(pages: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>): this {
    const total = pages.reduce((sum, page) => sum + page.length, 0);
    const entries = pages.map((rows, index) => {
      const body = EXAMPLES.graphPage();
      body.totalRecords = total;
      body.count = rows.length;
      body.data = rows.map((row) => clone(row));
      if (index === pages.length - 1) delete body['$skipToken'];
      else body['$skipToken'] = `page-${index + 1}-of-${pages.length}`;
      return {
        method: 'POST',
        path: '/providers/Microsoft.ResourceGraph/resources',
        body,
        ...(index > 0 && { bodyIncludes: `page-${index}-of-${pages.length}` }),
      };
    });
    // The pages that need a token first: the first page answers any request without one.
    this.entries.push(...entries.slice(1), entries[0]!);
    return this;
  }

  /** A backup job as the vault returns it (`backupJobs/{name}`), for the error details a row lacks. */
  backupJob(job: Record<string, unknown>): this {
    this.entries.push({ path: String(job['id']), body: clone(job) });
    return this;
  }

  /** Any other answer, for faults: a status, a body, a delay, a reset. */
  raw(entry: ReplayEntry): this {
    this.entries.unshift(entry);
    return this;
  }

  toFixture(): ReplayFixture {
    const lists: ReplayEntry[] = [...this.#collections].map(([subscriptionId, value]) => ({
      path: `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/restorePointCollections`,
      body: { value },
    }));
    return { requests: [...this.entries, ...lists] };
  }
}
