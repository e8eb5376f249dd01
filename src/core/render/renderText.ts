import { probeTitle } from '../catalog/index.js';
import { toDisplay } from '../explain/fillTemplate.js';
import { causalVerdictOf } from '../explain/rankCauses.js';
import type { EnrichedEvent } from '../types.js';
import { LABELS } from './labels.js';

/** One finding for a terminal: what `npm start` prints. Plain text, untrusted text made one-line. */
export function renderText(event: EnrichedEvent, options: { commands?: boolean } = {}): string {
  const l = LABELS[event.lang];
  const out: string[] = [];
  out.push(`[${event.priority.level}] ${toDisplay(event.summary.headline, 400)}`);
  if (event.resolvedBy !== undefined) out.push(`  ✔ ${l.resolved}${l.colon}${toDisplay(event.resolvedBy.jobId)}`);
  out.push(`  → ${l.firstAction}${l.colon}${toDisplay(event.summary.firstAction.text, 1200)}`);
  if (options.commands !== false) {
    const cli = event.summary.firstAction.commands.find((command) => command.shell === 'azure-cli' && command.complete);
    if (cli !== undefined) out.push(`    $ ${cli.text}`);
  }
  out.push(`  ${l.causes}${l.colon.trimEnd()}`);
  for (const cause of event.causes) {
    const verdict = causalVerdictOf(cause);
    const read = cause.evidence.filter(
      (evidence) => evidence.unread !== true && !evidence.summary.startsWith('state unknown'),
    );
    if (verdict === 'present') {
      // A condition present but not the cause: one line, what was found.
      const why = read.filter((evidence) => evidence.probe === 'rule').at(-1);
      const found = [read[0], why]
        .filter((evidence, index, all) => evidence !== undefined && all.indexOf(evidence) === index)
        .map((evidence) => toDisplay(evidence!.summary, 220).replace(/\.$/, ''))
        .join('. ');
      out.push(`    ${cause.rank}. ${cause.title} (${l.verdict[verdict]})${found ? ` — ${found}.` : ''}`);
      continue;
    }
    out.push(`    ${cause.rank}. ${cause.title} (${l.verdict[verdict]})`);
    for (const evidence of read) out.push(`       ${l.found}${l.colon}${toDisplay(evidence.summary, 300)}`);
  }
  for (const lookup of event.lookups)
    if (lookup.status !== 'ok')
      out.push(
        `  ${l.lookups}${l.colon}${probeTitle(lookup.probe, event.lang)}${l.colon}${toDisplay(lookup.error ?? lookup.status, 300)}`,
      );
  out.push(`  ${l.why}${l.colon}${event.priority.reasons.map((reason) => reason.text).join(' ')}`);
  return out.join('\n');
}
