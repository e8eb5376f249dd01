import { DEFAULT_PRIORITY_THRESHOLDS, type PriorityThresholds } from '../core/prioritize.js';
import { LANGS, type Lang } from '../core/types.js';

/** One app setting: declared once, validated at start-up, documented in the README from here. */
export interface SettingSpec {
  name: string;
  description: string;
  /** Who reads it: our code, or the Functions host (binding expressions, identity connections). */
  readBy: 'code' | 'host';
  required: boolean;
  default?: string;
  secret: boolean;
  /** Checks a value; returns a sentence saying what is wrong and how to fix it. */
  check?: (value: string) => string | undefined;
}

const positiveNumber = (value: string) => (Number.isFinite(Number(value)) && Number(value) > 0 ? undefined : 'must be a positive number');
const positiveInteger = (value: string) => (Number.isInteger(Number(value)) && Number(value) > 0 ? undefined : 'must be a positive integer');
const guid = (value: string) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? undefined : 'must be a GUID');
const oneOf = (values: readonly string[]) => (value: string) => (values.includes(value.toLowerCase()) ? undefined : `must be one of ${values.join(', ')}`);

/** Every setting the app reads. */
export const SETTINGS: readonly SettingSpec[] = [
  { name: 'EVENTHUB_NAME', readBy: 'host', required: true, secret: false, description: 'Event hub the vaults’ diagnostic settings stream to (binding `%EVENTHUB_NAME%`).' },
  { name: 'EVENTHUB_CONSUMER_GROUP', readBy: 'host', required: false, default: '$Default', secret: false, description: 'Consumer group of the trigger (binding `%EVENTHUB_CONSUMER_GROUP%`).' },
  { name: 'EventHubConnection__fullyQualifiedNamespace', readBy: 'host', required: true, secret: false, description: 'Event Hubs namespace host name, for the identity-based trigger connection.' },
  { name: 'TRIAGE_LANG', readBy: 'code', required: false, default: 'en', secret: false, description: 'Language of the messages: `en` or `fr`.', check: oneOf(LANGS) },
  { name: 'PRIORITY_RPO_HOURS', readBy: 'code', required: false, default: String(DEFAULT_PRIORITY_THRESHOLDS.rpoHours), secret: false, description: 'Hours without a successful backup an item tolerates; beyond it P2, beyond twice it P1.', check: positiveNumber },
  { name: 'PRIORITY_RECURRENCE_COUNT', readBy: 'code', required: false, default: String(DEFAULT_PRIORITY_THRESHOLDS.recurrenceCount), secret: false, description: 'Consecutive failures of one item that raise its priority one level.', check: positiveInteger },
  { name: 'PRIORITY_BLAST_RADIUS_P2', readBy: 'code', required: false, default: String(DEFAULT_PRIORITY_THRESHOLDS.blastRadiusP2), secret: false, description: 'Items of one vault failing with the same code that make a failure at least P2.', check: positiveInteger },
  { name: 'LOOKUPS_ENABLED', readBy: 'code', required: false, default: 'true', secret: false, description: 'Read the Azure state (agent, extension, locks, restore points, disks, key vault, jobs, history) to confirm or rule out causes.', check: oneOf(['true', 'false']) },
  { name: 'AZURE_CLIENT_ID', readBy: 'code', required: false, secret: false, description: 'Client id of the user-assigned managed identity the lookups use (read by `DefaultAzureCredential`).' },
  { name: 'LOG_ANALYTICS_WORKSPACE_ID', readBy: 'code', required: false, secret: false, description: 'Workspace (GUID) receiving the vaults’ AddonAzureBackupJobs: enables the history probe (backups a day, failures in a row, last success).', check: guid },
  { name: 'BACKUP_MANAGEMENT_SERVICE_OBJECT_ID', readBy: 'code', required: false, secret: false, description: 'Object id of the “Backup Management Service” principal in your tenant: makes the key vault check exact.', check: guid },
  { name: 'LOOKUP_CONCURRENCY', readBy: 'code', required: false, default: '16', secret: false, description: 'VMs looked up at the same time.', check: positiveInteger },
  { name: 'LOOKUP_DEADLINE_SECONDS', readBy: 'code', required: false, default: '25', secret: false, description: 'After this, lookups still running report “timed out” and the batch goes on.', check: positiveNumber },
  { name: 'LOOKUP_CACHE_TTL_SECONDS', readBy: 'code', required: false, default: '300', secret: false, description: 'How long a read of the Azure state is reused by later batches.', check: positiveNumber },
  { name: 'ARM_READ_BURST', readBy: 'code', required: false, default: '250', secret: false, description: 'ARM reads sent at once per subscription (ARM’s bucket size).', check: positiveInteger },
  { name: 'ARM_READS_PER_SECOND', readBy: 'code', required: false, default: '25', secret: false, description: 'ARM reads per second per subscription once the burst is spent (ARM’s refill rate).', check: positiveNumber },
  { name: 'PRIORITY_BLAST_RADIUS_P1', readBy: 'code', required: false, default: String(DEFAULT_PRIORITY_THRESHOLDS.blastRadiusP1), secret: false, description: 'Items of one vault failing with the same code that make a failure P1.', check: positiveInteger },
];

