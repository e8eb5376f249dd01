import { toDisplay } from '../explain/fillTemplate.js';
import type { Notification } from '../notify/types.js';
import type { EnrichedEvent, Priority } from '../types.js';
import { renderWithin, type Detail } from './detailLevels.js';
import { NOTIFICATION_LABELS, titleOf } from './notificationLabels.js';

/** Teams drops a Workflows message over 28 KB of re-serialised properties; 20 KB of UTF-8 leaves room. */
export const TEAMS_MAX_BYTES = 20_000;

const COLOR: Record<Priority, string> = { P1: 'Attention', P2: 'Warning', P3: 'Accent', P4: 'Default' };

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
const line = (...inlines: unknown[]) => ({ type: 'RichTextBlock', inlines });

/**
 * A Workflows webhook message: `{"type":"message","attachments":[Adaptive Card 1.5]}`. Every
 * untrusted string sits in a TextRun (no markdown); the card sheds detail until it fits in
 * 20 KB of UTF-8 instead of being cut.
 */
export function renderTeams(notification: Notification, options: { detailsUrl?: string } = {}): string {
  return renderWithin(
    (detail, shortened) => JSON.stringify(toMessage(notification, detail, shortened, options.detailsUrl)),
    (body) => Buffer.byteLength(body, 'utf8') <= TEAMS_MAX_BYTES,
  );
}

function toMessage(n: Notification, detail: Detail, shortened: boolean, detailsUrl: string | undefined) {
  const l = NOTIFICATION_LABELS[n.lang];
  const first = n.events[0]!;
  const body: unknown[] = [line(run(titleOf(n), 200, { weight: 'Bolder', color: COLOR[n.priority], size: 'Medium' }))];
  if (n.kind === 'group') {
    body.push(line(run(first.classification.title, detail.textLength, { weight: 'Bolder' })));
    const shown = n.events.slice(0, detail.groupItems);
    for (const event of shown)
      body.push(
        line(
          run(
            `• ${event.job.vmName ?? event.job.backupItemName ?? event.id} (${event.job.vmResourceGroup ?? '?'})`,
            200,
          ),
        ),
      );
    const hidden = (n.groupSize ?? n.events.length) - shown.length;
    if (hidden > 0) body.push(line(run(l.more(hidden), 100, { isSubtle: true })));
  } else {
    body.push(line(run(first.summary.headline, detail.textLength, { weight: 'Bolder' })));
    if (n.kind === 'resolved' && n.resolvedBy !== undefined)
      body.push(line(run(l.resolved(first.job.vmName ?? first.id, n.resolvedBy.jobId), detail.textLength)));
    if (n.reason !== undefined) body.push(line(run(n.reason, detail.textLength, { isSubtle: true })));
    body.push(
      line(
        run(
          `${l.vm}: ${first.job.vmName ?? '?'} · ${l.resourceGroup}: ${first.job.vmResourceGroup ?? '?'} · ${l.vault}: ${first.job.vaultName ?? '?'} · ${l.occurrences(n.occurrences)}`,
          detail.textLength,
          { isSubtle: true },
        ),
      ),
    );
  }
  if (n.kind !== 'resolved') appendAction(body, first, detail, l.firstAction);
  if (n.kind !== 'group' && n.kind !== 'resolved') appendCauses(body, first, detail, l);
  if (shortened) body.push(line(run(l.shortened, 200, { isSubtle: true, size: 'Small' })));
  const actions: Array<{ type: string; title: string; url: string }> = [
    { type: 'Action.OpenUrl', title: l.guide, url: first.classification.link },
  ];
  if (detailsUrl !== undefined) actions.push({ type: 'Action.OpenUrl', title: l.details, url: detailsUrl });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.5',
          msteams: { width: 'Full' },
          body,
          actions,
        },
      },
    ],
  };
}

function appendAction(body: unknown[], event: EnrichedEvent, detail: Detail, label: string): void {
  body.push(
    line(run(`${label}: `, 60, { weight: 'Bolder' }), run(event.summary.firstAction.text, detail.textLength + 300)),
  );
  const commands = event.summary.firstAction.commands
    .filter((c) => detail.powershell || c.shell === 'azure-cli')
    .slice(0, detail.commands * (detail.powershell ? 2 : 1));
  for (const command of commands) body.push(line(run(command.text, 2_000, { fontType: 'Monospace', size: 'Small' })));
}

function appendCauses(
  body: unknown[],
  event: EnrichedEvent,
  detail: Detail,
  l: (typeof NOTIFICATION_LABELS)['en' | 'fr'],
): void {
  const causes = event.causes.slice(0, detail.causes);
  if (causes.length === 0) return;
  body.push(line(run(`${l.causes}:`, 40, { weight: 'Bolder' })));
  for (const cause of causes) {
    body.push(
      line(
        run(
          `${cause.rank}. ${cause.title} (${l.verdict[cause.verdict]})`,
          detail.textLength,
          cause.verdict === 'confirmed' ? { weight: 'Bolder' } : {},
        ),
      ),
    );
    const evidence =
      cause.verdict === 'ruled_out' && !detail.evidenceOfRuledOut ? [] : cause.evidence.slice(0, detail.evidence);
    for (const item of evidence)
      body.push(line(run(`   ${item.summary}`, detail.textLength, { isSubtle: true, size: 'Small' })));
  }
}
