import { createServer, request as forward, type Server } from 'node:http';
import type { Socket } from 'node:net';

import { listenOnLoopback } from '../../src/replay/loopbackTls.js';

/** A request as the proxy saw it, and what it did with it. */
export interface ProxiedRequest {
  n: number;
  method: string;
  /** Path and query, as sent to the storage account (`/devstoreaccount1/<table>(…)`). */
  path: string;
  /** Which fault was applied, or `pass`. */
  outcome: 'pass' | 'status' | 'reset' | 'hang' | 'lost-answer';
}

/**
 * What to do with one request:
 * - `status`: answer it without forwarding (a throttled or failing storage account);
 * - `reset`: drop the connection without forwarding (a network blip);
 * - `hang`: never answer;
 * - `loseAnswer`: forward it (the write happens) and then drop the connection, so the caller sees a
 *   failure of an operation that succeeded — the "wrong moment" of a storage error;
 * - `delayMs`: forward after a pause.
 */
export type ProxyFault =
  | { status: number; headers?: Record<string, string> }
  | { reset: true }
  | { hang: true }
  | { loseAnswer: true }
  | { delayMs: number }
  | undefined;

/** What a fault plan sees of a request: its number, method, path and query, and body. */
export interface ProxyRequest {
  n: number;
  method: string;
  path: string;
  body: string;
}

export interface FaultProxy {
  /** Connection string of the storage behind the proxy, with the proxy's port. */
  connectionString: string;
  requests: ProxiedRequest[];
  setFault(plan: (request: ProxyRequest) => ProxyFault): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of Azurite that breaks chosen requests the way a real storage account and
 * network break them, so tests run the real Table client against real storage with real failures.
 */
export async function startFaultProxy(connectionString: string): Promise<FaultProxy> {
  const endpoint = /TableEndpoint=(http:\/\/[^;]+)/.exec(connectionString)?.[1];
  if (endpoint === undefined) throw new Error('the connection string has no TableEndpoint');
  const target = new URL(endpoint);
  let plan: (request: ProxyRequest) => ProxyFault = () => undefined;
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const n = requests.length + 1;
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const fault = plan({ n, method, path, body: Buffer.concat(chunks).toString('utf8') });
      const record: ProxiedRequest = { n, method, path, outcome: 'pass' };
      requests.push(record);
      if (fault !== undefined && 'status' in fault) {
        record.outcome = 'status';
        res
          .writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers })
          .end(JSON.stringify({ 'odata.error': { code: codeOf(fault.status), message: { value: 'fault injected' } } }));
        return;
      }
      if (fault !== undefined && 'reset' in fault) {
        record.outcome = 'reset';
        req.socket.destroy();
        return;
      }
      if (fault !== undefined && 'hang' in fault) {
        record.outcome = 'hang';
        return;
      }
      const send = () => {
        const upstream = forward(
          {
            host: target.hostname,
            port: target.port,
            method,
            path,
            headers: { ...req.headers, host: target.host },
          },
          (answer) => {
            const body: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => body.push(chunk));
            answer.on('end', () => {
              if (fault !== undefined && 'loseAnswer' in fault) {
                record.outcome = 'lost-answer';
                req.socket.destroy();
                return;
              }
              res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(body));
            });
          },
        );
        upstream.on('error', () => req.socket.destroy());
        upstream.end(Buffer.concat(chunks));
      };
      if (fault !== undefined && 'delayMs' in fault) setTimeout(send, fault.delayMs);
      else send();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  return {
    connectionString: connectionString.replace(endpoint, `http://127.0.0.1:${port}${target.pathname}`),
    requests,
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

/** The Table service's error code for a status (REST reference, "Table service error codes"). */
function codeOf(status: number): string {
  if (status === 403) return 'AuthorizationPermissionMismatch';
  if (status === 503) return 'ServerBusy';
  if (status === 500) return 'InternalError';
  if (status === 412) return 'UpdateConditionNotSatisfied';
  return 'OperationFailed';
}

/** A write of a finding's state (the item's finding row and its directory entry, one transaction). */
export function isFindingWrite(path: string, body: string): boolean {
  return path.endsWith('$batch') && /findings\(PartitionKey='item-/.test(body);
}
