import { DEFAULT_PRIORITY_THRESHOLDS, type PriorityThresholds } from '../core/explain/prioritize.js';
import { checkWebhookUrl, isStandardWebhookSecret } from './webhookChecks.js';
import type { NotifyPolicy } from '../core/notify/types.js';
import { FORMATS, type Format } from '../core/render/renderNotification.js';
import { SHELLS, type Shell } from '../core/render/shells.js';
import { LANGS, type Lang, type Priority } from '../core/types.js';

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
  /** Settings that must be set too when this one is (it is useless, or misleading, alone). */
  requires?: readonly string[];
  /**
   * What a wrong value stops. By default the app: it refuses to start, naming the setting. `delivery`
   * (the webhook) and `digest` (the mail) stop only that: events are still stored, messages wait in
   * the outbox, and the function that delivers reports the problem. Their values come from Key
   * Vault references, which the platform leaves unresolved when the secret or the role is missing.
   */
  stops?: 'delivery' | 'digest';
}

const positiveNumber = (value: string) =>
  Number.isFinite(Number(value)) && Number(value) > 0 ? undefined : 'must be a positive number';
const positiveInteger = (value: string) =>
  Number.isInteger(Number(value)) && Number(value) > 0 ? undefined : 'must be a positive integer';
const nonNegativeInteger = (value: string) =>
  Number.isInteger(Number(value)) && Number(value) >= 0 ? undefined : 'must be a whole number, 0 or more';
const guid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? undefined : 'must be a GUID';
const namespaceHost = (value: string) =>
  /^[a-z0-9][a-z0-9-]{4,48}[a-z0-9]\.servicebus\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/i.test(value)
    ? undefined
    : 'must be the namespace host name, <namespace>.servicebus.windows.net (not a connection string: the app connects with its managed identity)';
const storageAccountName = (value: string) =>
  /^[a-z0-9]{3,24}$/.test(value) ? undefined : 'must be a storage account name: 3 to 24 lowercase letters and digits';
/** NCRONTAB as the Functions timer reads it: six fields, seconds first. */
const ncrontab = (value: string) =>
  value.trim().split(/\s+/).length === 6 &&
  value
    .trim()
    .split(/\s+/)
    .every((field) => /^[\d*,/\-A-Za-z]+$/.test(field))
    ? undefined
    : 'must be an NCRONTAB expression of six fields, seconds first, in UTC (e.g. "0 0 6 * * *" for 06:00)';
/** What the Tables SDK accepts: an account key string, a SAS string, or the development shorthand. */
const storageConnectionString = (value: string) => {
  if (/^\s*UseDevelopmentStorage=true\s*;?\s*$/i.test(value)) return undefined;
  const parts = value.split(';').filter((part) => part.trim() !== '');
  const pairs = new Map(
    parts.map((part) => [part.slice(0, part.indexOf('=')).trim().toLowerCase(), part.slice(part.indexOf('=') + 1)]),
  );
  const wellFormed = parts.every((part) => part.indexOf('=') > 0);
  const endpointOk = !pairs.has('tableendpoint') || /^https?:\/\/[^/]/.test(pairs.get('tableendpoint') ?? '');
  const account = ['defaultendpointsprotocol', 'accountname', 'accountkey'].every((key) => pairs.get(key));
  const sas = Boolean(pairs.get('tableendpoint')) && Boolean(pairs.get('sharedaccesssignature'));
  return wellFormed && endpointOk && (account || sas)
    ? undefined
    : 'must be a storage connection string: DefaultEndpointsProtocol=…;AccountName=…;AccountKey=… (plus TableEndpoint=http://127.0.0.1:10002/devstoreaccount1 for Azurite), TableEndpoint=…;SharedAccessSignature=…, or UseDevelopmentStorage=true';
};
const identityCredential = (value: string) => (value === 'managedidentity' ? undefined : 'must be "managedidentity"');
const oneOf = (values: readonly string[]) => (value: string) =>
  values.some((allowed) => allowed.toLowerCase() === value.toLowerCase())
    ? undefined
    : `must be one of ${values.join(', ')}`;