/** The settings our code uses, typed. */
export interface Settings {
  lang: Lang;
  thresholds: PriorityThresholds;
  lookups: LookupSettings;
}

export interface LookupSettings {
  enabled: boolean;
  workspaceId?: string;
  backupServiceObjectId?: string;
  concurrency: number;
  deadlineMs: number;
  cacheTtlMs: number;
  armBurst: number;
  armReadsPerSecond: number;
}

/** Misconfiguration found at start-up; `problems` names every wrong setting and how to fix it. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
}

/** Reads and checks the settings our code needs; `scope: 'all'` also checks the host's, for start-up. */
export function loadSettings(env: Readonly<Record<string, string | undefined>>, scope: 'code' | 'all' = 'code'): Settings {
  const problems: string[] = [];
  const value = (name: string): string => {
    const spec = SETTINGS.find((setting) => setting.name === name);
    return (env[name]?.trim() || spec?.default) ?? '';
  };
  for (const spec of SETTINGS) {
    if (scope === 'code' && spec.readBy !== 'code') continue;
    const raw = env[spec.name]?.trim();
    if (raw === undefined || raw === '') {
      if (spec.required) problems.push(`${spec.name} is required: ${spec.description}`);
      continue;
    }
    const problem = spec.check?.(raw);
    if (problem !== undefined) problems.push(`${spec.name} ${problem} (got "${spec.secret ? '***' : raw}").`);
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    lang: value('TRIAGE_LANG').toLowerCase() as Lang,
    thresholds: {
      rpoHours: Number(value('PRIORITY_RPO_HOURS')),
      recurrenceCount: Number(value('PRIORITY_RECURRENCE_COUNT')),
      blastRadiusP2: Number(value('PRIORITY_BLAST_RADIUS_P2')),
      blastRadiusP1: Number(value('PRIORITY_BLAST_RADIUS_P1')),
    },
    lookups: {
      enabled: value('LOOKUPS_ENABLED').toLowerCase() === 'true',
      ...(value('LOG_ANALYTICS_WORKSPACE_ID') !== '' && { workspaceId: value('LOG_ANALYTICS_WORKSPACE_ID') }),
      ...(value('BACKUP_MANAGEMENT_SERVICE_OBJECT_ID') !== '' && { backupServiceObjectId: value('BACKUP_MANAGEMENT_SERVICE_OBJECT_ID') }),
      concurrency: Number(value('LOOKUP_CONCURRENCY')),
      deadlineMs: Number(value('LOOKUP_DEADLINE_SECONDS')) * 1000,
      cacheTtlMs: Number(value('LOOKUP_CACHE_TTL_SECONDS')) * 1000,
      armBurst: Number(value('ARM_READ_BURST')),
      armReadsPerSecond: Number(value('ARM_READS_PER_SECOND')),
    },
  };
}
