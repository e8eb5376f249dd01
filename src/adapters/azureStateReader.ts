import { AsyncLocalStorage } from 'node:async_hooks';

import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

import type { ItemHistory, ReadRequest, ReadResult, ReadValues, StateReader } from '../enrich/readings.js';
import { toHistoryQuery } from './historyQuery.js';
import { toReadFailure } from './readFailure.js';

export interface AzureStateReaderOptions {
  /** Managed identity in Azure (`DefaultAzureCredential`), a fixed token against the local replay. */
  credential: TokenCredential;
  /** @default "https://management.azure.com" */
  armEndpoint?: string;
  /** @default "https://api.loganalytics.io/v1" */
  logsEndpoint?: string;
  /** Extra trusted CA (PEM): the replay server's self-signed certificate. */
  ca?: string;
  /**
   * The SDK pipeline's own retry, the only one around a call: it honours `Retry-After` on 429 and
   * 503. Two retries keep a slow subscription from multiplying its requests.
   * @default { maxRetries: 2, retryDelayInMs: 800, maxRetryDelayInMs: 10_000 }
   */
  retryOptions?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  /** Each call's own limit, within the batch deadline. @default 15_000 */
  callTimeoutInMs?: number;
}

/** HTTP requests actually sent (each retry counts), by host. */
export interface HttpStats {
  requests: number;
  byHost: Record<string, number>;
}

const MAX_ITEMS = 5_000;

/** The deadline of the read in progress, for the pipeline policy below. */
const callDeadline = new AsyncLocalStorage<AbortSignal>();

/**
 * Puts the read's deadline on every HTTP attempt and every retry wait of an SDK pipeline, whether
 * or not the client forwards `abortSignal` (@azure/monitor-query-logs 1.0.0 drops it): a long
 * `Retry-After` or a server that never answers ends at the deadline, its socket closed.
 */
const deadlinePolicy: PipelinePolicy = {
  name: 'callDeadline',
  sendRequest: (request, next) => {
    const deadline = callDeadline.getStore();
    if (deadline !== undefined)
      request.abortSignal =
        request.abortSignal === undefined ? deadline : AbortSignal.any([request.abortSignal as AbortSignal, deadline]);
    return next(request);
  },
};

/** The work's result, or an `AbortError` as soon as `signal` fires, whatever the work does meanwhile. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = () => Object.assign(new Error('the read passed its deadline'), { name: 'AbortError' });
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(aborted());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages) {
    out.push(item);
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

/**
 * Reads the Azure state with the official SDK clients (compute, locks, key vault, backup jobs,
 * policy, Log Analytics), one client per service and subscription, each module loaded the first
 * time a batch needs it. Every failure comes back as a `ReadFailure`, never as an exception. Every
 * read ends by its own time-out or the batch deadline, whichever comes first, enforced here rather
 * than trusted to each SDK.
 */
export class AzureStateReader implements StateReader {
  readonly http: HttpStats = { requests: 0, byHost: {} };
  readonly #options: AzureStateReaderOptions;
  readonly #clients = new Map<string, Promise<unknown>>();
  readonly #countPolicy: PipelinePolicy;

