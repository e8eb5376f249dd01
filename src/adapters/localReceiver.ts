import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';

import { listenOnLoopback } from '../replay/loopbackTls.js';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** What the receiver answered (or `reset`, `hang`). */
  answered: number | 'reset' | 'hang';
}

/** What to do with the n-th request (1-based): answer a status, wait, drop the connection, never answer. */
export type Fault =
  { status?: number; headers?: Record<string, string>; delayMs?: number; reset?: boolean; hang?: boolean } | undefined;

export interface LocalReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Requests answered 2xx. */
  accepted(): ReceivedRequest[];
  /** Changes the behaviour for the requests to come. */
  setFault(plan: (n: number) => Fault): void;
  close(): Promise<void>;
}

/**
 * A real HTTP webhook receiver on loopback, with fault injection: what `npm start` posts to, and
 * what the delivery tests break in every way a real endpoint breaks.
 */
export async function startLocalReceiver(
  options: { onRequest?: (request: ReceivedRequest) => void; plan?: (n: number) => Fault } = {},
): Promise<LocalReceiver> {
  let plan = options.plan ?? (() => undefined);
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const fault = plan(requests.length + 1);
      const record: ReceivedRequest = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
        answered: fault?.reset ? 'reset' : fault?.hang ? 'hang' : (fault?.status ?? 200),
      };
      requests.push(record);
      options.onRequest?.(record);
      if (fault?.hang) return;
      const answer = () => {
        if (fault?.reset) return req.socket.destroy();
        res
          .writeHead(fault?.status ?? 200, { 'content-type': 'text/plain', ...fault?.headers })
          .end(fault?.status !== undefined && fault.status >= 400 ? 'failure injected' : 'ok');
      };
      if (fault?.delayMs !== undefined) setTimeout(answer, fault.delayMs);
      else answer();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    accepted: () =>
      requests.filter(
        (request) => typeof request.answered === 'number' && request.answered >= 200 && request.answered < 300,
      ),
    setFault: (next) => {
      plan = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
