/** UTC days as `YYYY-MM-DD`: how events are partitioned, summarised and queried. */
const DAY_MS = 86_400_000;

/** The UTC day of an instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, when `n` is negative). */
export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** The UTC days from `from` to `to`, inclusive (at most `max`). */
export function daysBetween(from: string, to: string, max = 62): string[] {
  const out: string[] = [];
  for (let day = from; day <= to && out.length < max; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The days a trend compares: the day and the seven before it. */
export function trendWindow(day: string): string[] {
  return daysBetween(addDays(day, -7), day);
}
