import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { LoadReport } from '../scripts/loadFunctionApp.js';

/**
 * `npm run bench`: the cold start of the Function App's code, that is the import of every file package.json `main`
 * names in a fresh Node process, as the worker does before the first invocation (Flex Consumption allows 30 s for
 * app initialization). Median of several fresh processes; the package test prints the same figure for the
 * deployment package itself. Figures only, no pass/fail.
 */
const RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 7);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOADER = fileURLToPath(new URL('../scripts/loadFunctionApp.js', import.meta.url));

/** The settings a deployment sets that the code checks as it loads (the package test reads them from the Bicep). */
const ENV = {
  EVENTHUB_NAME: 'backup-jobs',
  EVENTHUB_CONSUMER_GROUP: 'backup-triage',
  EventHubConnection__fullyQualifiedNamespace: 'evhns-q7k2m4x9p3r5tz.servicebus.windows.net',
  EventHubConnection__credential: 'managedidentity',
  EventHubConnection__clientId: '7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f',
  AzureWebJobsStorage__accountName: 'stq7k2m4x9p3r5tz',
  AzureWebJobsStorage__credential: 'managedidentity',
  AzureWebJobsStorage__clientId: '7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f',
  AZURE_CLIENT_ID: '7e3c1f0a-2b4d-4c6e-8f10-1a2b3c4d5e6f',
  DIGEST_SCHEDULE: '0 0 6 * * *',
  WEBHOOK_FORMAT: 'teams',
  WEBHOOK_URL: 'https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c/triggers/manual/paths/invoke?sig=abc',
  LOOKUPS_ENABLED: 'true',
  NODE_ENV: 'production',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const imports: number[] = [];
const processes: number[] = [];
const perFile = new Map<string, number[]>();
let functions = 0;
for (let run = 0; run < RUNS; run += 1) {
  const start = performance.now();
  const stdout = execFileSync(process.execPath, [LOADER, ROOT], { cwd: ROOT, env: ENV, encoding: 'utf8' });
  processes.push(performance.now() - start);
  const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadReport;
  imports.push(report.totalMs);
  functions = report.files.reduce((n, file) => n + file.functions.length, 0);
  for (const file of report.files) perFile.set(file.file, [...(perFile.get(file.file) ?? []), file.importMs]);
}
console.log(
  `Cold start (import of package.json main in a fresh process, ${functions} functions registered): ` +
    `median ${median(imports).toFixed(0)} ms, min ${Math.min(...imports).toFixed(0)} ms over ${RUNS} processes; ` +
    `whole process, every dependency imported too: ${median(processes).toFixed(0)} ms`,
);
for (const [file, times] of perFile) console.log(`  ${file}: ${median(times).toFixed(0)} ms`);
