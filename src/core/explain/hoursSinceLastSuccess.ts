import type { LastSuccess } from '../types.js';

const HOUR = 3_600_000;

/**
 * The one definition of "time since the last successful backup", in hours, as of `asOf`: from
 * the last success itself (the history lookup, else the job records received), never from the
 * first failure stored. A source that saw no success in its window gives its window (a lower
 * bound); nothing known gives `undefined`. Every reader (priority, notification, digest,
 * dashboard, CLI) calls this with the time it speaks for.
 */
export function hoursSinceLastSuccess(last: LastSuccess | undefined, asOf: Date | string): number | undefined {
  if (last === undefined) return undefined;
  if (last.at === null) return last.windowHours;
  const at = Date.parse(last.at);
  const now = typeof asOf === 'string' ? Date.parse(asOf) : asOf.getTime();
  if (Number.isNaN(at) || Number.isNaN(now)) return undefined;
  return Math.max(0, (now - at) / HOUR);
}

/** The later of two known last successes (a later success is the last one, whatever its source). */
export function latestSuccess(a: LastSuccess | undefined, b: LastSuccess | undefined): LastSuccess | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.at === null) return b.at === null ? a : b;
  if (b.at === null) return a;
  return Date.parse(b.at) > Date.parse(a.at) ? b : a;
}
