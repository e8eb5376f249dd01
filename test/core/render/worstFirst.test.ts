import { describe, expect, it } from 'vitest';

import { worstFirst } from '../../../src/core/render/worstFirst.js';
import type { EnrichedEvent } from '../../../src/core/types.js';

const event = (
  id: string,
  level: 'P1' | 'P2' | 'P3' | 'P4',
  startedAt: string | null,
  receivedAt = '2026-11-25T12:00:00Z',
) => ({ id, priority: { level }, job: { startedAt }, receivedAt }) as unknown as EnrichedEvent;

describe('worstFirst', () => {
  it('puts the highest priority first, then the oldest failure, and keeps ties in order', () => {
    const events = [
      event('p3', 'P3', '2026-11-20T00:00:00Z'),
      event('p1-new', 'P1', '2026-11-25T08:00:00Z'),
      event('p2-a', 'P2', '2026-11-24T08:00:00Z'),
      event('p1-old', 'P1', '2026-11-23T08:00:00Z'),
      event('p2-b', 'P2', '2026-11-24T08:00:00Z'),
      event('p2-received', 'P2', null, '2026-11-22T00:00:00Z'),
    ];
    expect(worstFirst(events).map((e) => e.id)).toEqual(['p1-old', 'p1-new', 'p2-received', 'p2-a', 'p2-b', 'p3']);
    expect(events[0]!.id).toBe('p3');
  });
});
