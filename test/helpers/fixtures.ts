import { readFileSync } from 'node:fs';

/** A copied real/reference event (test/fixtures/events), as bytes, the way Event Hubs delivers it. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/events/${name}`, import.meta.url));
}

/** The same fixture parsed, for tests that derive a variant from it. */
export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureBytes(name).toString('utf8')) as T;
}

export function sampleBytes(name: string): Buffer {
  return readFileSync(new URL(`../../samples/events/${name}`, import.meta.url));
}

export function docText(name: string): string {
  return readFileSync(new URL(`../fixtures/docs/${name}`, import.meta.url), 'utf8');
}

export const RECONSTRUCTED = 'eventhub-azure-backup-records-reconstructed.json';
export const ALERT = 'common-alert-schema-azure-backup-backup-failure.real.json';
export const DOC_ENVELOPE = 'eventhub-resource-logs-envelope.doc-sample.json';
