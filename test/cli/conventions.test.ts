import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { runCommand } from '../../src/cli/runCommand.js';
import { DEMO, DIGEST, RUN, SEND, TRIAGE } from '../../src/cli/specs.js';
import { captureIo, cli } from '../helpers/cli.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const BIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const SPECS = [TRIAGE, RUN, DIGEST, SEND, DEMO];
const JOBS = 'events/rsv-prod-we-01.jobs.json';

/** Runs `run` in-process with the given environment (the variables a user would have exported). */
async function runWithEnv(args: string[], env: NodeJS.ProcessEnv) {
  const { io, output } = captureIo('', SAMPLES);
  let status: number;
  try {
    status = await runCommand(args, io, env);
  } catch (error) {
    // What runCli does with it: the same path the binary takes.
    const { describeFault } = await import('../../src/cli/describeFault.js');
    const fault = describeFault(error);
    if (fault === undefined) throw error;
    return { status: fault.status, stdout: output().stdout, stderr: fault.lines.join('\n') };
  }
  return { status, ...output() };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('backup-triage help and version', () => {
  it('`run --help` exits 0 and lists --webhook', async () => {
    const run = await cli(['run', '--help']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: backup-triage run \[options\] \[FILE…\|-\]\n/);
    expect(run.stdout).toMatch(/^ {2}--webhook URL +where to post/m);
  });

  it.each(SPECS.map((spec) => [spec.name, spec] as const))(
    '%s: `<command> --help`, `<command> -h` and `help <command>` print the same options, exit 0',
    async (name, spec) => {
      const [long, short, help] = await Promise.all([
        cli([name, '--help']),
        cli([name, 'some-file.json', '-h']),
        cli(['help', name]),
      ]);
      for (const run of [long, short, help]) {
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(long.stdout);
      }
      for (const option of Object.keys(spec.options)) expect(long.stdout).toContain(`--${option}`);
    },
  );

  it('`--version` prints the package version; no command prints the overview and exits 2', async () => {
    const version = await cli(['--version']);
    expect(version).toEqual({ status: 0, stdout: `backup-triage ${PACKAGE.version}\n`, stderr: '' });
    const none = await cli([]);
    expect(none.status).toBe(2);
    for (const spec of SPECS) expect(none.stderr).toMatch(new RegExp(`^ {2}${spec.name} +\\S`, 'm'));
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(none.stderr);
  });
});

describe('backup-triage errors: one line naming what was typed', () => {
  it.each([
    [['run', '--webhook', 'ftp://x'], /^backup-triage run: --webhook "ftp:\/\/x\/…" must be https/],
    [['run', '--webhok', 'x'], /^backup-triage run: unknown option --webhok \(did you mean --webhook\?\)/],
    [['run', '--format', 'pdf'], /^backup-triage run: --format "pdf" is not one of generic, teams, slack, markdown$/],
    [['run', '--shell', 'zsh'], /^backup-triage run: --shell "zsh" is not one of cli, powershell$/],
    [['run', '--live', '--no-lookups', JOBS], /^backup-triage run: --live and --no-lookups exclude each other/],
    [['triage', '--live', '--no-lookups', JOBS], /^backup-triage triage: --live and --no-lookups exclude each other/],
    [['triage', '--lang'], /^backup-triage triage: --lang needs a value: --lang en\|fr$/],
    [['triage', '--stats=yes'], /^backup-triage triage: --stats takes no value/],
    [['triage', 'missing.json'], /^backup-triage triage: cannot read missing.json: no such file$/],
    [['demo', 'extra'], /^backup-triage demo: unexpected argument "extra"/],
    [['demo', '--port', 'http'], /^backup-triage demo: --port "http" is not a port/],
    [
      ['frobnicate'],
      /^backup-triage: unknown command "frobnicate": the commands are triage, scan, run, digest, send, demo/,
    ],
  ])('%j', async (args, message) => {
    const run = await cli(args, '', SAMPLES);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it('blames a bad variable on the variable, and a bad option on the option', async () => {
    const env = await runWithEnv([JOBS], { WEBHOOK_FORMAT: 'pdf' });
    expect(env.status).toBe(2);
    expect(env.stderr).toBe('WEBHOOK_FORMAT must be one of generic, teams, slack, markdown (got "pdf").');
    const flag = await runWithEnv(['--format', 'slack', '--webhook', 'ftp://hooks.example/x', JOBS], {
      WEBHOOK_FORMAT: 'teams',
    });
    expect(flag.stderr).toBe(
      '--webhook "ftp://hooks.example/…" must be https (plain http is accepted only for 127.0.0.1/localhost)',
    );
  });

  it('a malformed STATE_STORAGE_CONNECTION_STRING: one line naming it, no stack trace, exit 2', async () => {
    const run = await runWithEnv(['--no-lookups', JOBS], { STATE_STORAGE_CONNECTION_STRING: 'garbage' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^STATE_STORAGE_CONNECTION_STRING must be a storage connection string: .*\(got "\*\*\*"\)\.$/,
    );
  });

  it('an unreachable store: one line saying which setting to check, exit 1', async () => {
    const port = await closedPort();
    const run = await runWithEnv(['--no-lookups', JOBS], {
      STATE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `the table store could not be reached (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${port}): check STATE_STORAGE_CONNECTION_STRING, and that the store is running`,
    );
  });

  it('a dashboard port in use: one line, exit 1, and no Azurite left behind', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };
    try {
      const run = await cli(['demo', '--no-lookups', '--out', 'test-results/demo-port', '--port', String(port)]);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        `backup-triage demo: --port ${port}: the port is already in use on 127.0.0.1: choose another, or --port 0 for any free one\n`,
      );
      expect(azuritesOf(process.pid)).toEqual([]);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Whether a process still runs (a zombie waiting to be reaped does not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const azuritesOf = (pid: number) =>
  childrenOf(pid).filter(
    (child) => running(child) && readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('azurite'),
  );

describe('backup-triage stops its children', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('demo --serve on %s: Azurite is stopped, exit %i', async (signal, status) => {
    const child = spawn(
      process.execPath,
      [BIN, 'demo', '--serve', '--no-lookups', '--out', 'test-results/demo-serve'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await expect
      .poll(() => stdout, { timeout: 20_000, interval: 100 })
      .toMatch(/^Dashboard: http:\/\/127\.0\.0\.1:\d+/m);
    const azurite = azuritesOf(child.pid!);
    expect(azurite).toHaveLength(1);
    child.kill(signal);
    expect(await exited).toBe(status);
    await expect.poll(() => running(azurite[0]!), { timeout: 5_000 }).toBe(false);
  });
});

describe('findings worst first in every human rendering', () => {
  const samples = readdirSync(`${SAMPLES}/events`)
    .filter((name) => name.endsWith('.json'))
    .map((name) => `events/${name}`);

  it('triage --render markdown: by priority, then the oldest failure first', async () => {
    const run = await cli(
      ['triage', '--render', 'markdown', '--azure-fixtures', 'azure/state.json', ...samples],
      '',
      SAMPLES,
    );
    expect(run.status).toBe(0);
    const levels = [...run.stdout.matchAll(/^### (P[1-4]) · /gm)].map((match) => match[1]!);
    expect(levels.length).toBeGreaterThan(10);
    expect(new Set(levels).size).toBeGreaterThan(2);
    expect(levels).toEqual([...levels].sort());
    const json = await cli(['triage', '--azure-fixtures', 'azure/state.json', ...samples], '', SAMPLES);
    const input = [...json.stdout.matchAll(/"priority":\{"level":"(P[1-4])"/g)].map((match) => match[1]!);
    expect([...input].sort()).toEqual(levels);
    expect(input).not.toEqual(levels); // the input order is not already the worst first
  });

  it('demo: the findings it prints go worst first', async () => {
    const run = await cli(['demo', '--no-lookups', '--out', 'test-results/demo-order']);
    const levels = [...run.stdout.matchAll(/^\[(P[1-4])\] /gm)].map((match) => match[1]!);
    expect(levels.length).toBeGreaterThan(10);
    expect(levels).toEqual([...levels].sort());
  });
});
