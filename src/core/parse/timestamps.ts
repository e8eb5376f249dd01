const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const LONG_FRACTION = /(\.\d{3})\d+/;

/**
 * Normalises the timestamps the emitters produce to ISO-8601 UTC, or `undefined`.
 *
 * Seen in the wild: `2025-01-15 01:00:12Z` (space, not `T`), seven fractional digits
 * (`02:41:07.0000000Z`), and no zone at all (Log Analytics exports, which are UTC).
 */
const SIMPLE_UTC =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.(\d{1,7}))?Z$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

export function tryNormalizeTimestamp(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Fast path for the emitters' usual shapes; anything else goes through Date.
  const simple = SIMPLE_UTC.exec(value);
  if (simple !== null) {
    if (Number(simple[3]) > daysIn(Number(simple[1]), Number(simple[2]))) return undefined;
    const ms = (simple[5] ?? '').padEnd(3, '0').slice(0, 3);
    return `${value.slice(0, 10)}T${value.slice(11, 19)}.${ms}Z`;
  }
  let text = value.trim();
  if (text.length < 10 || text.length > 40) return undefined;
  if (text.charAt(10) === ' ') text = `${text.slice(0, 10)}T${text.slice(11)}`;
  text = text.replace(LONG_FRACTION, '$1');
  if (text.length > 10 && !HAS_ZONE.test(text)) text += 'Z';
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
