import type { ParseContext } from './parseContext.js';
import { previewValue } from './rawPreview.js';
import { toRejection } from './reject.js';
import type { ParsedItem, RejectionReason } from '../types.js';

/** `{ key: value }` when the value exists, `{}` otherwise: keeps optional fields absent, not undefined. */
export function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** An input that is understood but not a backup job worth a finding. */
export function ignoredItem(ctx: ParseContext, reason: string): ParsedItem {
  return { kind: 'ignored', reason, origin: ctx.origin };
}

/** A rejection whose raw copy is the offending value itself. */
export function rejectValue(ctx: ParseContext, value: unknown, reason: RejectionReason, detail: string): ParsedItem {
  return toRejection(reason, detail, ctx.origin, previewValue(value, ctx.limits.maxRawChars), ctx.receivedAt);
}
