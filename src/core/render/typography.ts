import type { Lang } from '../types.js';

/** A no-break space: French sets one before `:`, `;`, `!`, `?` and inside « ». */
export const NBSP = '\u00a0';

/**
 * A label and its colon, ready to be followed by its text: `First action: ` in English,
 * `Première action : ` in French (no-break space before the colon, so it never starts a line).
 * The trailing space is a no-break space too: renderers that trim runs (Teams) keep it.
 */
export function labelled(lang: Lang, label: string): string {
  return lang === 'fr' ? `${label}${NBSP}:${NBSP}` : `${label}:${NBSP}`;
}

/** Quoted text: “…” in English, « … » in French. */
export function quoted(lang: Lang, text: string): string {
  return lang === 'fr' ? `«${NBSP}${text}${NBSP}»` : `“${text}”`;
}

/** A UTC time people read: `2026-11-25 08:00 UTC`, `25/11/2026 08:00 UTC`. */
export function formatTime(iso: string | null, lang: Lang): string {
  if (iso === null || Number.isNaN(Date.parse(iso))) return iso ?? '?';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
  const day =
    lang === 'fr'
      ? `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`
      : `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return `${day} ${time}`;
}

/** A count and its noun, singular or plural: `1 job`, `17 jobs`; French `1 travail`, `17 travaux`. */
export function counted(n: number, singular: string, plural: string, lang: Lang): string {
  // French treats 0 and 1 as singular ("0 constat ouvert"); English only 1.
  const one = lang === 'fr' ? n < 2 : n === 1;
  return `${n} ${one ? singular : plural}`;
}
