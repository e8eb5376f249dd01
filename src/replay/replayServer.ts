import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';

import type { ReplayEntry, ReplayFixture } from './replayFixture.js';
import { listenOnLoopback, loopbackCertificate } from './loopbackTls.js';

export interface RecordedRequest {
  method: string;
  path: string;
  host: string;
  authorized: boolean;
  at: number;
  /** The request body as text (the first 64 KiB), for POSTed queries. */
  body: string;
}

export interface ReplayServer {
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** PEM of the self-signed certificate, for the clients' `tlsOptions.ca`. */
  ca: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Requests received for one path (case-insensitive, without query). */
  count(path: string): number;
  close(): Promise<void>;
}

export interface ReplayServerOptions {
  /** Latency added to every answer, to measure how lookups behave against a real-world ARM. */
  latencyMs?: number;
}

const normalize = (path: string) => path.split('?')[0]!.replace(/\/+$/, '').toLowerCase();

/**
 * A local HTTPS server answering like ARM and Log Analytics from canned responses, so the real SDK
 * clients, their retry policies and the bearer-token policy (which refuses plain http) run
 * unchanged. The certificate is made at start-up; nothing leaves the loopback interface.
 */
export async function startReplayServer(
  fixture: ReplayFixture,
  options: ReplayServerOptions = {},
): Promise<ReplayServer> {
  const pems = await loopbackCertificate();
  const used = new Map<ReplayEntry, number>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<() => void>();

  const pick = (method: string, path: string, body: string): ReplayEntry | undefined =>
    fixture.requests.find((entry) => {
      if ((entry.method ?? 'GET').toUpperCase() !== method || normalize(entry.path) !== path) return false;
      if (entry.bodyIncludes !== undefined && !body.includes(entry.bodyIncludes)) return false;
      return entry.times === undefined || (used.get(entry) ?? 0) < entry.times;
    });

  const server: Server = createServer({ key: pems.key, cert: pems.cert }, (req, res) => {
    const path = normalize(req.url ?? '/');
    const method = (req.method ?? 'GET').toUpperCase();
    const recorded: RecordedRequest = {
      method,
      path,
      host: req.headers.host ?? '',
      authorized: /^Bearer \S+/.test(req.headers.authorization ?? ''),
      at: Date.now(),
      body: '',
    };
    requests.push(recorded);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < 65_536) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => {
      recorded.body = Buffer.concat(chunks).toString('utf8').slice(0, 65_536);
      const answer = () => {
        if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
          res.writeHead(401, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              error: {
                code: 'AuthenticationFailed',
                message: 'Authentication failed. The Authorization header is missing.',
              },
            }),
          );
          return;
        }
        const entry = pick(method, path, recorded.body);
        if (entry === undefined) {
          res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'x-ms-failure-cause': 'gateway' });
          res.end(
            JSON.stringify({
              error: { code: 'ResourceNotFound', message: `The Resource '${path}' was not found (no replay entry).` },
            }),
          );
          return;
        }
        used.set(entry, (used.get(entry) ?? 0) + 1);
        const send = () => {
          if (entry.fault === 'reset') return req.socket.destroy();
          if (entry.fault === 'hang') {
            hanging.add(() => res.destroy());
            return;
          }
          const status = entry.status ?? 200;
          const body =
            entry.fault === 'garbage'
              ? '<html>502 Bad Gateway</html>{"value":['
              : entry.body === undefined
                ? ''
                : JSON.stringify(entry.body);
          res.writeHead(status, {
            'content-type': 'application/json; charset=utf-8',
            'x-ms-request-id': `replay-${requests.length}`,
            ...entry.headers,
          });
          res.end(body);
        };
        if (entry.delayMs !== undefined && entry.delayMs > 0) setTimeout(send, entry.delayMs);
        else send();
      };
      if (options.latencyMs !== undefined && options.latencyMs > 0) setTimeout(answer, options.latencyMs);
      else answer();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `https://127.0.0.1:${port}`,
    ca: pems.cert,
    requests,
    count: (path) => requests.filter((request) => request.path === normalize(path)).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const destroy of hanging) destroy();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
