import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { renderText } from '../core/render/renderText.js';
import { toDisplay } from '../core/fillTemplate.js';
import type { Lang } from '../core/types.js';
import { triage, triageWithLookups, type TriageResult } from '../pipeline/triage.js';
import { write, type CliIo } from './io.js';
import { openLookups } from './openLookups.js';
import { parseLang } from './options.js';
import { projectRoot } from './paths.js';
import { readInputs } from './readInputs.js';

const PRIORITY_ORDER = { P1: 0, P2: 1, P3: 2, P4: 3 } as const;

/** `demo` (what `npm start` runs): the whole pipeline over the bundled samples, printed for people. */
export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { lang: { type: 'string', default: 'en' }, samples: { type: 'string' }, 'azure-fixtures': { type: 'string' }, 'no-lookups': { type: 'boolean', default: false } },
  });
  const lang: Lang = parseLang(values.lang);
  const dir = values.samples ?? join(projectRoot(), 'samples', 'events');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json') || name.endsWith('.ndjson')).sort();
  const bodies = await readInputs(files.map((name) => join(dir, name)), io.stdin, io.cwd);
  const fixtures = values['azure-fixtures'] ?? join(projectRoot(), 'samples', 'azure', 'state.json');
  const lookups = values['no-lookups'] ? undefined : await openLookups({ fixtures }, io.cwd, { ...process.env, LOOKUP_DEADLINE_SECONDS: process.env['LOOKUP_DEADLINE_SECONDS'] ?? '10' });
  let result: TriageResult;
  try {
    result = lookups === undefined ? triage(bodies, { lang }) : await triageWithLookups(bodies, { lang }, lookups.options);
  } finally {
    await lookups?.close();
  }

  const events = [...result.events].sort((a, b) => PRIORITY_ORDER[a.priority.level] - PRIORITY_ORDER[b.priority.level]);
  await write(io.stdout, `azure-backup-triage — ${bodies.length} sample bodies from ${dir}${lookups !== undefined ? `\nAzure state replayed from ${fixtures} (local HTTPS, real SDK clients)` : ''}\n\n`);
  for (const event of events) await write(io.stdout, `${renderText(event)}\n\n`);

  if (result.resolutions.length > 0) {
    await write(io.stdout, `Successful backups (they resolve open findings): ${result.resolutions.map((r) => toDisplay(r.vmName ?? r.backupItemName ?? r.jobId)).join(', ')}\n`);
  }
  if (result.rejected.length > 0) {
    await write(io.stdout, `Rejected and kept (${result.rejected.length}):\n`);
    for (const rejection of result.rejected) {
      const where = `${rejection.origin.file ?? `body ${rejection.origin.bodyIndex}`}${rejection.origin.recordIndex !== undefined ? `, record ${rejection.origin.recordIndex}` : ''}`;
      await write(io.stdout, `  - ${rejection.reason} (${where}): ${rejection.detail}\n`);
    }
  }
  const s = result.stats;
  await write(
    io.stdout,
    `\nRecords: ${s.records} = ${s.findings} findings + ${s.resolutions} resolutions + ${s.ignored.total} ignored + ${s.rejected.total} rejected (${s.elapsedMs} ms)\n`,
  );
  if (lookups !== undefined && s.lookups !== undefined) {
    const outcomes = Object.entries(s.lookups.byProbe).map(([probe, counts]) => `${probe} ${Object.entries(counts).map(([status, n]) => `${n} ${status}`).join('/')}`);
    await write(io.stdout, `Lookups: ${s.lookups.reads} distinct reads, ${lookups.http.requests} HTTP requests, ${s.lookups.cacheHits} from cache; ${outcomes.join(', ')}\n`);
  }
  return 0;
}
