import { docText } from './fixtures.js';

const HEADING = /^(#{2,4})\s+(.*?)\s*$/;
const ANCHOR_TAG = /<a name="([^"]*)"><\/a>/;
// Two headings split a code with a space:
// "…AutohealOperationRunning UserError", "…TrustedLaunchVM ToNonTrustedVMNotAllowed".
const SPLIT_CODE = /\b([A-Z][A-Za-z0-9]+) (UserError|ToNonTrustedVMNotAllowed)\b/g;
const TOKEN = /\b[A-Z][A-Za-z0-9]{7,}\b/g;
const NUMERIC = /\b(\d{6}),\s*([A-Z][A-Za-z0-9]+)\b/g;

/** One error code named by a heading of a troubleshooting article. */
export interface HeadingCode {
  code: string;
  line: number;
  heading: string;
  /** The headings above it (`Restore`, `Common issues`, …). */
  parents: string[];
  /** The six-digit form the heading gives it (`320001, ResourceNotFound`). */
  number?: number;
}

/**
 * Every error code in the headings (levels 2 to 4) of an article kept in test/fixtures/docs. A
 * heading's code part is what precedes " - " (or the " : " of translations) in each " / " piece; a
 * code is a word of 8+ characters with at least two capitals and one lower-case letter, not a
 * program (`IaaSBcdrExtension.exe`). Fenced code blocks are skipped.
 */
export function headingCodes(fixture: string): HeadingCode[] {
  const out: HeadingCode[] = [];
  const parents = new Map<number, string>();
  let fence = false;
  docText(fixture)
    .split('\n')
    .forEach((line, index) => {
      if (line.trimStart().startsWith('```')) {
        fence = !fence;
        return;
      }
      const match = fence ? null : HEADING.exec(line);
      if (match === null) return;
      const level = match[1]!.length;
      const text = match[2]!.replace(ANCHOR_TAG, '').trim().replace(SPLIT_CODE, '$1$2');
      for (const deeper of [...parents.keys()]) if (deeper >= level) parents.delete(deeper);
      const above = [...parents.entries()].sort(([a], [b]) => a - b).map(([, heading]) => heading);
      parents.set(level, text);
      const numbers = new Map([...text.matchAll(NUMERIC)].map((m) => [m[2]!, Number(m[1])]));
      const codePart = text
        .split(' / ')
        .map((piece) => piece.split(/ - |\s:\s/)[0])
        .join(' / ');
      for (const token of codePart.matchAll(TOKEN)) {
        const word = token[0];
        const rest = codePart.slice(token.index + word.length);
        if ((word.match(/[A-Z]/g) ?? []).length < 2 || !/[a-z]/.test(word) || rest.startsWith('.exe')) continue;
        if (out.some((entry) => entry.code === word)) continue;
        out.push({
          code: word,
          line: index + 1,
          heading: text,
          parents: above,
          ...(numbers.has(word) && { number: numbers.get(word)! }),
        });
      }
    });
  return out;
}
