import { describe, expect, it } from 'vitest';

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
