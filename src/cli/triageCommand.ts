import { worstFirst } from '../core/render/worstFirst.js';
import { renderMarkdown } from '../core/render/renderMarkdown.js';
import type { Lang } from '../core/types.js';
import { triage, triageWithLookups, type TriageResult } from '../pipeline/triage.js';
import { parseCommandLine } from './commandLine.js';
import { write, writeNdjson, type CliIo } from './io.js';
import { openLookups } from './openLookups.js';
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
  const lookups = values['no-lookups']
    ? undefined
    : await openLookups(
        { ...(values['azure-fixtures'] !== undefined && { fixtures: values['azure-fixtures'] }), live: values.live },
        io.cwd,
        env,
      );
  let result: TriageResult;
  try {
    result =
      lookups === undefined ? triage(bodies, { lang }) : await triageWithLookups(bodies, { lang }, lookups.options);
  } finally {
    await lookups?.close();
  }

  if (render === 'markdown') {
    for (const event of worstFirst(result.events)) await write(io.stdout, `${renderMarkdown(event)}\n`);
  } else {
    await writeNdjson(io.stdout, result.events);
  }
  await writeNdjson(io.stderr, result.rejected);
  if (values.stats) {
    const stats = {
      ...result.stats,
      ...(lookups !== undefined && { http: lookups.http }),
      elapsedMs: Math.round(performance.now() - started),
    };
    await write(io.stderr, `${JSON.stringify({ kind: 'stats', ...stats })}\n`);
  }
  return 0;
}
