import { toDisplay } from '../explain/fillTemplate.js';
import type { EnrichedEvent } from '../types.js';
import { LABELS } from './labels.js';

/** One finding for a terminal: what `npm start` prints. Plain text, untrusted text made one-line. */
export function renderText(event: EnrichedEvent, options: { commands?: boolean } = {}): string {
  const l = LABELS[event.lang];
  const out: string[] = [];
  out.push(`[${event.priority.level}] ${toDisplay(event.summary.headline, 400)}`);
  if (event.resolvedBy !== undefined) out.push(`  ✔ ${l.resolved}: ${toDisplay(event.resolvedBy.jobId)}`);
  out.push(`  → ${l.firstAction}: ${toDisplay(event.summary.firstAction.text, 1200)}`);
  if (options.commands !== false) {
    const cli = event.summary.firstAction.commands.find((command) => command.shell === 'azure-cli' && command.complete);
    if (cli !== undefined) out.push(`    $ ${cli.text}`);
  }
  out.push(`  ${l.causes}:`);
  for (const cause of event.causes) {
    out.push(`    ${cause.rank}. ${cause.title} (${l.verdict[cause.verdict]})`);
    for (const evidence of cause.evidence)
      if (!evidence.summary.startsWith('state unknown'))
        out.push(`       ${l.found}: ${toDisplay(evidence.summary, 300)}`);
  }
  for (const lookup of event.lookups)
    if (lookup.status !== 'ok')
      out.push(`  ${l.lookups}: ${lookup.probe}: ${toDisplay(lookup.error ?? lookup.status, 300)}`);
  out.push(`  ${l.why}: ${event.priority.reasons.map((reason) => reason.text).join(' ')}`);
  return out.join('\n');
}
