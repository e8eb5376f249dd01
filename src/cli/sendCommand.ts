import type { EventData } from '@azure/event-hubs';

import { openProducer, sendInBatches, type ClosableProducer } from '../adapters/eventHubPublisher.js';
import { parseCommandLine } from './commandLine.js';
import { UsageError, write, type CliIo } from './io.js';
import { readInputs } from './readInputs.js';
import { SEND } from './specs.js';

export interface SendDeps {
  /** Opens the producer; tests give one over a fake hub. */
  openProducer?: (namespaceHost: string, eventHubName: string) => Promise<ClosableProducer>;
}

/**
 * `send --namespace NS --hub H FILE…`: publishes bodies to a real event hub as a vault's diagnostic
 * setting would (the exact bytes, `application/json`), with DefaultAzureCredential. The
 * post-deployment smoke test: deploy, send a sample, see the message arrive.
 */
export async function sendCommand(
  argv: string[],
  io: CliIo,
  deps: SendDeps = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { values, positionals } = parseCommandLine(SEND, argv);
  const namespace = values.namespace ?? env['EventHubConnection__fullyQualifiedNamespace'];
  const hub = values.hub ?? env['EVENTHUB_NAME'];
  if (namespace === undefined || namespace === '')
    throw new UsageError(
      '--namespace is required (the Event Hubs namespace, e.g. evhns-abc123 or evhns-abc123.servicebus.windows.net)',
    );
  if (/Endpoint=|SharedAccessKey/i.test(namespace))
    throw new UsageError(
      '--namespace takes the namespace name, not a connection string: send signs in with your Azure identity (az login)',
    );
  if (hub === undefined || hub === '')
    throw new UsageError('--hub is required (the event hub the vaults stream to, e.g. backup-jobs)');
  const host = namespace.includes('.')
    ? namespace.replace(/^(sb|amqps|https):\/\//, '').replace(/\/$/, '')
    : `${namespace}.servicebus.windows.net`;
  if (positionals.length === 0)
    throw new UsageError('give the files to send (e.g. samples/events/*.json), or - for standard input');
  const bodies = await readInputs(positionals, io.stdin, io.cwd);
  const events: EventData[] = bodies.map(({ body }) => ({ body, contentType: 'application/json' }));

  const producer = await (deps.openProducer ?? openProducer)(host, hub);
  try {
    const outcome = await sendInBatches(producer, events);
    for (const index of outcome.tooLarge) {
      const origin = bodies[index]!.origin;
      await write(
        io.stderr,
        `backup-triage send: ${origin.file ?? '<stdin>'}${origin.line !== undefined ? `:${origin.line}` : ''} is larger than the hub accepts in one event; not sent.\n`,
      );
    }
    await write(io.stdout, `Sent ${outcome.sent} event(s) in ${outcome.batches} batch(es) to ${host}/${hub}.\n`);
    return outcome.tooLarge.length > 0 ? 1 : 0;
  } catch (error) {
    await write(io.stderr, `backup-triage send: ${explainSendError(error, host, hub)}\n`);
    return 1;
  } finally {
    await producer.close().catch(() => undefined);
  }
}

/** What a failed send means for the person running it, and what to do. */
export function explainSendError(error: unknown, host: string, hub: string): string {
  const err = error as { code?: string; name?: string; message?: string };
  const message = err.message ?? String(error);
  if (err.code === 'UnauthorizedError' || /unauthori[sz]ed|401|claim/i.test(message)) {
    return `not allowed to send to ${host}/${hub} (${message}). Grant yourself "Azure Event Hubs Data Sender" on the hub (azd up does when AZURE_PRINCIPAL_ID is set), then retry; role assignments take a few minutes.`;
  }
  if (err.name === 'CredentialUnavailableError' || /credential|az login/i.test(message)) {
    return `no Azure identity to sign in with (${message}). Run "az login" (or set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET), then retry.`;
  }
  if (err.code === 'MessagingEntityNotFoundError' || /not found|ENOTFOUND/i.test(message)) {
    return `${host}/${hub} was not found (${message}). Check the namespace and hub names: azd env get-values shows EventHubConnection__fullyQualifiedNamespace and EVENTHUB_NAME.`;
  }
  return `sending to ${host}/${hub} failed: ${message}`;
}
