import { toDisplay } from '../explain/fillTemplate.js';
import type { Notification } from '../notify/types.js';
import { renderWithin, type Detail } from './detailLevels.js';
import { toCard, type NotificationCard, type RenderOptions } from './notificationCard.js';
import { labelled } from './typography.js';

/** Slack: 50 blocks a message, 3,000 characters a section, 150 a header; ~12k in all fails in practice. */
export const SLACK_LIMITS = { blocks: 50, sectionChars: 3_000, headerChars: 150, totalChars: 10_000 } as const;

/** What one message may take, checked by the tests: far under Slack's limits, so it reads at a glance. */
export const SLACK_BUDGET = { blocks: 12, totalChars: 2_500 } as const;

/** Text for `plain_text` objects: Slack formats nothing in them, so only one line and a bound. */
const plain = (value: string, max: number) => ({ type: 'plain_text', text: toDisplay(value, max), emoji: false });

/** Text going into mrkdwn: Slack's three control characters escaped, formatting marks made inert. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A Slack incoming-webhook message in Block Kit, short: the title in the kind's mark, the headline,
 * the first action with one command for the reader's shell (labelled, alone in its code block),
 * and "Details" (the finding's dashboard page). Without a dashboard, the first causes follow.
 * Untrusted strings go in `plain_text` objects (no formatting, no mentions); the command goes in a
 * code block with `& < >` escaped. The message sheds detail until it meets Slack's limits.
 */
export function renderSlack(notification: Notification, options: RenderOptions = {}): string {
  return renderWithin(
    (detail, shortened) => JSON.stringify(toMessage(toCard(notification, detail, shortened, options), detail)),
    (body) => fitsSlack(JSON.parse(body) as SlackMessage),
  );
}

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

/** The characters a message shows (fallback, headers, sections, fields, context elements). */
export function slackChars(message: SlackMessage): number {
  let total = message.text.length;
  for (const block of message.blocks) {
    total += (block['text'] as { text?: string } | undefined)?.text?.length ?? 0;
    total += ((block['fields'] as Array<{ text: string }> | undefined) ?? []).reduce((s, f) => s + f.text.length, 0);
    total += ((block['elements'] as Array<{ text?: string | { text: string } }> | undefined) ?? []).reduce(
      (sum, element) =>
        sum + (typeof element.text === 'string' ? element.text.length : (element.text?.text.length ?? 0)),
      0,
    );
  }
  return total;
}

/** Whether a message meets the limits this renderer promises. */
export function fitsSlack(message: SlackMessage): boolean {
  if (message.blocks.length > SLACK_LIMITS.blocks) return false;
  for (const block of message.blocks) {
    const textValue = (block['text'] as { text?: string } | undefined)?.text ?? '';
    const fields = (block['fields'] as Array<{ text: string }> | undefined) ?? [];
    const limit = block['type'] === 'header' ? SLACK_LIMITS.headerChars : SLACK_LIMITS.sectionChars;
    if (textValue.length > limit || fields.some((field) => field.text.length > 2_000)) return false;
  }
  return slackChars(message) <= SLACK_LIMITS.totalChars;
}

function toMessage(card: NotificationCard, detail: Detail): SlackMessage {
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: plain(card.title, SLACK_LIMITS.headerChars) },
    { type: 'section', text: plain(card.headline, detail.textLength) },
  ];
  if (card.context.length > 0)
    blocks.push({ type: 'context', elements: card.context.map((context) => plain(context, detail.textLength)) });
  if (card.items.length > 0)
    blocks.push({
      type: 'section',
      text: plain(
        `${card.items.map((item) => toDisplay(item, 80)).join(', ')}${card.more !== undefined ? ` ${card.more}` : ''}`,
        SLACK_LIMITS.sectionChars,
      ),
    });
  if (card.firstAction !== undefined) {
    const action = card.firstAction;
    blocks.push({
      type: 'section',
      text: plain(`${labelled(card.lang, action.label)}${action.text}`, Math.min(1_500, detail.textLength + 300)),
    });
    if (action.command !== undefined) {
      blocks.push({ type: 'context', elements: [plain(action.command.shellLabel, 40)] });
      const code = escapeMrkdwn(action.command.text.replace(/`/g, "'"));
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: `\`\`\`${code.slice(0, SLACK_LIMITS.sectionChars - 6)}\`\`\`` },
      });
    }
  }
  // Slack has no expandable section: without a details page, the first causes follow, briefly.
  if (card.details === undefined && card.causes.length > 0) {
    const lines = card.causes
      .slice(0, 3)
      .map((cause) =>
        [
          `${cause.rank}. ${toDisplay(cause.title, detail.textLength)} (${cause.verdict})`,
          ...cause.evidence.slice(0, 1).map((evidence) => `    ${toDisplay(evidence, detail.textLength)}`),
        ].join('\n'),
      );
    blocks.push({
      type: 'section',
      text: {
        type: 'plain_text',
        text: `${labelled(card.lang, card.causesLabel).trimEnd()}\n${lines.join('\n')}`.slice(
          0,
          SLACK_LIMITS.sectionChars,
        ),
        emoji: false,
      },
    });
  }
  if (card.shortened !== undefined) blocks.push({ type: 'context', elements: [plain(card.shortened, 200)] });
  const buttons: Array<Record<string, unknown>> = [];
  if (card.details !== undefined)
    buttons.push({ type: 'button', text: plain(card.details.label, 75), url: card.details.url, style: 'primary' });
  if (card.guide !== undefined)
    buttons.push({ type: 'button', text: plain(card.guide.label, 75), url: card.guide.url });
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: escapeMrkdwn(toDisplay(card.push, 300)), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}
