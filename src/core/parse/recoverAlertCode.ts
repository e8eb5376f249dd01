import { CATALOG, CODE_SPELLINGS_LONGEST_FIRST, tryFindCode } from '../catalog/index.js';
import type { ErrorCodeSource } from '../types.js';

/**
 * Shorter texts match too much by accident ("Backup failed", "SAP HANA error"): 16 letters keeps
 * the shortest documented messages ("Log chain is broken.") and drops those.
 */
export const MIN_MESSAGE_LETTERS = 16;
const AKA_LINK = /aka\.ms\/AB-([A-Za-z0-9]{1,128})(?![A-Za-z0-9])/i;

export interface RecoveredCode {
  code: string;
  source: ErrorCodeSource;
}

/** The alert's free-text fields that may carry the error code. */
export interface AlertCodeClues {
  explicit?: string;
  recommendedActions?: string;
  possibleCauses?: string;
  originAlertId?: string;
  description?: string;
}

/**
 * Every wording of every code's message, compacted, longest first: the article's verbatim English
 * messages (what the service writes in an alert's description), then our own en/fr messages.
 */
const compactMessages = CATALOG.codes
  .flatMap((entry) =>
    [...(entry.errorMessages ?? []), entry.message.en, entry.message.fr].map((message) => ({
      code: entry.code,
      text: compact(message),
    })),
  )
  .filter((message) => message.text.length >= MIN_MESSAGE_LETTERS)
  .sort((a, b) => b.text.length - a.text.length);

/**
 * Azure Backup alerts carry no error-code field. The code is recovered, most reliable first, from
 * the `aka.ms/AB-<code>` link, then the lower-cased `originAlertId` (which embeds the code between
 * a workload prefix and a suffix), then the description matched against documented messages.
 * Known codes come back in their catalog spelling; an unknown code keeps the link's spelling.
 */
export function recoverAlertCode(clues: AlertCodeClues): RecoveredCode | undefined {
  if (clues.explicit !== undefined) return { code: canonical(clues.explicit), source: 'field' };
  const link = AKA_LINK.exec(`${clues.recommendedActions ?? ''} ${clues.possibleCauses ?? ''}`);
  if (link?.[1] !== undefined) return { code: canonical(link[1]), source: 'aka-link' };
  if (clues.originAlertId !== undefined) {
    const haystack = clues.originAlertId.toLowerCase();
    const spelling = CODE_SPELLINGS_LONGEST_FIRST.find((candidate) => haystack.includes(candidate));
    if (spelling !== undefined) return { code: canonical(spelling), source: 'origin-alert-id' };
  }
  if (clues.description !== undefined) {
    const text = compact(clues.description);
    // The description holds the message (maybe with more around it), or is a cut-down copy of it.
    const match =
      compactMessages.find((message) => text.includes(message.text)) ??
      (text.length >= MIN_MESSAGE_LETTERS ? compactMessages.find((message) => message.text.includes(text)) : undefined);
    if (match !== undefined) return { code: match.code, source: 'description' };
  }
  return undefined;
}

function canonical(code: string): string {
  return tryFindCode(code)?.code ?? code.trim();
}

/**
 * Letters and digits only, lower-cased and without accents: the published messages and the ones
 * the service sends differ in spaces ("datasource" / "data source"), apostrophes (`doesn't` /
 * `doesn’t`), quotes, double spaces and final full stops.
 */
function compact(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
