import { createServer, type Server } from 'node:https';

import rhea, { type EventContext, type Message } from 'rhea';

/** The parts of rhea's links this broker uses (its typings leave them out). */
interface Link {
  name: string;
  local: { attach: Record<string, unknown> };
  remote: { attach: { source?: { address?: string }; target?: { address?: string } } };
  send(message: Record<string, unknown>): unknown;
}
import { WebSocketServer, type WebSocket } from 'ws';

import { listenOnLoopback, loopbackCertificate } from '../../src/replay/loopbackTls.js';

/** One AMQP message as the hub stored it. */
export interface ReceivedEvent {
  hub: string;
  body: Buffer;
  contentType: string | undefined;
  messageId: string | undefined;
}

export interface FakeEventHubsBroker {
  /** For the producer's `customEndpointAddress` (AMQP over WebSockets, TLS). */
  endpoint: string;
  /** The broker's certificate, for the WebSocket client to trust. */
  ca: string;
  received: ReceivedEvent[];
  /** Tokens presented on $cbs (put-token), with their audience. */
  tokens: Array<{ audience: string; token: string }>;
  /** Refuse the next put-token requests with 401, as the service does without the Data Sender role. */
  refuseTokens(count: number): void;
  close(): Promise<void>;
}

/**
 * A local AMQP 1.0 peer with the Event Hubs behaviour the producer relies on: TLS WebSockets,
 * claims-based authorization on `$cbs`, a sender link per hub with a message size limit, batched
 * messages accepted and unpacked. The real `EventHubProducerClient` talks to it unchanged.
 */
export async function startFakeEventHubsBroker(
  options: { maxMessageSize?: number } = {},
): Promise<FakeEventHubsBroker> {
  const pems = await loopbackCertificate(1);
  const container = rhea.create_container({ id: 'fake-eventhubs' });
  container.sasl_server_mechanisms.enable_anonymous();
  const received: ReceivedEvent[] = [];
  const tokens: Array<{ audience: string; token: string }> = [];
  let refusals = 0;
  const maxMessageSize = options.maxMessageSize ?? 1_048_576;

  // The hub's message size limit, announced on the link the producer sends on.
  container.on('receiver_open', (context: EventContext) => {
    (context.receiver as unknown as Link).local.attach['max_message_size'] = maxMessageSize;
  });
  container.on('message', (context: EventContext) => {
    const receiver = context.receiver as unknown as Link;
    const message = context.message!;
    const target = receiver.remote.attach.target?.address ?? '';
    if (target === '$cbs') {
      const properties = message.application_properties as Record<string, string>;
      tokens.push({ audience: properties['name'] ?? '', token: String(message.body) });
      const refused = refusals > 0;
      if (refused) refusals -= 1;
      const replyTo = message.reply_to;
      const reply = context.connection.find_sender(
        (sender: unknown) => (sender as Link).name === replyTo,
      ) as unknown as Link | undefined;
      reply?.send({
        correlation_id: message.message_id,
        application_properties: refused
          ? {
              'status-code': 401,
              'status-description': "Unauthorized access. 'Send' claim(s) are required to perform this operation.",
            }
          : { 'status-code': 202, 'status-description': 'Accepted' },
      });
      context.delivery?.accept();
      return;
    }
    for (const event of unpack(message)) received.push({ hub: target, ...event });
    context.delivery?.accept();
  });

  const https: Server = createServer({ key: pems.key, cert: pems.cert });
  const wss = new WebSocketServer({
    server: https,
    handleProtocols: (protocols) => (protocols.has('AMQPWSB10') ? 'AMQPWSB10' : false),
  });
  const sockets = new Set<WebSocket>();
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    container.websocket_accept(socket as never, {});
  });
  const port = await listenOnLoopback(https);

  return {
    endpoint: `https://127.0.0.1:${port}`,
    ca: pems.cert,
    received,
    tokens,
    refuseTokens: (count) => {
      refusals = count;
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => https.close(() => resolve()));
    },
  };
}

/**
 * What the producer sends: a batch (AMQP message format 0x80013700, which rhea leaves encoded) whose
 * data sections are each one encoded event, or a single encoded event.
 */
function unpack(message: Message | Buffer): Array<Omit<ReceivedEvent, 'hub'>> {
  if (!Buffer.isBuffer(message)) return [one(message)];
  const body = (rhea.message.decode(message) as Decoded).body;
  if (!isSection(body)) throw new Error('a batch without data sections');
  const sections = body.multiple === true ? (body.content as Buffer[]) : [body.content as Buffer];
  return sections.map((bytes) => one(rhea.message.decode(bytes) as Decoded));
}

interface Decoded {
  body?: unknown;
  content_type?: unknown;
  message_id?: unknown;
}

function one(message: Decoded): Omit<ReceivedEvent, 'hub'> {
  const body = message.body;
  const bytes = isSection(body)
    ? Buffer.from(body.content as Uint8Array)
    : Buffer.isBuffer(body)
      ? body
      : Buffer.from(JSON.stringify(body) ?? '');
  return {
    body: bytes,
    contentType: typeof message.content_type === 'string' ? message.content_type : undefined,
    messageId: message.message_id === undefined ? undefined : `${message.message_id as string | number}`,
  };
}

function isSection(value: unknown): value is { typecode: number; content: unknown; multiple?: boolean } {
  return typeof value === 'object' && value !== null && 'typecode' in value && 'content' in value;
}
