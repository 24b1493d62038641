import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
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

/**
 * Serves a built site from `root` on 127.0.0.1 and a free port, the way a static host does:
 * `/a/` → `a/index.html`, `/a` → redirect to `/a/` when that is a folder, `404.html` with status
 * 404 for anything missing, and the headers of `root/_headers` (Netlify / Cloudflare Pages rules).
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
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
    else createReadStream(file).pipe(response);
  });
}
