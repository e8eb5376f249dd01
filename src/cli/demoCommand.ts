import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { addDays } from '../core/days.js';
import { renderText } from '../core/render/renderText.js';
import { toDisplay } from '../core/explain/fillTemplate.js';
import type { Lang } from '../core/types.js';
import { startLocalReceiver } from '../adapters/localReceiver.js';
import { startAzurite } from '../adapters/startAzurite.js';
import { serveLocally, type LocalDashboard } from '../adapters/localDashboardServer.js';
import { createDashboard } from '../dashboard/httpDashboard.js';
import { buildDigest } from '../pipeline/digest.js';
import { loadSettings } from '../config/settings.js';
import { createBatchHandler } from '../pipeline/createBatchHandler.js';
import type { NotifyOutcome } from '../pipeline/notify.js';
import type { TriageResult } from '../pipeline/triage.js';
import { writeDigestFiles } from './digestCommand.js';
import { probeTitle } from '../core/catalog/index.js';
import { DEMO_LABELS } from '../core/render/demoLabels.js';
import { worstFirst } from '../core/render/worstFirst.js';
import { parseCommandLine } from './commandLine.js';
import { CommandFailure, UsageError, write, type CliIo } from './io.js';
import { openLookups } from './openLookups.js';
import { langFrom } from './options.js';
import { openStore } from './openStore.js';
import { projectRoot } from './paths.js';
import { readInputs } from './readInputs.js';
import { DEMO } from './specs.js';

