import { probeTitle } from '../catalog/index.js';
import { causalVerdictOf } from '../explain/rankCauses.js';
import type { EnrichedEvent, RenderedCommand } from '../types.js';
import { codeBlock, escapeMarkdown } from './escapeMarkdown.js';
import { LABELS } from './labels.js';

/**
 * One finding as markdown: the headline, the first action with its ready commands, the ranked
 * causes with their steps, and the reasons of the priority. Event text is escaped; catalog text
 * is ours but escaped too, so one rule covers everything.
 */
export function renderMarkdown(event: EnrichedEvent): string {
  const l = LABELS[event.lang];
  const lines: string[] = [];
  lines.push(`### ${event.priority.level} · ${escapeMarkdown(event.summary.headline, 400)}`, '');
  if (event.resolvedBy !== undefined) {
    lines.push(
      `✅ ${l.resolved} (${escapeMarkdown(event.resolvedBy.jobId)}${event.resolvedBy.at ? `, ${event.resolvedBy.at}` : ''})`,
      '',
    );
  }
  lines.push(`**${l.firstAction}${l.colon.trimEnd()}** ${escapeMarkdown(event.summary.firstAction.text, 1200)}`, '');
  const commands = event.summary.firstAction.commands.filter((command) => command.shell === 'azure-cli');
  if (commands.length > 0) lines.push(commandBlock(commands, l.incomplete), '');
  lines.push(`**${l.causes}**`, '');
  for (const cause of event.causes) {
    const verdict = causalVerdictOf(cause);
    lines.push(`${cause.rank}. ${escapeMarkdown(cause.title)} — _${l.verdict[verdict]}_`);
    for (const evidence of cause.evidence)
      if (evidence.unread !== true)
        lines.push(`   - **${l.found}${l.colon.trimEnd()}** ${escapeMarkdown(evidence.summary)}`);
    // Steps are for what may be the cause; a condition present but not the cause stays one line.
    if (verdict !== 'present' && verdict !== 'ruled_out')
      for (const step of cause.steps) lines.push(`   - ${escapeMarkdown(step, 800)}`);
  }
  const failed = event.lookups.filter((lookup) => lookup.status !== 'ok');
  if (failed.length > 0)
    lines.push(
      '',
      `**${l.lookups}${l.colon.trimEnd()}** ${failed.map((lookup) => `${escapeMarkdown(probeTitle(lookup.probe, event.lang))}${l.colon}${escapeMarkdown(lookup.error ?? lookup.status)}`).join('; ')}`,
    );
  lines.push(
    '',
    `**${l.why}${l.colon.trimEnd()}** ${event.priority.reasons.map((reason) => escapeMarkdown(reason.text)).join(' ')}`,
  );
  lines.push(`**${l.details}${l.colon.trimEnd()}** <${event.classification.link}>`, '');
  return lines.join('\n');
}

function commandBlock(commands: RenderedCommand[], incomplete: string): string {
  const body = commands
    .map((command) => `# ${command.purpose}${command.complete ? '' : ` (${incomplete})`}\n${command.text}`)
    .join('\n');
  return codeBlock(body, 'bash');
}
