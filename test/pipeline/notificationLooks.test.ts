import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { startLocalReceiver, type LocalReceiver } from '../../src/adapters/localReceiver.js';
import { sendWebhook } from '../../src/adapters/webhookSender.js';
import { DEFAULT_NOTIFY_POLICY } from '../../src/core/notify/types.js';
import type { Format } from '../../src/core/render/renderNotification.js';
import { fitsSlack, SLACK_BUDGET, slackChars, type SlackMessage } from '../../src/core/render/renderSlack.js';
import { estimateTeamsHeight, TEAMS_BUDGET } from '../../src/core/render/renderTeams.js';
import type { Shell } from '../../src/core/render/shells.js';
import type { Lang } from '../../src/core/types.js';
import { notifyBatch } from '../../src/pipeline/notify.js';
import { triage } from '../../src/pipeline/triage.js';
import { freshStore, stopAzurite } from '../helpers/azurite.js';
import { cli } from '../helpers/cli.js';
import { failedJob } from '../helpers/lookups.js';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const DASHBOARD = 'https://func-triage.azurewebsites.net/api/dashboard';
const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
let receiver: LocalReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});
afterAll(stopAzurite);

const VM = { resourceGroup: 'rg-data-prod', name: 'vm-sql-01' };
const CODE = 'UserErrorRpCollectionLimitReached';
const at = (record: Record<string, unknown>, start: string, status?: string) => {
  Object.assign(record['properties'] as object, { JobStartDateTime: start, ...(status && { JobStatus: status }) });
  return record;
};

/** Runs batches through the real notify stage into a real local webhook; returns the bodies it received. */
async function sequence(
  format: Format,
  lang: Lang,
  batches: Array<{ records: Array<Record<string, unknown>>; now: string }>,
  options: { shell?: Shell; dashboardUrl?: string } = {},
): Promise<Array<{ kind: string; body: string }>> {
  const store = await freshStore();
  receiver = await startLocalReceiver();
  const target = { url: receiver.url, format, secret: SECRET };
  for (const batch of batches)
    await notifyBatch(triage([{ body: { records: batch.records }, origin: { bodyIndex: 0 } }], { lang }), {
      store,
      format,
      deliver: (message) => sendWebhook(target, message, { retries: 0, attemptTimeoutInMs: 2_000 }),
      policy: DEFAULT_NOTIFY_POLICY,
      now: () => new Date(batch.now),
      ...(options.shell !== undefined && { shell: options.shell }),
      ...(options.dashboardUrl !== undefined && { dashboardUrl: options.dashboardUrl }),
    });
  const kinds = new Map((await store.listOutbox()).map((message) => [message.body, message.kind]));
  return receiver.accepted().map((request) => ({ kind: kinds.get(request.body) ?? '?', body: request.body }));
}

/** Every string a person may see in a message of the format (titles, texts, buttons, push text). */
function visibleText(format: Format, body: string): string {
  if (format === 'markdown') return body;
  const out: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (['text', 'title', 'summary', 'fallbackText', 'headline', 'reason'].includes(key)) out.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key === 'findings' ? '' : key));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, k === 'firstAction' ? 'firstAction' : k);
  };
  walk(JSON.parse(body));
  if (format === 'generic') {
    const data = (JSON.parse(body) as { data: { findings: Array<{ firstAction: { text: string } }> } }).data;
    out.push(...data.findings.map((finding) => finding.firstAction.text));
  }
  return out.join('\n');
}

const FAILURE_WORDS = /fail|échec|échou|erreur|error/i;
const RED = /🔴|:red_circle:|"(style|color)":"(attention|Attention)"/;

