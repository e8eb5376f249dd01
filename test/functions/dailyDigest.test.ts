import { InvocationContext, type Timer } from '@azure/functions';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it, vi } from 'vitest';

import { loadSettings } from '../../src/config/settings.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { HOST_SETTINGS } from '../helpers/deployedEnv.js';
import { seed } from '../helpers/digestDay.js';
import { failedJob } from '../helpers/lookups.js';
import { startSmtp } from '../helpers/smtp.js';

// The module checks every setting as it loads, as in Azure.
for (const [name, value] of Object.entries(HOST_SETTINGS)) vi.stubEnv(name, value);
vi.stubEnv('AzureWebJobsStorage__accountName', 'stbackuptriage');
const { createDailyDigest } = await import('../../functions/dailyDigest.js');
afterAll(async () => {
  vi.unstubAllEnvs();
  await stopAzurite();
});

const NOW = new Date('2026-11-26T06:00:00Z');
const TIMER: Timer = {
  isPastDue: false,
  schedule: { adjustForDST: false },
  scheduleStatus: { last: '2026-11-25T06:00:00Z', next: '2026-11-27T06:00:00Z', lastUpdated: '2026-11-25T06:00:00Z' },
};

function context(logs: Array<{ level: string; message: string }>): InvocationContext {
  return new InvocationContext({
    invocationId: 'digest-1',
    functionName: 'dailyDigest',
    logHandler: (level, ...args) => logs.push({ level, message: args.map(String).join(' ') }),
  });
}

describe('dailyDigest (timer)', () => {
  it('mails the previous UTC day and deletes what is older than the retention', async () => {
    const store = await freshStore();
    await seed(store);
    const old = {
      records: [failedJob({ resourceGroup: 'rg', name: 'vm-gone' }, 'UserErrorGuestAgentStatusUnavailable', 'old-1')],
    };
    Object.assign(old.records[0]!['properties'] as object, { JobStartDateTime: '2026-07-01 01:00:00Z' });
    await notifyBatch(
      triage([{ body: old, origin: { bodyIndex: 0 } }], { now: () => new Date('2026-07-01T02:00:00Z') }),
      { store, format: 'generic', now: () => new Date('2026-07-01T02:00:00Z') },
    );
    const oldEvent = (await store.listEventsOfDay('2026-07-01'))[0]!;

    const smtp = await startSmtp();
    const logs: Array<{ level: string; message: string }> = [];
    try {
      const settings = loadSettings({
        DIGEST_TO: 'sre@contoso.example',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        RETENTION_DAYS: '90',
      });
      await createDailyDigest({ settings, store: async () => store, now: () => NOW })(TIMER, context(logs));
    } finally {
      await smtp.close();
    }
    expect(smtp.received).toHaveLength(1);
    const mail = await simpleParser(smtp.received[0]!);
    // vm-gone has failed since July: its July event goes with the retention, its open finding stays.
    expect(mail.subject).toBe('Azure Backup on 2026-11-25: 6 failed jobs, 4 open findings');
    expect(mail.text).toContain('vm-gone');
    expect(mail.to).toMatchObject({ text: 'sre@contoso.example' });
    expect(logs.map((log) => JSON.parse(log.message) as Record<string, unknown>)).toEqual([
      { kind: 'digest', day: '2026-11-25', subject: mail.subject, accepted: 1 },
      { kind: 'retention', before: '2026-08-28', deleted: 1 },
    ]);
    expect(await store.getEvent('2026-07-01', oldEvent.id)).toBeUndefined();
    expect(await store.listEventsOfDay('2026-11-25')).toHaveLength(6);
  });

  it('sends the "all clear" of a quiet day, or nothing when DIGEST_ALL_CLEAR=false', async () => {
    const store = await freshStore();
    const smtp = await startSmtp();
    const logs: Array<{ level: string; message: string }> = [];
    try {
      const base = { DIGEST_TO: 'sre@contoso.example', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) };
      await createDailyDigest({ settings: loadSettings(base), store: async () => store, now: () => NOW })(
        TIMER,
        context(logs),
      );
      await createDailyDigest({
        settings: loadSettings({ ...base, DIGEST_ALL_CLEAR: 'false' }),
        store: async () => store,
        now: () => NOW,
      })(TIMER, context(logs));
    } finally {
      await smtp.close();
    }
    expect(smtp.received).toHaveLength(1);
    expect((await simpleParser(smtp.received[0]!)).subject).toBe('Azure Backup: all clear on 2026-11-25');
    expect(logs.at(-1)).toEqual({
      level: 'information',
      message: 'Nothing to report for 2026-11-25; DIGEST_ALL_CLEAR=false.',
    });
  });

  it('warns, and sends nothing, when no SMTP server or recipient is configured', async () => {
    const store = await freshStore();
    const logs: Array<{ level: string; message: string }> = [];
    await createDailyDigest({ settings: loadSettings({}), store: async () => store, now: () => NOW })(
      TIMER,
      context(logs),
    );
    expect(logs[0]).toEqual({
      level: 'warning',
      message: 'SMTP_HOST or DIGEST_TO is not set: the digest is not sent.',
    });
  });
});
