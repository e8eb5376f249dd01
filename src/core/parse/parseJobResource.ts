import { tryFindCodeByNumber } from '../catalog/index.js';
import { isVaultId, toVaultId, tryParseArmId } from '../armId.js';
import { toWorkload } from '../workload.js';
import { deriveJobId } from './deriveJobId.js';
import { exceedsDepth } from './depth.js';
import { tryParseDuration } from './durations.js';
import { isRecord, toFieldReader, type FieldReader } from './fields.js';
import { keepsCode, toJobOperation, toJobStatus } from './jobOutcome.js';
import type { ParseContext } from './parseContext.js';
import { ignoredItem, optional, rejectValue } from './parseHelpers.js';
import { tryParseProtectedItemId } from './protectedItemId.js';
import { tryNormalizeTimestamp } from './timestamps.js';
import type { ErrorCodeSource, JobRecord, ParsedItem } from '../types.js';

const JOB_TYPE = /^microsoft\.recoveryservices\/vaults\/backupjobs$/i;
const CODE_LIKE = /^[A-Za-z][A-Za-z0-9]{2,127}$/;

/**
 * True for a backup job resource: the REST `backupJobs` resource, what `az backup job show` and
 * `az backup job list -o json` print (the same object with the CLI's `resourceGroup`), and a
 * Resource Graph `RecoveryServicesResources` row (type lower-cased).
 */
export function isJobResource(record: Record<string, unknown>): boolean {
  const top = toFieldReader(record);
  const properties = top.get('properties');
  if (!isRecord(properties)) return false;
  if (JOB_TYPE.test(top.text('type') ?? '')) return true;
  const props = toFieldReader(properties);
  return props.text('jobType') !== undefined && props.text('operation') !== undefined;
}

/**
 * One job resource. The error is in `properties.errorDetails[]`: `errorTitle` holds the string
 * code for VM and workload jobs, `errorCode` its number (file-share jobs give only the number),
 * `errorString` the message and `recommendations` what the service advises.
 */
export function parseJobResource(record: Record<string, unknown>, ctx: ParseContext): ParsedItem {
  if (exceedsDepth(record, ctx.limits.maxDepth)) {
    return rejectValue(ctx, record, 'too_deep', `The job nests deeper than ${ctx.limits.maxDepth} levels.`);
  }
  const top = toFieldReader(record);
  const field = toFieldReader(top.get('properties') as Record<string, unknown>);
  for (const [reader, name] of [
    [top, 'id'],
    [top, 'name'],
    [field, 'operation'],
    [field, 'status'],
    [field, 'entityFriendlyName'],
    [field, 'containerName'],
    [field, 'backupInstanceId'],
  ] as const) {
    const value = reader.get(name);
    if (value !== undefined && value !== null && typeof value !== 'string')
      return rejectValue(ctx, record, `invalid_field:${name}`, `"${name}" should be text.`);
    if (typeof value === 'string' && value.length > ctx.limits.maxFieldChars)
      return rejectValue(
        ctx,
        record,
        `invalid_field:${name}`,
        `"${name}" is ${value.length} characters long, over the ${ctx.limits.maxFieldChars}-character limit for names and ids.`,
      );
  }

  const operationText = field.text('operation');
  if (operationText === undefined)
    return rejectValue(
      ctx,
      record,
      'missing_field:properties.operation',
      'A backup job needs properties.operation to tell a backup from a restore.',
    );
  const operation = toJobOperation(operationText);
  if (operation === undefined) return ignoredItem(ctx, `operation:${operationText}`);
  const statusText = field.text('status');
  if (statusText === undefined)
    return rejectValue(
      ctx,
      record,
      'missing_field:properties.status',
      'A backup job needs properties.status (Failed, Completed, …).',
    );
  const status = toJobStatus(statusText);
  if (status === undefined) return ignoredItem(ctx, `status:${statusText}`);

  const id = top.text('id');
  const vault = readVault(id, top.text('resourceGroup'));
  const item = tryParseProtectedItemId(field.text('backupInstanceId'));
  const bag = readBag(field);
  const containerName = item?.containerName ?? field.text('containerName');
  const itemName = field.text('entityFriendlyName') ?? bag.text('VM Name') ?? bag.text('File Share Name');
  const startedAt = tryNormalizeTimestamp(field.text('startTime'));
  const error = status === 'Completed' ? undefined : readError(field, ctx);
  const jobName = top.text('name') ?? id?.split('/').pop();
  if (jobName === undefined && itemName === undefined && containerName === undefined) {
    return rejectValue(
      ctx,
      record,
      'missing_field:name',
      'A backup job needs its name (the job id) or the item it ran for (properties.entityFriendlyName).',
    );
  }

  const datasourceType = field.text('workloadType') ?? field.text('dataSourceType');
  const backupManagementType = field.text('backupManagementType');
  const job: JobRecord = {
    format: 'job-resource',
    category: field.text('jobType') ?? 'BackupJob',
    origin: ctx.origin,
    jobId: jobName ?? deriveJobId([vault.vaultId, itemName, startedAt, status, error?.code]),
    jobIdDerived: jobName === undefined,
    operation,
    status,
    workload: toWorkload({
      backupManagementType,
      datasourceType,
      jobType: field.text('jobType'),
      container: containerName,
    }),
    richness: 2,
    ...vault,
    ...optional('startedAt', startedAt),
    ...optional('region', top.text('location')?.toLowerCase().replace(/\s+/g, '')),
    ...optional('backupItemId', field.text('backupInstanceId')),
    ...optional('backupItemName', itemName),
    ...optional('backupManagementType', backupManagementType),
    ...optional('datasourceType', datasourceType),
    ...optional('containerName', containerName ?? bag.text('Storage Account Name') ?? field.text('storageAccountName')),
    ...optional('protectedItemName', item?.protectedItemName),
  };
  const duration = tryParseDuration(field.text('duration'));
  if (duration !== undefined) job.durationSec = duration;
  if (error !== undefined) Object.assign(job, error.fields);
  return { kind: 'job', job };
}

