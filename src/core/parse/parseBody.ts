import { decodeBody } from './decode.js';
import { exceedsDepth } from './depth.js';
import { isRecord, toFieldReader, type FieldReader } from './fields.js';
import type { InputLimits } from './limits.js';
import { isCommonAlert, parseCommonAlert } from './parseCommonAlert.js';
import type { ParseContext } from './parseContext.js';
import { rejectValue } from './parseHelpers.js';
import { isJobResource, parseJobResource } from './parseJobResource.js';
import { isLogAnalyticsAnswer, toLogAnalyticsRows } from './parseLogAnalyticsAnswer.js';
import { parseResourceLogRecord } from './parseResourceLogRecord.js';
import { previewText } from './rawPreview.js';
import { toRejection } from './reject.js';
import type { InputBody, ParsedItem } from '../types.js';

/**
 * Turns one Event Hub body into parsed items: one per record it holds, each a job, a backup-item
 * mapping, an ignored record or a rejection. Never throws: whatever the body, every record in it
 * is accounted for, and a bad record never hides its neighbours.
 */
export function parseBody(input: InputBody, limits: InputLimits, receivedAt: string): ParsedItem[] {
  const ctx: ParseContext = { origin: input.origin, limits, receivedAt };
  try {
    const decoded = decodeBody(input.body, limits);
    if (!decoded.ok) return [toRejection(decoded.reason, decoded.detail, input.origin, decoded.preview, receivedAt)];
    return parseValue(decoded.value, ctx, decoded.text);
  } catch (error) {
    // A defect of ours must not lose the body: it is kept as a rejection that names the defect.
    const detail = `Internal error while parsing (${error instanceof Error ? error.message : String(error)}); please report it with this record.`;
    const text = typeof input.body === 'string' ? input.body : '';
    return [
      toRejection(
        'internal_error',
        detail,
        input.origin,
        previewText(text.slice(0, limits.maxRawChars), limits.maxRawChars),
        receivedAt,
      ),
    ];
  }
}

function parseValue(value: unknown, ctx: ParseContext, text: string | undefined): ParsedItem[] {
  if (Array.isArray(value)) return parseList(value, ctx, 'array');
  if (!isRecord(value)) {
    return [
      rejectValue(
        ctx,
        text ?? value,
        'unknown_shape',
        `A JSON ${value === null ? 'null' : typeof value} is not an Azure Backup event: expected an object.`,
      ),
    ];
  }
  const reader = toFieldReader(value);
  const records = reader.get('records');
  if (records !== undefined) {
    if (!Array.isArray(records))
      return [rejectValue(ctx, value, 'invalid_field:records', '"records" must be an array of resource-log records.')];
    return parseList(records, ctx, 'records');
  }
  if (isLogAnalyticsAnswer(value, reader)) return parseLogAnalytics(value, ctx);
  // A page of a REST list (`{"value":[…],"nextLink":…}`) or a Resource Graph answer (`{"data":[…],"count":…}`).
  const page = pageItems(value, reader);
  if (page !== undefined) return parseList(page, ctx, 'array');
  return [parseOne(value, ctx, 'bare-record')];
}

function pageItems(value: Record<string, unknown>, reader: FieldReader = toFieldReader(value)): unknown[] | undefined {
  const items = reader.get('value');
  if (Array.isArray(items) && reader.get('properties') === undefined) return items as unknown[];
  const data = reader.get('data');
  if (Array.isArray(data) && (reader.get('totalRecords') !== undefined || reader.get('count') !== undefined))
    return data as unknown[];
  return undefined;
}

function parseLogAnalytics(value: Record<string, unknown>, ctx: ParseContext): ParsedItem[] {
  const rows = toLogAnalyticsRows(value, ctx);
  if (rows.length > ctx.limits.maxRecordsPerBody) {
    const detail = `The answer holds ${rows.length} rows, over the ${ctx.limits.maxRecordsPerBody}-record limit; query a shorter time range.`;
    return [
      toRejection(
        'too_many_records',
        detail,
        ctx.origin,
        previewText(`{"tables":[…${rows.length} rows…]}`, ctx.limits.maxRawChars),
        ctx.receivedAt,
      ),
    ];
  }
  return rows.map((row) => ('row' in row ? parseResourceLogRecord(row.row, row.ctx, 'log-analytics') : row));
}

function parseList(items: unknown[], ctx: ParseContext, kind: 'records' | 'array'): ParsedItem[] {
  if (items.length > ctx.limits.maxRecordsPerBody) {
    const detail = `The body holds ${items.length} records, over the ${ctx.limits.maxRecordsPerBody}-record limit; lower the sender's batch size.`;
    return [
      toRejection(
        'too_many_records',
        detail,
        ctx.origin,
        previewText(`{"${kind}":[…${items.length} records…]}`, ctx.limits.maxRawChars),
        ctx.receivedAt,
      ),
    ];
  }
  const out: ParsedItem[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const recordCtx: ParseContext = {
      origin: { ...ctx.origin, recordIndex: index },
      limits: ctx.limits,
      receivedAt: ctx.receivedAt,
    };
    const item = items[index];
    if (!isRecord(item)) {
      const deep = exceedsDepth(item, ctx.limits.maxDepth);
      const what = item === null ? 'null' : Array.isArray(item) ? 'an array' : `a ${typeof item}`;
      out.push(
        deep
          ? rejectValue(
              recordCtx,
              '[nested too deeply]',
              'too_deep',
              `Record ${index} nests deeper than ${ctx.limits.maxDepth} levels.`,
            )
          : rejectValue(recordCtx, item, 'unknown_shape', `Record ${index} is ${what}, not an object.`),
      );
      continue;
    }
    if (kind === 'array' && isContainer(item)) {
      out.push(...parseValue(item, recordCtx, undefined));
      continue;
    }
    out.push(parseOne(item, recordCtx, kind === 'records' ? 'resource-log' : 'bare-record'));
  }
  return out;
}

/** An envelope, a list page or a query answer inside an array (a file of several pages). */
function isContainer(item: Record<string, unknown>): boolean {
  const reader = toFieldReader(item);
  return (
    reader.get('records') !== undefined || isLogAnalyticsAnswer(item, reader) || pageItems(item, reader) !== undefined
  );
}

function parseOne(
  record: Record<string, unknown>,
  ctx: ParseContext,
  format: 'resource-log' | 'bare-record',
): ParsedItem {
  // A resource-log record names its category in the documented casing: neither an alert nor a job
  // resource has one, and testing for those would index every record's fields by lower case.
  if (typeof record['category'] === 'string') return parseResourceLogRecord(record, ctx, format);
  if (isCommonAlert(record)) return parseCommonAlert(record, ctx);
  if (isJobResource(record)) return parseJobResource(record, ctx);
  return parseResourceLogRecord(record, ctx, format);
}
