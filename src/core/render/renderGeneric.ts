import { causalVerdictOf } from '../explain/rankCauses.js';
import { toDisplay } from '../explain/fillTemplate.js';
import type { Notification } from '../notify/types.js';
import type { EnrichedEvent } from '../types.js';
import { renderWithin } from './detailLevels.js';
import { toCard, type RenderOptions } from './notificationCard.js';
import { titleOf } from './notificationLabels.js';

/** Standard Webhooks recommends payloads under 20 KB. */
export const GENERIC_MAX_BYTES = 20_000;

/**
 * The versioned JSON payload of generic webhooks (schema/notification.v1.json), in the Standard
 * Webhooks envelope `{type, timestamp, data}`. Findings carry their summary and ranked causes;
 * the full enriched events stay in the store (and behind `detailsUrl`). A resolution says so in
 * every string a receiver may show: its title, and its finding's headline and first action.
 */
export function renderGeneric(notification: Notification, options: RenderOptions = {}): string {
  return renderWithin(
    (detail, shortened) => {
      const card = toCard(notification, detail, shortened, options);
      const resolved = notification.kind === 'resolved';
      return JSON.stringify({
        type: `backup.failure.${notification.kind}`,
        timestamp: notification.createdAt,
        data: {
          schemaVersion: '1.1',
          id: notification.id,
          kind: notification.kind,
          priority: notification.priority,
          lang: notification.lang,
          title: titleOf(notification),
          occurrences: notification.occurrences,
          ...(notification.groupSize !== undefined && { groupSize: notification.groupSize }),
          ...(notification.reason !== undefined && { reason: notification.reason }),
          ...(notification.resolvedBy !== undefined && { resolvedBy: notification.resolvedBy }),
          ...(card.details !== undefined && { detailsUrl: card.details.url }),
          truncated: shortened,
          findings: notification.events
            .slice(0, Math.max(1, detail.groupItems))
            .map((event) =>
              toFinding(event, detail.causes, detail.evidence, detail.textLength, resolved ? card : undefined),
            ),
        },
      });
    },
    (body) => Buffer.byteLength(body, 'utf8') <= GENERIC_MAX_BYTES,
  );
}

/** Event text is bounded like any other renderer's (JSON needs no escaping beyond its own). */
function toFinding(
  event: EnrichedEvent,
  causes: number,
  evidence: number,
  max: number,
  resolution: { headline: string; context: string[] } | undefined,
) {
  const cut = (text: string | null) => (text === null ? null : toDisplay(text, max));
  return {
    id: event.id,
    priority: event.priority.level,
    headline: toDisplay(resolution?.headline ?? event.summary.headline, max),
    firstAction:
      resolution !== undefined
        ? { causeId: null, text: toDisplay(resolution.context[0] ?? '', max), commands: [] }
        : { ...event.summary.firstAction, text: toDisplay(event.summary.firstAction.text, max + 300) },
    code: event.classification.code,
    known: event.classification.known,
    link: event.classification.link,
    vmName: cut(event.job.vmName),
    vmResourceGroup: cut(event.job.vmResourceGroup),
    vmResourceId: cut(event.job.vmResourceId),
    vaultName: cut(event.job.vaultName),
    vaultId: cut(event.job.vaultId),
    startedAt: event.job.startedAt,
    causes:
      resolution !== undefined
        ? []
        : event.causes.slice(0, causes).map((cause) => ({
            id: cause.id,
            rank: cause.rank,
            title: toDisplay(cause.title, max),
            verdict: cause.verdict,
            causalVerdict: causalVerdictOf(cause),
            evidence: cause.evidence.slice(0, evidence).map((e) => toDisplay(e.summary, max)),
          })),
  };
}
