import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { cli, lines } from '../helpers/cli.js';
import { expectValidEnrichedEvent, expectValidRejectedRecord } from '../helpers/schema.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/events/', import.meta.url));
const ALL = [
  'common-alert-schema-azure-backup-backup-failure.real.json',
  'eventhub-azure-backup-records-reconstructed.json',
  'eventhub-resource-logs-envelope.doc-sample.json',
];

describe('backup-triage triage', () => {
  it('classifies the reference events: NDJSON on stdout, counters that add up on stderr', async () => {
    const run = await cli(['triage', '--stats', ...ALL], '', FIXTURES);
    expect(run.status).toBe(0);
    const events = lines(run.stdout);
    expect(events.map((event) => (event['classification'] as { code: string }).code)).toEqual([
      'UserErrorParentFullBackupMissing',
      'UserErrorGuestAgentStatusUnavailable',
    ]);
    events.forEach(expectValidEnrichedEvent);
    const stats = lines(run.stderr).at(-1)!;
    expect(stats).toMatchObject({
      kind: 'stats',
      bodies: 3,
      records: 6,
      findings: 2,
      resolutions: 0,
      ignored: { total: 4 },
      rejected: { total: 0 },
    });
    const s = stats as {
      records: number;
      findings: number;
      resolutions: number;
      ignored: { total: number };
      rejected: { total: number };
      elapsedMs: number;
    };
    expect(s.records).toBe(s.findings + s.resolutions + s.ignored.total + s.rejected.total);
    expect(s.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('reads NDJSON from stdin and writes rejections, with their line, to stderr', async () => {
    const good = JSON.stringify(JSON.parse((await import('node:fs')).readFileSync(`${FIXTURES}/${ALL[1]}`, 'utf8')));
    const run = await cli(
      ['triage', '-'],
      `${good}\n{"records":[{"category":"AddonAzureBackupJobs","properties":{"JobOperation":"Backup"}}]}\n{"truncated":\n`,
    );
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    const rejected = lines(run.stderr);
    expect(rejected.map((record) => [record['reason'], (record['origin'] as { line: number }).line])).toEqual([
      ['missing_field:JobStatus', 2],
      ['invalid_json', 3],
    ]);
    rejected.forEach(expectValidRejectedRecord);
  });

  it('renders markdown and speaks French', async () => {
    const run = await cli(['triage', '--render', 'markdown', '--lang', 'fr', ALL[1]!], '', FIXTURES);
    expect(run.stdout).toMatch(
      /^### P2 · Échec de la sauvegarde de vm-app-01 dans le coffre rsv-prod-01 \(groupe de ressources rg-app\)/,
    );
    // No lookup and no OS on record: the first action holds for Windows and Linux alike.
    expect(run.stdout).toContain(
      '**Première action :** Vérifiez que l’agent de la VM vm-app-01 (groupe de ressources rg-app) est « Ready »',
    );
    expect(run.stdout).toContain('```bash\n# Lire l’état et la version de l’agent');
  });

  it('looks the Azure state up in a replay (--azure-fixtures), and counts the lookups and HTTP requests', async () => {
    const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
    const run = await cli(
      ['triage', '--stats', '--azure-fixtures', 'azure/state.json', 'events/rsv-prod-we-01.jobs.json'],
      '',
      samples,
    );
    expect(run.status).toBe(0);
    const events = lines(run.stdout) as Array<{
      job: { vmName: string };
      causes: Array<{ id: string; verdict: string }>;
      summary: { firstAction: { commands: Array<{ text: string }> } };
    }>;
    const sql = events.find((event) => event.job.vmName === 'vm-sql-01')!;
    expect(sql.causes.slice(0, 3).map((c) => [c.id, c.verdict])).toEqual([
      ['rp-group-lock', 'confirmed'],
      ['multiple-backups-per-day', 'confirmed'],
      ['rp-collection-limit', 'confirmed'],
    ]);
    expect(sql.summary.firstAction.commands[0]!.text).toBe(
      'az lock delete --name do-not-delete --resource-group AzureBackupRG_westeurope_1 --subscription 3f2b6c1e-8d4a-4e5b-9c7d-2a1b0c9d8e7f',
    );
    const stats = lines(run.stderr).at(-1) as {
      lookups: { reads: number; cacheHits: number; byProbe: Record<string, Record<string, number>> };
      http: { requests: number; byHost: Record<string, number> };
    };
    expect(stats.lookups.reads).toBeGreaterThan(10);
    expect(stats.http.requests).toBe(stats.lookups.reads);
    expect(Object.keys(stats.http.byHost)).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+$/)]);
    expect(stats.lookups.byProbe['vm-agent']).toMatchObject({ ok: expect.any(Number) });
  });

  it.each([
    [['triage', '--azure-fixtures', 'missing.json']],
    [['triage', '--azure-fixtures', 'x.json', '--live']],
    [['triage', '--lang', 'de']],
    [['triage', '--render', 'pdf']],
    [['triage', '--bogus']],
    [['triage', 'no-such-file.json']],
    [['frobnicate']],
  ])('exits 2 on a usage error, in one line and without the usage: %j', async (args) => {
    const run = await cli(args, '', FIXTURES);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('Usage:');
    expect(run.stderr.trimEnd().split('\n').length).toBe(1);
    expect(run.stdout).toBe('');
  });

  it('works as the installed binary', async () => {
    const bin = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'triage', '--stats', ...ALL], {
      cwd: FIXTURES,
    });
    expect(lines(stdout)).toHaveLength(2);
    expect(lines(stderr).at(-1)).toMatchObject({ kind: 'stats', findings: 2 });
  });
});

