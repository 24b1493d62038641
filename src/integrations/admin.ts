import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createServer } from 'vite';
import { buildAdmin } from '../../admin/build.ts';
import { cmsConfigYaml, readSettings } from '../../admin/config/cms-config.ts';
import { ADMIN_BASE, adminViteConfig } from '../../admin/vite.config.ts';
import { resolveContentDir } from '../content-model/content-dir.ts';

/**
 * The Decap CMS admin at `/admin/`: built with its own Vite configuration into the site's
 * output after the site build, and served by a second Vite server (middleware mode) inside
 * `astro dev`. Its `config.yml` is generated from the schemas and the settings of the
 * content folder being built (`SZPALTA_CONTENT_DIR`, default `content/`).
 */
export default function admin(): AstroIntegration {
  let contentDir = resolve('content');
  let cacheDir: string | undefined;
  return {
    name: 'szpalta:admin',
    hooks: {
      'astro:config:setup': ({ config }) => {
        contentDir = resolveContentDir(fileURLToPath(config.root));
        // Beside Astro's caches: a rebuild copies the admin when its sources and dependencies are unchanged.
        cacheDir = fileURLToPath(new URL('admin/', config.cacheDir));
      },
      // Vite is imported with the module (admin/build.ts loads it anyway): a dynamic import here
      // goes through the config's module runner, which a build may already have closed when it
      // runs this hook for its content-sync server ("Vite module runner has been closed").
      'astro:server:setup': async ({ server, logger }) => {
        const admin = await createServer({
          ...adminViteConfig({ mode: 'development' }),
          appType: 'spa',
          // Without HMR, Vite's client script in the dev admin page still tries its WebSocket
          // (ws://127.0.0.1:24678, Vite's default port in middleware mode); the admin's CSP refuses
          // it and the console reports that. Development only: nothing in the admin depends on it.
          server: { middlewareMode: true, hmr: false },
        });
        server.httpServer?.once('close', () => void admin.close());
        const serveAdmin = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
          const path = (request.url ?? '/').split('?')[0] ?? '/';
          if (path === ADMIN_BASE.slice(0, -1)) {
            response.writeHead(301, { location: ADMIN_BASE }).end();
            return;
          }
          if (!path.startsWith(ADMIN_BASE)) {
            next();
            return;
          }
          if (path === `${ADMIN_BASE}favicon.svg`) {
            // The admin page points at the site's icon; in dev the admin's Vite puts its base in front.
            request.url = '/favicon.svg';
            next();
            return;
          }
          if (path === `${ADMIN_BASE}config.yml`) {
            try {
              // Generated on every request, so schema and settings edits show after a reload.
              const yaml = cmsConfigYaml({ settings: readSettings(contentDir) });
              response.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8', 'cache-control': 'no-store' }).end(yaml);
            } catch (error) {
              logger.error(`config.yml: ${error instanceof Error ? error.message : String(error)}`);
              next(error);
            }
            return;
          }
          admin.middlewares(request, response, next);
        };
        // Astro puts its own middlewares (trailing-slash and route guards, which would refuse
        // `/admin/@vite/client`) in front of every other once the server is created; the admin
        // goes in front of those when the server starts listening.
        server.httpServer?.once('listening', () => server.middlewares.stack.unshift({ route: '', handle: serveAdmin }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(new URL('admin/', dir));
        await buildAdmin({ outDir, contentDir, ...(cacheDir ? { cacheDir } : {}), warn: (message) => logger.warn(message) });
        logger.info(`admin built into ${outDir}`);
      },
    },
  };
}
