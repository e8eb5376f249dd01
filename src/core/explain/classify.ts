import { tryFindCode, type CodeEntry } from '../catalog/index.js';

export type Classification = { known: true; entry: CodeEntry } | { known: false; code: string };

/**
 * Matches a raw error code against the catalog in any case and documented spelling. An unknown
 * or missing code is a classification too (`known: false`), never an error: the failure is real.
 */
export function classify(errorCode: string | undefined): Classification {
  if (errorCode === undefined || errorCode.trim() === '') return { known: false, code: 'Unknown' };
  const entry = tryFindCode(errorCode);
  return entry === undefined ? { known: false, code: errorCode.trim() } : { known: true, entry };
}

/** The code a classification stands for: the catalog's spelling when known, the record's otherwise. */
export function codeOf(classification: Classification): string {
  return classification.known ? classification.entry.code : classification.code;
}
