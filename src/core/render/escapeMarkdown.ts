import { toDisplay } from '../explain/fillTemplate.js';

const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>|~&$#]/g;

/**
 * Untrusted text made inert for CommonMark/GitHub markdown, inside a line we start: one line,
 * and every mark that can open a link, image, emphasis, code, HTML, entity or table cell
 * mid-line is backslash-escaped (`-`, `+`, `.` only matter at the start of a line).
 */
export function escapeMarkdown(text: string, maxLength = 500): string {
  return toDisplay(text, maxLength).replace(MARKDOWN_SPECIAL, '\\$&');
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function codeBlock(code: string, language = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code}\n${fence}`;
}
