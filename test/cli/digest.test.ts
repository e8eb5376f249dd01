import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { cli } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/events/', import.meta.url));
const ENVELOPE = 'eventhub-azure-backup-records-reconstructed.json';

describe('backup-triage digest', () => {
  it('renders the digest of a given day from event files, as HTML and text', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'digest-')), 'day.html');
    const run = await cli(['digest', '--date', '2025-01-15', '--out', out, ENVELOPE], '', FIXTURES);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Azure Backup on 2025-01-15: 1 failed job, 1 open finding\nWrote ${out} (and .txt)\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*vm-app-01[\s\S]*<\/html>\s*$/);
    expect(readFileSync(out.replace(/\.html$/, '.txt'), 'utf8')).toContain('1 failed job');
  });

  it.each([
    [
      ['digest', '--date', '2025-13-45', '--out', 'x.html', ENVELOPE],
      '--date "2025-13-45" is not a day: write it YYYY-MM-DD',
    ],
    [['digest', '--date', '2025-01-15', ENVELOPE], 'say where the digest goes'],
    [
      ['digest', '--send', '--date', '2025-01-15', ENVELOPE],
      '--send needs SMTP_HOST and DIGEST_TO (not set: SMTP_HOST, DIGEST_TO)',
    ],
  ])('refuses %j', async (args, message) => {
    const run = await cli(args, '', FIXTURES);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
