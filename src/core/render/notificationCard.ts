import { causalVerdictOf } from '../explain/rankCauses.js';
import { findingKeyOf } from '../notify/findingKeys.js';
import type { Notification } from '../notify/types.js';
import type { EnrichedEvent, Lang, Priority } from '../types.js';
import { filteredUrl, findingUrl } from './dashboardLinks.js';
import type { Detail } from './detailLevels.js';
import { NOTIFICATION_LABELS, titleOf } from './notificationLabels.js';
import { commandFor, type Shell } from './shells.js';
import { labelled } from './typography.js';

/** How a message looks: by priority for failures, good news for a resolution. */
export type Tone = 'urgent' | 'warning' | 'notice' | 'quiet' | 'good';

const TONE: Readonly<Record<Priority, Tone>> = { P1: 'urgent', P2: 'warning', P3: 'notice', P4: 'quiet' };

/** The mark a message's title and push text start with, so each kind reads apart at a glance. */
export const MARK: Readonly<Record<Tone, string>> = {
  urgent: '🔴',
  warning: '🟠',
  notice: '🟡',
  quiet: '⚪',
  good: '✅',
};

export interface RenderOptions {
  /** The shell of the one command shown. @default 'cli' */
  shell?: Shell;
  /** The dashboard's public URL: "Details" links to the finding's page, a group to the filtered view. */
  dashboardUrl?: string;
  /** The storm window, said in a group message. @default 15 */
  groupWindowMinutes?: number;
}

export interface CardCause {
  rank: number;
  title: string;
  verdict: string;
  /** The cause the evidence points at: shown stronger. */
  strong: boolean;
  evidence: string[];
}

/**
 * A notification as every chat format shows it, before any format's syntax: a title, the one line
 * that matters, the first action with one command for the reader's shell, and the rest (causes,
 * evidence) behind a link or an expandable section. Renderers only lay it out.
 */
export interface NotificationCard {
  kind: Notification['kind'];
  lang: Lang;
  tone: Tone;
  title: string;
  headline: string;
  /** A quieter line under the headline: failures in a row, why an update is sent, what a group shares. */
  context: string[];
  /** A group's items (names), and how many more there are. */
  items: string[];
  moreItems: number;
  /** `…and 12 more`, when items were left out. */
  more?: string;
  firstAction?: {
    label: string;
    text: string;
    command?: { shellLabel: string; text: string; complete: boolean };
  };
  /** For the expandable section (or the details page). */
  causes: CardCause[];
  causesLabel: string;
  details?: { label: string; url: string };
  /** The troubleshooting article (not for a resolution: nothing is left to troubleshoot). */
  guide?: { label: string; url: string };
  /** The line a phone shows in its notification. */
  push: string;
  /** Said when detail was shed to fit the format's limits. */
  shortened?: string;
}

