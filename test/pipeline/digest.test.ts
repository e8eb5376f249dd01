import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';

import { sendDigestMail } from '../../src/adapters/smtpMailer.js';
import { buildDigest } from '../../src/pipeline/digest.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { seed } from '../helpers/digestDay.js';
import { startSmtp } from '../helpers/smtp.js';

afterAll(stopAzurite);

describe('daily digest', () => {
  it('is received by an SMTP server as multipart HTML and text, with the day counted right and names escaped', async () => {
    const store = await freshStore();
    await seed(store);
    const { summary, rendered } = await buildDigest(store, {
      day: '2026-11-25',
      lang: 'en',
      rpoHours: 24,
      now: new Date('2026-11-26T06:00:00Z'),
    });
    expect(summary.totals).toEqual({
      failedJobs: 6,
      findings: 4,
      items: 4,
      vaults: 1,
      newFindings: 3,
      recurringFindings: 1,
      resolved: 1,
      openNow: 3,
    });
    expect(summary.byCode.find((c) => c.code === 'UserErrorGuestAgentStatusUnavailable')).toMatchObject({
      jobs: 3,
      findings: 1,
    });
    // Priorities as notified: vm-a's third failure in a row makes it P1; vm-old, whose last success (on
    // record from the day before) is past the RPO, P2.
    expect(summary.byPriority).toEqual({ P1: 1, P2: 3, P3: 0, P4: 0 });
    // A past day speaks for its end; only items whose last success is known can be said at risk,
    // and vm-old's is counted from that success (2026-11-23 12:00), never from its first failure.
    expect(summary.asOf).toBe('2026-11-26T00:00:00.000Z');
    expect(summary.atRisk).toEqual([
      {
        key: expect.stringMatching(/^item-[0-9a-f]{40}\|userErrorbackupoperationinprogress$/i),
        vmName: 'vm-old',
        vaultName: 'rsv-prod-01',
        code: 'UserErrorBackupOperationInProgress',
        hoursWithoutSuccess: 60,
      },
    ]);
    expect(summary.open.map((o) => [o.vmName, o.hoursSinceLastSuccess])).toEqual(
      expect.arrayContaining([
        ['vm-old', 60],
        ['vm-a', null],
      ]),
    );

    const smtp = await startSmtp();
    const { received } = smtp;
    try {
      const sent = await sendDigestMail(
        {
          host: '127.0.0.1',
          port: smtp.port,
          from: 'backup-triage@contoso.example',
          to: ['sre@contoso.example', 'backup-admins@contoso.example'],
        },
        rendered,
      );
      expect(sent.accepted).toEqual(['sre@contoso.example', 'backup-admins@contoso.example']);
    } finally {
      await smtp.close();
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
    const { summary, rendered } = await buildDigest(store, {
      day: '2026-11-25',
      lang: 'fr',
      rpoHours: 24,
      now: new Date('2026-11-26T06:00:00Z'),
    });
    expect(summary.allClear).toBe(true);
    expect(rendered.subject).toBe('Azure Backup : rien à signaler le 2026-11-25');
    expect(rendered.text).toContain('Rien à signaler');
  });
});
