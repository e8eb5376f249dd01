import { startLocalReceiver } from '../src/adapters/localReceiver.js';
import { startAzurite } from '../src/adapters/startAzurite.js';
import { TableStore } from '../src/adapters/tableStore.js';
import { sendWebhook } from '../src/adapters/webhookSender.js';
import { DEFAULT_NOTIFY_POLICY } from '../src/core/notify/types.js';
import { notifyBatch } from '../src/pipeline/notify.js';
import { triage } from '../src/pipeline/triage.js';
import { generateRecords } from './generateRecords.js';

/**
 * Notifications through the real parts: Azurite (in memory) for the state and the outbox, a local
 * HTTP receiver for the webhook. 500 distinct failures (storm grouping off, so each is a message),
 * then the same batch again (every job already counted), then 500 repeats of the same findings.
 */
const FAILURES = 500;
const azurite = await startAzurite({ disableTelemetry: true });
const receiver = await startLocalReceiver();
const store = new TableStore({ connectionString: azurite.connectionString }, { prefix: 'bench' });
await store.ensureTables();
const target = {
  url: receiver.url,
  format: 'generic' as const,
  secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
};
const options = {
  store,
  format: 'generic' as const,
  deliver: (m: Parameters<typeof sendWebhook>[1]) => sendWebhook(target, m),
  policy: { ...DEFAULT_NOTIFY_POLICY, groupThreshold: 1_000_000, minPriority: 'P4' as const },
};

const first = generateRecords(FAILURES, { failureRate: 1, vms: FAILURES * 10, perBody: FAILURES });
const result = triage(first.bodies.map((body, bodyIndex) => ({ body, origin: { bodyIndex } })));
const findings = result.events.length;

async function measure(label: string, run: () => Promise<{ delivered: number }>) {
  const ops = store.operations;
  const started = performance.now();
  const outcome = await run();
  const ms = performance.now() - started;
  console.log(
    `  ${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${String(outcome.delivered).padStart(4)} delivered  ${(outcome.delivered / (ms / 1000)).toFixed(0).padStart(5)} notifications/s  ${((store.operations - ops) / findings).toFixed(2)} Table operations per finding`,
  );
}

console.log(`\nNotifications: ${findings} findings, Azurite + local receiver (Node ${process.version})`);
await measure('new findings (all sent)', () => notifyBatch(result, options));
await measure('same batch again (redelivery)', () => notifyBatch(result, options));
const repeats = triage(
  generateRecords(FAILURES, { failureRate: 1, vms: FAILURES * 10, perBody: FAILURES }).bodies.map(
    (body, bodyIndex) => ({
      body: JSON.parse(body.toString().replace(/"JobUniqueId":"/g, '"JobUniqueId":"r-')),
      origin: { bodyIndex },
    }),
  ),
);
await measure('repeats within the window (quiet)', () => notifyBatch(repeats, options));
console.log(`  receiver got ${receiver.accepted().length} messages for ${findings} findings`);
await receiver.close();
await azurite.stop();
