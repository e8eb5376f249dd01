import type { CausalVerdict, Lang } from '../types.js';

/** Fixed words of the human renderings, per language. */
export const LABELS = {
  en: {
    firstAction: 'First action',
    causes: 'Causes, most likely first',
    why: 'Why this priority',
    details: 'Details',
    lookups: 'Not checked',
    resolved: 'Resolved by a later successful backup',
    incomplete: 'fill in the <names> first',
    found: 'Found',
    /** Between a label and what follows: French sets a space before the colon. */
    colon: ': ',
    verdict: {
      implicated: 'implicated',
      present: 'present, not the cause',
      unknown: 'not determined',
      ruled_out: 'ruled out',
    } satisfies Record<CausalVerdict, string>,
  },
  fr: {
    firstAction: 'Première action',
    causes: 'Causes, de la plus probable à la moins probable',
    why: 'Pourquoi cette priorité',
    details: 'Détails',
    lookups: 'Non vérifié',
    resolved: 'Résolu par une sauvegarde réussie ultérieure',
    incomplete: 'complétez d’abord les <noms>',
    found: 'Constat',
    colon: ' : ',
    verdict: {
      implicated: 'établie',
      present: 'présente, pas en cause',
      unknown: 'non déterminée',
      ruled_out: 'écartée',
    } satisfies Record<CausalVerdict, string>,
  },
} as const satisfies Record<Lang, unknown>;
