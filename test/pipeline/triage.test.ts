import { readdirSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { CATALOG } from '../../src/core/catalog/index.js';
import type { InputBody } from '../../src/core/types.js';
import { triage } from '../../src/pipeline/triage.js';
import { ALERT, DOC_ENVELOPE, RECONSTRUCTED, fixtureBytes, fixtureJson, sampleBytes } from '../helpers/fixtures.js';
import { expectValidEnrichedEvent } from '../helpers/schema.js';

type Envelope = { records: Array<{ properties: Record<string, unknown> } & Record<string, unknown>> };
const bodies = (...list: unknown[]): InputBody[] => list.map((body, bodyIndex) => ({ body, origin: { bodyIndex } }));

/** A failed (or successful) job record of the reconstructed fixture, for another VM/time/code. */
function job(vm: string, start: string, status: 'Failed' | 'Completed', code = 'UserErrorRpCollectionLimitReached') {
  const record = fixtureJson<Envelope>(RECONSTRUCTED).records[0]!;
  Object.assign(record.properties, {
    JobUniqueId: `${vm}-${start}`,
    JobStartDateTime: start,
    JobStatus: status,
    JobFailureCode: status === 'Failed' ? code : 'Success',
    BackupItemUniqueId: `westeurope;1234567890123456789;iaasvmcontainerv2;rg-app;${vm}`,
    DatasourceResourceId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/${vm}`,
    BackupItemFriendlyName: vm,
  });
  return record;
}

describe('triage', () => {
  it('classifies the shared reference events and accounts for every record', () => {
    const result = triage(bodies(fixtureBytes(ALERT), fixtureBytes(RECONSTRUCTED), fixtureBytes(DOC_ENVELOPE)));
    expect(result.stats).toMatchObject({
      bodies: 3,
      records: 6,
      findings: 2,
      resolutions: 0,
      ignored: { total: 4, byReason: { duplicate_job: 1, backup_item_mapping: 1, 'category:WorkflowRuntime': 2 } },
      rejected: { total: 0, byReason: {} },
      mappingsLearned: 1,
    });
    expect(
      result.events.map((event) => [
        event.classification.code,
        event.classification.known,
        event.job.vmName,
        event.source.category,
      ]),
    ).toEqual([
      ['UserErrorParentFullBackupMissing', true, 'vm-sql-prod-02', 'AzureMonitorAlert'],
      ['UserErrorGuestAgentStatusUnavailable', true, 'vm-app-01', 'AddonAzureBackupJobs'],
    ]);
    result.events.forEach(expectValidEnrichedEvent);
  });

  it('keeps the richer record when the same job arrives in two categories, whichever comes first', () => {
    const envelope = fixtureJson<Envelope>(RECONSTRUCTED);
    envelope.records.reverse();
    const [event] = triage(bodies(envelope)).events;
    expect(event?.source.category).toBe('AddonAzureBackupJobs');
    expect(event?.job.vaultName).toBe('rsv-prod-01');
  });

  it('marks a failure resolved by a later success of the same item in the input', () => {
    const result = triage(
      bodies({
        records: [
          job('vm-a', '2026-11-25 01:00:00Z', 'Failed'),
          job('vm-a', '2026-11-25 13:00:00Z', 'Completed'),
          job('vm-b', '2026-11-25 01:00:00Z', 'Completed'),
          job('vm-b', '2026-11-25 02:00:00Z', 'Failed'),
        ],
      }),
    );
    expect(result.stats).toMatchObject({ findings: 2, resolutions: 2 });
    expect(result.events.map((event) => [event.job.vmName, event.resolvedBy?.jobId ?? null])).toEqual([
      ['vm-a', 'vm-a-2026-11-25 13:00:00Z'],
      ['vm-b', null],
    ]);
    expect(result.resolutions.map((resolution) => resolution.vmName)).toEqual(['vm-a', 'vm-b']);
  });

  it('raises the priority of a storm in one vault and of an item failing again and again', () => {
    const storm = Array.from({ length: 20 }, (_, i) =>
      job(`vm-${i}`, '2026-11-25 01:00:00Z', 'Failed', 'BackUpOperationFailed'),
    );
    const repeats = ['01', '02', '03'].map((hour) =>
      job('vm-x', `2026-11-25 ${hour}:00:00Z`, 'Failed', 'UserErrorBackupOperationInProgress'),
    );
    const result = triage(bodies({ records: [...storm, ...repeats] }));
    expect(result.events[0]!.priority).toMatchObject({ level: 'P1' });
    expect(result.events[0]!.priority.reasons.map((reason) => reason.rule)).toContain('blast-radius');
    expect(result.events.slice(20).map((event) => event.priority.level)).toEqual(['P4', 'P3', 'P2']);
  });

  it('uses CoreAzureBackup mappings learned in an earlier batch', () => {
    const envelope = fixtureJson<Envelope>(RECONSTRUCTED);
    const [failure, mapping] = envelope.records;
    delete failure!.properties['DatasourceResourceId'];
    failure!.properties['BackupItemUniqueId'] =
      'westeurope;1234567890123456789;iaasvmcontainerv2;rg-app;vm-app-01-friendly';
    mapping!.properties['BackupItemUniqueId'] = failure!.properties['BackupItemUniqueId'];
    const mappings = new Map<string, string>();
    triage(bodies({ records: [mapping] }), { mappings });
    const [event] = triage(bodies({ records: [failure] }), { mappings }).events;
    expect(event?.job).toMatchObject({ vmName: 'vm-app-01', vmIdSource: 'core-mapping' });
  });

  it('gives a finding for every code of the agent and extension article in the bundled samples', () => {
    const dir = new URL('../../samples/events/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
    const result = triage(
      files.map((name, bodyIndex) => ({ body: sampleBytes(name), origin: { bodyIndex, file: name } })),
    );
    const codes = new Set(result.events.map((event) => event.classification.code));
    for (const entry of CATALOG.codes.filter((code) => (code.article ?? 'agent-extension') === 'agent-extension'))
      expect(codes, entry.code).toContain(entry.code);
    expect(result.stats.resolutions).toBeGreaterThan(0);
    expect(result.stats.rejected.total).toBeGreaterThan(0);
    expect(result.events.some((event) => event.source.format === 'common-alert')).toBe(true);
    expect(result.events.some((event) => event.job.vmIdSource === 'core-mapping')).toBe(true);
    result.events.forEach(expectValidEnrichedEvent);
  });
});
