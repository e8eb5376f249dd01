import { addJobDetails, queryBackupJobs } from '../adapters/resourceGraphJobs.js';
import { renderMarkdown } from '../core/render/renderMarkdown.js';
import { worstFirst } from '../core/render/worstFirst.js';
import type { EnrichedEvent, Lang } from '../core/types.js';
import { triage, triageWithLookups, type TriageResult } from '../pipeline/triage.js';
import { parseCommandLine } from './commandLine.js';
import { CommandFailure, UsageError, write, writeNdjson, type CliIo } from './io.js';
import { openAzure, openLookups } from './openLookups.js';
import { langFrom } from './options.js';
import { SCAN } from './specs.js';

const SUBSCRIPTION = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TEXT = {
  en: {
    header: (failing: number, resolved: number, hours: number, where: string) =>
      `${failing} backup job${failing === 1 ? '' : 's'} failing in the last ${hours} h ${where}` +
      (resolved > 0 ? `, ${resolved} resolved since by a later success` : '') +
      '.',
    everywhere: 'across the subscriptions you can read',
    only: (ids: readonly string[]) => `in subscription${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`,
    nothing: (hours: number, where: string) => `No backup job failed in the last ${hours} h ${where}.`,
    truncated: (rows: number) => `Only the first ${rows} jobs were read: narrow with --hours or --subscription.`,
    noDetails: (n: number) => `The error details of ${n} job${n === 1 ? '' : 's'} could not be read from the vault.`,
  },
  fr: {
    header: (failing: number, resolved: number, hours: number, where: string) =>
      `${failing} ${failing === 1 ? 'travail' : 'travaux'} de sauvegarde en échec sur les ${hours} dernières heures ${where}` +
      (resolved > 0 ? `, ${resolved} résolu${resolved === 1 ? '' : 's'} depuis par une réussite ultérieure` : '') +
      '.',
    everywhere: 'dans les abonnements que vous pouvez lire',
    only: (ids: readonly string[]) => `dans ${ids.length > 1 ? 'les abonnements' : 'l’abonnement'} ${ids.join(', ')}`,
    nothing: (hours: number, where: string) =>
      `Aucun travail de sauvegarde en échec sur les ${hours} dernières heures ${where}.`,
    truncated: (rows: number) =>
      `Seuls les ${rows} premiers travaux ont été lus : restreignez avec --hours ou --subscription.`,
    noDetails: (n: number) =>
      `Le détail des erreurs de ${n} ${n === 1 ? 'travail' : 'travaux'} n’a pas pu être lu dans le coffre.`,
  },
} as const satisfies Record<Lang, unknown>;

/**
 * `scan`: the backup jobs of the last hours from Azure Resource Graph, across the subscriptions
 * the signed-in identity can read, through the same pipeline as everything else (lookups
 * included), printed worst first. Nothing is stored or sent.
 */
export async function scanCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseCommandLine(SCAN, argv);
  if (positionals.length > 0) throw new UsageError(`scan takes no file (got "${positionals[0]}")`);
  const lang: Lang = langFrom(values.lang, env);
  const m = TEXT[lang];
  const hours = Number(values.hours ?? '24');
  if (!Number.isInteger(hours) || hours < 1 || hours > 336)
    throw new UsageError(`--hours must be a whole number of hours from 1 to 336 (got "${values.hours}")`);
  const subscriptions = values.subscription;
  const bad = subscriptions.find((id) => !SUBSCRIPTION.test(id));
  if (bad !== undefined) throw new UsageError(`--subscription "${bad}" is not a subscription id (a GUID)`);

  const started = performance.now();
  const azure = (await openAzure(
    { ...(values['azure-fixtures'] !== undefined && { fixtures: values['azure-fixtures'] }), live: true },
    io.cwd,
  ))!;
  let result: TriageResult;
  let jobs;
  let details;
  let lookups;
  try {
    try {
      jobs = await queryBackupJobs(azure.connection, {
        hours,
        subscriptions,
        ...(io.signal !== undefined && { signal: io.signal }),
      });
      details = await addJobDetails(azure.connection, jobs.rows, {
        ...(io.signal !== undefined && { signal: io.signal }),
      });
    } catch (error) {
      throw new CommandFailure(readFault(error));
    }
    lookups = values['no-lookups'] ? undefined : await openLookups(azure, io.cwd, env);
    const bodies = [{ body: { value: details.rows }, origin: { bodyIndex: 0, file: 'resource-graph' } }];
    result =
      lookups === undefined ? triage(bodies, { lang }) : await triageWithLookups(bodies, { lang }, lookups.options);
  } finally {
    await azure.close();
  }

  const events = worstFirst(result.events);
  const resolved = events.filter((event) => event.resolvedBy !== undefined).length;
  const where = subscriptions.length > 0 ? m.only(subscriptions) : m.everywhere;
  if (values.render === 'json') await writeNdjson(io.stdout, events);
  else await write(io.stdout, markdown(events, resolved, hours, where, lang));
  const notes = [
    ...(jobs.truncated ? [m.truncated(jobs.rows.length)] : []),
    ...(details.failures.length > 0 ? [m.noDetails(details.failures.length)] : []),
  ];
  for (const note of notes) await write(io.stderr, `backup-triage scan: ${note}\n`);
  await writeNdjson(io.stderr, result.rejected);
  if (values.stats) {
    const stats = {
      ...result.stats,
      resourceGraph: { rows: jobs.rows.length, pages: jobs.pages, truncated: jobs.truncated },
      jobDetails: { read: details.read, failed: details.failures },
      ...(lookups !== undefined && { http: lookups.http }),
      elapsedMs: Math.round(performance.now() - started),
    };
    await write(io.stderr, `${JSON.stringify({ kind: 'stats', ...stats })}\n`);
  }
  return 0;
}

function markdown(events: readonly EnrichedEvent[], resolved: number, hours: number, where: string, lang: Lang) {
  const m = TEXT[lang];
  if (events.length === 0) return `${m.nothing(hours, where)}\n`;
  const header = m.header(events.length - resolved, resolved, hours, where);
  return `${header}\n\n${events.map((event) => renderMarkdown(event)).join('\n')}`;
}

/** What the person at the terminal does about a failed Resource Graph or vault read. */
function readFault(error: unknown): string {
  const err = error as { name?: string; statusCode?: number; message?: string };
  const first = (err.message ?? String(error)).split('\n')[0]!.slice(0, 300);
  if (err.name === 'CredentialUnavailableError' || err.name === 'AuthenticationRequiredError')
    return `no Azure sign-in was found (${first}): run az login, then scan again`;
  if (err.statusCode === 401) return `Azure refused the sign-in (401): run az login again`;
  if (err.statusCode === 403)
    return `Azure Resource Graph refused the query (403): the identity needs Reader on the subscriptions to scan`;
  if (err.statusCode !== undefined) return `Azure Resource Graph answered ${err.statusCode}: ${first}`;
  return `Azure could not be reached (${first}): check the network, then scan again`;
}
