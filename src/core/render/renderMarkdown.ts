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
  lines.push(`**${l.firstAction}:** ${escapeMarkdown(event.summary.firstAction.text, 1200)}`, '');
  const commands = event.summary.firstAction.commands.filter((command) => command.shell === 'azure-cli');
  if (commands.length > 0) lines.push(commandBlock(commands, l.incomplete), '');
  lines.push(`**${l.causes}**`, '');
  for (const cause of event.causes) {
    lines.push(`${cause.rank}. ${escapeMarkdown(cause.title)} — _${l.verdict[cause.verdict]}_`);
    for (const evidence of cause.evidence) lines.push(`   - **${l.found}:** ${escapeMarkdown(evidence.summary)}`);
    for (const step of cause.steps) lines.push(`   - ${escapeMarkdown(step, 800)}`);
  }
  const failed = event.lookups.filter((lookup) => lookup.status !== 'ok');
  if (failed.length > 0)
    lines.push(
      '',
      `**${l.lookups}:** ${failed.map((lookup) => `${lookup.probe}: ${escapeMarkdown(lookup.error ?? lookup.status)}`).join('; ')}`,
    );
  lines.push('', `**${l.why}:** ${event.priority.reasons.map((reason) => escapeMarkdown(reason.text)).join(' ')}`);
  lines.push(`**${l.details}:** <${event.classification.link}>`, '');
  return lines.join('\n');
}

function commandBlock(commands: RenderedCommand[], incomplete: string): string {
  const body = commands
    .map((command) => `# ${command.purpose}${command.complete ? '' : ` (${incomplete})`}\n${command.text}`)
    .join('\n');
  return codeBlock(body, 'bash');
}
