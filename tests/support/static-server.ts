import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeadersFile, type HeaderRule } from './headers-file.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.yml': 'text/yaml; charset=utf-8',
};

/** A running static server; `close()` stops it. */
export type StaticServer = LocalServer;

/** How `startStaticServer` sends HTML pages. */
export interface StaticServerOptions {
  /**
   * Send every HTML page in pieces, as a slow connection or a slow phone's parser yielding gives
   * them to the renderer: the document up to and including `<body>`, a pause of `headMs` (for the
   * stylesheet, without which nothing is painted), then one piece per tag (each ends at a `>`)
   * with a pause of `pieceMs` after each, up to the end of the first `through` (e.g. `</header>`),
   * then the rest at once. The browser paints what it has at each pause.
   */
  trickle?: { through: string; headMs: number; pieceMs: number };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `html` to `response` in the pieces `trickle` describes and ends it. */
async function sendInPieces(response: ServerResponse, html: string, trickle: NonNullable<StaticServerOptions['trickle']>) {
  const body = html.indexOf('>', html.indexOf('<body')) + 1;
  const through = html.indexOf(trickle.through, body);
  const end = through < 0 ? body : through + trickle.through.length;
  response.write(html.slice(0, body));
  await pause(trickle.headMs);
  let at = body;
  while (at < end) {
    if (response.destroyed) return;
    const close = html.indexOf('>', at);
    const next = close < 0 ? end : close + 1;
    response.write(html.slice(at, next));
    at = next;
    await pause(trickle.pieceMs);
  }
  response.end(html.slice(at));
}

/**
 * Serves a built site from `root` on 127.0.0.1 and a free port, the way a static host does:
 * `/a/` → `a/index.html`, `/a` → redirect to `/a/` when that is a folder, `404.html` with status
 * 404 for anything missing, and the headers of `root/_headers` (Netlify / Cloudflare Pages rules).
 * HTML comes in pieces with `options.trickle`.
 */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const rules: HeaderRule[] = await readFile(join(root, '_headers'), 'utf8')
    .then(parseHeadersFile)
    .catch(() => []);
  const isFile = (path: string) =>
    stat(path).then(
      (info) => info.isFile(),
      () => false,
    );

  return startLocalServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const relative = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, relative);
    let status = 200;
    if (pathname.endsWith('/')) file = join(file, 'index.html');
    if (!(await isFile(file))) {
      if (!pathname.endsWith('/') && (await isFile(join(file, 'index.html')))) {
        response.writeHead(301, { location: `${pathname}/${url.search}` }).end();
        return;
      }
      file = join(root, '404.html');
      status = 404;
    }
    const headers: Record<string, string> = Object.fromEntries(headersFor(rules, pathname));
    headers['content-type'] = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(status, headers);
    if (request.method === 'HEAD') response.end();
    else if (options.trickle && extname(file) === '.html') await sendInPieces(response, await readFile(file, 'utf8'), options.trickle);
    else createReadStream(file).pipe(response);
  });
}
