import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { startAzurite } from '../src/adapters/startAzurite.js';
import { TableStore } from '../src/adapters/tableStore.js';
import { triage } from '../src/pipeline/triage.js';
import { generateRecords } from './generateRecords.js';

/**
 * The dashboard's reads on a busy day: 5,060 failed jobs stored for one day (the review's figure),
 * then each request in a fresh process of its own (`dashboardChild.ts`) against the same Azurite,
 * so its peak resident memory is the request's and not the seeding's: wall time, peak RSS and the
 * answer's size. A forged continuation token is answered without reading anything.
 */
const EVENTS = 5_060;
const DAY = '2026-11-25';
const azurite = await startAzurite({ disableTelemetry: true });
try {
  const store = new TableStore({ connectionString: azurite.connectionString }, { prefix: 'dash' });
  await store.ensureTables();
  const input = generateRecords(EVENTS, { failureRate: 1, perBody: 1_000 });
  const { events } = triage(input.bodies.map((body, bodyIndex) => ({ body, origin: { bodyIndex } })));
  await store.saveEvents(events);

  const forged = Buffer.from(JSON.stringify({ day: '2020-01-01' })).toString('base64url');
  const requests: Array<[string, Record<string, string>]> = [
    ['dashboard', {}],
    ['summary', { from: '2026-11-19', to: DAY, day: DAY }],
    ['events', { from: '2026-11-19', to: DAY, limit: '200' }],
    ['events', { from: '2026-11-19', to: DAY, limit: '200', continuationToken: forged }],
  ];
  console.log(
    `\nDashboard API on a day of ${events.length.toLocaleString('en')} failed jobs (Azurite, Node ${process.version})`,
  );
  for (const [path, query] of requests) {
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, 'dashboardChild.js'), path, JSON.stringify(query)],
      {
        env: { ...process.env, STATE_STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'dash' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((done) => child.on('exit', done));
    const report = JSON.parse(out) as {
      status: number;
      ms: number;
      bytes: number;
      maxRssKb: number;
      baseRssKb: number;
      says: string;
    };
    const label = `${path}${query['continuationToken'] !== undefined ? ' (forged token)' : ''}`;
    console.log(
      `  ${label.padEnd(24)} ${String(report.status)}  ${report.ms.toFixed(0).padStart(6)} ms  peak RSS ${String(Math.round(report.maxRssKb / 1024)).padStart(4)} MB (+${Math.round((report.maxRssKb - report.baseRssKb) / 1024)} MB over its start-up)  answer ${(report.bytes / 1024).toFixed(1)} KB: ${report.says}`,
    );
  }
} finally {
  await azurite.stop();
}
