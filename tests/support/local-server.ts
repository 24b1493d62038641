import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running local HTTP server; `close()` drops open connections and stops it. */
export interface LocalServer {
  /** Base URL, `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  close: () => Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 and a free port (port 0) for a test's stand-in. `handle`
 * may be async; when it throws, the request is answered with status 500 and the error's text.
 */
export async function startLocalServer(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<unknown>,
): Promise<LocalServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
