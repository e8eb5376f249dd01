import { toDisplay } from '../explain/fillTemplate.js';

/** Untrusted text for HTML: one line, bounded, with `& < > " '` as entities. */
export function escapeHtml(value: string | number, maxLength = 500): string {
  return toDisplay(String(value), maxLength)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
