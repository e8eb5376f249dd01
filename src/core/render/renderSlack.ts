import { toDisplay } from '../explain/fillTemplate.js';
import type { Notification } from '../notify/types.js';
import type { EnrichedEvent, Priority } from '../types.js';
import { renderWithin, type Detail } from './detailLevels.js';
import { NOTIFICATION_LABELS, titleOf } from './notificationLabels.js';

/** Slack: 50 blocks a message, 3,000 characters a section, 150 a header; ~12k in all fails in practice. */
export const SLACK_LIMITS = { blocks: 50, sectionChars: 3_000, headerChars: 150, totalChars: 10_000 } as const;

const EMOJI: Record<Priority, string> = {
  P1: ':red_circle:',
  P2: ':large_orange_circle:',
  P3: ':large_yellow_circle:',
  P4: ':white_circle:',
};

/** Text for `plain_text` objects: Slack formats nothing in them, so only one line and a bound. */
const plain = (value: string, max: number) => ({ type: 'plain_text', text: toDisplay(value, max), emoji: false });

/** Text going into mrkdwn: Slack's three control characters escaped, formatting marks made inert. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A Slack incoming-webhook message in Block Kit. Untrusted strings go in `plain_text` objects
 * (no formatting, no mentions); commands go in a code block with `& < >` escaped. The message
 * sheds detail until it meets Slack's limits.
 */
export function renderSlack(notification: Notification, options: { detailsUrl?: string } = {}): string {
  return renderWithin(
    (detail, shortened) => JSON.stringify(toMessage(notification, detail, shortened, options.detailsUrl)),
    (body) => fitsSlack(JSON.parse(body) as SlackMessage),
  );
}

interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

/** Whether a message meets the limits this renderer promises. */
export function fitsSlack(message: SlackMessage): boolean {
  if (message.blocks.length > SLACK_LIMITS.blocks) return false;
  let total = message.text.length;
  for (const block of message.blocks) {
    const textValue = (block['text'] as { text?: string } | undefined)?.text ?? '';
    const fields = (block['fields'] as Array<{ text: string }> | undefined) ?? [];
    const elements = (block['elements'] as Array<{ text?: string | { text: string } }> | undefined) ?? [];
    const limit = block['type'] === 'header' ? SLACK_LIMITS.headerChars : SLACK_LIMITS.sectionChars;
    if (textValue.length > limit || fields.some((field) => field.text.length > 2_000)) return false;
    total += textValue.length + fields.reduce((sum, field) => sum + field.text.length, 0);
    total += elements.reduce(
      (sum, element) =>
        sum + (typeof element.text === 'string' ? element.text.length : (element.text?.text.length ?? 0)),
      0,
    );
  }
  return total <= SLACK_LIMITS.totalChars;
}

function toMessage(n: Notification, detail: Detail, shortened: boolean, detailsUrl: string | undefined): SlackMessage {
  const l = NOTIFICATION_LABELS[n.lang];
  const first = n.events[0]!;
  const title = titleOf(n);
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: plain(`${title}`, SLACK_LIMITS.headerChars) },
  ];
  if (n.kind === 'group') {
    blocks.push({ type: 'section', text: plain(first.classification.title, detail.textLength) });
    const shown = n.events.slice(0, detail.groupItems);
    if (shown.length > 0) {
      const list = shown
        .map(
          (event) =>
            `• ${toDisplay(event.job.vmName ?? event.job.backupItemName ?? event.id, 80)} (${toDisplay(event.job.vmResourceGroup ?? '?', 90)})`,
        )
        .join('\n');
      blocks.push({
        type: 'section',
        text: { type: 'plain_text', text: list.slice(0, SLACK_LIMITS.sectionChars), emoji: false },
      });
    }
    const hidden = (n.groupSize ?? n.events.length) - shown.length;
    if (hidden > 0) blocks.push({ type: 'context', elements: [plain(l.more(hidden), 100)] });
  } else {
    blocks.push({ type: 'section', text: plain(first.summary.headline, detail.textLength) });
    if (n.kind === 'resolved' && n.resolvedBy !== undefined)
      blocks.push({
        type: 'section',
        text: plain(l.resolved(first.job.vmName ?? first.id, n.resolvedBy.jobId), detail.textLength),
      });
    if (n.reason !== undefined) blocks.push({ type: 'context', elements: [plain(n.reason, detail.textLength)] });
    blocks.push({
      type: 'section',
      fields: [
        plain(`${l.vm}: ${first.job.vmName ?? '?'}`, 200),
        plain(`${l.resourceGroup}: ${first.job.vmResourceGroup ?? '?'}`, 200),
        plain(`${l.vault}: ${first.job.vaultName ?? '?'}`, 200),
        plain(`${l.code}: ${first.classification.code} · ${l.occurrences(n.occurrences)}`, 200),
      ],
    });
  }
  if (n.kind !== 'resolved') appendAction(blocks, first, detail, l.firstAction);
  if (n.kind !== 'group' && n.kind !== 'resolved') appendCauses(blocks, first, detail, l);
  if (shortened) blocks.push({ type: 'context', elements: [plain(l.shortened, 200)] });
  const buttons = [{ type: 'button', text: plain(l.guide, 75), url: first.classification.link }];
  if (detailsUrl !== undefined) buttons.push({ type: 'button', text: plain(l.details, 75), url: detailsUrl });
  blocks.push({ type: 'actions', elements: buttons });
  const fallback = `${EMOJI[n.priority]} ${escapeMrkdwn(toDisplay(n.kind === 'group' ? title : first.summary.headline, 300))}`;
  return { text: fallback, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

function appendAction(
  blocks: Array<Record<string, unknown>>,
  event: EnrichedEvent,
  detail: Detail,
  label: string,
): void {
  blocks.push({
    type: 'section',
    text: plain(
      `${label}: ${event.summary.firstAction.text}`,
      Math.min(SLACK_LIMITS.sectionChars, detail.textLength + 300),
    ),
  });
  const commands = event.summary.firstAction.commands
    .filter((c) => detail.powershell || c.shell === 'azure-cli')
    .slice(0, detail.commands * (detail.powershell ? 2 : 1));
  if (commands.length > 0) {
    const code = commands.map((command) => escapeMrkdwn(command.text.replace(/`/g, "'"))).join('\n');
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `\`\`\`${code.slice(0, SLACK_LIMITS.sectionChars - 6)}\`\`\`` },
    });
  }
}

function appendCauses(
  blocks: Array<Record<string, unknown>>,
  event: EnrichedEvent,
  detail: Detail,
  l: (typeof NOTIFICATION_LABELS)['en' | 'fr'],
): void {
  const causes = event.causes.slice(0, detail.causes);
  if (causes.length === 0) return;
  const lines = causes.map((cause) => {
    const evidence =
      cause.verdict === 'ruled_out' && !detail.evidenceOfRuledOut ? [] : cause.evidence.slice(0, detail.evidence);
    return [
      `${cause.rank}. ${toDisplay(cause.title, detail.textLength)} (${l.verdict[cause.verdict]})`,
      ...evidence.map((e) => `    ${toDisplay(e.summary, detail.textLength)}`),
    ].join('\n');
  });
  blocks.push({
    type: 'section',
    text: {
      type: 'plain_text',
      text: `${l.causes}:\n${lines.join('\n')}`.slice(0, SLACK_LIMITS.sectionChars),
      emoji: false,
    },
  });
}
