import type { Notification } from '../notify/types.js';
import { escapeMarkdown } from './escapeMarkdown.js';
import { NOTIFICATION_LABELS, titleOf } from './notificationLabels.js';
import { renderMarkdown } from './renderMarkdown.js';

/** A notification as markdown: its title line, then each finding as `renderMarkdown` gives it. */
export function renderNotificationMarkdown(notification: Notification): string {
  const l = NOTIFICATION_LABELS[notification.lang];
  const head = [`## ${escapeMarkdown(titleOf(notification), 300)}`, ''];
  if (notification.reason !== undefined) head.push(`_${escapeMarkdown(notification.reason)}_`, '');
  if (notification.kind === 'resolved' && notification.resolvedBy !== undefined) {
    head.push(escapeMarkdown(l.resolved(notification.events[0]?.job.vmName ?? '', notification.resolvedBy.jobId)), '');
    return head.join('\n');
  }
  const shown = notification.kind === 'group' ? notification.events.slice(0, 10) : notification.events;
  const hidden = (notification.groupSize ?? notification.events.length) - shown.length;
  return [...head, ...shown.map(renderMarkdown), ...(hidden > 0 ? [l.more(hidden)] : [])].join('\n');
}
