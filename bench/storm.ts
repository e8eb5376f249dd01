import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { odata, TableClient } from '@azure/data-tables';

import { startLocalReceiver } from '../src/adapters/localReceiver.js';
import { startAzurite } from '../src/adapters/startAzurite.js';
import { entityBytes } from './entityBytes.js';
import { generateRecords } from './generateRecords.js';

/**
 * Failure storms through `run` (the Event Hub handler's whole path: triage, store, dedup, storm
 * grouping, delivery) in a process of its own, against Azurite and a local receiver, without
 * lookups: wall time, peak resident memory of the `run` process (Azurite is another process), and
 * the storage an enriched event takes in the events table (`entityBytes`). Figures only, no pass/fail.
 */
const TIMEOUT_S = Number(process.env['BENCH_STORM_TIMEOUT_S'] ?? 300);
const SCENARIOS = [
  { label: '5,000 failed records, 5 bodies', records: 5_000, perBody: 1_000, goal: '' },
  { label: '20,000 failed records, 20 bodies', records: 20_000, perBody: 1_000, goal: 'goal ≤ 60 s, ≤ 600 MB' },
  { label: '100,000 failed records, 200 bodies', records: 100_000, perBody: 500, goal: 'goal ≤ 700 MB' },
].filter(
  (scenario) => process.env['BENCH_STORM'] === undefined || String(scenario.records) === process.env['BENCH_STORM'],
);

async function storedPerEvent(
  connectionString: string,
  prefix: string,
): Promise<{ events: number; bytes: number; utf8: number }> {
  const table = TableClient.fromConnectionString(connectionString, `${prefix}events`, {
    allowInsecureConnection: true,
  });
  let events = 0;
  let bytes = 0;
  let utf8 = 0;
  for await (const entity of table.listEntities<Record<string, unknown>>({
    queryOptions: { filter: odata`PartitionKey ge ${'0'}` },
  })) {
    events += 1;
    bytes += entityBytes(entity);
    utf8 += Buffer.byteLength(JSON.stringify(entity));
  }
  return { events, bytes, utf8 };
}

const receiver = await startLocalReceiver();
const dir = await mkdtemp(join(tmpdir(), 'storm-'));
console.log(`\nFailure storms through \`run\` + Azurite + a local receiver, no lookups (Node ${process.version})`);
try {
  for (const [index, scenario] of SCENARIOS.entries()) {
    // A fresh Azurite for each storm: one holds every entity in its own memory.
    const azurite = await startAzurite({ disableTelemetry: true });
    const input = generateRecords(scenario.records, { failureRate: 1, perBody: scenario.perBody });
    const file = join(dir, `storm-${scenario.records}.ndjson`);
    await writeFile(file, Buffer.concat(input.bodies.flatMap((body) => [body, Buffer.from('\n')])));
    const prefix = `storm${index}x${Date.now() % 100_000}`;
    const before = receiver.accepted().length;
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, 'stormChild.js'), 'run', '--no-lookups', '--webhook', receiver.url, file],
      {
        env: { ...process.env, STATE_STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let peakKb = 0;
    const sampler = setInterval(() => {
      void readFile(`/proc/${child.pid}/status`, 'utf8')
        .then((status) => {
          const hwm = /VmHWM:\s+(\d+)/.exec(status);
          if (hwm !== null) peakKb = Math.max(peakKb, Number(hwm[1]));
        })
        .catch(() => undefined);
    }, 250);
    const started = performance.now();
    const killer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_S * 1000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(killer);
    clearInterval(sampler);
    const wallS = (performance.now() - started) / 1000;
    const line = stderr.split('\n').find((text) => text.startsWith('{"kind":"bench"'));
    const report = line !== undefined ? (JSON.parse(line) as { maxRssKb: number; cpuMs: number }) : undefined;
    const rssMb = Math.round((report?.maxRssKb ?? peakKb) / 1024);
    const stored = await storedPerEvent(azurite.connectionString, prefix);
    const perEvent = (bytes: number) => (stored.events > 0 ? (bytes / stored.events / 1024).toFixed(1) : '–');
    await azurite.stop();
    const status =
      code === 0
        ? `${wallS.toFixed(1).padStart(6)} s`
        : code === null
          ? `did not finish in ${TIMEOUT_S} s (killed)`
          : `failed after ${wallS.toFixed(0)} s (exit ${code})`;
    console.log(
      `  ${scenario.label.padEnd(36)} ${status}  peak RSS ${String(rssMb).padStart(5)} MB  ${perEvent(stored.bytes)} KB stored per event (${perEvent(stored.utf8)} KB as JSON; ${stored.events.toLocaleString('en')} events)  ${receiver.accepted().length - before} messages  (CPU of run: ${((report?.cpuMs ?? 0) / 1000).toFixed(0)} s)  ${scenario.goal}`,
    );
    if (code !== 0 && code !== null) console.log(stderr.split('\n').slice(0, 15).join('\n'));
    if (process.env['BENCH_VERBOSE'] !== undefined) console.log(stdout.trim());
  }
} finally {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
}
