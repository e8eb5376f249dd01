import type { Lang, Verdict } from '../types.js';

/** Fixed words of the human renderings, per language. */
export const LABELS = {
  en: {
    firstAction: 'First action',
    causes: 'Causes, most likely first',
    why: 'Why this priority',
    details: 'Details',
    resolved: 'Resolved by a later successful backup',
    incomplete: 'fill in the <names> first',
    verdict: { confirmed: 'confirmed', unknown: 'not checked', ruled_out: 'ruled out' } satisfies Record<Verdict, string>,
  },
  fr: {
    firstAction: 'Première action',
    causes: 'Causes, de la plus probable à la moins probable',
    why: 'Pourquoi cette priorité',
    details: 'Détails',
    resolved: 'Résolu par une sauvegarde réussie ultérieure',
    incomplete: 'complétez d’abord les <noms>',
    verdict: { confirmed: 'confirmée', unknown: 'non vérifiée', ruled_out: 'écartée' } satisfies Record<Verdict, string>,
  },
} as const satisfies Record<Lang, unknown>;
