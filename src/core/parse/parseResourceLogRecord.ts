import { isVaultId, isVmId, toVaultId, tryParseArmId } from '../armId.js';
import { toWorkload } from '../workload.js';
import { deriveJobId } from './deriveJobId.js';
import { exceedsDepth } from './depth.js';
import { isRecord, toFieldReader, toLayeredReader, type FieldReader } from './fields.js';
import type { ParseContext } from './parseContext.js';
import { keepsCode, toJobOperation, toJobStatus } from './jobOutcome.js';
import { ignoredItem, rejectValue } from './parseHelpers.js';
import { tryParseProtectedItemId } from './protectedItemId.js';
import { tryNormalizeTimestamp } from './timestamps.js';
import type { JobRecord, OsType, ParsedItem, SourceFormat } from '../types.js';

const JOB_FIELDS = [
  'JobOperation',
  'JobStatus',
  'JobFailureCode',
  'BackupItemUniqueId',
  'JobUniqueId',
  'DatasourceResourceId',
] as const;
const NAME_FIELDS = [
  ...JOB_FIELDS,
  'VaultName',
  'ResourceGroupName',
  'SubscriptionId',
  'BackupItemFriendlyName',
  'DatasourceFriendlyName',
  'AzureDataCenter',
  'ProtectedContainerUniqueId',
  'resourceId',
] as const;

/**
 * One record of a resource-log envelope, or a bare record with the same fields (a Log Analytics
 * export row). Service fields live in `properties` (sometimes as a JSON string), common fields at
 * the top; both are read case-insensitively.
 */
export function parseResourceLogRecord(
  record: Record<string, unknown>,
  ctx: ParseContext,
  format: SourceFormat,
): ParsedItem {
  if (exceedsDepth(record, ctx.limits.maxDepth)) {
    return rejectValue(
      ctx,
      record,
      'too_deep',
      `The record nests deeper than ${ctx.limits.maxDepth} levels; no Azure Backup record does.`,
    );
  }
  const top = toFieldReader(record, 'category');
  const props = readProperties(top);
  if (props === 'invalid') {
    return rejectValue(
      ctx,
      record,
      'invalid_field:properties',
      'The record’s "properties" is neither an object nor a JSON object string.',
    );
  }
  const field = combine(props, top);
  const category = top.text('category') ?? field.text('Category');
  const categoryKey = category?.toLowerCase();

  if (categoryKey === 'coreazurebackup') return parseCoreRecord(field, ctx);
  if (categoryKey === 'azurebackupreport') {
    const operation = field.text('operationName');
    if (operation !== undefined && operation.toLowerCase() !== 'job')
      return ignoredItem(ctx, `legacy_operation:${operation}`);
    if (field.text('SchemaVersion')?.toUpperCase() === 'V1') return ignoredItem(ctx, 'legacy_v1_duplicate');
    return parseJob(record, field, top, ctx, format, 'AzureBackupReport', 1);
  }
  if (categoryKey === 'addonazurebackupjobs')
    return parseJob(record, field, top, ctx, format, 'AddonAzureBackupJobs', 3);
  if (category !== undefined) return ignoredItem(ctx, `category:${category}`);
  if (field.get('JobStatus') !== undefined || field.get('JobOperation') !== undefined) {
    return parseJob(record, field, top, ctx, format, 'AddonAzureBackupJobs', 2);
  }
  return rejectValue(
    ctx,
    record,
    'unknown_shape',
    'The record has no category and no job fields (JobOperation, JobStatus); it is not an Azure Backup record.',
  );
}

function readProperties(top: FieldReader): FieldReader | undefined | 'invalid' {
  const value = top.get('properties');
  if (value === undefined || value === null) return undefined;
  if (isRecord(value)) return toFieldReader(value, 'BackupItemUniqueId');
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isRecord(parsed)) return toFieldReader(parsed, 'BackupItemUniqueId');
    } catch {
      return 'invalid';
    }
  }
  return 'invalid';
}

function combine(props: FieldReader | undefined, top: FieldReader): FieldReader {
  return props === undefined ? top : toLayeredReader(props, top);
}

