import { isVaultId, isVmId, toVaultId, tryParseArmId } from '../armId.js';
import { isDatabaseInVm, toWorkload } from '../workload.js';
import { deriveJobId } from './deriveJobId.js';
import { isRecord, toFieldReader, type FieldReader } from './fields.js';
import type { ParseContext } from './parseContext.js';
import { ignoredItem, optional, rejectValue } from './parseHelpers.js';
import { tryParseProtectedItemId } from './protectedItemId.js';
import { recoverAlertCode } from './recoverAlertCode.js';
import { tryNormalizeTimestamp } from './timestamps.js';
import type { JobRecord, ParsedItem } from '../types.js';

/** True for a body in the Azure Monitor common alert schema (wrapped in `data` or not). */
export function isCommonAlert(body: Record<string, unknown>): boolean {
  const top = toFieldReader(body);
  if (top.text('schemaId')?.toLowerCase() === 'azuremonitorcommonalertschema') return true;
  const data = top.get('data');
  return isRecord(data) ? isRecord(toFieldReader(data).get('essentials')) : isRecord(top.get('essentials'));
}

/**
 * A built-in Azure Backup alert ("Backup Failure") in the common alert schema. The vault is the
 * alert target; the VM is `alertContext.linkedResourceId`; the job is `extendedInfo.jobId`.
 */
export function parseCommonAlert(body: Record<string, unknown>, ctx: ParseContext): ParsedItem {
  const top = toFieldReader(body);
  const data = isRecord(top.get('data')) ? toFieldReader(top.get('data') as Record<string, unknown>) : top;
  const essentialsValue = data.get('essentials');
  if (!isRecord(essentialsValue))
    return rejectValue(ctx, body, 'missing_field:essentials', 'A common-alert-schema body needs data.essentials.');
  const essentials = toFieldReader(essentialsValue);
  const contextValue = data.get('alertContext');
  const context = toFieldReader(isRecord(contextValue) ? contextValue : {});
  const extendedValue = context.get('extendedInfo');
  const extended = toFieldReader(isRecord(extendedValue) ? extendedValue : {});

  for (const [reader, name] of [
    [essentials, 'originAlertId'],
    [essentials, 'alertRule'],
    [context, 'linkedResourceId'],
    [context, 'protectedItemId'],
    [context, 'sourceId'],
    [extended, 'jobId'],
  ] as const) {
    const value = reader.get(name);
    if (typeof value === 'string' && value.length > ctx.limits.maxFieldChars) {
      return rejectValue(
        ctx,
        body,
        `invalid_field:${name}`,
        `"${name}" is ${value.length} characters long, over the ${ctx.limits.maxFieldChars}-character limit for ids and names.`,
      );
    }
  }
  const cut = (text: string | undefined) =>
    text !== undefined && text.length > ctx.limits.maxTextChars
      ? `${text.slice(0, ctx.limits.maxTextChars - 1)}…`
      : text;
  const service = essentials.text('monitoringService');
  if (service === undefined)
    return rejectValue(
      ctx,
      body,
      'missing_field:monitoringService',
      'The alert does not say which service raised it (essentials.monitoringService).',
    );
  if (service.toLowerCase() !== 'azure backup') return ignoredItem(ctx, `alert_service:${service}`);
  const rule = essentials.text('alertRule') ?? '';
  if (!/backup failure/i.test(rule)) return ignoredItem(ctx, `alert_rule:${rule || 'none'}`);

  const resolved = essentials.text('monitorCondition')?.toLowerCase() === 'resolved';
  const recovered = resolved
    ? undefined
    : recoverAlertCode({
        ...optional('explicit', context.text('errorCode') ?? extended.text('errorCode')),
        ...optional('recommendedActions', extended.text('recommendedActions')),
        ...optional('possibleCauses', extended.text('possibleCauses')),
        ...optional('originAlertId', essentials.text('originAlertId')),
        ...optional('description', essentials.text('description')),
      });

  const linked = tryParseArmId(context.text('linkedResourceId'));
  const vault = readAlertVault(essentials, context);
  const backupItemId = context.text('protectedItemId') ?? context.text('sourceId');
  if (backupItemId === undefined && linked === undefined) {
    return rejectValue(
      ctx,
      body,
      'missing_field:alertContext.protectedItemId',
      'The alert names no protected item (alertContext.protectedItemId, sourceId or linkedResourceId).',
    );
  }
  const startedAt = tryNormalizeTimestamp(
    resolved
      ? (essentials.text('resolvedDateTime') ?? essentials.text('firedDateTime'))
      : essentials.text('firedDateTime'),
  );
  const jobUniqueId = extended.text('jobId');
  const itemName = (context.text('sourceId') ?? backupItemId)?.split('/').pop()?.split(';').pop();
  const names = tryParseProtectedItemId(context.text('protectedItemId'));
  const workload = toWorkload({
    datasourceType: context.text('sourceType') ?? context.text('formattedSourceType'),
    container: names?.containerName ?? context.text('firstLevelContainerId'),
  });
  const linkedVm = linked !== undefined && isVmId(linked) ? context.text('linkedResourceId') : undefined;

  const job: JobRecord = {
    format: 'common-alert',
    category: 'AzureMonitorAlert',
    origin: ctx.origin,
    jobId: jobUniqueId ?? deriveJobId([essentials.text('alertId'), essentials.text('originAlertId')]),
    jobIdDerived: jobUniqueId === undefined,
    operation: 'Backup',
    status: resolved ? 'Completed' : 'Failed',
    workload,
    richness: 2,
    ...optional('startedAt', startedAt),
    ...(recovered !== undefined && { errorCode: recovered.code, errorCodeSource: recovered.source }),
    ...optional('errorMessage', resolved ? undefined : cut(essentials.text('description'))),
    ...optional('recommendedAction', resolved ? undefined : cut(extended.text('recommendedActions'))),
    ...vault,
    ...optional('region', essentials.text('region')),
    ...optional('backupItemId', backupItemId),
    ...optional(
      'backupItemName',
      linked !== undefined && isVmId(linked) && context.text('sourceType')?.toLowerCase() === 'vm'
        ? linked.name
        : itemName,
    ),
    ...optional('backupManagementType', context.text('formattedSourceType')),
    ...optional('datasourceType', context.text('sourceType')),
    // A database's linked resource is the VM that hosts it, not the item itself.
    ...optional(isDatabaseInVm(workload) ? 'hostVmResourceId' : 'datasourceResourceId', linkedVm),
    ...optional('containerName', names?.containerName),
    ...optional('protectedItemName', names?.protectedItemName),
  };
  return { kind: 'job', job };
}

/** The vault: from the protected item id (names keep their case), else from the lower-cased target. */
function readAlertVault(essentials: FieldReader, context: FieldReader): Partial<JobRecord> {
  const candidates = [context.text('protectedItemId'), ...targetIds(essentials)];
  for (const candidate of candidates) {
    const id = tryParseArmId(candidate);
    if (id !== undefined && isVaultId(id)) {
      return {
        vaultId: toVaultId(id.subscriptionId, id.resourceGroup, id.name),
        vaultName: id.name,
        vaultResourceGroup: id.resourceGroup,
        subscriptionId: id.subscriptionId,
      };
    }
  }
  return {};
}

function targetIds(essentials: FieldReader): string[] {
  const value = essentials.get('alertTargetIDs');
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
