import { describe, expect, it } from 'vitest';

import { TokenBucket } from '../../src/pipeline/tokenBucket.js';
import { TtlCache } from '../../src/pipeline/ttlCache.js';

describe('TokenBucket', () => {
  it('lets the burst through, then paces at the refill rate', async () => {
    let now = 0;
    const slept: number[] = [];
    const bucket = new TokenBucket({
      capacity: 3,
      refillPerSecond: 2,
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    for (let i = 0; i < 5; i += 1) await bucket.take();
    expect(slept).toEqual([500, 500]);
    expect(now).toBe(1_000);
  });

  it('gives up waiting when the signal aborts', async () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 0.001 });
    await bucket.take();
    await expect(bucket.take(AbortSignal.timeout(20))).rejects.toBeDefined();
  });

  it('checks its options', () => {
    expect(() => new TokenBucket({ capacity: 0 })).toThrow('Expected `capacity` to be at least 1, got 0.');
    expect(() => new TokenBucket({ refillPerSecond: 0 })).toThrow('Expected `refillPerSecond` to be positive, got 0.');
  });
});

describe('TtlCache', () => {
  it('forgets after the time to live and beyond its capacity', () => {
    let now = 0;
    const cache = new TtlCache<string>(2, () => now);
    cache.set('a', 'A', 100);
    cache.set('b', 'B', 100);
    cache.set('c', 'C', 100);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'B', 'C']);
    now = 100;
    expect(cache.get('b')).toBeUndefined();
  });
});
