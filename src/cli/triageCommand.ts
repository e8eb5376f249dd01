import { parseArgs } from 'node:util';

import { renderMarkdown } from '../core/render/renderMarkdown.js';
import type { Lang } from '../core/types.js';
import { triage, triageWithLookups, type TriageResult } from '../pipeline/triage.js';
import { UsageError, write, writeNdjson, type CliIo } from './io.js';
import { openLookups } from './openLookups.js';
import { parseLang } from './options.js';
import { readInputs } from './readInputs.js';

const RENDERERS = ['json', 'markdown'] as const;

/** `triage [FILE…|-]`: one enriched event per line on stdout, rejections on stderr. */
export async function triageCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      lang: { type: 'string', default: 'en' },
      render: { type: 'string', default: 'json' },
      stats: { type: 'boolean', default: false },
      'no-lookups': { type: 'boolean', default: false },
      'azure-fixtures': { type: 'string' },
      live: { type: 'boolean', default: false },
    },
  });
  if (values['azure-fixtures'] !== undefined && values.live)
    throw new UsageError('--azure-fixtures and --live exclude each other');
  const lang: Lang = parseLang(values.lang);
  const render = values.render;
  if (!(RENDERERS as readonly string[]).includes(render)) {
    throw new UsageError(`--render must be one of ${RENDERERS.join(', ')} (got "${render}")`);
  }

  const started = performance.now();
  const bodies = await readInputs(positionals, io.stdin, io.cwd);
  const lookups = values['no-lookups']
    ? undefined
    : await openLookups(
        { ...(values['azure-fixtures'] !== undefined && { fixtures: values['azure-fixtures'] }), live: values.live },
        io.cwd,
        process.env,
      );
  let result: TriageResult;
  try {
    result =
      lookups === undefined ? triage(bodies, { lang }) : await triageWithLookups(bodies, { lang }, lookups.options);
  } finally {
    await lookups?.close();
  }

  if (render === 'markdown') {
    for (const event of result.events) await write(io.stdout, `${renderMarkdown(event)}\n`);
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