describe('a failure, then a later success: the resolution reads as good news in every format', () => {
  it.each([
    ['generic', 'en'],
    ['teams', 'en'],
    ['slack', 'en'],
    ['markdown', 'en'],
    ['generic', 'fr'],
    ['teams', 'fr'],
    ['slack', 'fr'],
    ['markdown', 'fr'],
  ] as const)('%s, %s', async (format, lang) => {
    const messages = await sequence(
      format,
      lang,
      [
        { records: [at(failedJob(VM, CODE, 'job-1'), '2026-11-25 02:00:00Z')], now: '2026-11-25T02:10:00Z' },
        {
          records: [at(failedJob(VM, 'Success', 'job-2'), '2026-11-26 02:00:00Z', 'Completed')],
          now: '2026-11-26T02:10:00Z',
        },
      ],
      { dashboardUrl: DASHBOARD },
    );
    expect(messages.map((m) => m.kind)).toEqual(['new', 'resolved']);
    const [failure = '', resolved = ''] = messages.map((m) =>
      visibleText(format, m.body)
        .replaceAll(CODE, '<code>')
        .replace(/https:\/\/\S+/g, '<url>'),
    );
    // The failure says so (the check below could fail)…
    expect(failure).toMatch(FAILURE_WORDS);
    // …the resolution does not, and carries no red.
    expect(resolved.split('\n').filter((line) => FAILURE_WORDS.test(line))).toEqual([]);
    expect(messages[1]!.body).not.toMatch(RED);
    expect(resolved).toMatch(
      lang === 'en'
        ? /Resolved · backups of vm-sql-01 succeed again/
        : /Résolu · les sauvegardes de vm-sql-01 réussissent de nouveau/,
    );
    expect(resolved).toMatch(lang === 'en' ? /nothing left to do/i : /plus rien à faire/i);
    if (format === 'teams') {
      const card = JSON.parse(messages[1]!.body).attachments[0].content;
      expect(card.body[0]).toMatchObject({ type: 'Container', style: 'good' });
      expect(card.body[0].items[0].inlines[0]).toMatchObject({ color: 'Good', text: expect.stringMatching(/^✅ /) });
    }
    if (format === 'slack') expect(JSON.parse(messages[1]!.body).text).toMatch(/^✅ /);
    if (format === 'generic')
      expect(JSON.parse(messages[1]!.body).data.detailsUrl).toMatch(
        /^https:\/\/func-triage\.azurewebsites\.net\/api\/dashboard\?finding=item-/,
      );
  });
});

describe('each kind has its own look', () => {
  it('new, update, resolved and group differ in title, colour and push text (Teams and Slack)', async () => {
    const storm = Array.from({ length: 22 }, (_, i) =>
      at(
        failedJob(
          { resourceGroup: 'rg-web', name: `vm-web-${String(i).padStart(2, '0')}` },
          'BackUpOperationFailedV2',
          `storm-${i}`,
        ),
        '2026-11-25 03:00:00Z',
      ),
    );
    const batches = [
      { records: [at(failedJob(VM, CODE, 'job-1'), '2026-11-25 02:00:00Z'), ...storm], now: '2026-11-25T03:05:00Z' },
      // A day later, still failing: the reminder update.
      { records: [at(failedJob(VM, CODE, 'job-3'), '2026-11-26 02:00:00Z')], now: '2026-11-26T04:00:00Z' },
      {
        records: [at(failedJob(VM, 'Success', 'job-4'), '2026-11-27 02:00:00Z', 'Completed')],
        now: '2026-11-27T02:10:00Z',
      },
    ];
    const teams = await sequence('teams', 'en', batches, { dashboardUrl: DASHBOARD });
    const slack = await sequence('slack', 'en', batches, { dashboardUrl: DASHBOARD });
    expect(teams.map((m) => m.kind).sort()).toEqual(['group', 'new', 'resolved', 'update']);
    const look = (m: { kind: string; body: string }) => {
      const card = JSON.parse(m.body).attachments[0].content;
      return { kind: m.kind, style: card.body[0].style, title: card.body[0].items[0].inlines[0].text as string };
    };
    const looks = Object.fromEntries(teams.map((m) => [m.kind, look(m)]));
    expect(looks['new']!.title).toMatch(/^🟠 P2 · New backup failure$|^🔴 P1 · New backup failure$/);
    expect(looks['update']!.title).toMatch(/ · Still failing$/);
    expect(looks['group']!.title).toMatch(/ · 22 items fail with BackUpOperationFailedV2 in vault rsv-prod-01$/);
    expect(looks['resolved']).toMatchObject({
      style: 'good',
      title: '✅ Resolved · backups of vm-sql-01 succeed again',
    });
    expect(new Set(Object.values(looks).map((l) => l.title)).size).toBe(4);
    const update = JSON.parse(teams.find((m) => m.kind === 'update')!.body).attachments[0].content;
    expect(JSON.stringify(update.body)).toMatch(/2 failures since 2026-11-25 02:00 UTC/);

    const push = Object.fromEntries(slack.map((m) => [m.kind, JSON.parse(m.body).text as string]));
    expect(push['new']).toMatch(/^(🔴 P1|🟠 P2) new backup failure: Backup of vm-sql-01 failed/);
    expect(push['update']).toMatch(/still failing \(2 failures since 2026-11-25 02:00 UTC\): Backup of vm-sql-01/);
    expect(push['group']).toMatch(/22 items fail with BackUpOperationFailedV2 in vault rsv-prod-01$/);
    expect(push['resolved']).toBe('✅ Resolved · backups of vm-sql-01 succeed again');

    // A group says what its items share and links to the filtered view, not to one VM.
    const group = JSON.parse(teams.find((m) => m.kind === 'group')!.body).attachments[0].content;
    const groupText = JSON.stringify(group.body);
    expect(groupText).toContain('They share the error BackUpOperationFailedV2');
    expect(groupText).toContain('…and 10 more');
    expect(group.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open the 22 items',
      url: `${DASHBOARD}?status=open&vault=rsv-prod-01&code=BackUpOperationFailedV2`,
    });
  });
});

