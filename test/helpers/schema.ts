import { readFileSync } from 'node:fs';

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8')) as object;
const enriched = ajv.compile(load('enriched-event.v1.json'));
const rejected = ajv.compile(load('rejected-record.v1.json'));
const notification = ajv.compile(load('notification.v1.json'));

/** Fails the test with the schema errors when `body` is not a valid generic notification v1. */
export function expectValidNotification(body: unknown): void {
  const ok = notification(body);
  expect(ok ? [] : notification.errors, 'notification.v1.json').toEqual([]);
}

/** Fails the test with the schema errors when `event` is not a valid enriched event v1. */
export function expectValidEnrichedEvent(event: unknown): void {
  const ok = enriched(event);
  expect(ok ? [] : enriched.errors, 'enriched-event.v1.json').toEqual([]);
}

/** Fails the test with the schema errors when `record` is not a valid rejected record v1. */
export function expectValidRejectedRecord(record: unknown): void {
  const ok = rejected(record);
  expect(ok ? [] : rejected.errors, 'rejected-record.v1.json').toEqual([]);
}
