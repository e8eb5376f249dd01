import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import functions, {
  type HttpRequest as HttpRequestType,
  type HttpResponseInit,
  type InvocationContext as InvocationContextType,
} from '@azure/functions';

// @azure/functions is CommonJS: its classes are reached through the default export under Node's ESM.
const { HttpRequest, InvocationContext } = functions;

export interface LocalDashboard {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves an HTTP function handler on loopback, the way the Functions host would call it (an
 * `HttpRequest`, an `InvocationContext`), so `npm start` shows the dashboard through the same
 * code that runs in Azure. `/` goes to `/api/dashboard`.
 */
export async function serveLocally(
  handler: (request: HttpRequestType, context: InvocationContextType) => Promise<HttpResponseInit>,
  port = 0,
): Promise<LocalDashboard> {
  const server: Server = createServer((req, res) => {
    const url = `http://127.0.0.1${req.url ?? '/'}`;
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (new URL(url).pathname === '/') {
      res.writeHead(302, { location: '/api/dashboard' }).end();
      return;
    }
    const request = new HttpRequest({
      method: 'GET',
      url,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
    });
    handler(request, new InvocationContext({ functionName: 'dashboard', invocationId: `local-${Date.now()}` }))
      .then((response) => {
        res.writeHead(response.status ?? 200, (response.headers ?? {}) as Record<string, string>);
        res.end(typeof response.body === 'string' ? response.body : '');
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`Internal error: ${(error as Error).message}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/api/dashboard`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