/** Every setting the app reads. */
export const SETTINGS: readonly SettingSpec[] = [
  {
    name: 'EVENTHUB_NAME',
    readBy: 'host',
    required: true,
    secret: false,
    description: 'Event hub the vaults’ diagnostic settings stream to (binding `%EVENTHUB_NAME%`).',
  },
  {
    name: 'EVENTHUB_CONSUMER_GROUP',
    readBy: 'host',
    required: false,
    default: '$Default',
    secret: false,
    description: 'Consumer group of the trigger (binding `%EVENTHUB_CONSUMER_GROUP%`).',
  },
  {
    name: 'EventHubConnection__fullyQualifiedNamespace',
    readBy: 'host',
    required: true,
    secret: false,
    description: 'Event Hubs namespace host name, for the identity-based trigger connection.',
    check: namespaceHost,
  },
  {
    name: 'EventHubConnection__credential',
    readBy: 'host',
    required: false,
    secret: false,
    description: '`managedidentity`: the trigger connects with the app’s identity.',
    check: identityCredential,
    requires: ['EventHubConnection__clientId'],
  },
  {
    name: 'EventHubConnection__clientId',
    readBy: 'host',
    required: false,
    secret: false,
    description: 'Client id of the user-assigned identity the trigger uses.',
    check: guid,
  },
  {
    name: 'EVENTHUB_REGIONS',
    readBy: 'code',
    required: false,
    secret: false,
    description:
      'Regions of the vaults besides the app’s, comma-separated: a diagnostic setting streams only to an event hub in its vault’s region, so each has its namespace. The app registers one more trigger per region, `backupFailures-<region>`, on the connection `EventHubConnection_<region>` (settings `EventHubConnection_<region>__fullyQualifiedNamespace`, `__credential`, `__clientId`, checked like the main one).',
    check: (v) =>
      /^[a-z0-9]+(,[a-z0-9]+)*$/.test(v)
        ? undefined
        : 'must be region names, comma-separated (e.g. "northeurope,eastus2")',
  },
  {
    name: 'AzureWebJobsStorage__credential',
    readBy: 'host',
    required: false,
    secret: false,
    description:
      '`managedidentity`: the Functions runtime reaches its storage with the app’s identity (shared keys are disabled).',
    check: identityCredential,
    requires: ['AzureWebJobsStorage__clientId'],
  },
  {
    name: 'AzureWebJobsStorage__clientId',
    readBy: 'host',
    required: false,
    secret: false,
    description: 'Client id of the user-assigned identity the runtime uses for its storage.',
    check: guid,
  },
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    readBy: 'host',
    required: false,
    secret: false,
    description: 'Application Insights of the app (ingestion needs an Entra token: local auth is disabled).',
  },
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
    readBy: 'host',
    required: false,
    secret: false,
    description: '`ClientId=<identity client id>;Authorization=AAD`: telemetry sent with the app’s identity.',
  },
  {
    name: 'TRIAGE_LANG',
    readBy: 'code',
    required: false,
    default: 'en',
    secret: false,
    description: 'Language of the messages: `en` or `fr`.',
    check: oneOf(LANGS),
  },
  {
    name: 'PRIORITY_RPO_HOURS',
    readBy: 'code',
    required: false,
    default: String(DEFAULT_PRIORITY_THRESHOLDS.rpoHours),
    secret: false,
    description: 'Hours without a successful backup an item tolerates; beyond it P2, beyond twice it P1.',
    check: positiveNumber,
  },
  {
    name: 'PRIORITY_RECURRENCE_COUNT',
    readBy: 'code',
    required: false,
    default: String(DEFAULT_PRIORITY_THRESHOLDS.recurrenceCount),
    secret: false,
    description: 'Consecutive failures of one item that raise its priority one level.',
    check: positiveInteger,
  },
  {
    name: 'PRIORITY_BLAST_RADIUS_P2',
    readBy: 'code',
    required: false,
    default: String(DEFAULT_PRIORITY_THRESHOLDS.blastRadiusP2),
    secret: false,
    description: 'Items of one vault failing with the same code that make a failure at least P2.',
    check: positiveInteger,
  },
  {
    name: 'PRIORITY_BLAST_RADIUS_P1',
    readBy: 'code',
    required: false,
    default: String(DEFAULT_PRIORITY_THRESHOLDS.blastRadiusP1),
    secret: false,
    description: 'Items of one vault failing with the same code that make a failure P1.',
    check: positiveInteger,
  },
  {
    name: 'LOOKUPS_ENABLED',
    readBy: 'code',
    required: false,
    default: 'true',
    secret: false,
    description:
      'Read the Azure state (agent, extension, locks, restore points, disks, key vault, jobs, history) to confirm or rule out causes.',
    check: oneOf(['true', 'false']),
  },
  {
    name: 'AZURE_CLIENT_ID',
    readBy: 'code',
    required: false,
    secret: false,
    description: 'Client id of the user-assigned managed identity the lookups use (read by `DefaultAzureCredential`).',
  },
  {
    name: 'LOG_ANALYTICS_WORKSPACE_ID',
    readBy: 'code',
    required: false,
    secret: false,
    description:
      'Workspace (GUID) receiving the vaults’ AddonAzureBackupJobs: enables the history probe (backups a day, failures in a row, last success).',
    check: guid,
  },
  {
    name: 'BACKUP_MANAGEMENT_SERVICE_OBJECT_ID',
    readBy: 'code',
    required: false,
    secret: false,
    description:
      'Object id of the “Backup Management Service” principal in your tenant: makes the key vault check exact.',
    check: guid,
  },
  {
    name: 'LOOKUP_CONCURRENCY',
    readBy: 'code',
    required: false,
    default: '16',
    secret: false,
    description: 'VMs looked up at the same time.',
    check: positiveInteger,
  },
  {
    name: 'LOOKUP_DEADLINE_SECONDS',
    readBy: 'code',
    required: false,
    default: '25',
    secret: false,
    description: 'After this, lookups still running report “timed out” and the batch goes on.',
    check: positiveNumber,
  },
  {
    name: 'LOOKUP_CACHE_TTL_SECONDS',
    readBy: 'code',
    required: false,
    default: '300',
    secret: false,
    description: 'How long a read of the Azure state is reused by later batches.',
    check: positiveNumber,
  },
  {
    name: 'ARM_READ_BURST',
    readBy: 'code',
    required: false,
    default: '250',
    secret: false,
    description: 'ARM reads sent at once per subscription (ARM’s bucket size).',
    check: positiveInteger,
  },
  {
    name: 'ARM_READS_PER_SECOND',
    readBy: 'code',
    required: false,
    default: '25',
    secret: false,
    description: 'ARM reads per second per subscription once the burst is spent (ARM’s refill rate).',
    check: positiveNumber,
  },
  {
    name: 'WEBHOOK_URL',
    readBy: 'code',
    required: false,
    secret: true,
    description:
      'Where notifications are posted (Teams Workflows, Slack incoming webhook, or any endpoint). https only; http only to localhost. Without it, messages wait in the outbox.',
    check: (v) => checkWebhookUrl(v),
    stops: 'delivery',
  },
  {
    name: 'WEBHOOK_FORMAT',
    readBy: 'code',
    required: false,
    default: 'generic',
    secret: false,
    description:
      '`generic` (signed JSON, schema/notification.v1.json), `teams` (Adaptive Card), `slack` (Block Kit) or `markdown`.',
    check: oneOf(FORMATS),
  },
  {
    name: 'WEBHOOK_SECRET',
    readBy: 'code',
    required: false,
    secret: true,
    description: 'Standard Webhooks secret (`whsec_` + 24–64 random bytes in base64) that signs `generic` messages.',
    check: (v) => (isStandardWebhookSecret(v) ? undefined : 'must be whsec_ followed by 24 to 64 bytes in base64'),
    stops: 'delivery',
  },
  {
    name: 'NOTIFY_SHELL',
    readBy: 'code',
    required: false,
    default: 'cli',
    secret: false,
    description:
      'The shell of the one command a message shows under its first action: `cli` (Azure CLI, bash) or `powershell` (Az PowerShell). The other stays in the details.',
    check: oneOf(SHELLS),
  },
  {
    name: 'NOTIFY_MIN_PRIORITY',
    readBy: 'code',
    required: false,
    default: 'P3',
    secret: false,
    description: 'Findings below this priority are stored (digest, dashboard) but not sent.',
    check: oneOf(['P1', 'P2', 'P3', 'P4']),
  },
  {
    name: 'DEDUP_WINDOW_HOURS',
    readBy: 'code',
    required: false,
    default: '24',
    secret: false,
    description: 'A repeat of a finding within this window is counted, not sent (unless its priority rises).',
    check: positiveNumber,
  },
  {
    name: 'GROUP_WINDOW_MINUTES',
    readBy: 'code',
    required: false,
    default: '15',
    secret: false,
    description: 'Window in which new findings of one code in one vault count as one storm.',
    check: positiveNumber,
  },
  {
    name: 'GROUP_THRESHOLD',
    readBy: 'code',
    required: false,
    default: '5',
    secret: false,
    description:
      'Past this many new findings of one code in one vault within the window, they are sent as one grouped message.',
    check: positiveInteger,
  },
  {
    name: 'OUTBOX_MAX_AGE_HOURS',
    readBy: 'code',
    required: false,
    default: '24',
    secret: false,
    description: 'An undelivered message older than this is dead-lettered (kept, visible, not retried).',
    check: positiveNumber,
  },
  {
    name: 'DELIVERY_TIMEOUT_SECONDS',
    readBy: 'code',
    required: false,
    default: '10',
    secret: false,
    description: 'Limit of one delivery attempt.',
    check: positiveNumber,
  },
  {
    name: 'DELIVERY_RETRIES',
    readBy: 'code',
    required: false,
    default: '3',
    secret: false,
    description: 'Retries of a delivery before it is left to the redelivery timer.',
    check: nonNegativeInteger,
  },
  {
    name: 'STATE_STORAGE_CONNECTION_STRING',
    readBy: 'code',
    required: false,
    secret: true,
    description:
      'Table storage connection string (local Azurite). In Azure leave it empty: the Function App’s storage account is used with its managed identity.',
    check: storageConnectionString,
  },
  {
    name: 'AzureWebJobsStorage__accountName',
    readBy: 'code',
    required: false,
    secret: false,
    description:
      'The Function App’s storage account (identity-based connection): its Table service holds findings, outbox, events and rejected records.',
    check: storageAccountName,
  },
  {
    name: 'AzureWebJobsStorage__tableServiceUri',
    readBy: 'code',
    required: false,
    secret: false,
    description:
      'Table service of that account as the cloud spells it (`https://<account>.table.core.windows.net/` in the public cloud); without it that address is assumed.',
    check: (v) =>
      /^https:\/\/[a-z0-9]{3,24}\.table\./.test(v) ? undefined : 'must be https://<account>.table.<cloud suffix>/',
    requires: ['AzureWebJobsStorage__accountName'],
  },
  {
    name: 'TABLE_PREFIX',
    readBy: 'code',
    required: false,
    default: 'triage',
    secret: false,
    description:
      'Prefix of the table names (`<prefix>findings`, `<prefix>outbox`, `<prefix>events`, `<prefix>rejected`).',
    check: (v) =>
      /^[A-Za-z][A-Za-z0-9]{0,40}$/.test(v) ? undefined : 'must be letters and digits, starting with a letter',
  },
  {
    name: 'DIGEST_SCHEDULE',
    readBy: 'host',
    required: true,
    secret: false,
    description:
      'When the daily digest is sent: NCRONTAB in UTC (binding `%DIGEST_SCHEDULE%`), e.g. `0 0 6 * * *` for 06:00 UTC.',
    check: ncrontab,
  },
  {
    name: 'DIGEST_TO',
    readBy: 'code',
    required: false,
    secret: false,
    description: 'Digest recipients, comma-separated. Without it the digest is not sent.',
    check: (v) =>
      v.split(',').every((a) => /^[^@\s]+@[^@\s]+$/.test(a.trim()))
        ? undefined
        : 'must be email addresses separated by commas',
    requires: ['SMTP_HOST'],
    stops: 'digest',
  },
  {
    name: 'DIGEST_FROM',
    readBy: 'code',
    required: false,
    default: 'azure-backup-triage@localhost',
    secret: false,
    description: 'Sender of the digest (a verified sender address of your SMTP service).',
    stops: 'digest',
  },
  {
    name: 'DIGEST_ALL_CLEAR',
    readBy: 'code',
    required: false,
    default: 'true',
    secret: false,
    description: 'Also send a short “all clear” on a day with no failures and nothing open.',
    check: oneOf(['true', 'false']),
  },
  {
    name: 'SMTP_HOST',
    readBy: 'code',
    required: false,
    secret: false,
    description:
      'SMTP server: `smtp.azurecomm.net` (Azure Communication Services), `smtp.office365.com`, `smtp.sendgrid.net`…',
    stops: 'digest',
  },
  {
    name: 'SMTP_PORT',
    readBy: 'code',
    required: false,
    default: '587',
    secret: false,
    description: 'SMTP port: 587 (STARTTLS, required) or 465 (TLS).',
    check: positiveInteger,
    stops: 'digest',
  },
  {
    name: 'SMTP_USER',
    readBy: 'code',
    required: false,
    secret: false,
    description: 'SMTP user name.',
    requires: ['SMTP_PASSWORD'],
    stops: 'digest',
  },
  {
    name: 'SMTP_PASSWORD',
    readBy: 'code',
    required: false,
    secret: true,
    description: 'SMTP password: a Key Vault reference in Azure (`@Microsoft.KeyVault(SecretUri=…)`).',
    requires: ['SMTP_USER'],
    stops: 'digest',
  },
  {
    name: 'DASHBOARD_URL',
    readBy: 'code',
    required: false,
    secret: false,
    description: 'Public URL of the dashboard, linked from the digest and the messages.',
    check: (v) => (/^https?:\/\//.test(v) ? undefined : 'must be an http(s) URL'),
  },
  {
    name: 'DASHBOARD_AUTH',
    readBy: 'code',
    required: false,
    default: 'key',
    secret: false,
    description:
      'Who may read the dashboard. `key`: its data routes need a function key, which the page sends as the `x-functions-key` header (open it as `…/api/dashboard#key=<key>`); the page and its assets hold no data and need none. `entra`: App Service authentication signs people in with Microsoft Entra ID in front of every route, the routes take no key, and a request App Service did not authenticate is refused.',
    check: oneOf(['key', 'entra']),
  },
  {
    name: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID',
    readBy: 'host',
    required: false,
    secret: false,
    description:
      'With `DASHBOARD_AUTH=entra`: client id of the identity whose federated credential App Service authentication uses instead of a client secret (read by App Service).',
    check: guid,
  },
  {
    name: 'WEBSITE_AUTH_AAD_ALLOWED_TENANTS',
    readBy: 'host',
    required: false,
    secret: false,
    description:
      'With `DASHBOARD_AUTH=entra`: the tenant whose people may sign in (read by App Service authentication).',
    check: (v) =>
      v.split(',').every((id) => guid(id.trim()) === undefined)
        ? undefined
        : 'must be tenant ids (GUIDs), comma-separated',
  },
  {
    name: 'RETENTION_DAYS',
    readBy: 'code',
    required: false,
    default: '90',
    secret: false,
    description: 'Enriched events and rejected records older than this are deleted by the daily digest run.',
    check: positiveInteger,
  },
  {
    name: 'EVENTS_OUTPUT_EVENTHUB_NAME',
    readBy: 'code',
    required: false,
    secret: false,
    description: 'Optional: also publish every enriched event to this event hub (streaming dashboards).',
    requires: ['EventsOutput__fullyQualifiedNamespace'],
  },
  {
    name: 'EventsOutput__fullyQualifiedNamespace',
    readBy: 'code',
    required: false,
    secret: false,
    description: 'Namespace host of that event hub (identity-based; the app needs Event Hubs Data Sender).',
    check: namespaceHost,
    requires: ['EVENTS_OUTPUT_EVENTHUB_NAME'],
  },
];

