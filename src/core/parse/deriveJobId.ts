import { createHash } from 'node:crypto';

/**
 * A stable id for a job record that carries none, so a redelivered copy of the same record gets
 * the same id (and is deduplicated) instead of a fresh random one.
 */
export function deriveJobId(parts: ReadonlyArray<string | undefined>): string {
  const digest = createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u001f'))
    .digest('hex');
  return `derived-${digest.slice(0, 32)}`;
}
