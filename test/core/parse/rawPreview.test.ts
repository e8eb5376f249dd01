import { describe, expect, it } from 'vitest';

import { previewValue } from '../../../src/core/parse/rawPreview.js';
import { triage } from '../../../src/pipeline/triage.js';

describe('previewValue: the raw input of a rejected value, with its true size', () => {
  it.each([
    ['a record', { category: 'AddonAzureBackupJobs', properties: { JobStatus: 'Failed', n: [1, 2.5, null, true] } }],
    [
      'dates, undefined and functions as JSON writes them',
      { at: new Date(0), gone: undefined, f: () => 1, list: [undefined, () => 1] },
    ],
    ['non-ASCII text', { name: 'vm-café-東京', emoji: '🚀' }],
    ['a scalar', 42],
  ])('%s: exactly JSON.stringify, and its UTF-8 size', (_, value) => {
    const json = JSON.stringify(value);
    expect(previewValue(value, 4096)).toEqual({
      raw: json,
      rawBytes: Buffer.byteLength(json),
      rawTruncated: false,
    });
  });

  it('a body nested 100,000 levels deep keeps its raw text and its size, not a placeholder', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const preview = previewValue({ records: deep }, 4096);
    expect(preview.raw).toMatch(/^\{"records":\[\[\[\[/);
    expect(preview.raw).toHaveLength(4096);
    expect(preview.rawBytes).toBe('{"records":'.length + 200_000 + '"leaf"'.length + 1);
    expect(preview.rawTruncated).toBe(true);
  });

  it('a long value keeps its first characters and its whole size', () => {
    const value = { text: 'x'.repeat(10_000) };
    expect(previewValue(value, 100)).toEqual({
      raw: JSON.stringify(value).slice(0, 100),
      rawBytes: 10_011,
      rawTruncated: true,
    });
  });

  it('a cycle ends with a marker where it starts, the size counted up to there', () => {
    const value: Record<string, unknown> = { a: 1 };
    value['self'] = value;
    const preview = previewValue(value, 4096);
    expect(preview.raw).toBe('{"a":1,"self":[unserializable: circular value]');
    expect(preview.rawTruncated).toBe(true);
  });

  it('through the pipeline: a deep object body is rejected with its raw JSON and size', () => {
    let deep: unknown = {};
    for (let i = 0; i < 50_000; i += 1) deep = { x: deep };
    const result = triage([{ body: { records: [deep] }, origin: { bodyIndex: 0 } }]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.raw).toMatch(/^\{"x":\{"x":/);
    expect(result.rejected[0]!.rawBytes).toBeGreaterThan(250_000);
  });
});