/** The vault from the job id (`…/vaults/<v>/backupJobs/<job>`), names in the id's own case. */
function readVault(id: string | undefined, cliResourceGroup: string | undefined): Partial<JobRecord> {
  const parsed = tryParseArmId(id);
  if (parsed === undefined || !isVaultId(parsed)) return {};
  // Ids are sometimes upper-cased; the CLI's own `resourceGroup` then gives the name its real case.
  const upper = parsed.resourceGroup === parsed.resourceGroup.toUpperCase();
  const resourceGroup =
    upper && cliResourceGroup?.toLowerCase() === parsed.resourceGroup.toLowerCase()
      ? cliResourceGroup
      : parsed.resourceGroup;
  return {
    vaultId: toVaultId(parsed.subscriptionId, resourceGroup, parsed.name),
    vaultName: parsed.name,
    vaultResourceGroup: resourceGroup,
    subscriptionId: parsed.subscriptionId,
  };
}

function readBag(field: FieldReader): FieldReader {
  const extended = field.get('extendedInfo');
  const bag = isRecord(extended) ? toFieldReader(extended).get('propertyBag') : undefined;
  return toFieldReader(isRecord(bag) ? bag : {});
}

interface ReadError {
  code: string | undefined;
  fields: Partial<JobRecord>;
}

/** The first error detail: its string code, else its number (named by the catalog when it knows it). */
function readError(field: FieldReader, ctx: ParseContext): ReadError | undefined {
  const list = field.get('errorDetails');
  const first = Array.isArray(list) ? list.find(isRecord) : undefined;
  if (first === undefined) return undefined;
  const detail = toFieldReader(first);
  const title = detail.text('errorTitle');
  const numberText = detail.text('errorCode');
  const number = numberText !== undefined && /^\d{1,9}$/.test(numberText) ? Number(numberText) : undefined;
  let code: string | undefined;
  let source: ErrorCodeSource | undefined;
  if (title !== undefined && CODE_LIKE.test(title)) {
    code = title;
    source = 'field';
  } else if (number !== undefined) {
    const known = tryFindCodeByNumber(number);
    code = known?.code ?? String(number);
    source = known !== undefined ? 'numeric' : 'field';
  }
  const cut = (text: string | undefined) =>
    text !== undefined && text.length > ctx.limits.maxTextChars
      ? `${text.slice(0, ctx.limits.maxTextChars - 1)}…`
      : text;
  const recommendations = detail.get('recommendations');
  const advice = Array.isArray(recommendations)
    ? recommendations.filter((line): line is string => typeof line === 'string' && line.trim() !== '').join(' ')
    : undefined;
  const fields: Partial<JobRecord> = {
    ...(code !== undefined && keepsCode('Failed', code) && { errorCode: code }),
    ...(source !== undefined && code !== undefined && { errorCodeSource: source }),
    ...(number !== undefined && { errorNumber: number }),
    ...optional('errorMessage', cut(detail.text('errorString'))),
    ...optional('recommendedAction', cut(advice || undefined)),
  };
  return { code, fields };
}
