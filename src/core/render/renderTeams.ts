import { toDisplay } from '../explain/fillTemplate.js';
import type { Notification } from '../notify/types.js';
import { renderWithin, type Detail } from './detailLevels.js';
import { toCard, type NotificationCard, type RenderOptions, type Tone } from './notificationCard.js';
import { labelled } from './typography.js';

/** Teams drops a Workflows message over 28 KB of re-serialised properties; 20 KB of UTF-8 leaves room. */
export const TEAMS_MAX_BYTES = 20_000;

/**
 * What a card may take on screen, checked by the tests: visible elements (the expandable section
 * not counted) and an estimate of the height in a 500 px wide channel (see `estimateTeamsHeight`).
 */
export const TEAMS_BUDGET = { elements: 10, heightPx: 460 } as const;

// Adaptive Card 1.5 container styles and text colours ("Container", "TextRun" in the schema explorer).
const STYLE: Readonly<Record<Tone, string>> = {
  urgent: 'attention',
  warning: 'warning',
  notice: 'accent',
  quiet: 'emphasis',
  good: 'good',
};
const COLOR: Readonly<Record<Tone, string>> = {
  urgent: 'Attention',
  warning: 'Warning',
  notice: 'Accent',
  quiet: 'Default',
  good: 'Good',
};

/**
 * Untrusted text for a TextRun: TextRuns take no markdown, so only what could still act is
 * neutralised: `${…}` (Adaptive Card templating) gets an invisible word joiner after the `$`.
 */
function text(value: string, max: number): string {
  return toDisplay(value, max).replace(/\$\{/g, '$\u2060{');
}

const run = (value: string, max: number, style: Record<string, unknown> = {}) => ({
  type: 'TextRun',
  text: text(value, max),
  ...style,
});
const line = (inlines: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'RichTextBlock',
  inlines,
  ...extra,
});

/**
 * A Workflows webhook message: `{"type":"message","attachments":[Adaptive Card 1.5]}`, short: the
 * title in the kind's colour, the headline, the first action with one command for the reader's
 * shell, then "Details" (the finding's dashboard page) and the causes in an expandable section.
 * Every untrusted string sits in a TextRun (no markdown); the card sheds detail until it fits in
 * 20 KB of UTF-8 instead of being cut.
 */
export function renderTeams(notification: Notification, options: RenderOptions = {}): string {
  return renderWithin(
    (detail, shortened) => JSON.stringify(toMessage(toCard(notification, detail, shortened, options), detail)),
    (body) => Buffer.byteLength(body, 'utf8') <= TEAMS_MAX_BYTES,
  );
}

function toMessage(card: NotificationCard, detail: Detail) {
  const body: unknown[] = [
    {
      type: 'Container',
      style: STYLE[card.tone],
      bleed: true,
      items: [line([run(card.title, 200, { weight: 'Bolder', size: 'Medium', color: COLOR[card.tone] })])],
    },
    line([run(card.headline, detail.textLength, card.kind === 'resolved' ? {} : { weight: 'Bolder' })], {
      spacing: 'Medium',
    }),
  ];
  for (const context of card.context) body.push(line([run(context, detail.textLength, { isSubtle: true })]));
  if (card.items.length > 0)
    body.push(
      line([
        run(
          `${card.items.map((item) => toDisplay(item, 80)).join(', ')}${card.more !== undefined ? ` ${card.more}` : ''}`,
          1_200,
        ),
      ]),
    );
  if (card.firstAction !== undefined) {
    const action = card.firstAction;
    body.push(
      line(
        [
          // Our own words, not trimmed: the no-break space after the colon survives the renderer.
          { type: 'TextRun', text: labelled(card.lang, action.label), weight: 'Bolder' },
          run(action.text, detail.textLength + 300),
        ],
        { spacing: 'Medium' },
      ),
    );
    if (action.command !== undefined)
      body.push(
        line([run(action.command.shellLabel, 40, { isSubtle: true, size: 'Small' })], { spacing: 'Small' }),
        line([run(action.command.text, 2_000, { fontType: 'Monospace', size: 'Small' })], { spacing: 'None' }),
      );
  }
  if (card.shortened !== undefined) body.push(line([run(card.shortened, 200, { isSubtle: true, size: 'Small' })]));

  const actions: unknown[] = [];
  if (card.details !== undefined)
    actions.push({ type: 'Action.OpenUrl', title: card.details.label, url: card.details.url });
  if (card.causes.length > 0)
    actions.push({
      type: 'Action.ShowCard',
      title: card.causesLabel.split(',')[0],
      card: { type: 'AdaptiveCard', body: causesBody(card, detail) },
    });
  if (card.guide !== undefined) actions.push({ type: 'Action.OpenUrl', title: card.guide.label, url: card.guide.url });
  return {
    type: 'message',
    summary: text(card.push, 200),
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.5',
          msteams: { width: 'Full' },
          fallbackText: text(card.push, 300),
          body,
          actions,
        },
      },
    ],
  };
}

function causesBody(card: NotificationCard, detail: Detail): unknown[] {
  const body: unknown[] = [line([run(card.causesLabel, 80, { weight: 'Bolder' })])];
  for (const cause of card.causes) {
    body.push(
      line([
        run(
          `${cause.rank}. ${cause.title} (${cause.verdict})`,
          detail.textLength,
          cause.strong ? { weight: 'Bolder' } : {},
        ),
      ]),
    );
    for (const evidence of cause.evidence)
      body.push(line([run(evidence, detail.textLength, { isSubtle: true, size: 'Small' })], { spacing: 'None' }));
  }
  return body;
}

/**
 * A rough height of the visible card in a 500 px wide Teams channel: lines of text (about 70
 * characters a line at the default size, 85 at small, 50 at medium), their line heights, and the
 * spacing between blocks. An estimate to keep cards short, not a layout engine.
 */
export function estimateTeamsHeight(message: string): { elements: number; heightPx: number } {
  const card = (JSON.parse(message) as { attachments: Array<{ content: { body: unknown[]; actions: unknown[] } }> })
    .attachments[0]!.content;
  let elements = 0;
  const measure = (element: Record<string, unknown>): number => {
    elements += 1;
    if (element['type'] === 'Container')
      return 16 + (element['items'] as Array<Record<string, unknown>>).reduce((sum, item) => sum + measure(item), 0);
    const inlines = (element['inlines'] as Array<{ text: string; size?: string }> | undefined) ?? [];
    const size = inlines[0]?.size ?? 'Default';
    const perLine = size === 'Medium' ? 50 : size === 'Small' ? 85 : 70;
    const lineHeight = size === 'Medium' ? 26 : size === 'Small' ? 16 : 20;
    const chars = inlines.reduce((sum, inline) => sum + inline.text.length, 0);
    const spacing = element['spacing'] === 'None' ? 0 : element['spacing'] === 'Medium' ? 12 : 8;
    return spacing + Math.max(1, Math.ceil(chars / perLine)) * lineHeight;
  };
  const height = card.body.reduce<number>((sum, element) => sum + measure(element as Record<string, unknown>), 0);
  return { elements, heightPx: height + (card.actions.length > 0 ? 44 : 0) };
}
