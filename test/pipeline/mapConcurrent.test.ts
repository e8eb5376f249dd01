import { describe, expect, it } from 'vitest';

import { mapConcurrent } from '../../src/pipeline/mapConcurrent.js';

describe('mapConcurrent', () => {
  it('keeps input order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrent(
      Array.from({ length: 40 }, (_, i) => i),
      5,
      async (n) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, (n * 7) % 11));
        inFlight -= 1;
        return n * 2;
      },
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(most).toBe(5);
  });

  it('handles an empty list', async () => {
    expect(await mapConcurrent([], 4, async () => 1)).toEqual([]);
  });
});