function parseCoreRecord(field: FieldReader, ctx: ParseContext): ParsedItem {
  const operation = field.text('operationName') ?? 'unknown';
  const backupItemUniqueId = field.text('BackupItemUniqueId');
  const datasourceResourceId = field.text('DatasourceResourceId');
  const protectedContainerUniqueId = field.text('ProtectedContainerUniqueId');
  const osType = toOsType(field.text('ProtectedContainerOSType'));
  if (
    operation.toLowerCase() === 'backupitem' &&
    backupItemUniqueId !== undefined &&
    datasourceResourceId !== undefined
  ) {
    return {
      kind: 'mapping',
      mapping: {
        backupItemUniqueId,
        datasourceResourceId,
        ...(protectedContainerUniqueId !== undefined && { protectedContainerUniqueId }),
        ...(osType !== undefined && { osType }),
      },
      origin: ctx.origin,
    };
  }
  if (protectedContainerUniqueId !== undefined && osType !== undefined)
    return { kind: 'container', container: { protectedContainerUniqueId, osType }, origin: ctx.origin };
  return ignoredItem(ctx, `core:${operation}`);
}

/** `ProtectedContainerOSType` as the service writes it ("Windows", "Linux", any case). */
function toOsType(text: string | undefined): OsType | undefined {
  if (text === undefined) return undefined;
  if (/windows/i.test(text)) return 'windows';
  if (/linux/i.test(text)) return 'linux';
  return undefined;
}

function parseJob(
  record: Record<string, unknown>,
  field: FieldReader,
  top: FieldReader,
  ctx: ParseContext,
  format: SourceFormat,
  category: string,
  richness: number,
): ParsedItem {
  for (const name of JOB_FIELDS) {
    if (field.isNonScalar(name))
      return rejectValue(ctx, record, `invalid_field:${name}`, `"${name}" should be text but is an object or array.`);
  }
  for (const name of NAME_FIELDS) {
    const value = field.get(name);
    if (typeof value === 'string' && value.length > ctx.limits.maxFieldChars) {
      return rejectValue(
        ctx,
        record,
        `invalid_field:${name}`,
        `"${name}" is ${value.length} characters long, over the ${ctx.limits.maxFieldChars}-character limit for names and codes.`,
      );
    }
  }
  const operationText = field.text('JobOperation');
  if (operationText === undefined)
    return rejectValue(
      ctx,
      record,
      'missing_field:JobOperation',
      'A job record needs JobOperation to tell a backup from a restore.',
    );
  const operation = toJobOperation(operationText);
  if (operation === undefined) return ignoredItem(ctx, `operation:${operationText}`);

  const statusText = field.text('JobStatus');
  if (statusText === undefined)
    return rejectValue(
      ctx,
      record,
      'missing_field:JobStatus',
      'A backup job record needs JobStatus (Failed, Completed, …).',
    );
  const status = toJobStatus(statusText);
  if (status === undefined) return ignoredItem(ctx, `status:${statusText}`);

  const backupItemUniqueId = field.text('BackupItemUniqueId');
  const datasourceResourceId = field.text('DatasourceResourceId');
  if (backupItemUniqueId === undefined && datasourceResourceId === undefined) {
    return rejectValue(
      ctx,
      record,
      'missing_field:BackupItemUniqueId',
      'A backup job record needs BackupItemUniqueId or DatasourceResourceId to name the protected item.',
    );
  }

  const rawCode = field.text('JobFailureCode');
  const errorCode = keepsCode(status, rawCode) ? rawCode : undefined;
  const startedAt = tryNormalizeTimestamp(field.text('JobStartDateTime')) ?? tryNormalizeTimestamp(top.text('time'));
  const vault = readVault(field, top);
  const jobUniqueId = field.text('JobUniqueId');
  const duration = Number(field.text('JobDurationInSecs'));

  const job: JobRecord = {
    format,
    category,
    origin: ctx.origin,
    jobId: jobUniqueId ?? deriveJobId([backupItemUniqueId ?? datasourceResourceId, startedAt, status, errorCode]),
    jobIdDerived: jobUniqueId === undefined,
    operation,
    status,
    workload: toWorkload({
      backupManagementType: field.text('BackupManagementType'),
      datasourceType: field.text('DatasourceType') ?? field.text('BackupItemType'),
      container: backupItemUniqueId ?? field.text('ProtectedContainerUniqueId'),
    }),
    richness,
    ...vault,
  };
  if (startedAt !== undefined) job.startedAt = startedAt;
  if (Number.isFinite(duration) && field.text('JobDurationInSecs') !== undefined) job.durationSec = duration;
  if (errorCode !== undefined) {
    job.errorCode = errorCode;
    job.errorCodeSource = 'field';
  }
  const region = field.text('AzureDataCenter') ?? backupItemUniqueId?.split(';')[0]?.trim();
  if (region) job.region = region;
  if (backupItemUniqueId !== undefined) job.backupItemUniqueId = backupItemUniqueId;
  if (datasourceResourceId !== undefined) job.datasourceResourceId = datasourceResourceId;
  const host = field.text('DatasourceSetResourceId');
  const hostId = tryParseArmId(host);
  const names = tryParseProtectedItemId(field.text('BackupItemId'));
  const more: Array<[keyof JobRecord, string | undefined]> = [
    ['hostVmResourceId', hostId !== undefined && isVmId(hostId) ? host : undefined],
    ['containerName', names?.containerName],
    ['protectedItemName', names?.protectedItemName],
    ['backupItemId', field.text('BackupItemId')],
    ['protectedContainerUniqueId', field.text('ProtectedContainerUniqueId')],
    ['backupItemName', field.text('BackupItemFriendlyName') ?? field.text('DatasourceFriendlyName')],
    ['backupManagementType', field.text('BackupManagementType')],
    ['datasourceType', field.text('DatasourceType')],
  ];
  for (const [key, value] of more) if (value !== undefined) (job as unknown as Record<string, unknown>)[key] = value;
  return { kind: 'job', job };
}

