import { isRecord, toFieldReader, type FieldReader } from './fields.js';
import type { ParseContext } from './parseContext.js';
import { rejectValue } from './parseHelpers.js';
import type { ParsedItem } from '../types.js';

/** True for an answer of the Log Analytics query API: `{"tables":[{"columns":[…],"rows":[[…]]}]}`. */
export function isLogAnalyticsAnswer(
  body: Record<string, unknown>,
  reader: FieldReader = toFieldReader(body),
): boolean {
  const tables = reader.get('tables');
  return (
    Array.isArray(tables) &&
    tables.length > 0 &&
    tables.every((table) => isRecord(table) && Array.isArray(toFieldReader(table).get('rows')))
  );
}

/**
 * The rows of a query answer as records keyed by column name, so each goes through the same
 * parser as a resource-log record (AddonAzureBackupJobs and the legacy AzureDiagnostics rows carry
 * the same column names). Values come typed or as strings (both are real); a `dynamic` column is a
 * JSON string. A row that does not match its columns is rejected on its own.
 */
export function toLogAnalyticsRows(
  body: Record<string, unknown>,
  ctx: ParseContext,
): Array<{ row: Record<string, unknown>; ctx: ParseContext } | ParsedItem> {
  const out: Array<{ row: Record<string, unknown>; ctx: ParseContext } | ParsedItem> = [];
  const tables = toFieldReader(body).get('tables') as Array<Record<string, unknown>>;
  let index = 0;
  for (const [tableIndex, table] of tables.entries()) {
    const reader = toFieldReader(table);
    const columnList = reader.get('columns') ?? reader.get('columnDescriptors');
    const columns = Array.isArray(columnList)
      ? columnList.map((column) =>
          isRecord(column)
            ? { name: toFieldReader(column).text('name'), type: toFieldReader(column).text('type') }
            : { name: undefined, type: undefined },
        )
      : [];
    const rows = reader.get('rows') as unknown[];
    for (const row of rows) {
      const rowCtx: ParseContext = { ...ctx, origin: { ...ctx.origin, recordIndex: index } };
      index += 1;
      if (columns.length === 0 || columns.some((column) => column.name === undefined)) {
        out.push(
          rejectValue(rowCtx, row, 'invalid_field:columns', `Table ${tableIndex} of the answer has no usable columns.`),
        );
        continue;
      }
      if (!Array.isArray(row) || row.length !== columns.length) {
        out.push(
          rejectValue(
            rowCtx,
            row,
            'invalid_field:rows',
            `Row ${index - 1} should be an array of ${columns.length} values, one per column.`,
          ),
        );
        continue;
      }
      const record: Record<string, unknown> = {};
      columns.forEach((column, at) => {
        record[column.name!] = column.type?.toLowerCase() === 'dynamic' ? parseDynamic(row[at]) : row[at];
      });
      out.push({ row: record, ctx: rowCtx });
    }
  }
  return out;
}

function parseDynamic(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