/** The settings our code uses, typed. */
export interface Settings {
  lang: Lang;
  thresholds: PriorityThresholds;
  lookups: LookupSettings;
  notify: NotifySettings;
  digest: DigestSettings;
  /** How people reach the dashboard: a function key, or Microsoft Entra ID sign-in in front of it. */
  dashboard: { auth: 'key' | 'entra' };
  /** Optional second event hub receiving every enriched event (streaming dashboards). */
  eventsOutput?: { eventHubName: string; namespace: string };
}

export interface DigestSettings {
  /** Why the digest mail is off although configured (wrong SMTP or digest settings); absent when fine. */
  problems?: string[];
  to: string[];
  from: string;
  allClear: boolean;
  smtp?: { host: string; port: number; user?: string; password?: string };
  dashboardUrl?: string;
  retentionDays: number;
}

export interface NotifySettings {
  webhook?: { url: string; format: Format; secret?: string };
  /** Why webhook delivery is off although configured (wrong WEBHOOK_URL or WEBHOOK_SECRET); absent when fine. */
  problems?: string[];
  format: Format;
  /** The shell of the one command a message shows. */
  shell: Shell;
  /** The dashboard's public URL: messages link each finding to its page there. */
  dashboardUrl?: string;
  policy: NotifyPolicy;
  outboxMaxAgeMs: number;
  attemptTimeoutMs: number;
  retries: number;
  storage: { connectionString: string } | { accountName: string; tableEndpoint?: string } | undefined;
  tablePrefix: string;
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

/** Regions besides the app's whose event hubs it reads (EVENTHUB_REGIONS), each on `EventHubConnection_<region>`. */
export function eventHubRegions(env: Readonly<Record<string, string | undefined>>): string[] {
  const value = env['EVENTHUB_REGIONS']?.trim() ?? '';
  return value === '' ? [] : value.split(',').map((region) => region.trim());
}

/** Misconfiguration found at start-up; `problems` names every wrong setting and how to fix it. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
}

/**
 * Reads and checks the settings our code needs; `scope: 'all'` also checks the host's, for start-up.
 * A wrong setting throws a ConfigurationError naming it, unless it stops only delivery or the digest
 * (`stops`): then the settings come back without the webhook (or the mail) and with the problems.
 */
export function loadSettings(
  env: Readonly<Record<string, string | undefined>>,
  scope: 'code' | 'all' = 'code',
): Settings {
  const problems: Record<'app' | 'delivery' | 'digest', string[]> = { app: [], delivery: [], digest: [] };
  const value = (name: string): string => {
    const spec = SETTINGS.find((setting) => setting.name === name);
    return (env[name]?.trim() || spec?.default) ?? '';
  };
  for (const spec of SETTINGS) {
    if (scope === 'code' && spec.readBy !== 'code') continue;
    const found = problems[spec.stops ?? 'app'];
    const raw = env[spec.name]?.trim();
    if (raw === undefined || raw === '') {
      if (spec.required) found.push(`${spec.name} is required: ${spec.description}`);
      continue;
    }
    if (raw.startsWith('@Microsoft.KeyVault(')) {
      found.push(
        `${spec.name} is a Key Vault reference the platform could not resolve: check that the secret exists and that the app's identity has "Key Vault Secrets User" on the vault (the app's Environment variables page shows why), then refresh the references (docs/deploy.md, "Rotating a secret").`,
      );
      continue;
    }
    const problem = spec.check?.(raw);
    if (problem !== undefined) found.push(`${spec.name} ${problem} (got "${spec.secret ? '***' : raw}").`);
    for (const other of spec.requires ?? []) {
      if (!env[other]?.trim())
        found.push(
          `${other} is required when ${spec.name} is set: ${SETTINGS.find((s) => s.name === other)?.description ?? ''}`,
        );
    }
  }
  if (
    scope === 'all' &&
    !env['AzureWebJobsStorage__accountName']?.trim() &&
    !env['STATE_STORAGE_CONNECTION_STRING']?.trim()
  ) {
    problems.app.push(
      'AzureWebJobsStorage__accountName is required: the storage account whose tables hold findings, outbox and events (or STATE_STORAGE_CONNECTION_STRING outside Azure).',
    );
  }
  if (scope === 'all' && problems.app.length === 0)
    for (const region of eventHubRegions(env)) {
      const prefix = `EventHubConnection_${region}__`;
      const host = env[`${prefix}fullyQualifiedNamespace`]?.trim() ?? '';
      if (host === '')
        problems.app.push(`${prefix}fullyQualifiedNamespace is required: EVENTHUB_REGIONS lists ${region}.`);
      else if (namespaceHost(host) !== undefined)
        problems.app.push(`${prefix}fullyQualifiedNamespace ${namespaceHost(host)!} (got "${host}").`);
      const credential = env[`${prefix}credential`]?.trim();
      if (credential !== undefined && credential !== '' && identityCredential(credential) !== undefined)
        problems.app.push(`${prefix}credential ${identityCredential(credential)!} (got "${credential}").`);
      const clientId = env[`${prefix}clientId`]?.trim();
      if (clientId !== undefined && clientId !== '' && guid(clientId) !== undefined)
        problems.app.push(`${prefix}clientId ${guid(clientId)!} (got "${clientId}").`);
    }
  if (problems.app.length > 0) throw new ConfigurationError(problems.app);
  const webhookOn = value('WEBHOOK_URL') !== '' && problems.delivery.length === 0;
  const mailOn = problems.digest.length === 0;
  return {
    lang: value('TRIAGE_LANG').toLowerCase() as Lang,
    thresholds: {
      rpoHours: Number(value('PRIORITY_RPO_HOURS')),
      recurrenceCount: Number(value('PRIORITY_RECURRENCE_COUNT')),
      blastRadiusP2: Number(value('PRIORITY_BLAST_RADIUS_P2')),
      blastRadiusP1: Number(value('PRIORITY_BLAST_RADIUS_P1')),
    },
    digest: {
      ...(!mailOn && { problems: problems.digest }),
      to:
        !mailOn || value('DIGEST_TO') === ''
          ? []
          : value('DIGEST_TO')
              .split(',')
              .map((a) => a.trim()),
      from: value('DIGEST_FROM'),
      allClear: value('DIGEST_ALL_CLEAR').toLowerCase() === 'true',
      ...(mailOn &&
        value('SMTP_HOST') !== '' && {
          smtp: {
            host: value('SMTP_HOST'),
            port: Number(value('SMTP_PORT')),
            ...(value('SMTP_USER') !== '' && { user: value('SMTP_USER') }),
            ...(value('SMTP_PASSWORD') !== '' && { password: value('SMTP_PASSWORD') }),
          },
        }),
      ...(value('DASHBOARD_URL') !== '' && { dashboardUrl: value('DASHBOARD_URL') }),
      retentionDays: Number(value('RETENTION_DAYS')),
    },
    dashboard: { auth: value('DASHBOARD_AUTH').toLowerCase() as 'key' | 'entra' },
    ...(value('EVENTS_OUTPUT_EVENTHUB_NAME') !== '' && {
      eventsOutput: {
        eventHubName: value('EVENTS_OUTPUT_EVENTHUB_NAME'),
        namespace: value('EventsOutput__fullyQualifiedNamespace'),
      },
    }),
    notify: {
      ...(problems.delivery.length > 0 && { problems: problems.delivery }),
      ...(webhookOn && {
        webhook: {
          url: value('WEBHOOK_URL'),
          format: value('WEBHOOK_FORMAT').toLowerCase() as Format,
          ...(value('WEBHOOK_SECRET') !== '' && { secret: value('WEBHOOK_SECRET') }),
        },
      }),
      format: value('WEBHOOK_FORMAT').toLowerCase() as Format,
      shell: value('NOTIFY_SHELL').toLowerCase() as Shell,
      ...(value('DASHBOARD_URL') !== '' && { dashboardUrl: value('DASHBOARD_URL') }),
      policy: {
        dedupWindowMs: Number(value('DEDUP_WINDOW_HOURS')) * 3_600_000,
        groupWindowMs: Number(value('GROUP_WINDOW_MINUTES')) * 60_000,
        groupThreshold: Number(value('GROUP_THRESHOLD')),
        minPriority: value('NOTIFY_MIN_PRIORITY').toUpperCase() as Priority,
      },
      outboxMaxAgeMs: Number(value('OUTBOX_MAX_AGE_HOURS')) * 3_600_000,
      attemptTimeoutMs: Number(value('DELIVERY_TIMEOUT_SECONDS')) * 1000,
      retries: Number(value('DELIVERY_RETRIES')),
      storage:
        value('STATE_STORAGE_CONNECTION_STRING') !== ''
          ? { connectionString: value('STATE_STORAGE_CONNECTION_STRING') }
          : value('AzureWebJobsStorage__accountName') !== ''
            ? {
                accountName: value('AzureWebJobsStorage__accountName'),
                ...(value('AzureWebJobsStorage__tableServiceUri') !== '' && {
                  tableEndpoint: value('AzureWebJobsStorage__tableServiceUri'),
                }),
              }
            : undefined,
      tablePrefix: value('TABLE_PREFIX'),
    },
    lookups: {
      enabled: value('LOOKUPS_ENABLED').toLowerCase() === 'true',
      ...(value('LOG_ANALYTICS_WORKSPACE_ID') !== '' && { workspaceId: value('LOG_ANALYTICS_WORKSPACE_ID') }),
      ...(value('BACKUP_MANAGEMENT_SERVICE_OBJECT_ID') !== '' && {
        backupServiceObjectId: value('BACKUP_MANAGEMENT_SERVICE_OBJECT_ID'),
      }),
      concurrency: Number(value('LOOKUP_CONCURRENCY')),
      deadlineMs: Number(value('LOOKUP_DEADLINE_SECONDS')) * 1000,
      cacheTtlMs: Number(value('LOOKUP_CACHE_TTL_SECONDS')) * 1000,
      armBurst: Number(value('ARM_READ_BURST')),
      armReadsPerSecond: Number(value('ARM_READS_PER_SECOND')),
    },
  };
}
