import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { sendDigestMail } from '../adapters/smtpMailer.js';
import { startAzurite, type Azurite } from '../adapters/startAzurite.js';
import { createBatchHandler } from '../pipeline/createBatchHandler.js';
import type { RenderedDigest } from '../core/render/renderDigest.js';
import { buildDigest, previousUtcDay } from '../pipeline/digest.js';
import { parseCommandLine } from './commandLine.js';
import { UsageError, write, type CliIo } from './io.js';
import { openStore } from './openStore.js';
import { readInputs } from './readInputs.js';
import { settingsWithFlags } from './settingsWithFlags.js';
import { DIGEST } from './specs.js';

/** The digest as files: the HTML at `path`, its text part beside it (`.txt`). */
export async function writeDigestFiles(path: string, rendered: RenderedDigest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, rendered.html);
  await writeFile(`${path.replace(/\.html?$/i, '')}.txt`, rendered.text);
}

/**
 * `digest [--date D] [--out FILE] [--send] [FILE…]`: the daily digest of a UTC day (yesterday by
 * default) from the store (STATE_STORAGE_CONNECTION_STRING), or from event files run through the
 * pipeline into an in-memory Azurite first. Writes HTML (and a .txt beside it) or sends it by SMTP.
 */
export async function digestCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseCommandLine(DIGEST, argv);
  const now = new Date();
  const day = values.date ?? previousUtcDay(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
    throw new UsageError(`--date "${day}" is not a day: write it YYYY-MM-DD, e.g. ${previousUtcDay(now)}`);
  const settings = settingsWithFlags(env, [{ flag: '--lang', setting: 'TRIAGE_LANG', value: values.lang }]);
  if (!values.send && values.out === undefined)
    throw new UsageError('say where the digest goes: --out FILE, --send, or both');
  if (values.send && (settings.digest.smtp === undefined || settings.digest.to.length === 0)) {
    const missing = [settings.digest.smtp === undefined && 'SMTP_HOST', settings.digest.to.length === 0 && 'DIGEST_TO'];
    throw new UsageError(`--send needs SMTP_HOST and DIGEST_TO (not set: ${missing.filter(Boolean).join(', ')})`);
  }
  let azurite: Azurite | undefined;
  try {
    if (settings.notify.storage === undefined) {
      if (positionals.length === 0)
        throw new UsageError(
          'no store to read: set STATE_STORAGE_CONNECTION_STRING, or give event files to run through the pipeline first',
        );
      azurite = await startAzurite({ disableTelemetry: true });
    }
    const runtime = await openStore({ ...settings.notify, webhook: undefined }, azurite);
    if (positionals.length > 0) {
      const handle = createBatchHandler({ settings, notifications: async () => runtime.options });
      await handle(await readInputs(positionals, io.stdin, io.cwd));
    }
    const { summary, rendered } = await buildDigest(runtime.store, {
      day,
      lang: settings.lang,
      rpoHours: settings.thresholds.rpoHours,
      now,
      ...(settings.digest.dashboardUrl !== undefined && { dashboardUrl: settings.digest.dashboardUrl }),
    });
    if (values.out !== undefined) {
      const path = resolve(io.cwd, values.out);
      await writeDigestFiles(path, rendered);
      await write(io.stdout, `${rendered.subject}\nWrote ${path} (and .txt)\n`);
    }
    if (values.send) {
      if (summary.allClear && !settings.digest.allClear)
        await write(io.stdout, `Nothing to report for ${day}; DIGEST_ALL_CLEAR=false: not sent.\n`);
      else {
        const sent = await sendDigestMail(
          { ...settings.digest.smtp!, from: settings.digest.from, to: settings.digest.to },
          rendered,
        );
        await write(io.stdout, `Sent "${rendered.subject}" to ${sent.accepted.length} recipient(s).\n`);
      }
    }
    return 0;
  } finally {
    await azurite?.stop();
  }
}
