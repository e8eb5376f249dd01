import { CODES } from '../catalog/codes.js';
import { CODE_SPELLINGS_LONGEST_FIRST, tryFindCode } from '../catalog/index.js';
import type { ErrorCodeSource } from '../types.js';

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

const normalizedMessages = CODES.flatMap((entry) =>
  [entry.message.en, entry.message.fr].map((message) => ({ code: entry.code, text: normalize(message) })),
);

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
    const text = normalize(clues.description);
    const match = normalizedMessages.find((message) => message.text.length > 0 && text.includes(message.text));
    if (match !== undefined) return { code: match.code, source: 'description' };
  }
  return undefined;
}

function canonical(code: string): string {
  return tryFindCode(code)?.code ?? code.trim();
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