function mostCommonDay(times: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const time of times) counts.set(time.slice(0, 10), (counts.get(time.slice(0, 10)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
/** A throw-away signing secret for the local demo receiver. */
const DEMO_SECRET = `whsec_${Buffer.from('azure-backup-triage-demo-secret!').toString('base64')}`;

/** `demo` (what `npm start` runs): the whole pipeline over the bundled samples, printed for people. */
export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine(DEMO, argv);
  const lang: Lang = langFrom(values.lang, process.env);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port "${values.port}" is not a port: give 1 to 65535, or 0 for any free port`);
  const out = values.out ?? 'out';
  const dir = values.samples ?? join(projectRoot(), 'samples', 'events');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json') || name.endsWith('.ndjson')).sort();
  const bodies = await readInputs(
    files.map((name) => join(dir, name)),
    io.stdin,
    io.cwd,
  );
  const fixtures = values['azure-fixtures'] ?? join(projectRoot(), 'samples', 'azure', 'state.json');
  const lookups = values['no-lookups']
    ? undefined
    : await openLookups({ fixtures }, io.cwd, {
        ...process.env,
        LOOKUP_DEADLINE_SECONDS: process.env['LOOKUP_DEADLINE_SECONDS'] ?? '10',
      });
  const received: string[] = [];
  const receiver = await startLocalReceiver({
    onRequest: (request) => {
      const message = JSON.parse(request.body) as {
        data: { kind: string; title: string; findings: Array<{ headline: string }>; groupSize?: number };
      };
      const first = message.data.findings[0]?.headline ?? '';
      received.push(
        `  ← ${(DEMO_LABELS[lang].kind[message.data.kind] ?? message.data.kind).padEnd(11)} ${message.data.title}${message.data.kind === 'group' ? '' : ` | ${toDisplay(first, 160)}`} (${DEMO_LABELS[lang].webhook(`${String(request.headers['webhook-id']).slice(0, 16)}…`, request.headers['webhook-signature'] !== undefined)})`,
      );
    },
  });
  const azurite = await startAzurite({ disableTelemetry: true });
  let result: TriageResult;
  let notified: NotifyOutcome | undefined;
  let digestPath: string;
  let digestSubject: string;
  let dashboard: LocalDashboard | undefined;
  const settings = loadSettings({
    TRIAGE_LANG: lang,
    WEBHOOK_URL: receiver.url,
    WEBHOOK_FORMAT: 'generic',
    WEBHOOK_SECRET: DEMO_SECRET,
  });
  try {
    const runtime = await openStore(settings.notify, azurite);
    // The dashboard first, so that messages and the digest link to its pages.
    dashboard = await serveLocally(
      createDashboard({ store: async () => runtime.store, lang, rpoHours: settings.thresholds.rpoHours }),
      port,
    ).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        throw new CommandFailure(
          `--port ${port}: the port is already in use on 127.0.0.1: choose another, or --port 0 for any free one`,
        );
      throw error;
    });
    const dashboardUrl = dashboard.url;
    const handle = createBatchHandler({
      settings,
      ...(lookups !== undefined && { lookups: async () => lookups.options }),
      notifications: async () => ({ ...runtime.options, dashboardUrl }),
    });
    ({ result, notified } = await handle(bodies));
    // The digest of the samples' day, as the morning timer would send it.
    const day =
      mostCommonDay(result.events.map((event) => event.job.startedAt ?? event.receivedAt)) ??
      new Date().toISOString().slice(0, 10);
    const { rendered } = await buildDigest(runtime.store, {
      day,
      lang,
      rpoHours: settings.thresholds.rpoHours,
      now: new Date(),
      ...(values.serve && { dashboardUrl }),
    });
    digestPath = resolve(io.cwd, out, 'digest.html');
    await writeDigestFiles(digestPath, rendered);
    digestSubject = rendered.subject;
    const from = addDays(day, -6);
    dashboard = { ...dashboard, url: `${dashboard.url}?from=${from}&to=${day}` };
  } finally {
    await lookups?.close();
    await receiver.close();
    // With --serve the dashboard and its store stay up (until a signal) once they are running.
    if (!values.serve || dashboard === undefined) {
      await dashboard?.close();
      await azurite.stop();
    }
  }

  const events = worstFirst(result.events);
  const d = DEMO_LABELS[lang];
  await write(
    io.stdout,
    `${d.intro(bodies.length, dir)}${lookups !== undefined ? `\n${d.replayed(fixtures)}` : ''}\n\n`,
  );
  for (const event of events) await write(io.stdout, `${renderText(event)}\n\n`);

  if (result.resolutions.length > 0) {
    await write(
      io.stdout,
      `${d.successes(result.resolutions.map((r) => toDisplay(r.vmName ?? r.backupItemName ?? r.jobId)).join(', '))}\n`,
    );
  }
  if (result.rejected.length > 0) {
    await write(io.stdout, `${d.rejected(result.rejected.length)}\n`);
    for (const rejection of result.rejected) {
      const where = d.where(rejection.origin.file ?? d.body(rejection.origin.bodyIndex), rejection.origin.recordIndex);
      await write(
        io.stdout,
        `${d.rejection(rejection.reason, where, d.rejectionText(rejection.reason, rejection.detail))}\n`,
      );
    }
  }
  const s = result.stats;
  await write(
    io.stdout,
    `\n${d.records(s.records, s.findings, s.resolutions, s.ignored.total, s.rejected.total, s.elapsedMs)}\n`,
  );
  if (notified !== undefined) {
    await write(io.stdout, `\n${d.received(receiver.url)}\n${received.join('\n')}\n`);
    await write(io.stdout, `${d.messages(notified.messages, notified.quiet)}\n`);
  }
  if (lookups !== undefined && s.lookups !== undefined) {
    const outcomes = Object.entries(s.lookups.byProbe).map(
      ([probe, counts]) =>
        `${probeTitle(probe, lang)} ${Object.entries(counts)
          .map(([status, n]) => d.outcome(status, n))
          .join('/')}`,
    );
    await write(
      io.stdout,
      `${d.lookups(s.lookups.reads, lookups.http.requests, s.lookups.cacheHits, outcomes.join(', '))}\n`,
    );
  }
  await write(io.stdout, `\n${d.digest(digestSubject, digestPath)}\n`);
  if (dashboard !== undefined) {
    await write(
      io.stdout,
      `${values.serve ? DEMO_LABELS[lang].serving(dashboard.url) : DEMO_LABELS[lang].served(dashboard.url)}\n`,
    );
    if (values.serve) {
      const signal = io.signal;
      if (signal !== undefined && !signal.aborted)
        await new Promise<void>((resolveStop) => signal.addEventListener('abort', () => resolveStop(), { once: true }));
      await dashboard.close();
      await azurite.stop();
    }
  }
  return 0;
}
