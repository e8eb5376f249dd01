import type { Lang, Verdict } from '../types.js';

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
    verdict: { confirmed: 'confirmed', unknown: 'not determined', ruled_out: 'ruled out' } satisfies Record<
      Verdict,
      string
    >,
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
    verdict: { confirmed: 'confirmée', unknown: 'non déterminée', ruled_out: 'écartée' } satisfies Record<
      Verdict,
      string
    >,
  },
} as const satisfies Record<Lang, unknown>;
