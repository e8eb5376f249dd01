import { describe, expect, it } from 'vitest';

import { CATALOG } from '../../../src/core/catalog/index.js';
import { prioritize, type PriorityInput } from '../../../src/core/explain/prioritize.js';
import type { EnrichedCause } from '../../../src/core/types.js';

const cause = (causalVerdict: EnrichedCause['causalVerdict']): EnrichedCause => ({
  id: 'rp-group-lock',
  rank: 1,
  documentedOrder: 1,
  documentedIn: 'fr',
  verdict: causalVerdict === 'implicated' ? 'confirmed' : causalVerdict === 'present' ? 'ruled_out' : causalVerdict,
  causalVerdict,
  evidence: causalVerdict === 'implicated' ? [{ probe: 'rp-locks', summary: 'lock keep (CanNotDelete)' }] : [],
  title: '',
  steps: [],
  commands: [],
});

const base: PriorityInput = { category: 'transient', known: true, causes: [cause('unknown')], context: {} };

describe('prioritize', () => {
  it.each<[string, Partial<PriorityInput>, string, string[]]>([
    ['first transient failure', { context: { consecutiveFailures: 1 } }, 'P4', ['category']],
    ['transient failure with unknown history', {}, 'P3', ['category']],
    ['user action needed', { category: 'user-action' }, 'P2', ['category']],
    ['configuration', { category: 'configuration' }, 'P2', ['category']],
    ['platform limit', { category: 'platform-limit' }, 'P2', ['category']],
    ['unknown code', { category: 'unknown', known: false }, 'P3', ['category']],
    ['implicated cause on a transient code', { causes: [cause('implicated')] }, 'P2', ['category', 'evidence']],
    [
      'third failure in a row of a transient code',
      { context: { consecutiveFailures: 3 } },
      'P2',
      ['category', 'recurrence'],
    ],
    [
      'third failure in a row needing action',
      { category: 'user-action', context: { consecutiveFailures: 3 } },
      'P1',
      ['category', 'recurrence'],
    ],
    ['past the RPO', { context: { hoursSinceLastSuccess: 30 } }, 'P2', ['category', 'rpo']],
    ['past twice the RPO', { context: { hoursSinceLastSuccess: 49 } }, 'P1', ['category', 'rpo']],
    ['5 items failing alike', { context: { itemsFailingWithSameCode: 5 } }, 'P2', ['category', 'blast-radius']],
    ['20 items failing alike', { context: { itemsFailingWithSameCode: 20 } }, 'P1', ['category', 'blast-radius']],
  ])('%s → %s', (_, change, level, rules) => {
    const result = prioritize({ ...base, ...change });
    expect(result.level).toBe(level);
    expect(result.reasons.map((reason) => reason.rule)).toEqual(rules);
  });

  it('takes thresholds from configuration', () => {
    const thresholds = { rpoHours: 4, recurrenceCount: 2, blastRadiusP2: 2, blastRadiusP1: 3 };
    expect(prioritize({ ...base, thresholds, context: { hoursSinceLastSuccess: 9 } }).level).toBe('P1');
    expect(prioritize({ ...base, thresholds, context: { itemsFailingWithSameCode: 3 } }).level).toBe('P1');
  });
});

describe('prioritize: reasons people read', () => {
  const ids = [...CATALOG.causes, CATALOG.vmDeleted].map((entry) => entry.id);
  const categories = ['transient', 'user-action', 'configuration', 'platform-limit', 'unknown'] as const;
  const implicated = (id: string, title: string): EnrichedCause => ({
    ...cause('implicated'),
    id,
    title,
    evidence: [{ probe: 'vm-agent', summary: 'read' }],
  });

  it.each(['en', 'fr'] as const)('name causes and categories in words, never by id (%s)', (lang) => {
    for (const category of categories) {
      const result = prioritize({
        category,
        known: category !== 'unknown',
        causes: [implicated('rp-group-lock', 'A lock'), implicated('vm-deleted', 'The VM is gone')],
        context: { consecutiveFailures: 3, hoursSinceLastSuccess: 50, itemsFailingWithSameCode: 20, resolved: true },
        lang,
        vmName: 'vm-app-01',
      });
      const text = result.reasons.map((reason) => reason.text).join(' ');
      for (const id of [...ids, ...categories.filter((c) => c.includes('-'))]) expect(text).not.toContain(id);
      if (lang === 'fr') {
        // French typography: a space before the colon, and « » around quoted titles.
        expect(text).not.toMatch(/[^\s\d]:/);
      }
    }
  });

  it('a resolved failure says so and no longer claims the RPO, the recurrence or the storm that made it urgent', () => {
    const result = prioritize({
      category: 'transient',
      known: true,
      causes: [implicated('rp-group-lock', 'A lock')],
      context: { consecutiveFailures: 4, hoursSinceLastSuccess: 160, itemsFailingWithSameCode: 25, resolved: true },
    });
    expect(result.level).toBe('P4');
    expect(result.reasons.map((reason) => reason.rule)).toEqual(['resolved', 'category']);
    expect(result.reasons.map((reason) => reason.text).join(' ')).not.toMatch(/No successful backup|consecutive/);
  });

  it('quotes the implicated causes by their titles, « » in French', () => {
    const causes = [implicated('rp-group-lock', 'Un verrou bloque le nettoyage')];
    const fr = prioritize({ ...base, causes, lang: 'fr' });
    expect(fr.reasons.map((reason) => reason.text)).toContain(
      'Les vérifications mettent en cause : « Un verrou bloque le nettoyage ».',
    );
    const en = prioritize({ ...base, causes: [implicated('rp-group-lock', 'A lock blocks the cleanup')] });
    expect(en.reasons.map((reason) => reason.text)).toContain('The lookups implicate: A lock blocks the cleanup.');
  });

  it('a deleted VM replaces the category: it will fail every run until its protection stops', () => {
    const result = prioritize({
      ...base,
      context: { consecutiveFailures: 1 },
      causes: [implicated('vm-deleted', 'The VM no longer exists')],
      vmName: 'vm-print-01',
    });
    expect(result.level).toBe('P2');
    expect(result.reasons).toEqual([
      {
        rule: 'vm-deleted',
        text: 'The VM vm-print-01 no longer exists: every backup of it fails until its protection is stopped (or the VM is restored).',
      },
    ]);
  });
});
