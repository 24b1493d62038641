import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthConfigError, authConfigFromEnv, type AuthConfig } from './config.ts';
import { createAuthHandler } from './handler.ts';

/**
 * The auth service on Node: `npm run auth` (or `node auth/server.ts`) listens on `HOST`
 * (default 127.0.0.1) and `PORT` (default 8787) and serves `auth/handler.ts`.
 */

export interface RunningAuthServer {
  /** `http://<host>:<port>` */
  url: string;
  close: () => Promise<void>;
}

/** Turns a Node request into a web-standard one (the service reads no request body). */
function toRequest(incoming: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`);
  return new Request(url, { method: incoming.method ?? 'GET', headers });
}

async function send(response: Response, outgoing: ServerResponse, head: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  outgoing.writeHead(response.status, headers);
  outgoing.end(head ? undefined : Buffer.from(await response.arrayBuffer()));
}

/** Starts the service on `host` and `port` (0: a free port). */
export async function startAuthServer({
  config,
  host = '127.0.0.1',
  port = 8787,
  log = (line: string) => console.log(line),
}: {
  config: AuthConfig;
  host?: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningAuthServer> {
  const handle = createAuthHandler({ config, log });
  const server = createServer((incoming, outgoing) => {
    handle(toRequest(incoming))
      .then((response) => send(response, outgoing, incoming.method === 'HEAD'))
      .catch((error: unknown) => {
        log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        outgoing.end('Internal error\n');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (import.meta.main) {
  let config: AuthConfig;
  try {
    config = authConfigFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const port = Number(process.env['PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`The auth service cannot start:\n  - PORT: "${process.env['PORT'] ?? ''}" is not a port number.`);
    process.exit(1);
  }
  const server = await startAuthServer({ config, host: process.env['HOST'] ?? '127.0.0.1', port });
  console.log(
    `Auth service on ${server.url} for ${config.allowedOrigins.join(', ')}; GitHub callback URL: ${config.publicUrl ?? server.url}/callback`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
