import { worstFirst } from '../core/render/worstFirst.js';
import { renderMarkdown } from '../core/render/renderMarkdown.js';
import type { EnrichedEvent, Lang } from '../core/types.js';
import type { TriageStats } from '../pipeline/stats.js';
import { triageStream } from '../pipeline/triage.js';
import { parseCommandLine } from './commandLine.js';
import { write, writeNdjson, type CliIo } from './io.js';
import { openLookupsFromFlags } from './openLookups.js';
import { langFrom } from './options.js';
import { readInputs } from './readInputs.js';
import { TRIAGE } from './specs.js';

/** `triage [FILE…|-]`: one enriched event per line on stdout, rejections on stderr. */
export async function triageCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseCommandLine(TRIAGE, argv);
  const lang: Lang = langFrom(values.lang, env);
  const render = values.render ?? 'json';

  const started = performance.now();
  const bodies = await readInputs(positionals, io.stdin, io.cwd);
  const lookups = await openLookupsFromFlags(values, io.cwd, env);
  // JSON lines are written a chunk at a time, as they are explained; markdown sorts them first.
  const kept: EnrichedEvent[] = [];
  let stats: TriageStats;
  try {
    ({ stats } = await triageStream(
      bodies,
      { lang, order: 'input', ...(lookups !== undefined && { lookups: lookups.options }) },
      {
        rejected: (records) => writeNdjson(io.stderr, records),
        events: async (events) => {
          if (render === 'markdown') kept.push(...events);
          else await writeNdjson(io.stdout, events);
        },
      },
    ));
  } finally {
    await lookups?.close();
  }
  for (const event of worstFirst(kept)) await write(io.stdout, `${renderMarkdown(event)}\n`);
  if (values.stats) {
    const counters = {
      ...stats,
      ...(lookups !== undefined && { http: lookups.http }),
      elapsedMs: Math.round(performance.now() - started),
    };
    await write(io.stderr, `${JSON.stringify({ kind: 'stats', ...counters })}\n`);
  }
  return 0;
}
