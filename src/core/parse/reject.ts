import type { RawPreview } from './rawPreview.js';
import type { InputOrigin, ParsedItem, RejectedRecord, RejectionReason } from '../types.js';

/** Builds the rejected record every stage uses, so all rejections look alike downstream. */
export function toRejection(
  reason: RejectionReason,
  detail: string,
  origin: InputOrigin,
  preview: RawPreview,
  receivedAt: string,
): ParsedItem {
  const rejection: RejectedRecord = {
    schemaVersion: '1.0',
    kind: 'rejected',
    reason,
    detail,
    receivedAt,
    origin,
    raw: preview.raw,
    rawBytes: preview.rawBytes,
    rawTruncated: preview.rawTruncated,
  };
  return { kind: 'rejected', rejection };
}
