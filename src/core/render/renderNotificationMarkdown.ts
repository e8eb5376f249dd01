import type { Notification } from '../notify/types.js';
import { DETAIL_LEVELS } from './detailLevels.js';
import { codeBlock, escapeMarkdown } from './escapeMarkdown.js';
import { toCard, type RenderOptions } from './notificationCard.js';
import { labelled } from './typography.js';

/**
 * A notification as markdown, laid out like the chat cards: the title (the priority said once),
 * the headline, the first action with one command for the reader's shell, the ranked causes, and
 * the links. Event text is escaped.
 */
export function renderNotificationMarkdown(notification: Notification, options: RenderOptions = {}): string {
  const card = toCard(notification, DETAIL_LEVELS[0]!, false, options);
  const lines = [`## ${escapeMarkdown(card.title, 300)}`, '', `**${escapeMarkdown(card.headline, 1_200)}**`, ''];
  for (const context of card.context) lines.push(`_${escapeMarkdown(context, 600)}_`, '');
  if (card.items.length > 0)
    lines.push(
      `${card.items.map((item) => escapeMarkdown(item, 80)).join(', ')}${card.more !== undefined ? ` ${escapeMarkdown(card.more)}` : ''}`,
      '',
    );
  if (card.firstAction !== undefined) {
    const action = card.firstAction;
    lines.push(
      `**${escapeMarkdown(labelled(card.lang, action.label).trimEnd())}** ${escapeMarkdown(action.text, 1_500)}`,
      '',
    );
    if (action.command !== undefined)
      lines.push(
        escapeMarkdown(labelled(card.lang, action.command.shellLabel).trimEnd()),
        codeBlock(action.command.text, action.command.shellLabel === 'PowerShell' ? 'powershell' : 'bash'),
        '',
      );
  }
  if (card.causes.length > 0) {
    lines.push(`**${escapeMarkdown(card.causesLabel)}**`, '');
    for (const cause of card.causes) {
      const title = `${cause.rank}. ${escapeMarkdown(cause.title)} — _${escapeMarkdown(cause.verdict)}_`;
      lines.push(cause.strong ? `**${title}**` : title);
      for (const evidence of cause.evidence) lines.push(`   - ${escapeMarkdown(evidence)}`);
    }
    lines.push('');
  }
  const links = [card.details, card.guide].filter((link) => link !== undefined);
  lines.push(links.map((link) => `[${escapeMarkdown(link.label)}](<${link.url}>)`).join(' · '), '');
  return lines.join('\n');
}
