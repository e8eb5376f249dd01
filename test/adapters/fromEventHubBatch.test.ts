import { describe, expect, it } from 'vitest';

import { fromEventHubBatch } from '../../src/adapters/fromEventHubBatch.js';

describe('fromEventHubBatch', () => {
  it('pairs each message with its partition, sequence number, offset and enqueued time', () => {
    const inputs = fromEventHubBatch(['a', 'b'], {
      partitionContext: { eventHubName: 'backup-jobs', consumerGroup: '$Default', partitionId: '7' },
      sequenceNumberArray: [41, '42'],
      offsetArray: ['4096', 8192],
      enqueuedTimeUtcArray: ['2026-11-25T02:41:09.12Z', '2026-11-25T02:41:10Z'],
    });
    expect(inputs).toEqual([
      {
        body: 'a',
        origin: {
          bodyIndex: 0,
          partitionId: '7',
          sequenceNumber: 41,
          offset: '4096',
          enqueuedAt: '2026-11-25T02:41:09.120Z',
        },
      },
      {
        body: 'b',
        origin: {
          bodyIndex: 1,
          partitionId: '7',
          sequenceNumber: 42,
          offset: '8192',
          enqueuedAt: '2026-11-25T02:41:10.000Z',
        },
      },
    ]);
  });

  it('keeps every message when the metadata is missing or short', () => {
    expect(fromEventHubBatch([1, 2, 3], { sequenceNumberArray: [5] })).toEqual([
      { body: 1, origin: { bodyIndex: 0, sequenceNumber: 5 } },
      { body: 2, origin: { bodyIndex: 1 } },
      { body: 3, origin: { bodyIndex: 2 } },
    ]);
    expect(fromEventHubBatch({ single: true }, undefined)).toEqual([
      { body: { single: true }, origin: { bodyIndex: 0 } },
    ]);
  });
});