  constructor(options: AzureStateReaderOptions) {
    this.#options = options;
    this.#countPolicy = {
      name: 'countRequests',
      sendRequest: (request, next) => {
        const host = new URL(request.url).host;
        this.http.requests += 1;
        this.http.byHost[host] = (this.http.byHost[host] ?? 0) + 1;
        return next(request);
      },
    };
  }

  async read<K extends ReadRequest['kind']>(
    request: Extract<ReadRequest, { kind: K }>,
    options: { abortSignal?: AbortSignal },
  ): Promise<ReadResult<ReadValues[K]>> {
    const started = Date.now();
    const api = apiOf(request);
    const callTimeout = AbortSignal.timeout(this.#options.callTimeoutInMs ?? 15_000);
    const abortSignal =
      options.abortSignal !== undefined ? AbortSignal.any([options.abortSignal, callTimeout]) : callTimeout;
    try {
      const value = await untilAborted(
        callDeadline.run(abortSignal, () => this.#fetch(request, abortSignal)),
        abortSignal,
      );
      if (value === null || typeof value !== 'object')
        throw Object.assign(new Error('not an object'), { name: 'MalformedResponse' });
      return {
        ok: true,
        value: value as ReadValues[K],
        api,
        at: new Date().toISOString(),
        durationMs: Date.now() - started,
      };
    } catch (error) {
      return toReadFailure(error, request, api, started, options.abortSignal?.aborted === true);
    }
  }

  async #fetch(request: ReadRequest, abortSignal: AbortSignal): Promise<unknown> {
    switch (request.kind) {
      case 'vm.instanceView': {
        const compute = await this.#compute(request.subscriptionId);
        return compute.virtualMachines.instanceView(request.resourceGroup, request.name, {
          abortSignal,
        });
      }
      case 'vm.model': {
        const compute = await this.#compute(request.subscriptionId);
        return compute.virtualMachines.get(request.resourceGroup, request.name, { abortSignal });
      }
      case 'sub.restorePointCollections': {
        const compute = await this.#compute(request.subscriptionId);
        return collect(compute.restorePointCollections.listAll({ abortSignal }));
      }
      case 'rpc.get': {
        const compute = await this.#compute(request.subscriptionId);
        return compute.restorePointCollections.get(request.resourceGroup, request.name, {
          expand: 'restorePoints',
          abortSignal,
        });
      }
      case 'rg.locks': {
        const locks = await this.#client('locks', request.subscriptionId, async () => {
          const { ManagementLockClient } = await import('@azure/arm-locks');
          return new ManagementLockClient(this.#options.credential, request.subscriptionId, this.#armOptions());
        });
        return collect(locks.managementLocks.listAtResourceGroupLevel(request.resourceGroup, { abortSignal }));
      }
      case 'keyvault.get': {
        const keyVault = await this.#client('keyvault', request.subscriptionId, async () => {
          const { KeyVaultManagementClient } = await import('@azure/arm-keyvault');
          return new KeyVaultManagementClient(this.#options.credential, request.subscriptionId, this.#armOptions());
        });
        return keyVault.vaults.get(request.resourceGroup, request.name, { abortSignal });
      }
      case 'vault.runningJobs': {
        const backup = await this.#client('backup', request.subscriptionId, async () => {
          const { RecoveryServicesBackupClient } = await import('@azure/arm-recoveryservicesbackup');
          return new RecoveryServicesBackupClient(this.#options.credential, request.subscriptionId, this.#armOptions());
        });
        const filter = "status eq 'InProgress' and operation eq 'Backup'";
        return collect(backup.backupJobs.list(request.vaultName, request.resourceGroup, { filter, abortSignal }));
      }
      case 'policy.assignments': {
        const policy = await this.#policy(request.subscriptionId);
        // atScope(): the assignments at the group and above it (subscription, management groups).
        const filter = 'atScope()';
        try {
          const assignments = await collect(
            policy.policyAssignments.listForResourceGroup(request.resourceGroup, { filter, abortSignal }),
          );
          return { scope: 'resourceGroup', assignments };
        } catch (error) {
          // The restore-point group may not exist yet (a policy can be what keeps it from being created).
          if ((error as { statusCode?: number }).statusCode !== 404) throw error;
          return {
            scope: 'subscription',
            assignments: await collect(policy.policyAssignments.list({ filter, abortSignal })),
          };
        }
      }
      case 'policy.definition': {
        const policy = await this.#policy(request.subscriptionId);
        const id = request.definitionId;
        const name = id.split('/').pop() ?? '';
        const managementGroup = /\/managementGroups\/([^/]+)\//i.exec(id)?.[1];
        if (managementGroup !== undefined)
          return policy.policyDefinitions.getAtManagementGroup(managementGroup, name, { abortSignal });
        if (/^\/subscriptions\//i.test(id)) {
          const owner = await this.#policy(id.split('/')[2] ?? request.subscriptionId);
          return owner.policyDefinitions.get(name, { abortSignal });
        }
        return policy.policyDefinitions.getBuiltIn(name, { abortSignal });
      }
      case 'workspace.history': {
        const logs = await this.#client('logs', '', async () => {
          const { LogsQueryClient } = await import('@azure/monitor-query-logs');
          return new LogsQueryClient(this.#options.credential, {
            ...this.#commonOptions(),
            endpoint: this.#options.logsEndpoint ?? 'https://api.loganalytics.io/v1',
          });
        });
        const result = await logs.queryWorkspace(
          request.workspaceId,
          toHistoryQuery(request.items),
          { duration: 'P7D' },
          { abortSignal },
        );
        return toHistory(result);
      }
    }
  }

  #compute(subscriptionId: string) {
    return this.#client('compute', subscriptionId, async () => {
      const { ComputeManagementClient } = await import('@azure/arm-compute');
      return new ComputeManagementClient(this.#options.credential, subscriptionId, this.#armOptions());
    });
  }

  #policy(subscriptionId: string) {
    return this.#client('policy', subscriptionId, async () => {
      const { PolicyClient } = await import('@azure/arm-policy');
      return new PolicyClient(this.#options.credential, subscriptionId, this.#armOptions());
    });
  }

  #client<T>(service: string, subscriptionId: string, create: () => Promise<T>): Promise<T> {
    const key = `${service}|${subscriptionId.toLowerCase()}`;
    let client = this.#clients.get(key) as Promise<T> | undefined;
    if (client === undefined) {
      client = create();
      this.#clients.set(key, client);
    }
    return client;
  }

  #commonOptions() {
    return {
      retryOptions: { maxRetries: 2, retryDelayInMs: 800, maxRetryDelayInMs: 10_000, ...this.#options.retryOptions },
      additionalPolicies: [
        { policy: deadlinePolicy, position: 'perCall' as const },
        { policy: this.#countPolicy, position: 'perRetry' as const },
      ],
      ...(this.#options.ca !== undefined && { tlsOptions: { ca: this.#options.ca } }),
    };
  }

  #armOptions() {
    return { ...this.#commonOptions(), endpoint: this.#options.armEndpoint ?? 'https://management.azure.com' };
  }
}

function apiOf(request: ReadRequest): string {
  switch (request.kind) {
    case 'vm.instanceView':
      return `GET Microsoft.Compute/virtualMachines/${request.name}/instanceView`;
    case 'vm.model':
      return `GET Microsoft.Compute/virtualMachines/${request.name}`;
    case 'rg.locks':
      return `GET resourceGroups/${request.resourceGroup}/providers/Microsoft.Authorization/locks`;
    case 'sub.restorePointCollections':
      return 'GET Microsoft.Compute/restorePointCollections (subscription)';
    case 'rpc.get':
      return `GET Microsoft.Compute/restorePointCollections/${request.name}?$expand=restorePoints`;
    case 'keyvault.get':
      return `GET Microsoft.KeyVault/vaults/${request.name}`;
    case 'vault.runningJobs':
      return `GET Microsoft.RecoveryServices/vaults/${request.vaultName}/backupJobs (InProgress)`;
    case 'workspace.history':
      return `POST api.loganalytics.io workspaces/${request.workspaceId}/query (AddonAzureBackupJobs, 7 days)`;
    case 'policy.assignments':
      return `GET resourceGroups/${request.resourceGroup}/providers/Microsoft.Authorization/policyAssignments?$filter=atScope()`;
    case 'policy.definition':
      return `GET ${request.definitionId}`;
  }
}

type HistoryTable = { columnDescriptors?: Array<{ name?: string }>; rows?: unknown[][] };
type HistoryResult = { tables?: HistoryTable[]; partialTables?: HistoryTable[] };

/** Log Analytics rows as item histories; values may come typed or as strings (both are real). */
function toHistory(result: HistoryResult): ItemHistory[] {
  const table = (result.tables ?? result.partialTables)?.[0];
  if (table === undefined) throw Object.assign(new Error('no table in the answer'), { name: 'MalformedResponse' });
  const columns = (table.columnDescriptors ?? []).map((column) => column.name ?? '');
  const at = (name: string) => columns.indexOf(name);
  const [item, last, failures, last24h] = [
    at('backupItemUniqueId'),
    at('lastSuccess'),
    at('failuresSinceSuccess'),
    at('backupsLast24h'),
  ];
  if (item < 0 || failures < 0 || last24h < 0)
    throw Object.assign(new Error(`unexpected columns ${columns.join(', ')}`), { name: 'MalformedResponse' });
  return (table.rows ?? []).map((row) => {
    const lastValue = last >= 0 ? row[last] : null;
    return {
      backupItemUniqueId: String(row[item]),
      lastSuccessAt:
        lastValue === null || lastValue === undefined || lastValue === ''
          ? null
          : new Date(lastValue as string | Date).toISOString(),
      failuresSinceSuccess: Number(row[failures]) || 0,
      backupsLast24h: Number(row[last24h]) || 0,
    };
  });
}