type Vault = Pick<JobRecord, 'vaultId' | 'vaultName' | 'vaultResourceGroup' | 'subscriptionId'>;

/** Thousands of records name the same few vaults: their parsed form is remembered (bounded). */
const vaults = new Map<string, Vault>();

/** The vault, from its resource id (upper-cased by Azure Monitor) with names restored from the properties. */
function readVault(field: FieldReader, top: FieldReader): Vault {
  const id = top.text('resourceId') ?? field.text('ResourceId');
  const key = `${id}|${field.text('VaultName') ?? field.text('Resource')}|${field.text('ResourceGroupName') ?? field.text('ResourceGroup')}|${field.text('SubscriptionId')}`;
  let vault = vaults.get(key);
  if (vault === undefined) {
    if (vaults.size >= 1_000) vaults.clear();
    vault = toVault(field, id);
    vaults.set(key, vault);
  }
  return vault;
}

function toVault(field: FieldReader, id: string | undefined): Vault {
  const parsed = tryParseArmId(id);
  const fromId = parsed !== undefined && isVaultId(parsed) ? parsed : undefined;
  const name = prefer(field.text('VaultName') ?? field.text('Resource'), fromId?.name);
  const resourceGroup = prefer(field.text('ResourceGroupName') ?? field.text('ResourceGroup'), fromId?.resourceGroup);
  const subscriptionId = (field.text('SubscriptionId') ?? fromId?.subscriptionId)?.toLowerCase();
  const vault: Vault = {};
  if (name !== undefined) vault.vaultName = name;
  if (resourceGroup !== undefined) vault.vaultResourceGroup = resourceGroup;
  if (subscriptionId !== undefined) vault.subscriptionId = subscriptionId;
  if (subscriptionId !== undefined && resourceGroup !== undefined && name !== undefined)
    vault.vaultId = toVaultId(subscriptionId, resourceGroup, name);
  return Object.freeze(vault);
}

/** The property's casing when it names the same thing as the id (ids are often upper-cased). */
function prefer(fromProperty: string | undefined, fromId: string | undefined): string | undefined {
  if (fromProperty === undefined) return fromId;
  if (fromId === undefined || fromProperty.toLowerCase() === fromId.toLowerCase()) return fromProperty;
  return fromId;
}
