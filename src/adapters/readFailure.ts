import type { ReadFailure, ReadRequest } from '../enrich/readings.js';

/** The scope an identity needs Reader on for a read, said the way an operator fixes it. */
function scopeOf(request: ReadRequest): string {
  switch (request.kind) {
    case 'vm.instanceView':
    case 'vm.model':
    case 'rg.locks':
    case 'rpc.get':
      return `resource group ${request.resourceGroup} (subscription ${request.subscriptionId})`;
    case 'keyvault.get':
      return `key vault ${request.name} (resource group ${request.resourceGroup})`;
    case 'sub.restorePointCollections':
      return `subscription ${request.subscriptionId}`;
    case 'vault.runningJobs':
      return `vault ${request.vaultName} (Backup Reader)`;
    case 'workspace.history':
      return `Log Analytics workspace ${request.workspaceId} (Log Analytics Reader)`;
  }
}

function whatOf(request: ReadRequest): string {
  switch (request.kind) {
    case 'vm.instanceView':
    case 'vm.model':
      return `VM ${request.name} not found in ${request.resourceGroup}: it was deleted or moved`;
    case 'rg.locks':
      return `resource group ${request.resourceGroup} not found`;
    case 'rpc.get':
      return `restore point collection ${request.name} not found`;
    case 'keyvault.get':
      return `key vault ${request.name} not found`;
    case 'sub.restorePointCollections':
      return `subscription ${request.subscriptionId} not found`;
    case 'vault.runningJobs':
      return `vault ${request.vaultName} not found`;
    case 'workspace.history':
      return `workspace ${request.workspaceId} not found`;
  }
}

/**
 * Any error of an SDK call as a read failure that says what to do. Branches on `name`, not
 * `instanceof`, as the Azure SDK guidelines ask (errors cross package copies).
 */
export function toReadFailure(
  error: unknown,
  request: ReadRequest,
  api: string,
  started: number,
  timedOut: boolean,
): ReadFailure {
  const err = error as { name?: string; statusCode?: number; code?: string; message?: string };
  const base = { ok: false as const, api, at: new Date().toISOString(), durationMs: Date.now() - started };
  if (err?.name === 'AbortError' || timedOut) {
    return { ...base, status: 'timeout', reason: timedOut ? 'timed out: the batch deadline passed' : 'timed out' };
  }
  if (err?.code === 'PARSE_ERROR' || err?.name === 'SyntaxError' || err?.name === 'MalformedResponse') {
    return {
      ...base,
      status: 'malformed',
      reason: 'the answer could not be read (malformed response): retried at the next batch',
    };
  }
  const status = err?.statusCode;
  if (typeof status === 'number') {
    const code = err.code ? ` ${err.code}` : '';
    if (status === 401)
      return { ...base, status, reason: "401: the credential was refused: check the app's managed identity" };
    if (status === 403) return { ...base, status, reason: `403: the identity needs Reader on ${scopeOf(request)}` };
    if (status === 404) return { ...base, status, reason: `404: ${whatOf(request)}` };
    if (status === 429)
      return {
        ...base,
        status,
        reason: '429: still throttled after the retries (Retry-After honoured): too many reads in this subscription',
      };
    if (status >= 500)
      return { ...base, status, reason: `${status}:${code} Azure failed to answer; it is retried at the next batch` };
    return { ...base, status, reason: `${status}:${code} ${(err.message ?? '').slice(0, 160)}` };
  }
  return {
    ...base,
    status: 'error',
    reason: `no answer: ${err?.code ?? err?.name ?? 'error'} ${(err?.message ?? '').slice(0, 120)}`.trim(),
  };
}