describe('a card: the headline, the first action with one command for the chosen shell, details a click away', () => {
  it.each(['cli', 'powershell'] as const)('Teams and Slack, %s', async (shell) => {
    const batches = [
      { records: [at(failedJob(VM, CODE, 'job-1'), '2026-11-25 02:00:00Z')], now: '2026-11-25T02:10:00Z' },
    ];
    const [teams] = await sequence('teams', 'en', batches, { shell, dashboardUrl: DASHBOARD });
    const [slack] = await sequence('slack', 'en', batches, { shell });
    const [markdown] = await sequence('markdown', 'fr', batches, { shell });
    const card = JSON.parse(teams!.body).attachments[0].content;
    const texts = card.body.flatMap((b: any) =>
      (b.items ?? [b]).map((i: any) => i.inlines.map((r: any) => r.text).join('')),
    );
    const monospace = card.body
      .filter((b: any) => b.inlines?.[0]?.fontType === 'Monospace')
      .map((b: any) => b.inlines[0].text);
    expect(monospace).toHaveLength(1);
    expect(monospace[0]).toMatch(shell === 'cli' ? /^az / : /^(Remove|Get|Set|New)-Az/);
    expect(texts).toContain(shell === 'cli' ? 'Azure CLI' : 'PowerShell');
    // "First action:" keeps its space (a no-break space that Teams does not trim).
    const action = card.body.find((b: any) => b.inlines?.[0]?.text?.startsWith('First action'));
    expect(action.inlines[0].text).toBe('First action:\u00a0');
    expect(card.actions.map((a: any) => [a.type, a.title])).toEqual([
      ['Action.OpenUrl', 'Details'],
      ['Action.ShowCard', 'Causes'],
      ['Action.OpenUrl', 'Troubleshooting guide'],
    ]);
    expect(card.actions[0].url).toMatch(
      /^https:\/\/func-triage\.azurewebsites\.net\/api\/dashboard\?finding=item-[0-9a-f]{40}%7Cusererrorrpcollectionlimitreached$/,
    );

    const blocks = JSON.parse(slack!.body).blocks as Array<any>;
    const code = blocks.filter((b) => b.text?.type === 'mrkdwn' && b.text.text.startsWith('```'));
    expect(code).toHaveLength(1);
    const other = shell === 'cli' ? /\b(Get|Remove|Set|New)-Az/ : /^```az /;
    expect(code[0].text.text).not.toMatch(other);
    const label = blocks[blocks.indexOf(code[0]) - 1];
    expect(label).toEqual({
      type: 'context',
      elements: [{ type: 'plain_text', text: shell === 'cli' ? 'Azure CLI' : 'PowerShell', emoji: false }],
    });

    // Markdown says the priority once, and French keeps its space before the colon.
    expect(markdown!.body.match(/P[1-4]/g)).toHaveLength(1);
    expect(markdown!.body).toContain('**Première action\u00a0:**');
    expect(markdown!.body).toContain(shell === 'cli' ? '```bash\naz ' : '```powershell\n');
  });
});

describe('size budget of every message of the samples', () => {
  const samples = readdirSync(`${SAMPLES}/events`)
    .filter((name) => name.endsWith('.json'))
    .map((name) => `events/${name}`);

  it.each(['en', 'fr'] as const)('Teams cards and Slack messages stay short (%s)', async (lang) => {
    for (const format of ['teams', 'slack'] as const) {
      receiver = await startLocalReceiver();
      const run = await cli(
        [
          'run',
          '--format',
          format,
          '--lang',
          lang,
          '--webhook',
          receiver.url,
          '--azure-fixtures',
          'azure/state.json',
          ...samples,
        ],
        '',
        SAMPLES,
      );
      expect(run.status).toBe(0);
      const bodies = receiver.accepted().map((request) => request.body);
      expect(bodies.length).toBeGreaterThan(10);
      for (const body of bodies) {
        if (format === 'teams') {
          const size = estimateTeamsHeight(body);
          expect(size.elements).toBeLessThanOrEqual(TEAMS_BUDGET.elements);
          expect(size.heightPx).toBeLessThanOrEqual(TEAMS_BUDGET.heightPx);
        } else {
          const message = JSON.parse(body) as SlackMessage;
          expect(fitsSlack(message)).toBe(true);
          expect(message.blocks.length).toBeLessThanOrEqual(SLACK_BUDGET.blocks);
          expect(slackChars(message)).toBeLessThanOrEqual(SLACK_BUDGET.totalChars);
        }
      }
      await receiver.close();
      receiver = undefined;
    }
  });
});