/** Builds the card of a notification at a level of detail (renderers step down until they fit). */
export function toCard(n: Notification, detail: Detail, shortened: boolean, options: RenderOptions): NotificationCard {
  const l = NOTIFICATION_LABELS[n.lang];
  const first = n.events[0]!;
  const title = titleOf(n);
  const guide = { label: l.guide, url: first.classification.link };
  const base = {
    kind: n.kind,
    lang: n.lang,
    causesLabel: l.causes,
    ...(n.kind !== 'resolved' && { guide }),
    ...(shortened && { shortened: l.shortened }),
  };
  if (n.kind === 'resolved') {
    const what = first.job.vmName ?? first.job.backupItemName ?? first.id;
    const url = findingUrl(options.dashboardUrl, findingKeyOf(first));
    return {
      ...base,
      tone: 'good',
      title: `${MARK.good} ${title}`,
      headline: l.resolvedText(
        what,
        first.job.vaultName ?? '?',
        n.resolvedBy?.at ?? null,
        n.resolvedBy?.jobId ?? '?',
        n.lang,
      ),
      context: [
        l.resolvedClosed(n.firstFailedAt ?? first.job.startedAt ?? n.createdAt, n.occurrences),
        `${labelled(n.lang, l.codeShort)}${first.classification.code}`,
      ],
      items: [],
      moreItems: 0,
      causes: [],
      ...(url !== undefined && { details: { label: l.details, url } }),
      push: `${MARK.good} ${title}`,
    };
  }
  const tone = TONE[n.priority];
  const action = firstActionOf(first, n, detail, options.shell ?? 'cli');
  const causes = n.kind === 'group' ? [] : causesOf(first, detail, n.lang);
  if (n.kind === 'group') {
    const shown = n.events.slice(0, Math.min(detail.groupItems, 12));
    const size = n.groupSize ?? n.events.length;
    const url = filteredUrl(options.dashboardUrl, {
      status: 'open',
      vault: first.job.vaultName,
      code: first.classification.code,
    });
    return {
      ...base,
      tone,
      title: `${MARK[tone]} ${title}`,
      headline: l.shared(
        first.classification.code,
        first.classification.title,
        first.job.vaultName ?? '?',
        options.groupWindowMinutes ?? 15,
      ),
      context: [],
      items: shown.map((event) => event.job.vmName ?? event.job.backupItemName ?? event.id),
      moreItems: Math.max(0, size - shown.length),
      ...(size > shown.length && { more: l.more(size - shown.length) }),
      ...(action !== undefined && {
        firstAction: { ...action, label: l.firstActionFor(first.job.vmName ?? first.job.backupItemName ?? first.id) },
      }),
      causes,
      ...(url !== undefined && { details: { label: l.openGroup(size), url } }),
      push: `${MARK[tone]} ${l.push.group(n.priority, title.replace(/^P\d · /, ''))}`,
    };
  }
  const url = findingUrl(options.dashboardUrl, findingKeyOf(first));
  const context = [n.kind === 'update' && n.reason !== undefined ? n.reason : l.occurrences(n.occurrences)];
  return {
    ...base,
    tone,
    title: `${MARK[tone]} ${title}`,
    headline: first.summary.headline,
    context,
    items: [],
    moreItems: 0,
    ...(action !== undefined && { firstAction: action }),
    causes,
    ...(url !== undefined && { details: { label: l.details, url } }),
    push: `${MARK[tone]} ${
      n.kind === 'update'
        ? l.push.update(n.priority, n.reason ?? l.occurrences(n.occurrences), first.summary.headline)
        : l.push.new(n.priority, first.summary.headline)
    }`,
  };
}

function firstActionOf(
  event: EnrichedEvent,
  n: Notification,
  detail: Detail,
  shell: Shell,
): NotificationCard['firstAction'] {
  const l = NOTIFICATION_LABELS[n.lang];
  const command = detail.commands > 0 ? commandFor(event.summary.firstAction.commands, shell) : undefined;
  return {
    label: l.firstAction,
    text: event.summary.firstAction.text,
    ...(command !== undefined && {
      command: { shellLabel: l.shell[shell], text: command.text, complete: command.complete },
    }),
  };
}

function causesOf(event: EnrichedEvent, detail: Detail, lang: Notification['lang']): CardCause[] {
  const l = NOTIFICATION_LABELS[lang];
  return event.causes.slice(0, detail.causes).map((cause) => {
    const verdict = causalVerdictOf(cause);
    return {
      rank: cause.rank,
      title: cause.title,
      verdict: l.verdict[verdict],
      strong: verdict === 'implicated',
      // A condition present but not the cause stays one line; what could not be read is said in the lookups.
      evidence:
        verdict === 'present' || (verdict === 'ruled_out' && !detail.evidenceOfRuledOut)
          ? []
          : cause.evidence
              .filter((evidence) => evidence.unread !== true)
              .slice(0, detail.evidence)
              .map((evidence) => evidence.summary),
    };
  });
}
