import type { Notification } from '../notify/types.js';
import type { RenderOptions } from './notificationCard.js';
import { renderGeneric } from './renderGeneric.js';
import { renderNotificationMarkdown } from './renderNotificationMarkdown.js';
import { renderSlack } from './renderSlack.js';
import { renderTeams } from './renderTeams.js';

export const FORMATS = ['generic', 'teams', 'slack', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderedMessage {
  contentType: string;
  body: string;
}

/** One notification in the target's format: the bytes that will be sent, and their type. */
export function renderNotification(
  format: Format,
  notification: Notification,
  options: RenderOptions = {},
): RenderedMessage {
  switch (format) {
    case 'generic':
      return { contentType: 'application/json; charset=utf-8', body: renderGeneric(notification, options) };
    case 'teams':
      return { contentType: 'application/json; charset=utf-8', body: renderTeams(notification, options) };
    case 'slack':
      return { contentType: 'application/json; charset=utf-8', body: renderSlack(notification, options) };
    case 'markdown':
      return { contentType: 'text/markdown; charset=utf-8', body: renderNotificationMarkdown(notification, options) };
  }
}
