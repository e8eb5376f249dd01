import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';

import { sendDigestMail } from '../../src/adapters/smtpMailer.js';
import type { TableStore } from '../../src/adapters/tableStore.js';
import { buildDigest } from '../../src/pipeline/digest.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { failedJob } from '../helpers/lookups.js';

afterAll(stopAzurite);

const at = (record: Record<string, unknown>, start: string, extra: Record<string, unknown> = {}) => {
  Object.assign(record['properties'] as object, { JobStartDateTime: start, ...extra });
  return record;
};
const ok = (vm: { resourceGroup: string; name: string }, jobId: string, start: string) => at(failedJob(vm, 'Success', jobId), start, { JobStatus: 'Completed' });
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** A day seeded through the real pipeline: repeats, a resolution, a recurring finding, hostile names. */
async function seed(store: TableStore): Promise<void> {
  const run = (records: Array<Record<string, unknown>>, now: string) =>
    notifyBatch(triage([{ body: { records }, origin: { bodyIndex: 0 } }], { now: () => new Date(now) }), { store, format: 'generic', now: () => new Date(now) });
  // The day before: vm-old starts failing (so on the day it is recurring).
  await run([at(failedJob({ resourceGroup: 'rg', name: 'vm-old' }, 'UserErrorBackupOperationInProgress', 'o1'), '2026-11-24 01:00:00Z')], '2026-11-24T01:10:00Z');
  // The day: vm-a fails three times (one finding), vm-b fails then succeeds (resolved), vm-old fails again, a hostile VM name.
  await run(
    [
      at(failedJob({ resourceGroup: 'rg', name: 'vm-a' }, 'UserErrorGuestAgentStatusUnavailable', 'a1'), '2026-11-25 01:00:00Z'),
      at(failedJob({ resourceGroup: 'rg', name: 'vm-b' }, 'UserErrorRpCollectionLimitReached', 'b1'), '2026-11-25 01:05:00Z'),
      at(failedJob({ resourceGroup: 'rg', name: 'vm-old' }, 'UserErrorBackupOperationInProgress', 'o2'), '2026-11-25 01:10:00Z'),
      at(failedJob({ resourceGroup: 'rg', name: 'vm-x' }, 'UserErrorUnsupportedDiskSize', 'x1', ), '2026-11-25 01:15:00Z', { DatasourceResourceId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${HOSTILE}` }),
    ],
    '2026-11-25T01:30:00Z',
  );
  await run([at(failedJob({ resourceGroup: 'rg', name: 'vm-a' }, 'UserErrorGuestAgentStatusUnavailable', 'a2'), '2026-11-25 09:00:00Z')], '2026-11-25T09:10:00Z');
  await run([at(failedJob({ resourceGroup: 'rg', name: 'vm-a' }, 'UserErrorGuestAgentStatusUnavailable', 'a3'), '2026-11-25 17:00:00Z'), ok({ resourceGroup: 'rg', name: 'vm-b' }, 'b-ok', '2026-11-25 13:00:00Z')], '2026-11-25T17:10:00Z');
}

describe('daily digest', () => {
  it('is received by an SMTP server as multipart HTML and text, with the day counted right and names escaped', async () => {
    const store = await freshStore();
    await seed(store);
    const { summary, rendered } = await buildDigest(store, { day: '2026-11-25', lang: 'en', rpoHours: 24, now: new Date('2026-11-26T06:00:00Z') });
    expect(summary.totals).toEqual({ failedJobs: 6, findings: 4, items: 4, vaults: 1, newFindings: 3, recurringFindings: 1, resolved: 1, openNow: 3 });
    expect(summary.byCode.find((c) => c.code === 'UserErrorGuestAgentStatusUnavailable')).toMatchObject({ jobs: 3, findings: 1 });
    // Priorities as notified: vm-a's third failure in a row makes it P1; vm-old, open for more than the RPO, P2.
    expect(summary.byPriority).toEqual({ P1: 1, P2: 3, P3: 0, P4: 0 });
    expect(summary.atRisk.map((r) => r.vmName)).toEqual(['vm-old', 'vm-a', expect.stringContaining('script')]);

    const received: Buffer[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as { port: number }).port;
      const sent = await sendDigestMail({ host: '127.0.0.1', port, from: 'backup-triage@contoso.example', to: ['sre@contoso.example', 'backup-admins@contoso.example'] }, rendered);
      expect(sent.accepted).toEqual(['sre@contoso.example', 'backup-admins@contoso.example']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(received).toHaveLength(1);
    const raw = received[0]!.toString('utf8');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    const mail = await simpleParser(received[0]!);
    expect(mail.subject).toBe('Azure Backup on 2026-11-25: 6 failed jobs, 3 open findings');
    expect(mail.text).toContain('6 failed jobs · 4 findings (3 new, 1 recurring) · 1 resolved · 3 open now');
    const html = String(mail.html);
    expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;');
    expect(html).not.toMatch(/<link|src="http|<style/i);
  });

  it('says "all clear" on a quiet day', async () => {
    const store = await freshStore();
    const { summary, rendered } = await buildDigest(store, { day: '2026-11-25', lang: 'fr', rpoHours: 24, now: new Date('2026-11-26T06:00:00Z') });
    expect(summary.allClear).toBe(true);
    expect(rendered.subject).toBe('Azure Backup : rien à signaler le 2026-11-25');
    expect(rendered.text).toContain('Rien à signaler');
  });
});