describe('backup-triage demo', () => {
  it('prints a finding for every sample, the rejections and the counters', async () => {
    const run = await cli(['demo']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /\[P1\] Backup of vm-app-01 failed in vault rsv-prod-we-01 \(resource group rg-app-prod\)/,
    );
    expect(run.stdout).toContain('Found: agent on vm-app-01 is Not Ready: VM Agent is unresponsive.');
    expect(run.stdout).toMatch(/Lookups: \d+ distinct reads, \d+ HTTP requests/);
    expect(run.stdout).toContain('Rejected and kept (2):');
    expect(run.stdout).toMatch(
      /Records: (\d+) = (\d+) findings \+ (\d+) resolutions \+ (\d+) ignored \+ (\d+) rejected/,
    );
    const [, records, ...parts] =
      /Records: (\d+) = (\d+) findings \+ (\d+) resolutions \+ (\d+) ignored \+ (\d+) rejected/.exec(run.stdout)!;
    expect(Number(records)).toBe(parts.reduce((sum, part) => sum + Number(part), 0));
  });

  it('leaves the digest in out/digest.html (and .txt) and prints the dashboard URL', async () => {
    const started = Date.now();
    const run = await cli(['demo']);
    expect(run.status).toBe(0);
    const html = fileURLToPath(new URL('../../out/digest.html', import.meta.url));
    expect(statSync(html).mtimeMs).toBeGreaterThanOrEqual(started - 1_000);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*vm-app-01[\s\S]*<\/html>\s*$/);
    expect(readFileSync(html.replace(/html$/, 'txt'), 'utf8')).toContain('vm-app-01');
    expect(run.stdout).toMatch(
      /Daily digest "Azure Backup on \d{4}-\d{2}-\d{2}: \d+ failed jobs, \d+ open findings" written to .*out\/digest\.html/,
    );
    expect(run.stdout).toMatch(
      /^Dashboard: http:\/\/127\.0\.0\.1:\d+\/api\/dashboard\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/m,
    );
  });
});

describe('backup-triage run', () => {
  it('runs the function path: Azurite started for it, messages posted to the webhook, counters on stderr', async () => {
    const { startLocalReceiver } = await import('../../src/adapters/localReceiver.js');
    const receiver = await startLocalReceiver();
    try {
      const run = await cli(
        ['run', '--webhook', receiver.url, '--format', 'teams', '--stats', '--no-lookups', ALL[1]!, ALL[0]!],
        '',
        FIXTURES,
      );
      expect(run.status).toBe(0);
      // The SQL alert's first full backup missing is transient (the service triggers it), first seen: quiet.
      expect(run.stdout).toMatch(
        /^2 findings, 0 resolutions, 0 rejected → 1 new, 0 update, 0 resolved, 0 group message\(s\); 1 quiet, 0 already seen\. Delivered to teams webhook at http:\/\/127\.0\.0\.1:\d+\/…: 1;/,
      );
      expect(run.stdout).not.toContain('/hook');
      expect(receiver.accepted().map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual(['message']);
      const stats = lines(run.stderr).at(-1) as { notifications: { delivered: number }; tableOperations: number };
      expect(stats.notifications.delivered).toBe(1);
      expect(stats.tableOperations).toBeGreaterThan(0);
    } finally {
      await receiver.close();
    }
  });

  it('refuses a plain-http webhook that is not local', async () => {
    const run = await cli(['run', '--webhook', 'http://example.com/hook', ALL[1]!], '', FIXTURES);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'backup-triage run: --webhook "http://example.com/…" must be https (plain http is accepted only for 127.0.0.1/localhost)\n',
    );
  });
});
