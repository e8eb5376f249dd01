const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const LONG_FRACTION = /(\.\d{3})\d+/;

/**
 * Normalises the timestamps the emitters produce to ISO-8601 UTC, or `undefined`.
 *
 * Seen in the wild: `2025-01-15 01:00:12Z` (space, not `T`), seven fractional digits
 * (`02:41:07.0000000Z`), and no zone at all (Log Analytics exports, which are UTC).
 */
export function tryNormalizeTimestamp(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let text = value.trim();
  if (text.length < 10 || text.length > 40) return undefined;
  if (text.charAt(10) === ' ') text = `${text.slice(0, 10)}T${text.slice(11)}`;
  text = text.replace(LONG_FRACTION, '$1');
  if (text.length > 10 && !HAS_ZONE.test(text)) text += 'Z';
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
